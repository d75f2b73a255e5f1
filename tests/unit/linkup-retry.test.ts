import { describe, expect, it, vi } from 'vitest';
import { LinkupError, type LinkupErrorKind } from '../../utils/linkup/errors';
import {
  abortableSleep,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  retryDelayMs,
  withRetry,
} from '../../utils/linkup/retry';

const policy = DEFAULT_RETRY_POLICY;

/** A clock that only moves when the code under test sleeps (or a test moves it). */
function fakeTime() {
  let time = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    sleeps,
    sleep: vi.fn(async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    }),
    totalSlept: () => sleeps.reduce((sum, ms) => sum + ms, 0),
  };
}

function failing(error: LinkupError) {
  return vi.fn(async (_attempt: number): Promise<string> => {
    throw error;
  });
}

describe('DEFAULT_RETRY_POLICY', () => {
  it('gives up within about 30 s', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({
      maxAttempts: 5,
      baseDelayMs: 1000,
      maxDelayMs: 10_000,
      budgetMs: 30_000,
    });
  });
});

describe('retryDelayMs', () => {
  const serverError = new LinkupError('server-error', { status: 502 });

  it.each([
    [1, 500, 1000],
    [2, 1000, 2000],
    [3, 2000, 4000],
    [4, 4000, 8000],
    [5, 5000, 10_000],
    [9, 5000, 10_000],
  ])('after attempt %i waits between %i and %i ms', (attempt, low, high) => {
    expect(retryDelayMs(attempt, serverError, policy, () => 0)).toBe(low);
    expect(retryDelayMs(attempt, serverError, policy, () => 0.999_999)).toBe(high);
    for (let i = 0; i < 50; i += 1) {
      const delay = retryDelayMs(attempt, serverError, policy, Math.random);
      expect(delay).toBeGreaterThanOrEqual(low);
      expect(delay).toBeLessThanOrEqual(high);
    }
  });

  it('spreads the jitter over the upper half of the step', () => {
    expect(retryDelayMs(3, serverError, policy, () => 0.5)).toBe(3000);
    expect(retryDelayMs(3, serverError, policy, () => 0.25)).toBe(2500);
  });

  it.each([-1, 2, Number.NaN])('clamps an odd random value %d', (value) => {
    const delay = retryDelayMs(1, serverError, policy, () => value);
    expect(delay).toBeGreaterThanOrEqual(500);
    expect(delay).toBeLessThanOrEqual(1000);
  });

  it('honours a longer Retry-After', () => {
    const error = new LinkupError('rate-limited', { status: 429, retryAfterMs: 7000 });
    expect(retryDelayMs(1, error, policy, () => 1)).toBe(7000);
  });

  it('keeps the backoff when Retry-After is shorter', () => {
    const error = new LinkupError('rate-limited', { status: 429, retryAfterMs: 100 });
    expect(retryDelayMs(3, error, policy, () => 0)).toBe(2000);
  });

  it('never exceeds the whole budget, whatever Retry-After says', () => {
    const error = new LinkupError('rate-limited', { status: 429, retryAfterMs: 3_600_000 });
    expect(retryDelayMs(1, error, policy, () => 0)).toBe(30_000);
  });
});

