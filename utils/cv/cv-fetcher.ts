/**
 * Fetches CVs through Linkup's `get_cv`, one request at a time through the shared queue and
 * retry policy, and stores each one whole (one put) or not at all. A stored CV is never asked
 * for again, so it is never paid for twice.
 */
import { cvSummary, getCv, listCvIds, putCv } from '../db/cvs';
import type { PanelDb } from '../db/schema';
import type { CvRecord, CvSummary } from '../db/types';
import type { LinkupClient } from '../linkup/client';
import { type ErrorInfo, isLinkupError, LinkupError, type LinkupErrorKind } from '../linkup/errors';
import type { RequestQueue } from '../linkup/queue';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withRetry } from '../linkup/retry';
import type { LinkupCv } from '../linkup/types';
import { CvJobGoneError, cvErrorInfo } from './messages';
import { CV_TYPES, cvFilename, isEmptyPayload, sniffCv } from './sniff';

/** A CV takes about 9 s; after a minute Linkup is not going to send it. */
export const CV_TIMEOUT_MS = 60_000;
/** How long a "no CV on file" answer is trusted before the same applicant is asked again. */
export const NO_CV_MEMORY_MS = 30 * 60_000;
/** A batch gives up after this many CVs in a row failed for reasons of their own. */
export const MAX_CONSECUTIVE_FAILURES = 3;

/**
 * Failures that belong to one CV (its payload, its ID, LinkedIn refusing that file, a minute
 * without an answer): a batch notes them and goes on. Anything else (key, account, credits,
 * network, Linkup down, storage full) would fail every next CV too, so the batch stops.
 */
const PER_CV_KINDS: ReadonlySet<LinkupErrorKind> = new Set([
  'invalid-response',
  'invalid-params',
  'api-error',
  'timeout',
]);

export type CvStatus = 'stored' | 'already-stored' | 'no-cv';

export interface CvResult {
  status: CvStatus;
  /** The stored CV ('stored', 'already-stored'), without its bytes. */
  record?: CvSummary;
  /** Credits this call consumed (0 when nothing was asked or the fetch was someone else's). */
  credits: number;
}

export interface CvCandidate {
  applicationId: string;
  fullName: string;
}

export type CvBatchStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface CvBatchView {
  jobId: string;
  status: CvBatchStatus;
  /** Distinct applicants asked for. */
  total: number;
  /** Applicants dealt with, whatever the outcome (already stored ones count at once). */
  done: number;
  /** CVs stored by this batch. */
  stored: number;
  /** CVs that were stored before (never requested again). */
  alreadyStored: number;
  noCv: number;
  /** CVs that could not be fetched; the batch went on (see `failures`). */
  failed: number;
  failures: { applicationId: string; error: ErrorInfo }[];
  /** Credits consumed by this batch so far. */
  credits: number;
  /** The applicant whose CV is being fetched. */
  currentId: string | null;
  /** Cancel was asked: the batch ends once the current request has answered. */
  stopping: boolean;
  /** While waiting to retry a transient failure: when the next attempt starts. */
  retryAt: number | null;
  /** Why the batch stopped ('failed'), or the transient failure being retried. */
  error: ErrorInfo | null;
  updatedAt: number;
}

export interface CvFetcherDeps {
  db: () => Promise<PanelDb>;
  /** Throws a 'no-settings' LinkupError when the key or account is missing. */
  client: () => Promise<LinkupClient>;
  queue: RequestQueue;
  now: () => number;
  onProgress: (view: CvBatchView) => void;
  /** A CV of the job was stored: refresh lists, the detail and the storage figures. */
  onData?: (jobId: string) => void;
  /** Linkup charged for a CV (even one that turned out damaged): keeps the all-time total. */
  onCredits?: (credits: number) => void;
  /** Per `get_cv` request; default CV_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Default NO_CV_MEMORY_MS. */
  noCvMemoryMs?: number;
  retry?: {
    policy?: RetryPolicy;
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
    random?: () => number;
  };
}

