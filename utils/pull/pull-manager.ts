import { startFreshPull } from '../db/jobs';
import { getPull, listUnfinishedPulls, putPull } from '../db/pulls';
import { finishPull, readKnown, writePage } from '../db/pulls-write';
import type { PanelDb } from '../db/schema';
import type { PullRecord } from '../db/types';
import type { LinkupClient } from '../linkup/client';
import { type ErrorInfo, LinkupError, toErrorInfo } from '../linkup/errors';
import { PAGE_SIZE, pageThrough } from '../linkup/pagination';
import type { RequestQueue } from '../linkup/queue';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withRetry } from '../linkup/retry';
import type { PullView } from '../messages';
import { pullViewOf } from './view';

export interface PullDeps {
  db: () => Promise<PanelDb>;
  /** Throws a 'no-settings' LinkupError when the key or account is missing. */
  client: () => Promise<LinkupClient>;
  queue: RequestQueue;
  now: () => number;
  /** Ask before a pull would cost more than this many credits (0: never ask). */
  creditGuard: () => Promise<number>;
  onProgress: (view: PullView) => void;
  /** Candidates of the job were written: refresh counts and badges. */
  onData: (jobId: string) => void;
  /** Linkup charged for a page: keeps the all-time total. */
  onCredits?: (credits: number) => void;
  retry?: {
    policy?: RetryPolicy;
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
    random?: () => number;
  };
  newId?: () => string;
}

interface ActivePull {
  view: PullView;
  controller: AbortController;
  done: Promise<void>;
  /** Resolves a pause for the credit guard: true goes on, false stops. */
  decide?: (proceed: boolean) => void;
}

/**
 * Runs pulls: one job at a time (others queue), every page written in one transaction and the
 * pull's progress stored with it, so a stopped worker resumes from the next unfetched offset.
 */