describe('withRetry', () => {
  it('returns the first success without sleeping', async () => {
    const time = fakeTime();
    const fn = vi.fn(async () => 'page');
    await expect(withRetry(fn, { sleep: time.sleep, now: time.now })).resolves.toBe('page');
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith(1);
    expect(time.sleep).not.toHaveBeenCalled();
  });

  it('retries retryable errors with backoff and reports each retry', async () => {
    const time = fakeTime();
    const onRetry = vi.fn();
    const errors = [
      new LinkupError('rate-limited', { status: 429 }),
      new LinkupError('server-error', { status: 503 }),
      new LinkupError('network'),
      new LinkupError('timeout'),
    ];
    const fn = vi.fn(async (attempt: number) => {
      const error = errors[attempt - 1];
      if (error) throw error;
      return attempt;
    });
    const result = await withRetry(fn, {
      sleep: time.sleep,
      now: time.now,
      random: () => 0,
      onRetry,
    });
    expect(result).toBe(5);
    expect(fn.mock.calls.map(([attempt]) => attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(time.sleeps).toEqual([500, 1000, 2000, 4000]);
    expect(onRetry.mock.calls.map(([info]) => info)).toEqual([
      { attempt: 1, delayMs: 500, error: errors[0] },
      { attempt: 2, delayMs: 1000, error: errors[1] },
      { attempt: 3, delayMs: 2000, error: errors[2] },
      { attempt: 4, delayMs: 4000, error: errors[3] },
    ]);
  });

  it('passes the signal to sleep', async () => {
    const time = fakeTime();
    const controller = new AbortController();
    const fn = vi
      .fn<(attempt: number) => Promise<string>>()
      .mockRejectedValueOnce(new LinkupError('network'))
      .mockResolvedValue('ok');
    await withRetry(fn, { sleep: time.sleep, now: time.now, signal: controller.signal });
    expect(time.sleep).toHaveBeenCalledWith(expect.any(Number), controller.signal);
  });

  it('rethrows the last error after maxAttempts', async () => {
    const time = fakeTime();
    const last = new LinkupError('server-error', { status: 500 });
    const fn = vi
      .fn<(attempt: number) => Promise<string>>()
      .mockRejectedValueOnce(new LinkupError('network'))
      .mockRejectedValue(last);
    await expect(withRetry(fn, { sleep: time.sleep, now: time.now })).rejects.toBe(last);
    expect(fn).toHaveBeenCalledTimes(5);
    expect(time.sleep).toHaveBeenCalledTimes(4);
  });

  it.each([0, 0.5, 1])(
    'keeps the total wait within the 30 s budget (random %d)',
    async (random) => {
      const time = fakeTime();
      const fn = failing(new LinkupError('server-error', { status: 502 }));
      await expect(
        withRetry(fn, { sleep: time.sleep, now: time.now, random: () => random }),
      ).rejects.toMatchObject({ kind: 'server-error' });
      expect(time.totalSlept()).toBeLessThanOrEqual(30_000);
    },
  );

  it('caps a long Retry-After at the remaining budget and then gives up', async () => {
    const time = fakeTime();
    const fn = failing(new LinkupError('rate-limited', { status: 429, retryAfterMs: 20_000 }));
    await expect(withRetry(fn, { sleep: time.sleep, now: time.now })).rejects.toMatchObject({
      kind: 'rate-limited',
    });
    expect(time.sleeps).toEqual([20_000, 10_000]);
    expect(fn).toHaveBeenCalledTimes(3);
    expect(time.totalSlept()).toBe(30_000);
  });

  it('honours Retry-After when it fits the budget', async () => {
    const time = fakeTime();
    const fn = vi
      .fn<(attempt: number) => Promise<string>>()
      .mockRejectedValueOnce(new LinkupError('rate-limited', { status: 429, retryAfterMs: 12_000 }))
      .mockResolvedValue('ok');
    await expect(withRetry(fn, { sleep: time.sleep, now: time.now })).resolves.toBe('ok');
    expect(time.sleeps).toEqual([12_000]);
  });

  it('counts the time spent in attempts against the budget', async () => {
    const time = fakeTime();
    const fn = vi.fn(async () => {
      time.advance(25_000);
      throw new LinkupError('timeout');
    });
    await expect(
      withRetry(fn, { sleep: time.sleep, now: time.now, random: () => 1 }),
    ).rejects.toMatchObject({ kind: 'timeout' });
    // 25 s spent, 1 s backoff, 25 s more: the budget is gone.
    expect(fn).toHaveBeenCalledTimes(2);
    expect(time.sleeps).toEqual([1000]);
  });

  it('follows a custom policy', async () => {
    const time = fakeTime();
    const custom: RetryPolicy = { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10, budgetMs: 1000 };
    const fn = failing(new LinkupError('network'));
    await expect(
      withRetry(fn, { policy: custom, sleep: time.sleep, now: time.now, random: () => 1 }),
    ).rejects.toMatchObject({ kind: 'network' });
    expect(fn).toHaveBeenCalledTimes(2);
    expect(time.sleeps).toEqual([10]);
  });

  it.each<[string, LinkupErrorKind, number | null]>([
    ['400 invalid params', 'invalid-params', 400],
    ['400 invalid action', 'invalid-action', 400],
    ['402 insufficient credits', 'insufficient-credits', 402],
    ['403 invalid key', 'invalid-key', 403],
    ['403 account inactive', 'account-inactive', 403],
    ['403 HTML page', 'bad-response', 403],
    ['404 invalid account', 'invalid-account', 404],
    ['an unknown code', 'api-error', 502],
    ['an unreadable response', 'invalid-response', 200],
    ['a cancel', 'cancelled', null],
    ['missing settings', 'no-settings', null],
  ])('never retries %s', async (_label, kind, status) => {
    const time = fakeTime();
    const error = new LinkupError(kind, { status });
    const fn = failing(error);
    await expect(withRetry(fn, { sleep: time.sleep, now: time.now })).rejects.toBe(error);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(time.sleep).not.toHaveBeenCalled();
  });

  it('never retries errors that are not LinkupErrors', async () => {
    const time = fakeTime();
    const bug = new TypeError('bug');
    const fn = vi.fn(async () => {
      throw bug;
    });
    await expect(withRetry(fn, { sleep: time.sleep, now: time.now })).rejects.toBe(bug);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('rejects with cancelled when cancelled during the sleep', async () => {
    const controller = new AbortController();
    const fn = failing(new LinkupError('server-error', { status: 500 }));
    const pending = withRetry(fn, {
      signal: controller.signal,
      // The real sleep, long enough that only the abort can end it.
      policy: { ...policy, baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    await vi.waitFor(() => expect(fn).toHaveBeenCalledTimes(1));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('rejects with cancelled when an injected sleep ends early on abort', async () => {
    const controller = new AbortController();
    const sleep = vi.fn(async () => {
      controller.abort();
    });
    const fn = failing(new LinkupError('network'));
    await expect(withRetry(fn, { sleep, signal: controller.signal })).rejects.toMatchObject({
      kind: 'cancelled',
    });
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('does not start when already cancelled', async () => {
    const fn = vi.fn(async () => 'x');
    await expect(withRetry(fn, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      kind: 'cancelled',
    });
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('abortableSleep', () => {
  it('resolves after the delay', async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const pending = abortableSleep(1000).then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await pending;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects with cancelled on abort', async () => {
    const controller = new AbortController();
    const pending = abortableSleep(60_000, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(abortableSleep(10, AbortSignal.abort())).rejects.toMatchObject({
      kind: 'cancelled',
    });
  });
});