export interface FetchOneOptions {
  /** Ask Linkup again even if it said "no CV" for this applicant a moment ago. */
  recheck?: boolean;
}

interface Hooks {
  onRetry?: (info: { delayMs: number; error: LinkupError }) => void;
  onCharged?: (credits: number) => void;
}

interface ActiveBatch {
  view: CvBatchView;
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Carries a timeout through `withRetry` untouched: a CV request that timed out may still have
 * been charged, so it is not sent again on its own.
 */
class NoRetry {
  constructor(readonly error: unknown) {}
}

const STORED_MEANWHILE = Symbol('stored-meanwhile');

export class CvFetcher {
  private readonly active = new Map<string, ActiveBatch>();
  private readonly inFlight = new Map<string, Promise<CvResult>>();
  /** Application ID → when Linkup last said it has no CV. Lives as long as the worker. */
  private readonly noCvAt = new Map<string, number>();

  constructor(private readonly deps: CvFetcherDeps) {}

  /**
   * The applicant's CV: 'already-stored' without any request when it is stored, otherwise one
   * `get_cv` through the queue (retried like pulls), stored whole. Rejects with a LinkupError
   * (read it with `cvErrorInfo`) and stores nothing when it fails. `signal` stops a request
   * still waiting in the queue or for a retry; a request already sent is allowed to finish
   * and its CV is kept, since Linkup may charge for it anyway.
   */
  fetchOne(
    jobId: string,
    applicationId: string,
    fullName: string,
    signal?: AbortSignal,
    options: FetchOneOptions = {},
  ): Promise<CvResult> {
    return this.fetchTracked(jobId, applicationId, fullName, signal, options, {});
  }

  /** Whether Linkup said "no CV on file" for this applicant within NO_CV_MEMORY_MS. */
  knownNoCv(applicationId: string): boolean {
    const at = this.noCvAt.get(applicationId);
    if (at === undefined) return false;
    if (this.deps.now() - at < (this.deps.noCvMemoryMs ?? NO_CV_MEMORY_MS)) return true;
    this.noCvAt.delete(applicationId);
    return false;
  }

  forgetNoCv(applicationId: string): void {
    this.noCvAt.delete(applicationId);
  }

  /** The job's running batch, if any. */
  view(jobId: string): CvBatchView | null {
    return this.active.get(jobId)?.view ?? null;
  }

  /**
   * Fetches the CVs of `candidates` one at a time, skipping those already stored; joins the
   * job's batch instead when one is running. Progress goes to `onProgress`.
   */
  fetchMany(jobId: string, candidates: readonly CvCandidate[]): CvBatchView {
    const existing = this.active.get(jobId);
    if (existing) return existing.view;
    const seen = new Set<string>();
    const list: CvCandidate[] = [];
    for (const c of candidates) {
      if (!c.applicationId || seen.has(c.applicationId)) continue;
      seen.add(c.applicationId);
      list.push(c);
    }
    const entry: ActiveBatch = {
      controller: new AbortController(),
      view: {
        jobId,
        status: 'running',
        total: list.length,
        done: 0,
        stored: 0,
        alreadyStored: 0,
        noCv: 0,
        failed: 0,
        failures: [],
        credits: 0,
        currentId: null,
        stopping: false,
        retryAt: null,
        error: null,
        updatedAt: this.deps.now(),
      },
      done: Promise.resolve(),
    };
    this.active.set(jobId, entry);
    this.deps.onProgress(entry.view);
    entry.done = this.runBatch(jobId, entry, list);
    return entry.view;
  }

  /** Stops the job's batch once the current request has answered; what was stored stays. */
  cancel(jobId: string): boolean {
    const entry = this.active.get(jobId);
    if (!entry) return false;
    if (!entry.controller.signal.aborted) {
      entry.controller.abort();
      this.publish(entry, { stopping: true });
    }
    return true;
  }

