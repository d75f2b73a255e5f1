import { describe, expect, it, vi } from 'vitest';
import { LinkupError } from '../../utils/linkup/errors';
import { RequestQueue } from '../../utils/linkup/queue';

/** A promise the test settles by hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets queued microtasks (the queue's pump) run. */
async function flush() {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

/** A clock that moves only when the queue sleeps. */
function fakeClock() {
  let time = 0;
  return {
    now: () => time,
    sleep: vi.fn(async (ms: number) => {
      time += ms;
    }),
  };
}

describe('RequestQueue', () => {
  it('runs one task at a time', async () => {
    const queue = new RequestQueue();
    let running = 0;
    let maxRunning = 0;
    const task = (ms: number) => async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      return ms;
    };
    const results = await Promise.all([5, 1, 3, 0, 2].map((ms) => queue.run(task(ms))));
    expect(results).toEqual([5, 1, 3, 0, 2]);
    expect(maxRunning).toBe(1);
  });

  it('starts tasks in arrival order, each after the previous one settled', async () => {
    const queue = new RequestQueue();
    const started: string[] = [];
    const gates = { a: deferred(), b: deferred(), c: deferred() };
    const run = (name: keyof typeof gates) =>
      queue.run(async () => {
        started.push(name);
        await gates[name].promise;
        return name;
      });
    const results = [run('a'), run('b'), run('c')];
    await flush();
    expect(started).toEqual(['a']);
    expect(queue.pending).toBe(3);
    gates.a.resolve();
    await flush();
    expect(started).toEqual(['a', 'b']);
    gates.b.resolve();
    gates.c.resolve();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c']);
    expect(queue.pending).toBe(0);
  });

  it('does not let a failing task block the next', async () => {
    const queue = new RequestQueue();
    const failure = new LinkupError('server-error', { status: 500 });
    const first = queue.run(async () => {
      throw failure;
    });
    const second = queue.run(async () => 'ok');
    await expect(first).rejects.toBe(failure);
    await expect(second).resolves.toBe('ok');
  });

  it('survives a task that throws synchronously', async () => {
    const queue = new RequestQueue();
    const first = queue.run((() => {
      throw new Error('sync');
    }) as () => Promise<never>);
    await expect(first).rejects.toThrow('sync');
    await expect(queue.run(async () => 1)).resolves.toBe(1);
  });

  it('removes an aborted waiting task and rejects it with cancelled', async () => {
    const queue = new RequestQueue();
    const gate = deferred();
    const ran: string[] = [];
    const first = queue.run(async () => {
      ran.push('first');
      await gate.promise;
    });
    const controller = new AbortController();
    const second = queue.run(async () => {
      ran.push('second');
    }, controller.signal);
    const third = queue.run(async () => {
      ran.push('third');
    });
    await flush();
    expect(queue.pending).toBe(3);
    controller.abort();
    await expect(second).rejects.toMatchObject({ kind: 'cancelled' });
    expect(queue.pending).toBe(2);
    gate.resolve();
    await first;
    await third;
    expect(ran).toEqual(['first', 'third']);
  });

  it('rejects a task whose signal is already aborted without running it', async () => {
    const queue = new RequestQueue();
    const task = vi.fn(async () => 1);
    await expect(queue.run(task, AbortSignal.abort())).rejects.toBeInstanceOf(LinkupError);
    expect(task).not.toHaveBeenCalled();
    expect(queue.pending).toBe(0);
  });

  it('leaves a started task alone when its signal aborts', async () => {
    const queue = new RequestQueue();
    const controller = new AbortController();
    const gate = deferred<string>();
    const result = queue.run(() => gate.promise, controller.signal);
    await flush();
    controller.abort();
    gate.resolve('finished');
    await expect(result).resolves.toBe('finished');
  });

  it('starts at most 300 tasks in any 60 s window by default', async () => {
    const clock = fakeClock();
    const queue = new RequestQueue({ now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 650 }, () =>
        queue.run(async () => {
          starts.push(clock.now());
        }),
      ),
    );
    expect(starts).toHaveLength(650);
    expect(starts[299]).toBe(0);
    expect(starts[300]).toBe(60_000);
    expect(starts[600]).toBe(120_000);
    for (let i = 300; i < starts.length; i += 1) {
      expect((starts[i] ?? 0) - (starts[i - 300] ?? 0)).toBeGreaterThanOrEqual(60_000);
    }
  });

  it('waits only as long as the oldest start needs to leave the window', async () => {
    let time = 0;
    const sleep = vi.fn(async (ms: number) => {
      time += ms;
    });
    const queue = new RequestQueue({ maxPerMinute: 2, now: () => time, sleep });
    const starts: number[] = [];
    const task = (spendMs: number) => async () => {
      starts.push(time);
      time += spendMs;
    };
    await Promise.all([queue.run(task(10_000)), queue.run(task(5_000)), queue.run(task(0))]);
    expect(starts).toEqual([0, 10_000, 60_000]);
    expect(sleep).toHaveBeenCalledWith(45_000);
  });

  it('does not wait when the window has room again', async () => {
    let time = 0;
    const sleep = vi.fn(async () => {});
    const queue = new RequestQueue({ maxPerMinute: 1, now: () => time, sleep });
    await queue.run(async () => {});
    time = 60_000;
    await queue.run(async () => {});
    expect(sleep).not.toHaveBeenCalled();
  });

  it('cancels a task waiting for the rate cap', async () => {
    let time = 0;
    const wake = deferred();
    const sleep = vi.fn(async (ms: number) => {
      await wake.promise;
      time += ms;
    });
    const queue = new RequestQueue({ maxPerMinute: 1, now: () => time, sleep });
    await queue.run(async () => {});
    const controller = new AbortController();
    const waiting = vi.fn(async () => 'late');
    const result = queue.run(waiting, controller.signal);
    const next = queue.run(async () => 'next');
    await flush();
    expect(sleep).toHaveBeenCalledTimes(1);
    controller.abort();
    await expect(result).rejects.toMatchObject({ kind: 'cancelled' });
    wake.resolve();
    await expect(next).resolves.toBe('next');
    expect(waiting).not.toHaveBeenCalled();
  });
});
