/**
 * Linkup failures as values with a kind, and the plain words a recruiter sees for each.
 * Schema-free: the UI imports `toErrorInfo` without zod.
 */
import { type MessageKey, messageTable, t } from '../i18n';

export type LinkupErrorKind =
  /** `INVALID_API_KEY`: the key is invalid, expired or missing. */
  | 'invalid-key'
  /** `ACCOUNT_INACTIVE`: the LinkedIn account is disconnected from Linkup. */
  | 'account-inactive'
  /** `INVALID_ACCOUNT`: the account ID is unknown or belongs to another key. */
  | 'invalid-account'
  /** `INVALID_PARAMS`: a bad or missing parameter; Linkup's message says which. */
  | 'invalid-params'
  /** `INVALID_ACTION`: a bug on our side. */
  | 'invalid-action'
  /** `INSUFFICIENT_CREDITS`: stop paging, keep what was fetched. */
  | 'insufficient-credits'
  /** `RATE_LIMITED` or HTTP 429. */
  | 'rate-limited'
  /** `INTERNAL_ERROR` or any HTTP 5xx, HTML pages included. */
  | 'server-error'
  /** An error envelope with a code this extension does not know (e.g. `CHANNEL_ERROR`). */
  | 'api-error'
  /** `fetch` itself failed: offline, DNS, TLS, CORS. */
  | 'network'
  /** No answer within the client's timeout. */
  | 'timeout'
  /** A body that is not JSON (e.g. Cloudflare's HTML) or an error without an envelope. */
  | 'bad-response'
  /** JSON that does not have the shape the extension relies on. */
  | 'invalid-response'
  /** The caller aborted. */
  | 'cancelled'
  /** No API key or account ID stored yet. */
  | 'no-settings';

export interface LinkupErrorInit {
  /** HTTP status, when a response arrived. */
  status?: number | null;
  /** `error.code` of the envelope, upper-cased. */
  apiCode?: string | null;
  /** `error.message` of the envelope, unsanitised (sanitised when shown). */
  apiMessage?: string | null;
  /** From a `Retry-After` header. */
  retryAfterMs?: number | null;
  cause?: unknown;
}

const RETRYABLE_KINDS: ReadonlySet<LinkupErrorKind> = new Set([
  'rate-limited',
  'server-error',
  'network',
  'timeout',
]);

export class LinkupError extends Error {
  override readonly name = 'LinkupError';
  readonly kind: LinkupErrorKind;
  readonly status: number | null;
  readonly apiCode: string | null;
  readonly apiMessage: string | null;
  readonly retryAfterMs: number | null;

  /**
   * `new LinkupError(kind)`, `new LinkupError(kind, init)` or `new LinkupError(kind, note,
   * init)`. `note` is for developers only (the UI shows `toErrorInfo`'s table message);
   * without one, `message` is the user's message, so a stray `String(err)` stays readable.
   */
  constructor(
    kind: LinkupErrorKind,
    noteOrInit?: string | LinkupErrorInit,
    init?: LinkupErrorInit,
  ) {
    const options = (typeof noteOrInit === 'object' ? noteOrInit : init) ?? {};
    const status = options.status ?? null;
    const apiMessage = options.apiMessage ?? null;
    const note = typeof noteOrInit === 'string' ? noteOrInit : undefined;
    super(note ?? userMessage(kind, status, apiMessage), { cause: options.cause });
    this.kind = kind;
    this.status = status;
    this.apiCode = options.apiCode ?? null;
    this.apiMessage = apiMessage;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }

  /** 429, 5xx, network failures and timeouts may succeed later; 4xx answers never will. */
  get retryable(): boolean {
    return RETRYABLE_KINDS.has(this.kind);
  }
}

export function isLinkupError(err: unknown): err is LinkupError {
  return err instanceof LinkupError;
}

/** What the UI needs to explain an error; plain data, so it can cross a message boundary. */
export interface ErrorInfo {
  kind: LinkupErrorKind | 'unknown';
  message: string;
  retryAfterMs?: number;
}