export class PullManager {
  private readonly active = new Map<string, ActivePull>();
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly deps: PullDeps) {}

  /** A pull is fetching or waiting its turn (a pause for the credit guard is not busy). */
  get busy(): boolean {
    return [...this.active.values()].some((a) => a.view.status !== 'paused');
  }

  view(jobId: string): PullView | null {
    return this.active.get(jobId)?.view ?? null;
  }

  /** Starts a pull of the job, or joins the one already running or queued. */
  start(jobId: string, resumeFrom?: PullRecord): PullView {
    const existing = this.active.get(jobId);
    if (existing) return existing.view;
    const controller = new AbortController();
    const entry: ActivePull = {
      controller,
      view: this.makeView(jobId, 'queued', resumeFrom),
      done: Promise.resolve(),
    };
    this.active.set(jobId, entry);
    entry.done = this.tail.then(() => this.run(jobId, entry, resumeFrom));
    this.tail = entry.done.catch(() => {});
    this.deps.onProgress(entry.view);
    return entry.view;
  }

  /** Stops after the current request; every whole page already written stays. */
  cancel(jobId: string): boolean {
    const entry = this.active.get(jobId);
    if (!entry) return false;
    entry.controller.abort();
    entry.decide?.(false);
    // A queued pull has fetched nothing: say so now, not when the pull ahead of it ends.
    if (entry.view.status === 'queued') {
      this.publish(entry, { ...entry.view, status: 'cancelled', updatedAt: this.deps.now() });
    }
    return true;
  }

  /** The answer to a credit-guard pause. */
  async decide(jobId: string, proceed: boolean): Promise<PullView | null> {
    const entry = this.active.get(jobId);
    if (entry?.decide) {
      entry.decide(proceed);
      return entry.view;
    }
    // The worker restarted while paused: the pause lives only in the database.
    const db = await this.deps.db();
    const stored = await getPull(db, jobId);
    if (stored?.status !== 'paused') return null;
    if (proceed) return this.start(jobId, { ...stored, status: 'running' });
    const now = this.deps.now();
    await finishPull(db, {
      pull: { ...stored, status: 'cancelled', updatedAt: now },
      complete: false,
      now,
    });
    const view = this.viewOf(stored, 'cancelled', null);
    this.deps.onProgress(view);
    return view;
  }

  /** After a worker restart: go on with every pull that was running when it stopped. */
  async resumeUnfinished(): Promise<void> {
    const db = await this.deps.db();
    for (const pull of await listUnfinishedPulls(db)) {
      if (pull.status === 'running') this.start(pull.jobId, pull);
    }
  }

  /** Waits until every started pull has ended (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.active.size > 0) await Promise.all([...this.active.values()].map((a) => a.done));
  }

  private makeView(jobId: string, status: PullView['status'], from?: PullRecord): PullView {
    return {
      jobId,
      status,
      fetched: from?.fetched ?? 0,
      total: from?.total ?? null,
      skipped: from?.skipped ?? 0,
      credits: from?.credits ?? 0,
      estimatedCost: null,
      retryAt: null,
      error: null,
      noLongerListed: 0,
      updatedAt: this.deps.now(),
    };
  }

  private viewOf(pull: PullRecord, status: PullView['status'], error: ErrorInfo | null) {
    return pullViewOf(pull, status, error);
  }

  private publish(entry: ActivePull, view: PullView) {
    entry.view = view;
    this.deps.onProgress(view);
  }

  private async run(jobId: string, entry: ActivePull, resumeFrom?: PullRecord): Promise<void> {
    const { deps } = this;
    const signal = entry.controller.signal;
    const db = await deps.db();
    const now = deps.now();
    let pull: PullRecord = resumeFrom ?? {
      jobId,
      pullId: deps.newId?.() ?? crypto.randomUUID(),
      status: 'running',
      nextOffset: 0,
      pageSize: PAGE_SIZE,
      total: null,
      fetched: 0,
      skipped: 0,
      credits: 0,
      startedAt: now,
      updatedAt: now,
      error: null,
    };
    let guardAsked = resumeFrom !== undefined && resumeFrom.fetched > 0;
    try {
      if (signal.aborted) throw new LinkupError('cancelled', 'Cancelled');
      const client = await deps.client();
      if (!resumeFrom) await startFreshPull(db, jobId, now);
      // Read once, so each page is written without reading the job (see writePage).
      const known = await readKnown(db, jobId);
      pull = { ...pull, status: 'running', updatedAt: now, error: null };
      await putPull(db, pull);
      this.publish(entry, this.viewOf(pull, 'running', null));

      // One pagination rule for the whole extension: pageThrough follows next_offset, stops on
      // an empty page, and refuses an API that says "more" without moving forward (which
      // would loop and bill forever).
      const fetchPage = (offset: number) =>
        withRetry(
          () =>
            deps.queue.run(
              () => client.getCandidates({ jobId, offset, count: pull.pageSize }, signal),
              signal,
            ),
          {
            policy: deps.retry?.policy ?? DEFAULT_RETRY_POLICY,
            signal,
            sleep: deps.retry?.sleep,
            random: deps.retry?.random,
            onRetry: ({ delayMs, error }) =>
              this.publish(entry, {
                ...entry.view,
                retryAt: deps.now() + delayMs,
                error: toErrorInfo(error),
                updatedAt: deps.now(),
              }),
          },
        );
      let exhausted = false;
      for await (const page of pageThrough(fetchPage, pull.nextOffset)) {
        const offset = page.offset;
        const received = page.candidates.length + page.skipped;
        const advanced = page.nextOffset ?? offset + received;
        const hasMore = page.hasMore && page.nextOffset !== null && received > 0;
        // Only a page that says "no more" makes the pull complete (and marks the rest no
        // longer listed); a stop for any other reason leaves them as they were.
        exhausted = !page.hasMore;
        const at = deps.now();
        pull = {
          ...pull,
          nextOffset: advanced,
          total: page.totalAvailable ?? pull.total ?? (hasMore ? null : pull.fetched + received),
          fetched: pull.fetched + received,
          skipped: pull.skipped + page.skipped,
          credits: pull.credits + page.creditsConsumed,
          updatedAt: at,
        };
        await writePage(db, {
          jobId,
          pull,
          candidates: page.candidates,
          offset,
          totalAvailable: page.totalAvailable,
          creditsConsumed: page.creditsConsumed,
          now: at,
          known,
        });
        deps.onData(jobId);
        if (page.creditsConsumed > 0) deps.onCredits?.(page.creditsConsumed);
        this.publish(entry, this.viewOf(pull, 'running', null));

        if (hasMore && !guardAsked) {
          guardAsked = true;
          const guard = await deps.creditGuard();
          const view = this.viewOf(pull, 'paused', null);
          if (guard > 0 && (view.estimatedCost ?? 0) > guard) {
            pull = { ...pull, status: 'paused' };
            await putPull(db, pull);
            const proceed = await new Promise<boolean>((resolve) => {
              // Cancel may come before or during the question: both mean "stop".
              if (signal.aborted) return resolve(false);
              signal.addEventListener('abort', () => resolve(false), { once: true });
              entry.decide = resolve;
              this.publish(entry, view);
            });
            entry.decide = undefined;
            if (!proceed) throw new LinkupError('cancelled', 'Stopped at the credit guard');
            pull = { ...pull, status: 'running', updatedAt: deps.now() };
            await putPull(db, pull);
            this.publish(entry, this.viewOf(pull, 'running', null));
          }
        }
      }
      const end = deps.now();
      pull = { ...pull, status: 'done', updatedAt: end };
      const { noLongerListed } = await finishPull(db, { pull, complete: exhausted, now: end });
      deps.onData(jobId);
      this.publish(entry, { ...this.viewOf(pull, 'done', null), noLongerListed });
    } catch (error) {
      const info = toErrorInfo(error);
      const status = info.kind === 'cancelled' ? 'cancelled' : 'failed';
      const end = deps.now();
      pull = { ...pull, status, updatedAt: end, error: { kind: info.kind, message: info.message } };
      // Even if the final write fails (disk full), the panel must learn that the pull ended.
      await finishPull(db, { pull, complete: false, now: end }).catch(() => {});
      deps.onData(jobId);
      this.publish(entry, this.viewOf(pull, status, status === 'cancelled' ? null : info));
    } finally {
      this.active.delete(jobId);
    }
  }
}
