import { type Browser, browser } from 'wxt/browser';
import { CvFetcher } from '../cv/cv-fetcher';
import { cvErrorInfo } from '../cv/messages';
import { ensureJob, getJob } from '../db/jobs';
import { getPanelDb } from '../db/open';
import { recordCredits } from '../db/pulls-write';
import { detectJobFromUrl } from '../linkedin/detect';
import { toErrorInfo } from '../linkup/errors';
import { RequestQueue } from '../linkup/queue';
import { withRetry } from '../linkup/retry';
import {
  type Broadcast,
  type CurrentJob,
  jobDetectedSchema,
  type PageRequest,
  type PullView,
  pageRequestSchema,
  type Result,
} from '../messages';
import { PullManager } from '../pull/pull-manager';
import { addCreditsSpent, creditGuardItem, tabJobsItem } from '../settings';
import { TabJobs } from '../tab-jobs';
import { setTabBadge } from './badge';
import { savedClient, savedKeyClient, testConnection } from './linkup-service';
import { isExtensionPage, isLinkedInContentScript, isLinkedInUrl } from './senders';

/**
 * The background's state and handlers. Everything the worker knows survives a restart: tab
 * jobs in session storage, pulls in IndexedDB.
 */
export class BackgroundService {
  private tabs = new TabJobs();
  private readonly loaded: Promise<void>;
  readonly queue = new RequestQueue();
  readonly pulls: PullManager;
  readonly cvs: CvFetcher;

  constructor() {
    this.cvs = this.makeCvFetcher();
    this.loaded = tabJobsItem.getValue().then((snap) => {
      this.tabs = TabJobs.from(snap);
    });
    this.pulls = new PullManager({
      db: getPanelDb,
      client: savedClient,
      queue: this.queue,
      now: Date.now,
      creditGuard: () => creditGuardItem.getValue(),
      onProgress: (pull) => this.broadcast({ type: 'pull-progress', pull }),
      onCredits: (credits) => void this.countCredits(credits),
      onData: (jobId) => {
        this.broadcast({ type: 'data-changed', jobId });
        void this.refreshBadges(jobId);
      },
    });
  }

  private makeCvFetcher() {
    return new CvFetcher({
      db: getPanelDb,
      client: savedClient,
      // The same queue as pulls: one Linkup request at a time across the extension.
      queue: this.queue,
      now: Date.now,
      onProgress: (view) => this.broadcast({ type: 'cv-progress', batch: view }),
      onData: (jobId) => this.broadcast({ type: 'data-changed', jobId }),
      onCredits: (credits) => void this.countCredits(credits),
    });
  }

  /**
   * Chrome stops an idle worker after 30 s even while a slow Linkup answer (a CV takes up to
   * a minute) is on its way; any extension API call counts as activity.
   */
  private keepAliveWhileBusy() {
    setInterval(() => {
      if (this.queue.pending > 0 || this.pulls.busy) void browser.runtime.getPlatformInfo();
    }, 20_000);
  }

  async start() {
    this.keepAliveWhileBusy();
    await this.loaded;
    await this.pulls.resumeUnfinished();
  }

  /** Writes of the running total are chained so two pages never lose an increment. */
  private creditWrites: Promise<void> = Promise.resolve();
  private countCredits(credits: number) {
    this.creditWrites = this.creditWrites.then(() => addCreditsSpent(credits)).catch(() => {});
    return this.creditWrites;
  }

  broadcast(message: Broadcast) {
    // No page listening is normal (panel closed): nothing to deliver.
    browser.runtime.sendMessage(message).catch(() => {});
  }

  private async save() {
    await tabJobsItem.setValue(this.tabs.snapshot());
  }

  async refreshBadges(jobId: string) {
    const job = await getJob(await getPanelDb(), jobId);
    await Promise.all(this.tabs.tabsShowing(jobId).map((t) => setTabBadge(t.tabId, job, true)));
  }

  private async badgeFor(tabId: number, jobId: string | null) {
    const job = jobId ? await getJob(await getPanelDb(), jobId) : undefined;
    await setTabBadge(tabId, job, jobId !== null);
  }

  // --- tabs -------------------------------------------------------------------------------

  async onJobDetected(message: unknown, sender: Browser.runtime.MessageSender) {
    await this.loaded;
    const parsed = jobDetectedSchema.safeParse(message);
    const tab = sender.tab;
    if (!parsed.success || !tab?.id || tab.windowId === undefined) return;
    if (tab.active) this.tabs.activate(tab.id, tab.windowId, Date.now());
    const changed = this.tabs.report(
      tab.id,
      tab.windowId,
      parsed.data.jobId,
      parsed.data.title,
      Date.now(),
    );
    if (!changed) return;
    await this.save();
    if (parsed.data.jobId) {
      const db = await getPanelDb();
      const job = await getJob(db, parsed.data.jobId);
      // Remember the title for the jobs list, but only for jobs the user has pulled.
      if (job && parsed.data.title && job.title !== parsed.data.title) {
        await ensureJob(db, parsed.data.jobId, { title: parsed.data.title }, Date.now());
      }
    }
    await this.badgeFor(tab.id, parsed.data.jobId);
    this.broadcast({ type: 'current-job-changed', windowId: tab.windowId });
  }