/**
 * Every message a recruiter can see, as keys of `_locales/<lang>/messages.json`. `$1` of the
 * `server-error` and `bad-response` messages is the HTTP status, of `invalid-params` and
 * `api-error` Linkup's own message (sanitised). A key with a `.plain` suffix is used when that
 * value is missing.
 */
const ERROR_MESSAGE_KEYS = {
  'invalid-key': 'errorInvalidKey',
  'account-inactive': 'errorAccountInactive',
  'invalid-account': 'errorInvalidAccount',
  'invalid-params': 'errorInvalidParams',
  'invalid-params.plain': 'errorInvalidParamsPlain',
  'invalid-action': 'errorInvalidAction',
  'insufficient-credits': 'errorInsufficientCredits',
  'rate-limited': 'errorRateLimited',
  'server-error': 'errorServerError',
  'server-error.plain': 'errorServerErrorPlain',
  'api-error': 'errorApiError',
  'api-error.plain': 'errorApiErrorPlain',
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  'bad-response': 'errorBadResponse',
  'bad-response.plain': 'errorBadResponsePlain',
  'invalid-response': 'errorInvalidResponse',
  cancelled: 'errorCancelled',
  'no-settings': 'errorNoSettings',
  unknown: 'errorUnknown',
} as const satisfies Record<LinkupErrorKind | 'unknown', MessageKey> & Record<string, MessageKey>;

type TableKey = keyof typeof ERROR_MESSAGE_KEYS;

/** The value the message of a kind takes as its `$1`, if any. */
const SUBSTITUTION: Partial<Record<LinkupErrorKind, 'status' | 'detail'>> = {
  'invalid-params': 'detail',
  'server-error': 'status',
  'api-error': 'detail',
  'bad-response': 'status',
};

/**
 * The messages in the browser's language, read when used. A message that takes a value reads
 * with an empty one here: `toErrorInfo` gives the whole text.
 */
export const ERROR_MESSAGES = messageTable(ERROR_MESSAGE_KEYS);

/** Longest piece of Linkup's own message shown to the user. */
const MAX_DETAIL_LENGTH = 200;

/**
 * Makes Linkup's `error.message` safe to show: no markup, no JSON, one line, at most 200
 * characters. Returns '' when nothing readable is left.
 */
export function sanitizeApiMessage(message: string | null | undefined): string {
  if (!message) return '';
  const plain = message
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // A JSON dump is not words for a recruiter.
  if (/^[[{]/.test(plain)) return '';
  if (plain.length <= MAX_DETAIL_LENGTH) return plain;
  return `${plain.slice(0, MAX_DETAIL_LENGTH - 1).trimEnd()}…`;
}

function userMessage(
  kind: LinkupErrorKind | 'unknown',
  status: number | null,
  apiMessage: string | null,
): string {
  const needs = kind === 'unknown' ? undefined : SUBSTITUTION[kind];
  if (!needs) return t(ERROR_MESSAGE_KEYS[kind]);
  const value =
    needs === 'status' ? (status === null ? '' : String(status)) : sanitizeApiMessage(apiMessage);
  if (!value)
    return t(ERROR_MESSAGE_KEYS[`${kind}.plain` as TableKey] ?? ERROR_MESSAGE_KEYS.unknown);
  return t(ERROR_MESSAGE_KEYS[kind], value);
}

/** The kind and plain-words message of any thrown value; never HTML, JSON or a stack. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof LinkupError) {
    const info: ErrorInfo = {
      kind: err.kind,
      message: userMessage(err.kind, err.status, err.apiMessage),
    };
    if (err.retryAfterMs !== null) info.retryAfterMs = err.retryAfterMs;
    return info;
  }
  if (isAbortError(err)) return { kind: 'cancelled', message: ERROR_MESSAGES.cancelled };
  return { kind: 'unknown', message: ERROR_MESSAGES.unknown };
}

function isAbortError(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError'
  );
}
