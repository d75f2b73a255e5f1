// @vitest-environment node
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../fixtures/certificate';
import { type CvKind, cvKindFor } from '../mock-linkup/cv';
import {
  generateCandidate,
  getJobCandidates,
  MALFORMED_JOB,
  MOCK_JOBS,
  PINNED_NAMES,
  XSS_PROFILE_URLS,
} from '../mock-linkup/data';
import {
  DEFAULT_CREDITS,
  ERROR_STATUS,
  type Faults,
  type LinkupErrorCode,
  type MockLinkup,
  type RecordedRequest,
  startMockLinkup,
} from '../mock-linkup/server';

interface Pagination {
  offset: number;
  count: number;
  next_offset: number | null;
  has_more: boolean;
  results_per_page: number;
  pages_fetched: number;
}

interface Page {
  candidates: Record<string, unknown>[];
  total_results: number;
  total_available_results: number;
  pagination: Pagination;
}

interface Envelope<D = unknown> {
  success: boolean;
  data: D;
  error: { code: string; message: string };
  metadata: {
    action: string | null;
    account_id?: string;
    credits_consumed: number;
    timestamp: string;
  };
}

interface Answer<D> {
  res: Response;
  status: number;
  text: string;
  json: Envelope<D>;
}

const KEY = 'test-key';
const ACCOUNT = 'acc_demo';
const DEMO = MOCK_JOBS.demo.jobId;

let mock: MockLinkup;

beforeAll(async () => {
  mock = await startMockLinkup();
});

afterAll(async () => {
  await mock.close();
});

beforeEach(() => {
  mock.reset();
});

function parse<D>(text: string): Envelope<D> {
  try {
    return JSON.parse(text) as Envelope<D>;
  } catch {
    return undefined as unknown as Envelope<D>;
  }
}

async function recruiter<D = Page>(
  action: string,
  params: Record<string, unknown> = {},
  opts: { key?: string | null; account?: unknown; rawBody?: string; signal?: AbortSignal } = {},
): Promise<Answer<D>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const key = opts.key === undefined ? KEY : opts.key;
  if (key !== null) headers['x-api-key'] = key;
  const account = 'account' in opts ? opts.account : ACCOUNT;
  const res = await fetch(`${mock.url}/v2/recruiter`, {
    method: 'POST',
    headers,
    body: opts.rawBody ?? JSON.stringify({ account_id: account, action, params }),
    signal: opts.signal,
  });
  const text = await res.text();
  return { res, status: res.status, text, json: parse<D>(text) };
}

const candidates = (params: Record<string, unknown>, opts?: Parameters<typeof recruiter>[2]) =>
  recruiter<Page>('get_candidates', params, opts);

