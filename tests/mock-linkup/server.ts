/**
 * A local mock of the Linkup API (see /work/shared/linkup-api.md), built on node:http only.
 *
 * Answers `POST /v2/recruiter` (`get_candidates`, `get_cv`, `get_posts`), `GET /v2/credits`
 * and `GET /v2/accounts` with the documented envelopes and HTTP statuses, charges credits,
 * records every API request, and injects faults on demand (error codes, Cloudflare-like HTML,
 * truncated JSON, schema violations, dropped or hanging connections, latency).
 *
 * Tests in the same process use the returned handle; tests in other processes (the browser's
 * service worker, e2e scripts) use the `/__mock/*` control endpoints.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { cvAnswerFor } from './cv';
import {
  defaultJobSize,
  findCandidate,
  getJobCandidates,
  getJobCandidatesJson,
  MOCK_JOBS,
} from './data';

export type LinkupErrorCode =
  | 'INVALID_API_KEY'
  | 'ACCOUNT_INACTIVE'
  | 'INVALID_ACCOUNT'
  | 'INVALID_PARAMS'
  | 'INVALID_ACTION'
  | 'INSUFFICIENT_CREDITS'
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR'
  /** Not in the vendor's table: one client knows it (LinkedIn refused upstream). */
  | 'CHANNEL_ERROR';

/** The HTTP status of each error code (linkup-api.md's table; CHANNEL_ERROR is a guess). */
export const ERROR_STATUS: Readonly<Record<LinkupErrorCode, number>> = {
  INVALID_API_KEY: 403,
  ACCOUNT_INACTIVE: 403,
  INVALID_ACCOUNT: 404,
  INVALID_PARAMS: 400,
  INVALID_ACTION: 400,
  INSUFFICIENT_CREDITS: 402,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  CHANNEL_ERROR: 502,
};

const DEFAULT_MESSAGES: Readonly<Record<LinkupErrorCode, string>> = {
  INVALID_API_KEY: 'Invalid or missing API key',
  ACCOUNT_INACTIVE: 'The LinkedIn account is disconnected. Reconnect it in your dashboard.',
  INVALID_ACCOUNT: 'Account not found',
  INVALID_PARAMS: 'Invalid parameters',
  INVALID_ACTION: 'Unknown action',
  INSUFFICIENT_CREDITS: 'Insufficient credits',
  RATE_LIMITED: 'Too many requests, slow down',
  INTERNAL_ERROR: 'Internal server error',
  CHANNEL_ERROR: 'LinkedIn refused the request upstream',
};

/** When a fault fires: skip the first `afterRequests` matching requests, then fire `times` times. */
export interface FaultWindow {
  /** Fire this many times, then heal. Default: forever. */
  times?: number;
  /** Let this many matching requests succeed first. Default: 0. */
  afterRequests?: number;
}

/**
 * Faults injected into matching API requests (not into `/__mock/*` or CORS preflights). When
 * several kinds are set, each counts every matching request on its own, and the first that
 * fires in this order answers: dropConnection, hang, html, invalidJson, schemaViolation, error.
 * A faulted request never changes the credit balance.
 */
export interface Faults {
  /** A Linkup error envelope with the code's real status (or `status`). */
  error?: FaultWindow & {
    code: LinkupErrorCode | (string & {});
    message?: string;
    /** Overrides the code's status; unknown codes default to 400. */
    status?: number;
    /** Adds a `Retry-After: <seconds>` header. */
    retryAfterSeconds?: number;
  };
  /** A Cloudflare-like HTML page (`text/html`) with this status. */
  html?: FaultWindow & { status: number; retryAfterSeconds?: number };
  /** 200 `application/json` whose body is truncated JSON. */
  invalidJson?: FaultWindow;
  /**
   * 200 success envelope that breaks the schema: for `get_candidates`, `data.candidates` is a
   * string, or `data.pagination` is missing (alternating, unless `variant` is set).
   */
  schemaViolation?: FaultWindow & { variant?: 'candidatesNotArray' | 'missingPagination' };
  /** Destroys the socket without answering. */
  dropConnection?: FaultWindow;
  /** Delays every matching answer by this many milliseconds (added to the server's latency). */
  latencyMs?: number;
  /** Never answers (the socket stays open until the client gives up or the server closes). */
  hang?: FaultWindow;
  /**
   * Restricts every fault above to these actions, e.g. `['get_candidates']`. `GET /v2/credits`
   * counts as `credits`, `GET /v2/accounts` as `accounts`.
   */
  onlyActions?: string[];
}