  /** Waits until every batch has ended (tests). */
  async idle(): Promise<void> {
    while (this.active.size > 0) await Promise.all([...this.active.values()].map((a) => a.done));
  }

  private publish(entry: ActiveBatch, change: Partial<CvBatchView>): void {
    entry.view = { ...entry.view, ...change, updatedAt: this.deps.now() };
    this.deps.onProgress(entry.view);
  }

  private async runBatch(jobId: string, entry: ActiveBatch, list: CvCandidate[]): Promise<void> {
    const signal = entry.controller.signal;
    let consecutiveFailures = 0;
    try {
      const db = await this.deps.db();
      const stored = await listCvIds(db, jobId);
      const alreadyStored = list.filter((c) => stored.has(c.applicationId)).length;
      if (alreadyStored > 0) this.publish(entry, { alreadyStored, done: alreadyStored });

      for (const candidate of list) {
        if (stored.has(candidate.applicationId)) continue;
        if (signal.aborted) throw new LinkupError('cancelled', 'Batch cancelled');
        this.publish(entry, { currentId: candidate.applicationId });
        try {
          const result = await this.fetchTracked(
            jobId,
            candidate.applicationId,
            candidate.fullName,
            signal,
            {},
            {
              onRetry: ({ delayMs, error }) =>
                this.publish(entry, {
                  retryAt: this.deps.now() + delayMs,
                  error: cvErrorInfo(error),
                }),
              onCharged: (credits) =>
                this.publish(entry, { credits: entry.view.credits + credits }),
            },
          );
          consecutiveFailures = 0;
          const v = entry.view;
          this.publish(entry, {
            done: v.done + 1,
            stored: v.stored + (result.status === 'stored' ? 1 : 0),
            alreadyStored: v.alreadyStored + (result.status === 'already-stored' ? 1 : 0),
            noCv: v.noCv + (result.status === 'no-cv' ? 1 : 0),
            retryAt: null,
            error: null,
          });
        } catch (error) {
          if (!isPerCvFailure(error)) throw error;
          consecutiveFailures += 1;
          const v = entry.view;
          this.publish(entry, {
            done: v.done + 1,
            failed: v.failed + 1,
            failures: [
              ...v.failures,
              { applicationId: candidate.applicationId, error: cvErrorInfo(error) },
            ],
            retryAt: null,
            error: null,
          });
          if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) throw error;
        }
      }
      this.publish(entry, { status: 'done', currentId: null, stopping: false });
    } catch (error) {
      const info = cvErrorInfo(error);
      const cancelled = info.kind === 'cancelled';
      this.publish(entry, {
        status: cancelled ? 'cancelled' : 'failed',
        error: cancelled ? null : info,
        currentId: null,
        stopping: false,
        retryAt: null,
      });
    } finally {
      this.active.delete(jobId);
    }
  }

  /** One fetch per applicant at a time: a second caller waits for the first one's answer. */
  private fetchTracked(
    jobId: string,
    applicationId: string,
    fullName: string,
    signal: AbortSignal | undefined,
    options: FetchOneOptions,
    hooks: Hooks,
  ): Promise<CvResult> {
    const running = this.inFlight.get(applicationId);
    if (running) {
      // Someone else's request: it was not this caller's to pay for, nor to store.
      const joined = running.then(
        (result): CvResult => ({
          ...result,
          status: result.status === 'stored' ? 'already-stored' : result.status,
          credits: 0,
        }),
      );
      return signal ? raceAbort(joined, signal) : joined;
    }
    const fetching = this.fetchFresh(jobId, applicationId, fullName, signal, options, hooks);
    this.inFlight.set(applicationId, fetching);
    const forget = () => {
      if (this.inFlight.get(applicationId) === fetching) this.inFlight.delete(applicationId);
    };
    fetching.then(forget, forget);
    return fetching;
  }