  async onActivated(tabId: number, windowId: number) {
    await this.loaded;
    this.tabs.activate(tabId, windowId, Date.now());
    await this.save();
    this.broadcast({ type: 'current-job-changed', windowId });
  }

  async onTabUpdated(tabId: number, url: string | undefined, windowId: number) {
    await this.loaded;
    // Only a move away from LinkedIn clears the tab (its URL is then hidden from us, or not
    // LinkedIn's); LinkedIn's own navigation is reported by the content script.
    if (isLinkedInUrl(url)) return;
    if (this.tabs.forget(tabId)) {
      await this.save();
      await this.badgeFor(tabId, null);
      this.broadcast({ type: 'current-job-changed', windowId });
    }
  }

  async onTabRemoved(tabId: number, windowId: number) {
    await this.loaded;
    if (this.tabs.forget(tabId)) {
      await this.save();
      this.broadcast({ type: 'current-job-changed', windowId });
    }
  }

  /**
   * After an install or update, LinkedIn tabs already open have no content script (and
   * session storage was cleared): read their jobs from their URLs until they report.
   */
  async adoptOpenTabs() {
    await this.loaded;
    const tabs = await browser.tabs.query({ url: '*://*.linkedin.com/*' });
    for (const tab of tabs) {
      if (tab.id === undefined || !isLinkedInUrl(tab.url)) continue;
      const jobId = detectJobFromUrl(tab.url ?? '')?.jobId ?? null;
      if (tab.active) this.tabs.activate(tab.id, tab.windowId, Date.now());
      this.tabs.report(tab.id, tab.windowId, jobId, null, Date.now());
      await this.badgeFor(tab.id, jobId);
    }
    await this.save();
  }

  async currentJob(windowId: number): Promise<CurrentJob> {
    await this.loaded;
    const tab = this.tabs.currentFor(windowId);
    return { jobId: tab?.jobId ?? null, title: tab?.title ?? null, tabId: tab?.tabId ?? null };
  }

  // --- messages ---------------------------------------------------------------------------

  /** Routes a runtime message after checking who sent it; anything else gets no answer. */
  onMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
    const id = browser.runtime.id;
    if (isLinkedInContentScript(sender, id)) {
      // A content script can report a job and nothing else; the answer only says it arrived.
      return this.onJobDetected(message, sender).then(() => true);
    }
    if (!isExtensionPage(sender, id, browser.runtime.getURL('/'))) return undefined;
    const parsed = pageRequestSchema.safeParse(message);
    if (!parsed.success) return undefined;
    return this.handle(parsed.data);
  }

  private async handle(request: PageRequest): Promise<unknown> {
    switch (request.type) {
      case 'get-current-job':
        return this.currentJob(request.windowId);
      case 'pull':
        return ok(await this.pullView(request.jobId, true));
      case 'cancel-pull':
        // A pull paused at the credit guard before the worker restarted lives only in the
        // database: stopping it is the guard's "Stop".
        if (!this.pulls.cancel(request.jobId))
          return ok(await this.pulls.decide(request.jobId, false));
        return ok(await this.pullView(request.jobId, false));
      case 'pull-decision':
        return ok(await this.pulls.decide(request.jobId, request.proceed));
      case 'get-credits':
        return attempt(async () => (await savedKeyClient()).getCredits());
      case 'list-accounts':
        return attempt(async () => (await savedKeyClient()).listAccounts());
      case 'test-connection':
        return attempt(() => testConnection(request.accountId.trim()));
      case 'check-new':
        return attempt(() => this.checkNew(request.jobId));
      case 'cv-fetch':
        try {
          const { status, credits } = await this.cvs.fetchOne(
            request.jobId,
            request.applicationId,
            request.fullName,
          );
          return ok({ status, credits });
        } catch (error) {
          return { ok: false, error: cvErrorInfo(error) };
        }
      case 'cv-fetch-many':
        return ok(this.cvs.fetchMany(request.jobId, request.candidates));
      case 'cv-cancel':
        this.cvs.cancel(request.jobId);
        return ok(this.cvs.view(request.jobId));
    }
  }

  private async pullView(jobId: string, start: boolean): Promise<PullView | null> {
    if (start) {
      // The jobs list names jobs by the title their LinkedIn page showed.
      const title = this.tabs.titleOf(jobId);
      if (title) await ensureJob(await getPanelDb(), jobId, { title }, Date.now());
      return this.pulls.start(jobId);
    }
    return this.pulls.view(jobId);
  }

  /**
   * "Check for new applicants": the smallest request that costs 1 credit (count 10)
   * reads the job's total without touching the cache.
   */
  private async checkNew(jobId: string) {
    const client = await savedClient();
    const db = await getPanelDb();
    const page = await withRetry(() =>
      // 10, not 1: the same single credit, and every page size stays a multiple of 10.
      this.queue.run(() => client.getCandidates({ jobId, offset: 0, count: 10 })),
    );
    await recordCredits(db, jobId, page.creditsConsumed);
    if (page.creditsConsumed > 0) await this.countCredits(page.creditsConsumed);
    const job = await getJob(db, jobId);
    const total = page.totalAvailable;
    const newCount = total === null ? 0 : Math.max(0, total - (job?.cachedCount ?? 0));
    this.broadcast({ type: 'data-changed', jobId });
    return { totalAvailable: total, newCount, credits: page.creditsConsumed };
  }
}

function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

async function attempt<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
