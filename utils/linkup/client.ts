/**
 * The Linkup API client: one method per call the extension makes, each returning validated,
 * normalised data or throwing a `LinkupError` with a kind. Runs in the background worker only
 * (the only context with the key and the host permission). Rate limiting and retries live in
 * `queue.ts` and `retry.ts`; this class makes exactly one request per call (per page for
 * accounts).
 */
import type { z } from 'zod/mini';
import { LinkupError, type LinkupErrorKind } from './errors';
import {
  accountsDataSchema,
  candidatesDataSchema,
  creditsDataSchema,
  cvDataSchema,
  errorEnvelopeSchema,
  normalizeAccount,
  type SuccessEnvelope,
  successEnvelopeSchema,
  toCandidatesPage,
} from './schemas';
import type { CandidatesPage, LinkupAccount, LinkupCv } from './types';

export interface LinkupClientOptions {
  apiKey: string;
  accountId: string;
  /** `https://api.linkupapi.com` in production; a loopback mock in demo builds and tests. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Per request; a page of 1000 candidates can take tens of seconds. Default 90 s. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 90_000;

/** `GET /v2/accounts` page size, as in the docs. */
const ACCOUNTS_PAGE_SIZE = 50;
/** Guards against an API that ignores `offset`: 1000 accounts is far beyond any real user. */
const MAX_ACCOUNT_PAGES = 20;

/** Branch on `error.code`, not the HTTP status: 403 means a bad key or a disconnected account. */
const KIND_BY_CODE: Readonly<Record<string, LinkupErrorKind>> = {
  INVALID_API_KEY: 'invalid-key',
  ACCOUNT_INACTIVE: 'account-inactive',
  INVALID_ACCOUNT: 'invalid-account',
  INVALID_PARAMS: 'invalid-params',
  INVALID_ACTION: 'invalid-action',
  INSUFFICIENT_CREDITS: 'insufficient-credits',
  RATE_LIMITED: 'rate-limited',
  INTERNAL_ERROR: 'server-error',
};

type RecruiterAction = 'get_candidates' | 'get_cv';

export class LinkupClient {
  // Private fields: the key never shows up in logs of the client, JSON or structured clones.
  readonly #apiKey: string;
  readonly #accountId: string;
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(options: LinkupClientOptions) {
    this.#apiKey = options.apiKey.trim();
    this.#accountId = options.accountId.trim();
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    const fetchImpl = options.fetch ?? globalThis.fetch;
    // Called unbound: a stored native `fetch` invoked as a method throws "Illegal invocation".
    this.#fetch = (input, init) => fetchImpl(input, init);
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** One page of a job's applicants, every rating (no `ratings` filter). */
  async getCandidates(
    params: { jobId: string; offset: number; count: number },
    signal?: AbortSignal,
  ): Promise<CandidatesPage> {
    const envelope = await this.#recruiter(
      'get_candidates',
      { job_id: params.jobId, count: params.count, offset: params.offset },
      signal,
    );
    const data = parseData(candidatesDataSchema, envelope.data);
    return toCandidatesPage(data, params.offset, envelope.metadata.credits_consumed);
  }

  /** The credit balance; free, so it doubles as the key check. */
  async getCredits(signal?: AbortSignal): Promise<number> {
    const envelope = await this.#request('GET', '/v2/credits', undefined, signal);
    return parseData(creditsDataSchema, envelope.data).credits;
  }

  /** The key's connected accounts (free), following `total` across pages. */
  async listAccounts(signal?: AbortSignal): Promise<LinkupAccount[]> {
    const accounts = new Map<string, LinkupAccount>();
    let offset = 0;
    for (let page = 0; page < MAX_ACCOUNT_PAGES; page += 1) {
      const envelope = await this.#request(
        'GET',
        `/v2/accounts?limit=${ACCOUNTS_PAGE_SIZE}&offset=${offset}`,
        undefined,
        signal,
      );
      const data = parseData(accountsDataSchema, envelope.data);
      for (const item of data.items) {
        const account = normalizeAccount(item);
        if (account && !accounts.has(account.accountId)) accounts.set(account.accountId, account);
      }
      offset += data.items.length;
      if (data.items.length === 0 || data.total === null || offset >= data.total) break;
    }
    return [...accounts.values()];
  }