export type FaultKind =
  | 'dropConnection'
  | 'hang'
  | 'html'
  | 'invalidJson'
  | 'schemaViolation'
  | 'error';

const FAULT_ORDER: readonly FaultKind[] = [
  'dropConnection',
  'hang',
  'html',
  'invalidJson',
  'schemaViolation',
  'error',
];

export interface MockAccount {
  account_id: string;
  status: string;
  platform: string;
  name: string;
  /** Inactive accounts answer 403 ACCOUNT_INACTIVE to recruiter actions. Default true. */
  active?: boolean;
  /** Keys that own this account; others get 404 INVALID_ACCOUNT. Default: every valid key. */
  keys?: string[];
}

export interface MockLinkupOptions {
  /** Default 0: a random free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Starting balance. Default 4825. */
  credits?: number;
  /** Default ['test-key', 'demo-key']. */
  validKeys?: string[];
  /** Default: `acc_demo` (connected) and `acc_inactive` (disconnected). */
  accounts?: MockAccount[];
  /** Delay every API answer by this many milliseconds. Default 0. */
  latencyMs?: number;
  /** Applicant counts per job ID, over the seeded sizes (any other job has 0). */
  jobSizes?: Record<string, number>;
  /** Answer 429 RATE_LIMITED (with Retry-After) beyond `limit` requests per key per window. */
  rateLimit?: { limit: number; windowMs: number };
  /**
   * Also serve the API over HTTPS with this key and certificate (PEM), on a second random
   * port: a browser told to resolve api.linkupapi.com to loopback then reaches the mock
   * directly, with no interception in between (the benchmark does).
   */
  tls?: { key: string; cert: string };
  /**
   * Generate and cache every seeded job before listening (~1 s on two cores), so the first
   * pages answer as fast as later ones: for benchmarks. Default false (jobs generate lazily).
   */
  warm?: boolean;
}

export interface RecordedRequest {
  /** 1-based order of arrival since the requests were last cleared. */
  seq: number;
  /** Epoch milliseconds at arrival. */
  time: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** The body's `action`, or `credits` / `accounts` for those endpoints; null if unknown. */
  action: string | null;
  account_id: unknown;
  params: Record<string, unknown> | null;
  /** The parsed JSON body (undefined without a body, the raw text if it is not JSON). */
  body: unknown;
  hasApiKey: boolean;
  apiKey: string | null;
  contentType: string | null;
  origin: string | null;
  /** The answer's status; null while pending, or when the connection was dropped / hung. */
  status: number | null;
  /** The fault that answered, if any. */
  fault: FaultKind | null;
  /** Credits charged by this request. */
  credits_consumed: number;
}

export interface MockState {
  url: string;
  credits: number;
  validKeys: string[];
  accounts: MockAccount[];
  faults: Faults;
  jobs: Record<string, number>;
  requestCount: number;
}

export interface MockLinkup {
  /** e.g. `http://127.0.0.1:47831` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** The HTTPS port when started with `tls`, else null. */
  readonly tlsPort: number | null;
  close(): Promise<void>;
  /** Replaces the current faults (and restarts their counters). Throws on an invalid value. */
  setFaults(f: Faults): void;
  clearFaults(): void;
  readonly faults: Faults;
  /** The recorded API requests, live (cleared in place by resetRequests). */
  readonly requests: RecordedRequest[];
  resetRequests(): void;
  credits: number;
  setCredits(n: number): void;
  /** Sets a job's applicant count; growing keeps the existing applicants (new ones append). */
  setJobSize(jobId: string, total: number): void;
  jobSize(jobId: string): number;
  /** Back to the starting credits, seeded job sizes, no faults and no recorded requests. */
  reset(): void;
  state(): MockState;
}

export const DEFAULT_MOCK_PORT = 47831;
export const DEFAULT_CREDITS = 4825;
export const DEFAULT_KEYS: readonly string[] = ['test-key', 'demo-key'];
export const DEMO_ACCOUNT_ID = 'acc_demo';
export const INACTIVE_ACCOUNT_ID = 'acc_inactive';
export const DEFAULT_ACCOUNTS: readonly MockAccount[] = [
  {
    account_id: DEMO_ACCOUNT_ID,
    status: 'CONNECTED',
    platform: 'LINKEDIN',
    name: 'Demo Recruiter',
    active: true,
  },
  {
    account_id: INACTIVE_ACCOUNT_ID,
    status: 'DISCONNECTED',
    platform: 'LINKEDIN',
    name: 'Former Recruiter Seat',
    active: false,
  },
];

