/**
 * Retries of transient Linkup failures (429, 5xx, network, timeout) with exponential backoff
 * and jitter, inside a time budget so the user sees an alert within about 30 s. Answers that
 * will not change by asking again (400, 402, 403, 404, cancel, unreadable data) are never
 * retried: they cost nothing but they waste the user's time.
 */
import { LinkupError } from './errors';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Backoff before the second attempt; doubles for each further attempt. */
  baseDelayMs: number;
  /** Cap of the exponential backoff (not of a server's `Retry-After`). */
  maxDelayMs: number;
  /** Time from the first attempt after which no new attempt starts. */
  budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 10_000,
  budgetMs: 30_000,
};

/**
 * Delay before the attempt after `attempt` (1-based) failed with `error`. "Equal jitter":
 * uniformly between half and all of the capped exponential step, so concurrent clients
 * spread out yet never hammer at once. A `Retry-After` wins when it is longer; the result
 * never exceeds the policy's whole budget (`withRetry` caps it to what is left).
 */
export function retryDelayMs(
  attempt: number,
  error: LinkupError,
  policy: RetryPolicy,
  random: () => number,
): number {
  const exponent = Math.max(0, attempt - 1);
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const jittered = step / 2 + (step / 2) * clamp01(random());
  const delay = Math.max(error.retryAfterMs ?? 0, jittered);
  return Math.round(Math.min(delay, policy.budgetMs));
}

export interface WithRetryOptions {
  policy?: RetryPolicy;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: LinkupError }) => void;
}

/**
 * Runs `fn(attempt)` (attempt 1, 2, ...) until it succeeds, fails with something not worth
 * retrying, or the attempts or the time budget run out; then the last error is rethrown.
 * A cancel while waiting rejects with a `cancelled` LinkupError.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: WithRetryOptions = {},
): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const { signal } = options;
  const started = now();

  for (let attempt = 1; ; attempt += 1) {
    if (signal?.aborted) throw new LinkupError('cancelled');
    try {
      return await fn(attempt);
    } catch (error) {
      if (!(error instanceof LinkupError) || !error.retryable) throw error;
      if (signal?.aborted) throw new LinkupError('cancelled');
      if (attempt >= policy.maxAttempts) throw error;
      const remaining = policy.budgetMs - (now() - started);
      if (remaining <= 0) throw error;
      const delayMs = Math.min(retryDelayMs(attempt, error, policy, random), remaining);
      options.onRetry?.({ attempt, delayMs, error });
      try {
        await sleep(delayMs, signal);
      } catch (sleepError) {
        if (signal?.aborted) throw new LinkupError('cancelled');
        throw sleepError;
      }
      if (signal?.aborted) throw new LinkupError('cancelled');
    }
  }
}

/** `setTimeout` as a promise that rejects with a `cancelled` LinkupError on abort. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new LinkupError('cancelled'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new LinkupError('cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}