async function get<D>(path: string, key: string | null = KEY): Promise<Answer<D>> {
  const res = await fetch(`${mock.url}${path}`, {
    headers: key === null ? {} : { 'x-api-key': key },
  });
  const text = await res.text();
  return { res, status: res.status, text, json: parse<D>(text) };
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${mock.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.json();
}

function expectError(a: Answer<unknown>, code: string, status: number): void {
  expect(a.status).toBe(status);
  expect(a.res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(a.json.success).toBe(false);
  expect(a.json.error.code).toBe(code);
  expect(typeof a.json.error.message).toBe('string');
  expect(a.json.error.message.length).toBeGreaterThan(0);
  expect(a.json.metadata.credits_consumed).toBe(0);
  expect(Number.isNaN(Date.parse(a.json.metadata.timestamp))).toBe(false);
  expect('data' in a.json).toBe(false);
}

describe('get_candidates pagination', () => {
  it('walks the demo job exactly with count 100', async () => {
    const offsets: number[] = [];
    const ids = new Set<string>();
    let offset: number | null = 0;
    let last: Envelope<Page> | undefined;
    while (offset !== null) {
      const a = await candidates({ job_id: DEMO, count: 100, offset });
      expect(a.status).toBe(200);
      const { data } = a.json;
      offsets.push(data.pagination.offset);
      expect(data.total_available_results).toBe(350);
      expect(data.total_results).toBe(data.candidates.length);
      expect(data.pagination.count).toBe(100);
      expect(data.pagination.results_per_page).toBe(50);
      for (const c of data.candidates) ids.add(c.application_id as string);
      last = a.json;
      offset = data.pagination.has_more ? data.pagination.next_offset : null;
    }
    expect(offsets).toEqual([0, 100, 200, 300]);
    expect(last?.data.candidates).toHaveLength(50);
    expect(last?.data.pagination).toMatchObject({ has_more: false, next_offset: null });
    expect(ids.size).toBe(350);
    expect(mock.requests.map((r) => r.params?.offset)).toEqual([0, 100, 200, 300]);
  });

  it('returns the documented envelope', async () => {
    const a = await candidates({ job_id: DEMO, count: 100, offset: 0 });
    expect(Object.keys(a.json).sort()).toEqual(['data', 'metadata', 'success']);
    expect(a.json.success).toBe(true);
    expect(a.json.metadata).toMatchObject({
      action: 'get_candidates',
      account_id: ACCOUNT,
      credits_consumed: 10,
    });
    expect(Number.isNaN(Date.parse(a.json.metadata.timestamp))).toBe(false);
    expect(a.json.data.pagination).toEqual({
      offset: 0,
      count: 100,
      next_offset: 100,
      has_more: true,
      results_per_page: 50,
      pages_fetched: 2,
    });
  });

  it('defaults to count 10 and offset 0, and accepts digit strings', async () => {
    const a = await candidates({ job_id: DEMO });
    expect(a.json.data.candidates).toHaveLength(10);
    expect(a.json.data.pagination).toMatchObject({ offset: 0, count: 10, next_offset: 10 });
    const b = await candidates({ job_id: DEMO, count: '20', offset: '10' });
    expect(b.json.data.candidates).toHaveLength(20);
    expect(b.json.data.candidates[0]?.application_id).toBe(
      a.json.data.candidates.length === 10 ? getJobCandidates(DEMO)[10]?.application_id : null,
    );
  });

  it('answers 1000 per page at most, and pages 2,500 into 1000 + 1000 + 500', async () => {
    const sizes: number[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const a = await candidates({ job_id: MOCK_JOBS.large.jobId, count: 1000, offset });
      sizes.push(a.json.data.candidates.length);
      offset = a.json.data.pagination.next_offset;
    }
    expect(sizes).toEqual([1000, 1000, 500]);
  });

  it.each([
    ['the empty job', MOCK_JOBS.empty.jobId],
    ['an unknown job', '4999999999'],
  ])('answers %s with no candidates and total 0, for free', async (_, jobId) => {
    const a = await candidates({ job_id: jobId, count: 50, offset: 0 });
    expect(a.status).toBe(200);
    expect(a.json.data).toMatchObject({
      candidates: [],
      total_results: 0,
      total_available_results: 0,
      pagination: { offset: 0, count: 50, next_offset: null, has_more: false },
    });
    expect(a.json.metadata.credits_consumed).toBe(0);
    expect(mock.credits).toBe(DEFAULT_CREDITS);
  });

  it('answers an offset past the end with an empty, final page', async () => {
    const a = await candidates({ job_id: MOCK_JOBS.tiny.jobId, count: 10, offset: 50 });
    expect(a.json.data.candidates).toEqual([]);
    expect(a.json.data.total_available_results).toBe(3);
    expect(a.json.data.pagination).toMatchObject({ has_more: false, next_offset: null });
  });

  it('filters by ratings when asked (unconfirmed param)', async () => {
    const a = await candidates({ job_id: DEMO, count: 1000, ratings: 'GOOD_FIT,GOOD' });
    const ratings = new Set(a.json.data.candidates.map((c) => c.rating));
    expect([...ratings].sort()).toEqual(['GOOD', 'GOOD_FIT']);
    expect(a.json.data.total_available_results).toBe(a.json.data.candidates.length);
    expect(a.json.data.total_available_results).toBeLessThan(350);
  });
});

describe('credits', () => {
  it.each([
    [1, 1],
    [9, 1],
    [10, 1],
    [15, 2],
    [100, 10],
    [101, 11],
  ])('charges ceil(%i / 10) = %i credits', async (count, cost) => {
    const a = await candidates({ job_id: DEMO, count });
    expect(a.json.metadata.credits_consumed).toBe(cost);
    expect(mock.credits).toBe(DEFAULT_CREDITS - cost);
    expect(mock.requests.at(-1)?.credits_consumed).toBe(cost);
  });

  it('charges what was returned, not what was asked', async () => {
    const a = await candidates({ job_id: MOCK_JOBS.tiny.jobId, count: 1000 });
    expect(a.json.data.candidates).toHaveLength(3);
    expect(a.json.metadata.credits_consumed).toBe(1);
  });

  it('decreases the balance over a whole pull (350 -> 35 credits)', async () => {
    let offset: number | null = 0;
    while (offset !== null) {
      const a = await candidates({ job_id: DEMO, count: 100, offset });
      offset = a.json.data.pagination.next_offset;
    }
    const balance = await get<{ credits: number }>('/v2/credits');
    expect(balance.json).toEqual({ success: true, data: { credits: DEFAULT_CREDITS - 35 } });
  });

  it('answers 402 when the balance is lower than the cost, without charging', async () => {
    mock.setCredits(3);
    expectError(await candidates({ job_id: DEMO, count: 100 }), 'INSUFFICIENT_CREDITS', 402);
    expect(mock.credits).toBe(3);
    const ok = await candidates({ job_id: DEMO, count: 30 });
    expect(ok.status).toBe(200);
    expect(mock.credits).toBe(0);
    expectError(await candidates({ job_id: DEMO, count: 1 }), 'INSUFFICIENT_CREDITS', 402);
    // An empty page costs nothing, so it still answers.
    expect((await candidates({ job_id: MOCK_JOBS.empty.jobId })).status).toBe(200);
  });

  it('GET /v2/credits is free and checks the key', async () => {
    const a = await get<{ credits: number }>('/v2/credits');
    expect(a.status).toBe(200);
    expect(a.json).toEqual({ success: true, data: { credits: DEFAULT_CREDITS } });
    mock.credits = 12;
    expect((await get<{ credits: number }>('/v2/credits', 'demo-key')).json.data.credits).toBe(12);
    expectError(await get('/v2/credits', 'wrong'), 'INVALID_API_KEY', 403);
    expectError(await get('/v2/credits', null), 'INVALID_API_KEY', 403);
    expect(mock.credits).toBe(12);
  });
});

describe('natural errors', () => {
  it('rejects a missing or wrong key with 403 INVALID_API_KEY', async () => {
    expectError(await candidates({ job_id: DEMO }, { key: null }), 'INVALID_API_KEY', 403);
    expectError(await candidates({ job_id: DEMO }, { key: 'nope' }), 'INVALID_API_KEY', 403);
    expectError(await candidates({ job_id: DEMO }, { key: '' }), 'INVALID_API_KEY', 403);
    expect(mock.requests.map((r) => [r.hasApiKey, r.apiKey])).toEqual([
      [false, null],
      [true, 'nope'],
      [true, ''],
    ]);
  });

  it('rejects unknown or missing accounts with 404 INVALID_ACCOUNT', async () => {
    expectError(
      await candidates({ job_id: DEMO }, { account: 'acc_nope' }),
      'INVALID_ACCOUNT',
      404,
    );
    expectError(await candidates({ job_id: DEMO }, { account: undefined }), 'INVALID_ACCOUNT', 404);
  });

  it('rejects the inactive account with 403 ACCOUNT_INACTIVE', async () => {
    const a = await candidates({ job_id: DEMO }, { account: 'acc_inactive' });
    expectError(a, 'ACCOUNT_INACTIVE', 403);
    expect(a.json.metadata.action).toBe('get_candidates');
  });

  it('rejects unknown actions with 400 INVALID_ACTION', async () => {
    expectError(await recruiter('get_everything'), 'INVALID_ACTION', 400);
    expectError(await recruiter('create_job'), 'INVALID_ACTION', 400);
  });

  it.each([
    ['no job_id', {}],
    ['a numeric job_id', { job_id: 4341315847 }],
    ['a non-digit job_id', { job_id: 'abc' }],
    ['count above 1000', { job_id: DEMO, count: 1001 }],
    ['count 0', { job_id: DEMO, count: 0 }],
    ['a fractional count', { job_id: DEMO, count: 2.5 }],
    ['a negative offset', { job_id: DEMO, offset: -1 }],
    ['an unknown sortType', { job_id: DEMO, sortType: 'NAME' }],
  ])('answers 400 INVALID_PARAMS with a message for %s', async (_, params) => {
    const a = await candidates(params);
    expectError(a, 'INVALID_PARAMS', 400);
    expect(a.json.error.message).toMatch(/job_id|count|offset|sortType/);
    expect(mock.credits).toBe(DEFAULT_CREDITS);
  });

  it('answers 400 INVALID_PARAMS for a body that is not JSON', async () => {
    expectError(await recruiter('x', {}, { rawBody: '{"account_id":' }), 'INVALID_PARAMS', 400);
  });

  it('answers 404 for unknown routes and 405 for wrong methods', async () => {
    expect((await get('/v2/nothing')).status).toBe(404);
    const a = await get('/v2/recruiter');
    expect(a.status).toBe(405);
    expect(a.json.success).toBe(false);
  });
});

describe('faults', () => {
  const codes = Object.entries(ERROR_STATUS) as [LinkupErrorCode, number][];

  it.each(codes)('injects %s with status %i and the error envelope', async (code, status) => {
    mock.setFaults({ error: { code } });
    const a = await candidates({ job_id: DEMO, count: 100 });
    expectError(a, code, status);
    expect(a.json.metadata.action).toBe('get_candidates');
    expect(mock.credits).toBe(DEFAULT_CREDITS);
    expect(mock.requests[0]?.fault).toBe('error');
  });

  it('uses the given message and status, and 400 for unknown codes', async () => {
    mock.setFaults({ error: { code: 'SOMETHING_NEW', message: 'Brand new failure' } });
    const a = await candidates({ job_id: DEMO });
    expectError(a, 'SOMETHING_NEW', 400);
    expect(a.json.error.message).toBe('Brand new failure');
    mock.setFaults({ error: { code: 'CHANNEL_ERROR', status: 400 } });
    expectError(await candidates({ job_id: DEMO }), 'CHANNEL_ERROR', 400);
  });

  it('honours afterRequests and times, then heals', async () => {
    mock.setFaults({ error: { code: 'RATE_LIMITED', afterRequests: 1, times: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await candidates({ job_id: DEMO })).status);
    expect(statuses).toEqual([200, 429, 429, 200, 200]);
  });

  it('adds Retry-After when asked', async () => {
    mock.setFaults({ error: { code: 'RATE_LIMITED', retryAfterSeconds: 7, times: 1 } });
    const a = await candidates({ job_id: DEMO });
    expect(a.status).toBe(429);
    expect(a.res.headers.get('retry-after')).toBe('7');
    expect((await candidates({ job_id: DEMO })).res.headers.get('retry-after')).toBeNull();
  });

  it('restricts faults to onlyActions', async () => {
    mock.setFaults({ error: { code: 'INTERNAL_ERROR' }, onlyActions: ['get_candidates'] });
    expect((await get('/v2/credits')).status).toBe(200);
    expect((await candidates({ job_id: DEMO })).status).toBe(500);
    mock.setFaults({ error: { code: 'INTERNAL_ERROR' }, onlyActions: ['credits'] });
    expect((await get('/v2/credits')).status).toBe(500);
    expect((await candidates({ job_id: DEMO })).status).toBe(200);
  });

  it('answers a Cloudflare-like HTML page', async () => {
    mock.setFaults({ html: { status: 503, times: 1 } });
    const a = await candidates({ job_id: DEMO });
    expect(a.status).toBe(503);
    expect(a.res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(a.text).toMatch(/^<!DOCTYPE html>/);
    expect(a.text).toContain('Cloudflare');
    expect(a.json).toBeUndefined();
    expect((await candidates({ job_id: DEMO })).status).toBe(200);
  });

  it('answers truncated JSON', async () => {
    mock.setFaults({ invalidJson: { times: 1 } });
    const a = await candidates({ job_id: DEMO });
    expect(a.status).toBe(200);
    expect(a.res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(a.text.startsWith('{"success":true')).toBe(true);
    expect(() => JSON.parse(a.text)).toThrow();
  });

  it('answers schema violations: candidates not an array, then pagination missing', async () => {
    mock.setFaults({ schemaViolation: { times: 2 } });
    const a = await candidates({ job_id: DEMO });
    expect(a.json.success).toBe(true);
    expect(typeof a.json.data.candidates).toBe('string');
    const b = await candidates({ job_id: DEMO });
    expect(Array.isArray(b.json.data.candidates)).toBe(true);
    expect(b.json.data.pagination).toBeUndefined();
    expect(mock.credits).toBe(DEFAULT_CREDITS);
  });

  it('drops the connection without answering', async () => {
    mock.setFaults({ dropConnection: { times: 1 } });
    await expect(candidates({ job_id: DEMO })).rejects.toThrow(TypeError);
    expect(mock.requests[0]).toMatchObject({ fault: 'dropConnection', status: null });
    expect((await candidates({ job_id: DEMO })).status).toBe(200);
  });

  it('hangs until the client gives up', async () => {
    mock.setFaults({ hang: { times: 1 } });
    await expect(
      candidates({ job_id: DEMO }, { signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    expect(mock.requests[0]).toMatchObject({ fault: 'hang', status: null });
    expect((await candidates({ job_id: DEMO })).status).toBe(200);
  });

  it('delays answers by latencyMs', async () => {
    mock.setFaults({ latencyMs: 150 });
    const start = performance.now();
    expect((await get('/v2/credits')).status).toBe(200);
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('is driven over HTTP by the control endpoints', async () => {
    const faults: Faults = { error: { code: 'INTERNAL_ERROR', times: 1 } };
    await control('POST', '/__mock/faults', faults);
    expect(mock.faults).toEqual(faults);
    expect((await candidates({ job_id: DEMO })).status).toBe(500);
    await control('POST', '/__mock/faults', { html: { status: 502 } });
    expect((await candidates({ job_id: DEMO })).status).toBe(502);
    await control('DELETE', '/__mock/faults');
    expect((await candidates({ job_id: DEMO })).status).toBe(200);

    await control('POST', '/__mock/credits', { credits: 5 });
    expect(mock.credits).toBe(5);
    const recorded = (await control('GET', '/__mock/requests')) as RecordedRequest[];
    expect(recorded.map((r) => r.status)).toEqual([500, 502, 200]);
    const state = (await control('GET', '/__mock/state')) as { credits: number; jobs: object };
    expect(state).toMatchObject({ credits: 5, requestCount: 3, url: mock.url });
    expect(state.jobs).toMatchObject({ [DEMO]: 350, [MOCK_JOBS.huge.jobId]: 10000 });
    await control('DELETE', '/__mock/requests');
    expect(mock.requests).toHaveLength(0);
  });

  it('rejects invalid faults', async () => {
    expect(() => mock.setFaults({ html: {} } as unknown as Faults)).toThrow(/html.status/);
    const res = await fetch(`${mock.url}/__mock/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ eror: { code: 'RATE_LIMITED' } }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('eror');
    expect(mock.faults).toEqual({});
  });

  it('grows a job over HTTP, keeping its first applicants (new applicants)', async () => {
    const before = await candidates({ job_id: MOCK_JOBS.tiny.jobId });
    await control('POST', '/__mock/jobs', { job_id: MOCK_JOBS.tiny.jobId, total: 5 });
    const after = await candidates({ job_id: MOCK_JOBS.tiny.jobId });
    expect(after.json.data.total_available_results).toBe(5);
    expect(after.json.data.candidates.slice(0, 3)).toEqual(before.json.data.candidates);
    await control('POST', '/__mock/reset');
    expect((await candidates({ job_id: MOCK_JOBS.tiny.jobId })).json.data.candidates).toHaveLength(
      3,
    );
  });
});

describe('recording', () => {
  it('records method, path, action, params, account, key and content type', async () => {
    await candidates({ job_id: DEMO, count: 20, offset: 40 });
    await get('/v2/accounts?limit=10&offset=0');
    const [first, second] = mock.requests;
    expect(first).toMatchObject({
      seq: 1,
      method: 'POST',
      path: '/v2/recruiter',
      action: 'get_candidates',
      account_id: ACCOUNT,
      params: { job_id: DEMO, count: 20, offset: 40 },
      hasApiKey: true,
      apiKey: KEY,
      contentType: 'application/json',
      status: 200,
      fault: null,
      credits_consumed: 2,
    });
    expect(typeof first?.time).toBe('number');
    expect(second).toMatchObject({
      method: 'GET',
      path: '/v2/accounts',
      action: 'accounts',
      query: { limit: '10', offset: '0' },
    });
    mock.resetRequests();
    expect(mock.requests).toHaveLength(0);
  });

  it('answers CORS preflights without recording them', async () => {
    const res = await fetch(`${mock.url}/v2/recruiter`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abc',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-api-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-api-key');
    expect(mock.requests).toHaveLength(0);
    const a = await get('/v2/credits');
    expect(a.res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('generated data', () => {
  it('is deterministic', async () => {
    const a = await candidates({ job_id: DEMO, count: 50, offset: 100 });
    const b = await candidates({ job_id: DEMO, count: 50, offset: 100 });
    expect(b.json.data.candidates).toEqual(a.json.data.candidates);
    const other = await startMockLinkup();
    try {
      const res = await fetch(`${other.url}/v2/recruiter`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-api-key': KEY },
        body: JSON.stringify({
          account_id: ACCOUNT,
          action: 'get_candidates',
          params: { job_id: DEMO, count: 50, offset: 100 },
        }),
      });
      const c = (await res.json()) as Envelope<Page>;
      expect(c.data.candidates).toEqual(a.json.data.candidates);
    } finally {
      await other.close();
    }
    expect(generateCandidate(DEMO, 123)).toEqual(generateCandidate(DEMO, 123));
    expect(generateCandidate(DEMO, 123)).toEqual(getJobCandidates(DEMO)[123]);
  });

  it('starts every job with the pinned non-ASCII names', async () => {
    const a = await candidates({ job_id: MOCK_JOBS.tiny.jobId });
    expect(a.json.data.candidates.map((c) => c.full_name)).toEqual(
      PINNED_NAMES.map((n) => n.full_name),
    );
    expect(a.json.data.candidates[2]).toMatchObject({ first_name: '雷', last_name: '李' });
  });

  it('serves 10,000 applicants with unique 11-digit IDs and realistic fields', async () => {
    const all: Record<string, unknown>[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const a = await candidates({ job_id: MOCK_JOBS.huge.jobId, count: 1000, offset });
      all.push(...a.json.data.candidates);
      offset = a.json.data.pagination.next_offset;
    }
    expect(all).toHaveLength(10000);
    const ids = all.map((c) => c.application_id as string);
    expect(new Set(ids).size).toBe(10000);
    expect(ids.every((id) => /^\d{11}$/.test(id))).toBe(true);

    const ratings = new Map<string, number>();
    for (const c of all)
      ratings.set(c.rating as string, (ratings.get(c.rating as string) ?? 0) + 1);
    expect([...ratings.keys()].sort()).toEqual([
      'GOOD',
      'GOOD_FIT',
      'MAYBE',
      'NOT_A_FIT',
      'UNRATED',
    ]);
    const top = all.filter((c) => c.is_top_choice === true);
    expect(top.length / all.length).toBeGreaterThan(0.03);
    expect(top.length / all.length).toBeLessThan(0.07);
    expect(top.every((c) => typeof c.top_choice_message === 'string' && c.top_choice_message)).toBe(
      true,
    );
    for (const c of all) {
      const id = c.public_identifier;
      if (typeof id === 'string' && id) {
        expect(c.profile_url).toBe(`https://www.linkedin.com/in/${id}`);
      }
      const exps = c.experiences;
      if (exps !== undefined) {
        expect(Array.isArray(exps) && exps.length <= 4).toBe(true);
        for (const e of exps as Record<string, unknown>[]) {
          if (e.date_range) {
            expect(e.date_range).toMatch(/^\d{1,2}\/\d{4} - (\d{1,2}\/\d{4}|Present)$/);
          }
        }
      }
    }
    // The odd-but-valid shapes are all there.
    expect(all.some((c) => !('location' in c))).toBe(true);
    expect(all.some((c) => c.location === '')).toBe(true);
    expect(all.some((c) => !('experiences' in c))).toBe(true);
    expect(all.some((c) => Array.isArray(c.experiences) && c.experiences.length === 0)).toBe(true);
    expect(all.some((c) => typeof c.application_date === 'string')).toBe(true);
    expect(all.some((c) => !('application_date' in c))).toBe(true);
    expect(all.some((c) => /[^\x20-\x7e]/.test(String(c.full_name)))).toBe(true);
  });

  it('keeps application IDs unique across the seeded jobs', () => {
    const seen = new Set<unknown>();
    let n = 0;
    for (const job of Object.values(MOCK_JOBS)) {
      for (const c of getJobCandidates(job.jobId)) {
        const id = (c as { application_id?: unknown }).application_id;
        if (typeof id !== 'string') continue;
        seen.add(id);
        n++;
      }
    }
    expect(seen.size).toBe(n);
  });

  it('fills job 4000000666 with XSS payloads', async () => {
    const a = await candidates({ job_id: MOCK_JOBS.xss.jobId, count: 10 });
    const list = a.json.data.candidates;
    expect(list).toHaveLength(5);
    expect(list.map((c) => c.profile_url)).toEqual([...XSS_PROFILE_URLS]);
    expect(
      list.filter((c) => String(c.profile_url).startsWith('https://www.linkedin.com/in/')),
    ).toHaveLength(1);
    for (const c of list) {
      expect(c.application_id).toMatch(/^\d{11}$/);
      for (const field of ['first_name', 'last_name', 'full_name', 'headline', 'location']) {
        expect(String(c[field])).toMatch(/[<>"]|javascript:|\{\{/);
        expect(String(c[field])).toContain('__xss');
      }
      const [exp] = c.experiences as Record<string, string>[];
      expect(exp?.title).toContain('__xss');
      expect(exp?.company_url).toMatch(/^(javascript:|http:)/);
    }
  });

  it('serves job 4000000777 with exactly two unstorable records and one odd one', async () => {
    const a = await candidates({ job_id: MALFORMED_JOB.jobId, count: 100 });
    const list = a.json.data.candidates;
    expect(list).toHaveLength(40);
    expect(a.json.data.total_available_results).toBe(40);
    const unstorable = list.filter((c) => typeof c.application_id !== 'string');
    expect(unstorable).toHaveLength(2);
    expect('application_id' in (list[MALFORMED_JOB.missingIdIndex] ?? {})).toBe(false);
    expect(list[MALFORMED_JOB.wrongIdTypeIndex]?.application_id).toEqual({});
    expect(typeof list[MALFORMED_JOB.experiencesStringIndex]?.experiences).toBe('string');
    expect(list[MALFORMED_JOB.experiencesStringIndex]?.application_id).toMatch(/^\d{11}$/);
    expect(list.length - unstorable.length).toBe(MALFORMED_JOB.storable);
  });
});

describe('get_cv', () => {
  type Cv = { cv: { content: string; content_type: string; filename: string } | null };
  const tiny = getJobCandidates(MOCK_JOBS.tiny.jobId) as { application_id: string }[];
  const demo = getJobCandidates(DEMO) as { application_id: string; full_name?: string }[];
  const cv = (applicationId: string) => recruiter<Cv>('get_cv', { application_id: applicationId });
  const bytesOf = (a: Answer<Cv>) => Buffer.from(a.json.data.cv?.content ?? '', 'base64');

  it('returns a valid PDF with the name for the first applicant, for 1 credit', async () => {
    const a = await cv(tiny[0]?.application_id ?? '');
    expect(a.status).toBe(200);
    expect(a.json.data.cv?.content_type).toBe('application/pdf');
    const pdf = bytesOf(a);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.toString('utf8')).toContain('Zoë Ångström');
    expect(pdf.toString('latin1')).toContain('(Zoe Angstrom) Tj');
    const startxref = Number(/startxref\n(\d+)/.exec(pdf.toString('latin1'))?.[1]);
    expect(pdf.subarray(startxref, startxref + 4).toString('latin1')).toBe('xref');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(a.json.metadata).toMatchObject({ action: 'get_cv', credits_consumed: 1 });
    expect(mock.credits).toBe(DEFAULT_CREDITS - 1);
  });

  it('returns a DOCX zip labelled as a PDF for the second applicant', async () => {
    const a = await cv(tiny[1]?.application_id ?? '');
    expect(a.json.data.cv).toMatchObject({
      content_type: 'application/pdf',
      filename: 'resume.pdf',
    });
    const zip = bytesOf(a);
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(zip.toString('utf8')).toContain('word/document.xml');
    expect(zip.toString('utf8')).toContain('José Núñez');
    expect(zip.readUInt32LE(zip.length - 22)).toBe(0x06054b50);
  });

  it('answers 200 without a CV for the third applicant, for free', async () => {
    const a = await cv(tiny[2]?.application_id ?? '');
    expect(a.status).toBe(200);
    expect(a.json.data).toEqual({ cv: null });
    expect(a.json.metadata.credits_consumed).toBe(0);
    expect(mock.credits).toBe(DEFAULT_CREDITS);
  });

  const magic: [CvKind, (b: Buffer) => boolean][] = [
    ['pdf', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
    ['docx', (b) => b.readUInt32LE(0) === 0x04034b50],
    ['docx-as-pdf', (b) => b.readUInt32LE(0) === 0x04034b50],
    ['doc', (b) => b.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))],
    ['rtf', (b) => b.subarray(0, 5).toString('latin1') === '{\\rtf'],
    ['none-empty', (b) => b.length === 0],
  ];
  it.each(magic)('serves the %s kind with its magic bytes', async (kind, check) => {
    const index = demo.findIndex((c, i) => cvKindFor(c.application_id, i, DEMO) === kind);
    expect(index).toBeGreaterThanOrEqual(0);
    const a = await cv(demo[index]?.application_id ?? '');
    expect(a.status).toBe(200);
    expect(check(bytesOf(a))).toBe(true);
  });

  it('answers 400 INVALID_PARAMS for an unknown or malformed application ID', async () => {
    expectError(await cv('99999999999'), 'INVALID_PARAMS', 400);
    expectError(await recruiter('get_cv', {}), 'INVALID_PARAMS', 400);
  });

  it('answers 402 when no credit is left', async () => {
    mock.setCredits(0);
    expectError(await cv(tiny[0]?.application_id ?? ''), 'INSUFFICIENT_CREDITS', 402);
  });
});

describe('other endpoints', () => {
  it('lists accounts with limit and offset', async () => {
    type Accounts = { items: Record<string, unknown>[]; total: number };
    const a = await get<Accounts>('/v2/accounts?limit=50&offset=0');
    expect(a.status).toBe(200);
    expect(a.json.success).toBe(true);
    expect(a.json.data.total).toBe(2);
    expect(a.json.data.items).toEqual([
      { account_id: 'acc_demo', status: 'CONNECTED', platform: 'LINKEDIN', name: 'Demo Recruiter' },
      expect.objectContaining({ account_id: 'acc_inactive', platform: 'LINKEDIN' }),
    ]);
    const b = await get<Accounts>('/v2/accounts?limit=1&offset=1');
    expect(b.json.data.items.map((i) => i.account_id)).toEqual(['acc_inactive']);
    expect(b.json.data.total).toBe(2);
    expectError(await get('/v2/accounts?limit=0'), 'INVALID_PARAMS', 400);
    expectError(await get('/v2/accounts', 'bad'), 'INVALID_API_KEY', 403);
  });

  it('scopes accounts to their keys', async () => {
    const scoped = await startMockLinkup({
      validKeys: ['k1', 'k2'],
      accounts: [
        { account_id: 'a1', status: 'CONNECTED', platform: 'LINKEDIN', name: 'A', keys: ['k1'] },
      ],
    });
    try {
      const call = (key: string) =>
        fetch(`${scoped.url}/v2/recruiter`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-api-key': key },
          body: JSON.stringify({
            account_id: 'a1',
            action: 'get_candidates',
            params: { job_id: DEMO },
          }),
        });
      expect((await call('k1')).status).toBe(200);
      expect((await call('k2')).status).toBe(404);
    } finally {
      await scoped.close();
    }
  });

  it('answers get_posts with a list', async () => {
    const a = await recruiter<{ posts: unknown[]; total: number }>('get_posts', {});
    expect(a.status).toBe(200);
    expect(Array.isArray(a.json.data.posts)).toBe(true);
    expect(a.json.metadata.credits_consumed).toBe(0);
  });

  it('applies the latencyMs option and rate limits on request', async () => {
    const slow = await startMockLinkup({
      latencyMs: 100,
      rateLimit: { limit: 2, windowMs: 60_000 },
    });
    try {
      const start = performance.now();
      const hit = () => fetch(`${slow.url}/v2/credits`, { headers: { 'x-api-key': KEY } });
      expect((await hit()).status).toBe(200);
      expect(performance.now() - start).toBeGreaterThanOrEqual(90);
      expect((await hit()).status).toBe(200);
      const limited = await hit();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await slow.close();
    }
  });
});

describe('HTTPS (the benchmark reaches the mock as api.linkupapi.com)', () => {
  it('serves the same API over TLS on a second port, with the given certificate', async () => {
    const tls = selfSignedCertificate(['api.linkupapi.com']);
    const secure = await startMockLinkup({ tls });
    try {
      expect(secure.tlsPort).toEqual(expect.any(Number));
      expect(secure.tlsPort).not.toBe(secure.port);
      const answer = await new Promise<{ status: number; body: string; cert: string }>(
        (resolve, reject) => {
          const req = https.request(
            {
              host: '127.0.0.1',
              port: secure.tlsPort as number,
              path: '/v2/credits',
              servername: 'api.linkupapi.com',
              ca: tls.cert,
              headers: { 'x-api-key': KEY },
              agent: false,
            },
            (res) => {
              // Read now: the socket is detached from the response once it ends.
              const cert = (res.socket as TLSSocket).getPeerCertificate().subjectaltname ?? '';
              let body = '';
              res.on('data', (chunk) => {
                body += chunk;
              });
              res.on('end', () =>
                resolve({
                  status: res.statusCode ?? 0,
                  body,
                  cert,
                }),
              );
            },
          );
          req.on('error', reject);
          req.end();
        },
      );
      expect(answer.status).toBe(200);
      expect(parse<{ credits: number }>(answer.body).data?.credits).toBe(DEFAULT_CREDITS);
      expect(answer.cert).toContain('DNS:api.linkupapi.com');
      expect(secure.requests.map((r) => r.path)).toEqual(['/v2/credits']);
    } finally {
      await secure.close();
    }
  });

  it('has no TLS port unless asked', () => {
    expect(mock.tlsPort).toBeNull();
  });
});