  /** The applicant's CV as bytes, or `null` when none is on file. */
  async getCv(applicationId: string, signal?: AbortSignal): Promise<LinkupCv | null> {
    const envelope = await this.#recruiter('get_cv', { application_id: applicationId }, signal);
    const cv = parseData(cvDataSchema, envelope.data).cv;
    if (!cv?.content) return null;
    const content = decodeBase64(cv.content);
    if (!content) throw new LinkupError('invalid-response');
    if (content.length === 0) return null;
    return {
      content,
      contentType: cv.content_type,
      filename: cv.filename,
      creditsConsumed: envelope.metadata.credits_consumed,
    };
  }

  #recruiter(
    action: RecruiterAction,
    params: Record<string, unknown>,
    signal: AbortSignal | undefined,
  ): Promise<SuccessEnvelope> {
    if (!this.#accountId) return Promise.reject(new LinkupError('no-settings'));
    return this.#request(
      'POST',
      '/v2/recruiter',
      { account_id: this.#accountId, action, params },
      signal,
    );
  }

  /**
   * One request: timeout, caller's abort, network failure, the body read as text and parsed
   * here (Cloudflare answers with HTML), then the envelope mapped to data or a `LinkupError`.
   */
  async #request(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<SuccessEnvelope> {
    if (signal?.aborted) throw new LinkupError('cancelled');
    if (!this.#apiKey) throw new LinkupError('no-settings');

    const controller = new AbortController();
    let abortedBy: 'timeout' | 'cancelled' | null = null;
    const abort = (by: 'timeout' | 'cancelled') => {
      if (abortedBy) return;
      abortedBy = by;
      controller.abort();
    };
    // Rejects on abort, so a `fetch` (or body read) that ignores its signal cannot hang us.
    const whenAborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener(
        'abort',
        () => reject(new LinkupError(abortedBy ?? 'cancelled')),
        {
          once: true,
        },
      );
    });
    whenAborted.catch(() => {});
    const onCallerAbort = () => abort('cancelled');
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(() => abort('timeout'), this.#timeoutMs);

    try {
      let response: Response;
      try {
        response = await Promise.race([
          this.#fetch(`${this.#baseUrl}${path}`, {
            method,
            headers: { 'x-api-key': this.#apiKey, 'Content-Type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: controller.signal,
            credentials: 'omit',
            cache: 'no-store',
          }),
          whenAborted,
        ]);
      } catch (cause) {
        if (abortedBy) throw new LinkupError(abortedBy);
        throw new LinkupError('network', { cause });
      }

      let text: string;
      try {
        text = await Promise.race([response.text(), whenAborted]);
      } catch (cause) {
        if (abortedBy) throw new LinkupError(abortedBy, { status: response.status });
        throw new LinkupError('network', { status: response.status, cause });
      }
      return this.#interpret(response, text);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  #interpret(response: Response, text: string): SuccessEnvelope {
    const status = response.status;
    const json = parseJson(text);
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());

    const failure = json.ok ? errorEnvelopeSchema.safeParse(json.value) : null;
    if (failure?.success) {
      const { code, message } = failure.data.error;
      const kind = KIND_BY_CODE[code] ?? (code ? 'api-error' : kindForStatus(status, 'api-error'));
      throw new LinkupError(kind, {
        status,
        apiCode: code || null,
        apiMessage: this.#redact(message),
        retryAfterMs,
      });
    }
    if (!response.ok) {
      throw new LinkupError(kindForStatus(status, 'bad-response'), { status, retryAfterMs });
    }
    if (!json.ok) throw new LinkupError('bad-response', { status });
    const success = successEnvelopeSchema.safeParse(json.value);
    if (!success.success) throw new LinkupError('invalid-response', { status });
    return success.data;
  }

  /** In case an error message echoes the key back, it never reaches an error or the UI. */
  #redact(message: string): string {
    return this.#apiKey ? message.split(this.#apiKey).join('[key]') : message;
  }
}

/** An HTTP error without a readable envelope: 429 and 5xx may pass, the rest will not. */
function kindForStatus(status: number, fallback: LinkupErrorKind): LinkupErrorKind {
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server-error';
  return fallback;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function parseData<S extends z.ZodMiniType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new LinkupError('invalid-response');
  return parsed.data;
}

/**
 * `Retry-After` as milliseconds: delay-seconds (`120`) or an HTTP date. Not documented by
 * Linkup, but honoured when Cloudflare or the API sends it.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Standard or URL-safe base64, whitespace and a `data:` prefix tolerated; `null` if invalid. */
export function decodeBase64(value: string): Uint8Array | null {
  const cleaned = value
    .replace(/^data:[^,]*;base64,/i, '')
    .replace(/\s+/g, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(cleaned)) return null;
  let binary: string;
  try {
    binary = atob(cleaned);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