const RECRUITER_ACTIONS = new Set(['get_candidates', 'get_cv', 'get_posts']);
/** Real actions this mock does not implement: answered INVALID_ACTION with a clear message. */
const UNSUPPORTED_ACTIONS = new Set(['create_job', 'publish_job', 'close_job']);
const MAX_COUNT = 1000;
const RESULTS_PER_PAGE = 50;
const MAX_BODY_BYTES = 1_000_000;

interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
  credits?: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function now(): string {
  return new Date().toISOString();
}

function json(status: number, value: unknown, headers?: Record<string, string>): Answer {
  return { status, body: JSON.stringify(value), headers };
}

function errorAnswer(
  code: string,
  action: string | null,
  message?: string,
  extra?: { status?: number; headers?: Record<string, string> },
): Answer {
  const known = code in ERROR_STATUS ? (code as LinkupErrorCode) : undefined;
  const status = extra?.status ?? (known ? ERROR_STATUS[known] : 400);
  return json(
    status,
    {
      success: false,
      error: { code, message: message ?? (known ? DEFAULT_MESSAGES[known] : code) },
      metadata: { action, credits_consumed: 0, timestamp: now() },
    },
    extra?.headers,
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An integer param given as a number or a digit string; undefined when absent. */
function intParam(v: unknown): number | null | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
  return null;
}

function cloudflarePage(status: number): string {
  const titles: Record<number, string> = {
    403: 'Attention Required! | Cloudflare',
    429: 'Access denied | api.linkupapi.com used Cloudflare to restrict access',
    500: 'api.linkupapi.com | 500: Internal server error',
    502: 'api.linkupapi.com | 502: Bad gateway',
    503: 'api.linkupapi.com | 503: Service temporarily unavailable',
    504: 'api.linkupapi.com | 504: Gateway time-out',
    520: 'api.linkupapi.com | 520: Web server is returning an unknown error',
    522: 'api.linkupapi.com | 522: Connection timed out',
  };
  const title = titles[status] ?? `api.linkupapi.com | ${status}: Error`;
  // Real challenge pages carry scripts; this one trips a client that renders the body as HTML.
  return `<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<html lang="en-US">
<head>
<title>${title}</title>
<meta charset="UTF-8" />
<meta name="robots" content="noindex, nofollow" />
<style>body{font-family:system-ui,sans-serif}.cf-error-code{color:#999}</style>
<script>window.__xss=1</script>
</head>
<body>
<div id="cf-wrapper">
  <div class="cf-error-overview">
    <h1><span class="cf-error-type">Error</span> <span class="cf-error-code">${status}</span></h1>
    <h2 class="cf-subheadline">${title}</h2>
  </div>
  <div class="cf-error-footer">
    <p>Cloudflare Ray ID: <strong>8f1c2b3a4d5e6f70</strong> &bull; Performance &amp; security by Cloudflare</p>
  </div>
</div>
</body>
</html>
`;
}

const WINDOW_FAULTS = [
  'dropConnection',
  'hang',
  'html',
  'invalidJson',
  'schemaViolation',
  'error',
] as const;

function isStatus(v: unknown): boolean {
  return Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 599;
}

/** Why `f` is not a usable Faults value, or null when it is. */
export function faultsProblem(f: unknown): string | null {
  if (!isRecord(f)) return 'faults must be a JSON object';
  for (const k of Object.keys(f)) {
    if (
      !(WINDOW_FAULTS as readonly string[]).includes(k) &&
      k !== 'latencyMs' &&
      k !== 'onlyActions'
    ) {
      return `unknown fault "${k}"`;
    }
  }
  for (const k of WINDOW_FAULTS) {
    const v = f[k];
    if (v === undefined) continue;
    if (!isRecord(v)) return `${k} must be an object`;
    for (const n of ['times', 'afterRequests', 'retryAfterSeconds']) {
      if (v[n] !== undefined && (typeof v[n] !== 'number' || (v[n] as number) < 0)) {
        return `${k}.${n} must be a number >= 0`;
      }
    }
  }
  const { error, html, latencyMs, onlyActions } = f;
  if (isRecord(error)) {
    if (typeof error.code !== 'string' || !error.code) return 'error.code must be a string';
    if (error.status !== undefined && !isStatus(error.status))
      return 'error.status must be 100-599';
  }
  if (isRecord(html) && !isStatus(html.status)) return 'html.status must be 100-599';
  if (latencyMs !== undefined && (typeof latencyMs !== 'number' || latencyMs < 0)) {
    return 'latencyMs must be a number >= 0';
  }
  if (
    onlyActions !== undefined &&
    !(Array.isArray(onlyActions) && onlyActions.every((a) => typeof a === 'string'))
  ) {
    return 'onlyActions must be an array of action names';
  }
  return null;
}

/** Starts the mock on 127.0.0.1. Resolves once it listens. */
export async function startMockLinkup(opts: MockLinkupOptions = {}): Promise<MockLinkup> {
  const host = opts.host ?? '127.0.0.1';
  const initialCredits = opts.credits ?? DEFAULT_CREDITS;
  const validKeys = [...(opts.validKeys ?? DEFAULT_KEYS)];
  const accounts = (opts.accounts ?? DEFAULT_ACCOUNTS).map((a) => ({ ...a }));
  const baseLatency = opts.latencyMs ?? 0;

  const seededSizes = (): Map<string, number> => {
    const m = new Map<string, number>(Object.values(MOCK_JOBS).map((j) => [j.jobId, j.size]));
    for (const [id, n] of Object.entries(opts.jobSizes ?? {})) m.set(id, n);
    return m;
  };

  let credits = initialCredits;
  let jobSizes = seededSizes();
  let faults: Faults = {};
  let counters = freshCounters();
  const requests: RecordedRequest[] = [];
  let seq = 0;
  const timers = new Set<NodeJS.Timeout>();
  const rateWindows = new Map<string, { start: number; count: number }>();
  let closed = false;

  function clearRequests(): void {
    requests.length = 0;
    seq = 0;
  }

  function freshCounters(): Record<FaultKind, { seen: number; fired: number }> {
    return {
      dropConnection: { seen: 0, fired: 0 },
      hang: { seen: 0, fired: 0 },
      html: { seen: 0, fired: 0 },
      invalidJson: { seen: 0, fired: 0 },
      schemaViolation: { seen: 0, fired: 0 },
      error: { seen: 0, fired: 0 },
    };
  }

  function setFaults(f: Faults): void {
    const problem = faultsProblem(f);
    if (problem) throw new HttpError(400, problem);
    faults = structuredClone(f);
    counters = freshCounters();
  }

  function matches(action: string | null): boolean {
    return !faults.onlyActions || (action !== null && faults.onlyActions.includes(action));
  }

  function pickFault(action: string | null): FaultKind | null {
    if (!matches(action)) return null;
    let chosen: FaultKind | null = null;
    for (const kind of FAULT_ORDER) {
      const f = faults[kind];
      if (!f) continue;
      const c = counters[kind];
      c.seen++;
      const after = f.afterRequests ?? 0;
      const times = f.times ?? Number.POSITIVE_INFINITY;
      if (chosen === null && c.seen > after && c.fired < times) {
        c.fired++;
        chosen = kind;
      }
    }
    return chosen;
  }

  function delay(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  }

  function accountFor(id: unknown, key: string): MockAccount | undefined {
    if (typeof id !== 'string') return undefined;
    return accounts.find((a) => a.account_id === id && (!a.keys || a.keys.includes(key)));
  }

  function rateLimited(key: string): Answer | null {
    const rl = opts.rateLimit;
    if (!rl) return null;
    const t = Date.now();
    let w = rateWindows.get(key);
    if (!w || t - w.start >= rl.windowMs) {
      w = { start: t, count: 0 };
      rateWindows.set(key, w);
    }
    w.count++;
    if (w.count <= rl.limit) return null;
    const retry = Math.max(1, Math.ceil((w.start + rl.windowMs - t) / 1000));
    return { ...errorAnswer('RATE_LIMITED', null), headers: { 'Retry-After': String(retry) } };
  }

  // --- actions -------------------------------------------------------------------------------

  function getCandidates(accountId: string, params: Record<string, unknown>): Answer {
    const action = 'get_candidates';
    const jobId = params.job_id;
    if (typeof jobId !== 'string' || !/^\d+$/.test(jobId)) {
      return errorAnswer(
        'INVALID_PARAMS',
        action,
        'params.job_id is required and must be a numeric string',
      );
    }
    const count = intParam(params.count) ?? (params.count === undefined ? 10 : null);
    if (count === null || count < 1 || count > MAX_COUNT) {
      return errorAnswer(
        'INVALID_PARAMS',
        action,
        `params.count must be an integer between 1 and ${MAX_COUNT}`,
      );
    }
    const offset = intParam(params.offset) ?? (params.offset === undefined ? 0 : null);
    if (offset === null || offset < 0) {
      return errorAnswer('INVALID_PARAMS', action, 'params.offset must be an integer >= 0');
    }
    for (const [name, allowed] of [
      ['sortType', ['RELEVANCE', 'APPLIED_DATE']],
      ['sortOrder', ['ASCENDING', 'DESCENDING']],
    ] as const) {
      const v = params[name];
      if (v !== undefined && !(allowed as readonly unknown[]).includes(v)) {
        return errorAnswer(
          'INVALID_PARAMS',
          action,
          `params.${name} must be one of ${allowed.join(', ')}`,
        );
      }
    }
    // `ratings` (unconfirmed, comma list) filters; sortType / sortOrder are accepted but ignored.
    let ratings: Set<string> | null = null;
    if (params.ratings !== undefined) {
      if (typeof params.ratings !== 'string') {
        return errorAnswer('INVALID_PARAMS', action, 'params.ratings must be a comma list');
      }
      ratings = new Set(
        params.ratings
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean),
      );
    }

    const size = jobSizes.get(jobId) ?? 0;
    let pageJson: string[];
    let total: number;
    if (ratings && ratings.size > 0) {
      const all = getJobCandidates(jobId, size);
      const picked: number[] = [];
      all.forEach((c, i) => {
        if (ratings.has(String((c as { rating?: unknown }).rating))) picked.push(i);
      });
      total = picked.length;
      pageJson = picked
        .slice(offset, offset + count)
        .map((i) => getJobCandidatesJson(jobId, i, i + 1)[0] as string);
    } else {
      total = size;
      pageJson =
        offset < size ? getJobCandidatesJson(jobId, offset, Math.min(size, offset + count)) : [];
    }
    const returned = pageJson.length;
    const cost = Math.ceil(returned / 10);
    if (credits < cost) {
      return errorAnswer(
        'INSUFFICIENT_CREDITS',
        action,
        `This request needs ${cost} credits; ${credits} left`,
      );
    }
    credits -= cost;
    const hasMore = offset + returned < total;
    const pagination = {
      offset,
      count,
      next_offset: hasMore ? offset + returned : null,
      has_more: hasMore,
      results_per_page: RESULTS_PER_PAGE,
      pages_fetched: Math.max(1, Math.ceil(returned / RESULTS_PER_PAGE)),
    };
    const metadata = { action, account_id: accountId, credits_consumed: cost, timestamp: now() };
    // Candidates are pre-serialised per record (cached), so a 1000-record page is a join.
    const body =
      `{"success":true,"data":{"candidates":[${pageJson.join(',')}],` +
      `"total_results":${returned},"total_available_results":${total},` +
      `"pagination":${JSON.stringify(pagination)}},"metadata":${JSON.stringify(metadata)}}`;
    return { status: 200, body, credits: cost };
  }

  function getCv(accountId: string, params: Record<string, unknown>): Answer {
    const action = 'get_cv';
    const id = params.application_id;
    if (typeof id !== 'string' || !/^\d+$/.test(id)) {
      return errorAnswer(
        'INVALID_PARAMS',
        action,
        'params.application_id is required and must be a numeric string',
      );
    }
    // Assumption: an unknown application is INVALID_PARAMS (the real answer is undocumented).
    const found = findCandidate(id, jobSizes);
    if (!found) return errorAnswer('INVALID_PARAMS', action, `No application ${id}`);
    const { data, hasFile } = cvAnswerFor(found.candidate, id, found.index, found.jobId);
    // Assumption: 1 credit per CV returned, none when there is no CV (the real cost is unknown;
    // clients must read metadata.credits_consumed).
    const cost = hasFile ? 1 : 0;
    if (credits < cost) {
      return errorAnswer(
        'INSUFFICIENT_CREDITS',
        action,
        `This request needs ${cost} credits; ${credits} left`,
      );
    }
    credits -= cost;
    return {
      ...json(200, {
        success: true,
        data,
        metadata: { action, account_id: accountId, credits_consumed: cost, timestamp: now() },
      }),
      credits: cost,
    };
  }

  function getPosts(accountId: string, params: Record<string, unknown>): Answer {
    const action = 'get_posts';
    const count = intParam(params.count) ?? 10;
    const offset = intParam(params.offset) ?? 0;
    if (count < 1 || count > MAX_COUNT || offset < 0) {
      return errorAnswer('INVALID_PARAMS', action, 'params.count / params.offset out of range');
    }
    // The real shape is unpublished; this is a plausible one. Free (assumption).
    let posts = Object.values(MOCK_JOBS).map((j, i) => ({
      job_id: j.jobId,
      title: j.title,
      state: j.size > 0 ? 'LISTED' : 'DRAFT',
      location: i % 2 ? 'Berlin, Germany' : 'Remote',
      applicant_count: jobSizes.get(j.jobId) ?? 0,
      created_at: new Date(Date.UTC(2025, 8, 1 + i)).toISOString(),
    }));
    if (typeof params.job_id === 'string') posts = posts.filter((p) => p.job_id === params.job_id);
    return json(200, {
      success: true,
      data: { posts: posts.slice(offset, offset + count), total: posts.length },
      metadata: { action, account_id: accountId, credits_consumed: 0, timestamp: now() },
    });
  }

  function recruiter(key: string, body: unknown, parseError: boolean): Answer {
    const bodyAction = isRecord(body) && typeof body.action === 'string' ? body.action : null;
    if (parseError || !isRecord(body)) {
      return errorAnswer('INVALID_PARAMS', bodyAction, 'The request body must be a JSON object');
    }
    const account = accountFor(body.account_id, key);
    if (!account) {
      return errorAnswer(
        'INVALID_ACCOUNT',
        bodyAction,
        typeof body.account_id === 'string' && body.account_id
          ? `Account ${body.account_id} not found`
          : 'account_id is required',
      );
    }
    if (account.active === false) return errorAnswer('ACCOUNT_INACTIVE', bodyAction);
    if (bodyAction === null || !RECRUITER_ACTIONS.has(bodyAction)) {
      return errorAnswer(
        'INVALID_ACTION',
        bodyAction,
        bodyAction && UNSUPPORTED_ACTIONS.has(bodyAction)
          ? `Action ${bodyAction} is not supported by the mock`
          : `Unknown action: ${bodyAction ?? '(none)'}`,
      );
    }
    if (body.params !== undefined && !isRecord(body.params)) {
      return errorAnswer('INVALID_PARAMS', bodyAction, 'params must be an object');
    }
    const params = (body.params ?? {}) as Record<string, unknown>;
    if (bodyAction === 'get_candidates') return getCandidates(account.account_id, params);
    if (bodyAction === 'get_cv') return getCv(account.account_id, params);
    return getPosts(account.account_id, params);
  }

  function accountsList(key: string, query: URLSearchParams): Answer {
    const limit = intParam(query.get('limit') ?? undefined) ?? (query.has('limit') ? null : 50);
    const offset = intParam(query.get('offset') ?? undefined) ?? (query.has('offset') ? null : 0);
    if (limit === null || limit < 1 || limit > 100 || offset === null || offset < 0) {
      return errorAnswer('INVALID_PARAMS', 'accounts', 'limit must be 1-100 and offset >= 0');
    }
    const mine = accounts.filter((a) => !a.keys || a.keys.includes(key));
    return json(200, {
      success: true,
      data: {
        items: mine.slice(offset, offset + limit).map(({ account_id, status, platform, name }) => ({
          account_id,
          status,
          platform,
          name,
        })),
        total: mine.length,
      },
    });
  }

  // --- faults --------------------------------------------------------------------------------

  function faultAnswer(
    kind: 'html' | 'invalidJson' | 'schemaViolation' | 'error',
    action: string | null,
  ): Answer {
    switch (kind) {
      case 'html': {
        const f = faults.html ?? { status: 503 };
        const headers: Record<string, string> = {
          'Content-Type': 'text/html; charset=UTF-8',
          Server: 'cloudflare',
          'CF-RAY': '8f1c2b3a4d5e6f70-CDG',
        };
        if (f.retryAfterSeconds !== undefined) headers['Retry-After'] = String(f.retryAfterSeconds);
        return { status: f.status, body: cloudflarePage(f.status), headers };
      }
      case 'invalidJson': {
        const sample = getJobCandidatesJson(MOCK_JOBS.demo.jobId, 0, 3).join(',');
        const full = `{"success":true,"data":{"candidates":[${sample}],"total_results":3}}`;
        return { status: 200, body: full.slice(0, Math.floor(full.length * 0.6)) };
      }
      case 'schemaViolation': {
        const f = faults.schemaViolation ?? {};
        const metadata = { action, credits_consumed: 0, timestamp: now() };
        let data: unknown;
        if (action === 'get_candidates') {
          const variant =
            f.variant ??
            (counters.schemaViolation.fired % 2 === 1 ? 'candidatesNotArray' : 'missingPagination');
          data =
            variant === 'candidatesNotArray'
              ? {
                  candidates: '[object Object]',
                  total_results: 1,
                  total_available_results: 1,
                  pagination: {
                    offset: 0,
                    count: 10,
                    next_offset: null,
                    has_more: false,
                    results_per_page: RESULTS_PER_PAGE,
                    pages_fetched: 1,
                  },
                }
              : {
                  candidates: getJobCandidates(MOCK_JOBS.tiny.jobId),
                  total_results: 3,
                  total_available_results: 3,
                };
        } else if (action === 'credits') data = { credits: null };
        else if (action === 'accounts') data = { items: 'none', total: '1' };
        else if (action === 'get_cv') data = { cv: { content: 12345, content_type: null } };
        else data = 'unexpected';
        return json(200, { success: true, data, metadata });
      }
      case 'error': {
        const f = faults.error ?? { code: 'INTERNAL_ERROR' };
        const headers: Record<string, string> = {};
        if (f.retryAfterSeconds !== undefined) headers['Retry-After'] = String(f.retryAfterSeconds);
        return errorAnswer(f.code, action, f.message, { status: f.status, headers });
      }
    }
  }

  // --- control endpoints ---------------------------------------------------------------------

  function state(): MockState {
    return {
      url: handle.url,
      credits,
      validKeys: [...validKeys],
      accounts: accounts.map((a) => ({ ...a })),
      faults: structuredClone(faults),
      jobs: Object.fromEntries(jobSizes),
      requestCount: requests.length,
    };
  }

  function control(method: string, path: string, body: unknown): Answer {
    const route = `${method} ${path.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /__mock/state':
        return json(200, state());
      case 'GET /__mock/requests':
        return json(200, requests);
      case 'DELETE /__mock/requests':
        clearRequests();
        return json(200, { ok: true });
      case 'POST /__mock/faults':
        setFaults(body as Faults);
        return json(200, { ok: true, faults });
      case 'DELETE /__mock/faults':
        setFaults({});
        return json(200, { ok: true });
      case 'POST /__mock/credits': {
        const n = isRecord(body) ? body.credits : undefined;
        if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
          throw new HttpError(400, 'credits must be a number >= 0');
        }
        credits = n;
        return json(200, { ok: true, credits });
      }
      case 'POST /__mock/jobs': {
        const id = isRecord(body) ? body.job_id : undefined;
        const total = isRecord(body) ? body.total : undefined;
        if (
          typeof id !== 'string' ||
          !/^\d+$/.test(id) ||
          !Number.isInteger(total) ||
          (total as number) < 0
        ) {
          throw new HttpError(400, 'expected {job_id: "<digits>", total: <integer >= 0>}');
        }
        handle.setJobSize(id, total as number);
        return json(200, { ok: true, job_id: id, total });
      }
      case 'POST /__mock/reset':
        handle.reset();
        return json(200, { ok: true });
      default:
        throw new HttpError(404, `No control endpoint ${route}`);
    }
  }

  // --- HTTP plumbing -------------------------------------------------------------------------

  function corsHeaders(req: http.IncomingMessage): Record<string, string> {
    const headers: Record<string, string> = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
      'Access-Control-Allow-Headers':
        req.headers['access-control-request-headers'] ?? 'content-type, x-api-key',
      'Access-Control-Expose-Headers': 'Retry-After, CF-RAY',
      'Access-Control-Max-Age': '600',
    };
    if (req.headers['access-control-request-private-network'] === 'true') {
      headers['Access-Control-Allow-Private-Network'] = 'true';
    }
    return headers;
  }

  function send(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    answer: Answer,
    record?: RecordedRequest,
  ): void {
    if (record) {
      record.status = answer.status;
      record.credits_consumed = answer.credits ?? 0;
    }
    if (res.destroyed || res.writableEnded) return;
    const body = Buffer.from(answer.body, 'utf8');
    res.writeHead(answer.status, {
      ...corsHeaders(req),
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...answer.headers,
      'Content-Length': String(body.length),
    });
    res.end(body);
  }

  async function readBody(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (method === 'OPTIONS') {
      res.writeHead(204, corsHeaders(req));
      res.end();
      return;
    }

    const text = await readBody(req);
    let body: unknown;
    let parseError = false;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
        parseError = true;
      }
    }

    if (path.startsWith('/__mock/')) {
      if (parseError) throw new HttpError(400, 'body must be JSON');
      send(req, res, control(method, path, body));
      return;
    }

    const route = path.replace(/\/+$/, '');
    const action =
      route === '/v2/recruiter'
        ? isRecord(body) && typeof body.action === 'string'
          ? body.action
          : null
        : route === '/v2/credits'
          ? 'credits'
          : route === '/v2/accounts'
            ? 'accounts'
            : null;
    const rawKey = req.headers['x-api-key'];
    const apiKey = typeof rawKey === 'string' ? rawKey : null;
    const record: RecordedRequest = {
      seq: ++seq,
      time: Date.now(),
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      action,
      account_id: isRecord(body) ? body.account_id : undefined,
      params: isRecord(body) && isRecord(body.params) ? body.params : null,
      body,
      hasApiKey: apiKey !== null,
      apiKey,
      contentType: req.headers['content-type'] ?? null,
      origin: req.headers.origin ?? null,
      status: null,
      fault: null,
      credits_consumed: 0,
    };
    requests.push(record);

    const known = ['/v2/recruiter', '/v2/credits', '/v2/accounts'].includes(route);
    const fault = known ? pickFault(action) : null;
    record.fault = fault;
    const latency = baseLatency + (known && matches(action) ? (faults.latencyMs ?? 0) : 0);
    await delay(latency);
    if (closed) return;

    if (fault === 'dropConnection') {
      req.socket.destroy();
      return;
    }
    if (fault === 'hang') return; // closed by the client, or by close()
    if (fault) {
      send(req, res, faultAnswer(fault, action), record);
      return;
    }

    if (!known) {
      send(
        req,
        res,
        errorAnswer('NOT_FOUND', null, `No route ${method} ${path}`, { status: 404 }),
        record,
      );
      return;
    }
    const expected = route === '/v2/recruiter' ? 'POST' : 'GET';
    if (method !== expected) {
      send(
        req,
        res,
        errorAnswer('METHOD_NOT_ALLOWED', action, `Use ${expected} ${route}`, {
          status: 405,
          headers: { Allow: expected },
        }),
        record,
      );
      return;
    }
    if (!apiKey || !validKeys.includes(apiKey)) {
      send(req, res, errorAnswer('INVALID_API_KEY', action), record);
      return;
    }
    const limited = rateLimited(apiKey);
    if (limited) {
      send(req, res, limited, record);
      return;
    }
    if (route === '/v2/credits') {
      send(req, res, json(200, { success: true, data: { credits } }), record);
    } else if (route === '/v2/accounts') {
      send(req, res, accountsList(apiKey, url.searchParams), record);
    } else {
      send(req, res, recruiter(apiKey, body, parseError), record);
    }
  }

  if (opts.warm) {
    for (const [jobId, size] of jobSizes) getJobCandidatesJson(jobId, 0, size);
  }

  const handler: http.RequestListener = (req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) {
        send(req, res, json(err.status, { ok: false, error: err.message }));
        return;
      }
      console.error('[mock-linkup] handler failed:', err);
      send(req, res, errorAnswer('INTERNAL_ERROR', null, 'The mock failed; see its console'));
    });
  };
  const listen = (srv: http.Server, at: number) =>
    new Promise<number>((resolve, reject) => {
      srv.keepAliveTimeout = 5_000;
      srv.once('error', reject);
      srv.listen(at, host, () => {
        srv.off('error', reject);
        resolve((srv.address() as AddressInfo).port);
      });
    });
  const server = http.createServer(handler);
  const port = await listen(server, opts.port ?? 0);
  const tlsServer = opts.tls ? https.createServer(opts.tls, handler) : null;
  const tlsPort = tlsServer ? await listen(tlsServer, 0) : null;

  const handle: MockLinkup = {
    url: `http://${host}:${port}`,
    port,
    tlsPort,
    async close() {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.all(
        [server, tlsServer].map(
          (srv) =>
            srv &&
            new Promise<void>((resolve) => {
              srv.close(() => resolve());
              srv.closeAllConnections();
            }),
        ),
      );
    },
    setFaults,
    clearFaults: () => setFaults({}),
    get faults() {
      return structuredClone(faults);
    },
    requests,
    resetRequests: () => {
      clearRequests();
    },
    get credits() {
      return credits;
    },
    set credits(n: number) {
      credits = n;
    },
    setCredits: (n: number) => {
      credits = n;
    },
    setJobSize(jobId: string, total: number) {
      jobSizes.set(jobId, total);
    },
    jobSize: (jobId: string) => jobSizes.get(jobId) ?? defaultJobSize(jobId),
    reset() {
      credits = initialCredits;
      jobSizes = seededSizes();
      setFaults({});
      clearRequests();
      rateWindows.clear();
    },
    state,
  };
  return handle;
}

// Re-exported so callers need one import.
export { DEMO_JOB_ID, MALFORMED_JOB, MOCK_JOBS, PINNED_NAMES, XSS_PROFILE_URLS } from './data';