  private async fetchFresh(
    jobId: string,
    applicationId: string,
    fullName: string,
    signal: AbortSignal | undefined,
    options: FetchOneOptions,
    hooks: Hooks,
  ): Promise<CvResult> {
    const { deps } = this;
    if (signal?.aborted) throw new LinkupError('cancelled', 'Cancelled');
    const db = await deps.db();
    const existing = await getCv(db, applicationId);
    if (existing) return { status: 'already-stored', record: cvSummary(existing), credits: 0 };
    if (!options.recheck && this.knownNoCv(applicationId)) return { status: 'no-cv', credits: 0 };
    const client = await deps.client();

    const answer = await this.request(db, client, applicationId, signal, hooks);
    if (answer === STORED_MEANWHILE) {
      const record = await getCv(db, applicationId);
      return { status: 'already-stored', record: record && cvSummary(record), credits: 0 };
    }
    if (answer === null) {
      // The client reports no credits for a "no CV" answer (see the report to the lead).
      this.noCvAt.set(applicationId, deps.now());
      return { status: 'no-cv', credits: 0 };
    }
    const credits = answer.creditsConsumed;
    if (credits > 0) {
      deps.onCredits?.(credits);
      hooks.onCharged?.(credits);
    }
    if (isEmptyPayload(answer.content)) {
      throw new LinkupError('invalid-response', 'The CV payload holds no document');
    }
    const kind = sniffCv(answer.content);
    const record: CvRecord = {
      applicationId,
      jobId,
      kind,
      mime: CV_TYPES[kind].mime,
      filename: cvFilename(fullName, applicationId, kind),
      size: answer.content.byteLength,
      // A copy of exactly these bytes, never a view into a larger buffer.
      bytes: answer.content.slice().buffer,
      fetchedAt: deps.now(),
      creditsConsumed: credits,
    };
    if (!(await putCv(db, record))) throw new CvJobGoneError(jobId);
    this.noCvAt.delete(applicationId);
    deps.onData?.(jobId);
    return { status: 'stored', record: cvSummary(record), credits };
  }

  /** `get_cv` through the queue and the retry policy; a timeout is final. */
  private async request(
    db: PanelDb,
    client: LinkupClient,
    applicationId: string,
    signal: AbortSignal | undefined,
    hooks: Hooks,
  ): Promise<LinkupCv | null | typeof STORED_MEANWHILE> {
    const { deps } = this;
    try {
      return await withRetry(
        async () => {
          try {
            return await deps.queue.run(async () => {
              // Stored while this request waited (another page, another worker): do not pay.
              if ((await db.getKey('cvs', applicationId)) !== undefined) return STORED_MEANWHILE;
              return this.timedGetCv(client, applicationId);
            }, signal);
          } catch (error) {
            if (isLinkupError(error) && error.kind === 'timeout') throw new NoRetry(error);
            throw error;
          }
        },
        {
          policy: deps.retry?.policy ?? DEFAULT_RETRY_POLICY,
          signal,
          sleep: deps.retry?.sleep,
          random: deps.retry?.random,
          onRetry: hooks.onRetry,
        },
      );
    } catch (error) {
      if (error instanceof NoRetry) throw error.error;
      throw error;
    }
  }

  /**
   * One `get_cv` with its own deadline. The caller's cancel is not passed on: a request already
   * sent is let finish, so a CV Linkup may have charged for is not thrown away.
   */
  private async timedGetCv(client: LinkupClient, applicationId: string): Promise<LinkupCv | null> {
    const timeoutMs = this.deps.timeoutMs ?? CV_TIMEOUT_MS;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new LinkupError('timeout', `No CV within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([client.getCv(applicationId, controller.signal), deadline]);
    } catch (error) {
      if (controller.signal.aborted) {
        throw new LinkupError('timeout', `No CV within ${timeoutMs} ms`);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

function isPerCvFailure(error: unknown): boolean {
  return isLinkupError(error) && PER_CV_KINDS.has(error.kind);
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new LinkupError('cancelled', 'Cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new LinkupError('cancelled', 'Cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
