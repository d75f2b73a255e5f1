/**
 * One Linkup request at a time across the whole extension, in arrival order, and at most
 * `maxPerMinute` starts in any sliding 60 s window (the v1 docs' 300 requests/minute per key).
 * Sequential on purpose: production code pages one request after another ("the API is slow"),
 * and a second pull or a CV download must not race a running pull for the same key.
 */
import { LinkupError } from './errors';
import { abortableSleep } from './retry';

export const DEFAULT_MAX_PER_MINUTE = 300;
const WINDOW_MS = 60_000;

export interface RequestQueueOptions {
  maxPerMinute?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

interface Entry {
  task: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class RequestQueue {
  readonly #maxPerMinute: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #waiting: Entry[] = [];
  /** Start times within the last window, oldest first. */
  readonly #starts: number[] = [];
  #running = false;
  #pumping = false;

  constructor(options: RequestQueueOptions = {}) {
    this.#maxPerMinute = Math.max(1, Math.floor(options.maxPerMinute ?? DEFAULT_MAX_PER_MINUTE));
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? abortableSleep;
  }

  /** Tasks not settled yet: the waiting ones and the one running. */
  get pending(): number {
    return this.#waiting.length + (this.#running ? 1 : 0);
  }

  /**
   * Runs `task` when every earlier task has settled and the rate cap allows. Aborting `signal`
   * while the task waits removes it and rejects with `cancelled`; once the task has started,
   * stopping it is up to the task (pass it the same signal).
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new LinkupError('cancelled'));
        return;
      }
      const entry: Entry = {
        task,
        resolve: resolve as (value: unknown) => void,
        reject,
        signal,
        onAbort: () => {
          const index = this.#waiting.indexOf(entry);
          if (index === -1) return;
          this.#waiting.splice(index, 1);
          reject(new LinkupError('cancelled'));
        },
      };
      signal?.addEventListener('abort', entry.onAbort, { once: true });
      this.#waiting.push(entry);
      void this.#pump();
    });
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#waiting.length > 0) {
        const waitMs = this.#waitForSlot();
        if (waitMs > 0) {
          // Not tied to one task's signal: the cap applies to whoever is next after the wait.
          await this.#sleep(waitMs).catch(() => {});
          continue;
        }
        const entry = this.#waiting.shift();
        if (!entry) break;
        entry.signal?.removeEventListener('abort', entry.onAbort);
        this.#starts.push(this.#now());
        this.#running = true;
        try {
          entry.resolve(await entry.task());
        } catch (error) {
          entry.reject(error);
        } finally {
          this.#running = false;
        }
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** Milliseconds until a start is allowed; 0 when one is allowed now. */
  #waitForSlot(): number {
    const now = this.#now();
    while (this.#starts.length > 0 && (this.#starts[0] ?? 0) <= now - WINDOW_MS) {
      this.#starts.shift();
    }
    if (this.#starts.length < this.#maxPerMinute) return 0;
    return (this.#starts[0] ?? now) + WINDOW_MS - now;
  }
}
