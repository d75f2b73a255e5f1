import { describe, expect, it, vi } from 'vitest';
import { LinkupClient, type LinkupClientOptions, parseRetryAfter } from '../../utils/linkup/client';
import { LinkupError, toErrorInfo } from '../../utils/linkup/errors';

const API_KEY = 'lk_test_SECRET_0123456789abcdef';
const BASE = 'https://api.linkupapi.com';

type FetchArgs = Parameters<typeof fetch>;

/** A fake `fetch` answering from a list (the last answer repeats) and recording requests. */
function fakeFetch(...answers: Array<Response | (() => Response | Promise<Response>)>) {
  return vi.fn(async (..._args: FetchArgs): Promise<Response> => {
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (!answer) throw new Error('no answer configured');
    return typeof answer === 'function' ? answer() : answer.clone();
  });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function html(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html', ...headers } });
}

function ok(data: unknown, creditsConsumed?: number): Response {
  return json(200, {
    success: true,
    data,
    metadata: {
      action: 'x',
      account_id: 'acc-1',
      ...(creditsConsumed === undefined ? {} : { credits_consumed: creditsConsumed }),
      timestamp: '2025-07-01T10:00:00Z',
    },
  });
}

function failure(status: number, code: unknown, message: unknown): Response {
  return json(status, {
    success: false,
    error: { code, message },
    metadata: { action: 'get_candidates', credits_consumed: 0, timestamp: 'now' },
  });
}

function client(fetchImpl: typeof fetch, options: Partial<LinkupClientOptions> = {}) {
  return new LinkupClient({
    apiKey: API_KEY,
    accountId: 'acc-1',
    baseUrl: BASE,
    fetch: fetchImpl,
    ...options,
  });
}

function candidatesPage(ids: unknown[], pagination: Record<string, unknown> = {}) {
  return {
    candidates: ids.map((id) => ({ application_id: id, full_name: `Person ${String(id)}` })),
    total_results: ids.length,
    total_available_results: 250,
    pagination: { offset: 0, count: 100, next_offset: 100, has_more: true, ...pagination },
  };
}

async function caught(promise: Promise<unknown>): Promise<LinkupError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LinkupError) return error;
    throw error;
  }
  throw new Error('expected a LinkupError');
}

/** The request the fake fetch received, with its headers read case-insensitively. */
function request(fetchMock: ReturnType<typeof fakeFetch>, index = 0) {
  const call = fetchMock.mock.calls[index];
  if (!call) throw new Error(`no request #${index}`);
  const [url, init] = call;
  const headers = new Headers(init?.headers);
  return {
    url: String(url),
    method: init?.method ?? 'GET',
    apiKey: headers.get('x-api-key'),
    contentType: headers.get('content-type'),
    body: init?.body,
    signal: init?.signal,
  };
}

describe('requests', () => {
  it('asks for candidates with exactly the agreed body', async () => {
    const fetchMock = fakeFetch(ok(candidatesPage(['1', '2']), 1));
    await client(fetchMock).getCandidates({ jobId: '4012345678', offset: 200, count: 100 });
    const sent = request(fetchMock);
    expect(sent).toMatchObject({
      url: `${BASE}/v2/recruiter`,
      method: 'POST',
      apiKey: API_KEY,
      contentType: 'application/json',
    });
    expect(sent.body).toBe(
      '{"account_id":"acc-1","action":"get_candidates","params":{"job_id":"4012345678","count":100,"offset":200}}',
    );
    expect(sent.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads the credit balance with GET /v2/credits', async () => {
    const fetchMock = fakeFetch(json(200, { success: true, data: { credits: 4825 } }));
    await expect(client(fetchMock).getCredits()).resolves.toBe(4825);
    expect(request(fetchMock)).toMatchObject({
      url: `${BASE}/v2/credits`,
      method: 'GET',
      apiKey: API_KEY,
      contentType: 'application/json',
      body: undefined,
    });
  });

  it('strips a trailing slash from the base URL', async () => {
    const fetchMock = fakeFetch(ok({ credits: 1 }));
    await client(fetchMock, { baseUrl: 'http://127.0.0.1:47831/' }).getCredits();
    expect(request(fetchMock).url).toBe('http://127.0.0.1:47831/v2/credits');
  });

  it('lists accounts, paging while total says there are more', async () => {
    const firstPage = Array.from({ length: 50 }, (_, i) => ({
      account_id: `acc-${i}`,
      status: 'active',
      platform: 'linkedin',
    }));
    const fetchMock = fakeFetch(
      ok({ items: firstPage, total: 52 }),
      ok({ items: [{ account_id: 'acc-50', name: 'Recruiting' }, { status: 'no id' }], total: 52 }),
    );
    const accounts = await client(fetchMock).listAccounts();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(request(fetchMock, 0)).toMatchObject({
      url: `${BASE}/v2/accounts?limit=50&offset=0`,
      method: 'GET',
      apiKey: API_KEY,
    });
    expect(request(fetchMock, 1).url).toBe(`${BASE}/v2/accounts?limit=50&offset=50`);
    expect(accounts).toHaveLength(51);
    expect(accounts[0]).toEqual({
      accountId: 'acc-0',
      status: 'active',
      platform: 'linkedin',
      label: 'acc-0',
    });
    expect(accounts[50]).toMatchObject({ accountId: 'acc-50', label: 'Recruiting' });
  });

  it.each([
    ['no total', { items: [{ account_id: 'a' }] }],
    ['a total already reached', { items: [{ account_id: 'a' }], total: 1 }],
    ['an empty page', { items: [], total: 10 }],
  ])('stops listing accounts on %s', async (_label, data) => {
    const fetchMock = fakeFetch(ok(data));
    await client(fetchMock).listAccounts();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('stops listing accounts when an API ignores offset', async () => {
    const fetchMock = fakeFetch(ok({ items: [{ account_id: 'a' }], total: 1000 }));
    await expect(client(fetchMock).listAccounts()).resolves.toHaveLength(1);
    expect(fetchMock.mock.calls.length).toBeLessThanOrEqual(20);
  });

  it('gets a CV with get_cv and decodes it', async () => {
    const pdf = '%PDF-1.7 test';
    const fetchMock = fakeFetch(
      ok({ cv: { content: btoa(pdf), content_type: 'application/pdf', filename: 'cv.pdf' } }, 3),
    );
    const cv = await client(fetchMock).getCv('21651234567');
    expect(JSON.parse(String(request(fetchMock).body))).toEqual({
      account_id: 'acc-1',
      action: 'get_cv',
      params: { application_id: '21651234567' },
    });
    expect(cv).toMatchObject({
      contentType: 'application/pdf',
      filename: 'cv.pdf',
      creditsConsumed: 3,
    });
    expect(cv?.content).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(cv?.content)).toBe(pdf);
  });

  it('decodes base64 with line breaks and URL-safe characters', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xfb, 0xff]);
    const standard = btoa(String.fromCharCode(...bytes));
    const urlSafe = `${standard.slice(0, 4)}\n${standard.slice(4)}`
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    const fetchMock = fakeFetch(ok({ cv: { content: urlSafe, content_type: '', filename: '' } }));
    const cv = await client(fetchMock).getCv('1');
    expect([...(cv?.content ?? [])]).toEqual([...bytes]);
  });

  it.each([
    ['cv null', { cv: null }],
    ['cv missing', {}],
    ['content null', { cv: { content: null, content_type: '', filename: '' } }],
    ['content empty', { cv: { content: '', content_type: 'application/pdf', filename: 'x' } }],
  ])('returns null when there is no CV (%s)', async (_label, data) => {
    await expect(client(fakeFetch(ok(data))).getCv('1')).resolves.toBeNull();
  });

  it('rejects a CV that is not base64', async () => {
    const error = await caught(
      client(fakeFetch(ok({ cv: { content: 'not base64 at all!' } }))).getCv('1'),
    );
    expect(error.kind).toBe('invalid-response');
  });

  it('asks for settings instead of calling without a key or account', async () => {
    const fetchMock = fakeFetch(ok({ credits: 1 }));
    expect((await caught(client(fetchMock, { apiKey: ' ' }).getCredits())).kind).toBe(
      'no-settings',
    );
    expect((await caught(client(fetchMock, { accountId: '' }).getCandidates(params()))).kind).toBe(
      'no-settings',
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

function params() {
  return { jobId: '4012345678', offset: 0, count: 100 };
}

describe('getCandidates', () => {
  it('returns a normalised page with the requested offset, skips and credits', async () => {
    const page = await client(
      fakeFetch(ok(candidatesPage(['1', 2, '', 'x'], { next_offset: 300 }), 1)),
    ).getCandidates({ jobId: '4012345678', offset: 200, count: 100 });
    expect(page).toMatchObject({
      offset: 200,
      skipped: 2,
      totalResults: 4,
      totalAvailable: 250,
      nextOffset: 300,
      hasMore: true,
      creditsConsumed: 1,
    });
    expect(page.candidates.map((c) => c.applicationId)).toEqual(['1', '2']);
  });

  it('reads absent credits as 0', async () => {
    const page = await client(fakeFetch(ok(candidatesPage(['1'])))).getCandidates(params());
    expect(page.creditsConsumed).toBe(0);
  });

  it.each([
    ['data missing', { success: true, metadata: {} }],
    [
      'candidates missing',
      { success: true, data: { pagination: { next_offset: null, has_more: false } } },
    ],
    ['pagination missing', { success: true, data: { candidates: [] } }],
    [
      'has_more not a boolean',
      {
        success: true,
        data: { candidates: [], pagination: { next_offset: null, has_more: 'no' } },
      },
    ],
    ['no envelope at all', { candidates: [], pagination: { next_offset: null, has_more: false } }],
    ['an array', []],
    ['a string', 'ok'],
  ])('reports a success response with %s as invalid-response', async (_label, body) => {
    const error = await caught(client(fakeFetch(json(200, body))).getCandidates(params()));
    expect(error.kind).toBe('invalid-response');
    expect(error.retryable).toBe(false);
  });
});

describe('errors', () => {
  it.each([
    ['INVALID_API_KEY', 403, 'invalid-key', false],
    ['ACCOUNT_INACTIVE', 403, 'account-inactive', false],
    ['INVALID_ACCOUNT', 404, 'invalid-account', false],
    ['INVALID_PARAMS', 400, 'invalid-params', false],
    ['INVALID_ACTION', 400, 'invalid-action', false],
    ['INSUFFICIENT_CREDITS', 402, 'insufficient-credits', false],
    ['RATE_LIMITED', 429, 'rate-limited', true],
    ['INTERNAL_ERROR', 500, 'server-error', true],
    ['CHANNEL_ERROR', 502, 'api-error', false],
    ['SOMETHING_NEW', 400, 'api-error', false],
    ['invalid_api_key', 403, 'invalid-key', false],
  ] as const)('maps %s (HTTP %i) to %s', async (code, status, kind, retryable) => {
    const message = `Message for ${code}`;
    const error = await caught(
      client(fakeFetch(failure(status, code, message))).getCandidates(params()),
    );
    expect(error).toMatchObject({
      kind,
      status,
      apiCode: code.toUpperCase(),
      apiMessage: message,
      retryAfterMs: null,
    });
    expect(error.retryable).toBe(retryable);
  });

  it('branches on the code, not the status', async () => {
    const error = await caught(
      client(fakeFetch(failure(200, 'INSUFFICIENT_CREDITS', 'No credits'))).getCredits(),
    );
    expect(error.kind).toBe('insufficient-credits');
  });

  it.each([
    [429, 'rate-limited'],
    [500, 'server-error'],
    [400, 'api-error'],
  ] as const)('maps an envelope without a code (HTTP %i) by status to %s', async (status, kind) => {
    const error = await caught(client(fakeFetch(failure(status, null, 'Odd'))).getCredits());
    expect(error.kind).toBe(kind);
    expect(error.apiCode).toBeNull();
  });

  it('shows the message of an unknown code', async () => {
    const error = await caught(
      client(fakeFetch(failure(502, 'CHANNEL_ERROR', 'LinkedIn refused the request'))).getCredits(),
    );
    expect(toErrorInfo(error).message).toBe(
      'Linkup reported a problem: LinkedIn refused the request',
    );
  });

  it('shows the message of invalid params, sanitised', async () => {
    const error = await caught(
      client(
        fakeFetch(failure(400, 'INVALID_PARAMS', '<b>job_id</b> must be numeric')),
      ).getCandidates(params()),
    );
    expect(toErrorInfo(error).message).toBe('Linkup rejected the request: job_id must be numeric');
  });

  const CLOUDFLARE_403 =
    '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1></body></html>';
  const CLOUDFLARE_502 =
    '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>';

  it.each([
    ['an HTML 403 page', 'bad-response', 403, false, () => html(403, CLOUDFLARE_403)],
    ['an HTML 502 page', 'server-error', 502, true, () => html(502, CLOUDFLARE_502)],
    ['an HTML 503 page', 'server-error', 503, true, () => html(503, 'Service Unavailable')],
    ['an HTML 429 page', 'rate-limited', 429, true, () => html(429, 'Too Many Requests')],
    ['an empty 500', 'server-error', 500, true, () => new Response('', { status: 500 })],
    ['an HTML 200 page', 'bad-response', 200, false, () => html(200, '<html>Login</html>')],
    ['invalid JSON', 'bad-response', 200, false, () => new Response('{"success": tr')],
    ['JSON without an envelope on 401', 'bad-response', 401, false, () => json(401, {})],
    ['JSON without an envelope on 404', 'bad-response', 404, false, () => json(404, { a: 1 })],
  ] as const)('reports %s as %s', async (_label, kind, status, retryable, response) => {
    const error = await caught(client(fakeFetch(response)).getCandidates(params()));
    expect(error).toMatchObject({ kind, status, apiCode: null });
    expect(error.retryable).toBe(retryable);
    const { message } = toErrorInfo(error);
    if (kind !== 'rate-limited') expect(message).toContain(`HTTP ${status}`);
    expect(message).not.toMatch(/[<>{}]|cloudflare|DOCTYPE/i);
  });

  it('reports an HTML 403 with the agreed words', async () => {
    const error = await caught(client(fakeFetch(html(403, CLOUDFLARE_403))).getCredits());
    expect(toErrorInfo(error).message).toMatch(
      /^Linkup answered with an unexpected page \(HTTP 403\)\./,
    );
  });

  it('reports a failed fetch as a retryable network error', async () => {
    const fetchMock = vi.fn(async (): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    });
    const error = await caught(client(fetchMock).getCredits());
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
    expect(toErrorInfo(error).message).toBe(
      'Linkup could not be reached. Check your network connection.',
    );
  });

  it('reports a body that fails mid-read as a network error', async () => {
    const response = new Response('x', { status: 200 });
    vi.spyOn(response, 'text').mockRejectedValue(new TypeError('network error'));
    const error = await caught(client(fakeFetch(() => response)).getCredits());
    expect(error).toMatchObject({ kind: 'network', status: 200 });
  });

  /** A fetch that answers only when aborted, like a real one that gets no reply. */
  function hangingFetch() {
    return vi.fn(
      (_input: FetchArgs[0], init?: FetchArgs[1]) =>
        new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('The operation was aborted.', 'AbortError')),
          );
        }),
    );
  }

  it('times out after timeoutMs', async () => {
    vi.useFakeTimers();
    try {
      const fetchMock = hangingFetch();
      const pending = caught(client(fetchMock, { timeoutMs: 5000 }).getCandidates(params()));
      await vi.advanceTimersByTimeAsync(4999);
      expect(fetchMock.mock.calls[0]?.[1]?.signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const error = await pending;
      expect(error.kind).toBe('timeout');
      expect(error.retryable).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('defaults the timeout to 90 s', async () => {
    vi.useFakeTimers();
    try {
      const pending = caught(client(hangingFetch()).getCredits());
      await vi.advanceTimersByTimeAsync(89_999);
      let settled = false;
      void pending.then(() => {
        settled = true;
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).kind).toBe('timeout');
    } finally {
      vi.useRealTimers();
    }
  });

  it('times out even when fetch ignores its signal', async () => {
    const fetchMock = vi.fn(() => new Promise<Response>(() => {}));
    const error = await caught(client(fetchMock, { timeoutMs: 10 }).getCredits());
    expect(error.kind).toBe('timeout');
  });

  it('times out while the body is still arriving', async () => {
    const response = new Response('x', { status: 200 });
    vi.spyOn(response, 'text').mockReturnValue(new Promise<string>(() => {}));
    const error = await caught(
      client(
        fakeFetch(() => response),
        { timeoutMs: 10 },
      ).getCredits(),
    );
    expect(error.kind).toBe('timeout');
  });

  it('reports the caller abort as cancelled', async () => {
    const controller = new AbortController();
    const fetchMock = hangingFetch();
    const pending = caught(client(fetchMock).getCandidates(params(), controller.signal));
    await Promise.resolve();
    controller.abort();
    const error = await pending;
    expect(error.kind).toBe('cancelled');
    expect(error.retryable).toBe(false);
    expect(fetchMock.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
  });

  it('does not call at all when already cancelled', async () => {
    const fetchMock = fakeFetch(ok({ credits: 1 }));
    const error = await caught(client(fetchMock).getCredits(AbortSignal.abort()));
    expect(error.kind).toBe('cancelled');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each([
    ['seconds', '7', 7000],
    ['zero seconds', '0', 0],
  ])('reads Retry-After in %s', async (_label, header, expected) => {
    const error = await caught(
      client(
        fakeFetch(
          json(
            429,
            { success: false, error: { code: 'RATE_LIMITED', message: 'Slow down' } },
            { 'Retry-After': header },
          ),
        ),
      ).getCredits(),
    );
    expect(error.retryAfterMs).toBe(expected);
    expect(toErrorInfo(error).retryAfterMs).toBe(expected);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const date = new Date(Date.now() + 120_000).toUTCString();
    const error = await caught(
      client(fakeFetch(html(503, 'Busy', { 'Retry-After': date }))).getCredits(),
    );
    expect(error.kind).toBe('server-error');
    // HTTP dates have a one-second resolution.
    expect(error.retryAfterMs).toBeGreaterThan(118_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it.each([
    ['7', 7000],
    [' 2.5 ', 2500],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 60_000],
    ['Wed, 21 Oct 2015 07:26:00 GMT', 0],
    ['soon', null],
    ['', null],
    [null, null],
  ])('parseRetryAfter(%j) is %j', (header, expected) => {
    expect(parseRetryAfter(header, Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(expected);
  });
});

describe('the API key', () => {
  const scenarios: Array<[string, () => Promise<unknown>]> = [
    [
      'an echoed key in an error message',
      () =>
        client(
          fakeFetch(failure(403, 'INVALID_API_KEY', `The key ${API_KEY} is not valid`)),
        ).getCredits(),
    ],
    [
      'an unknown code echoing the key',
      () => client(fakeFetch(failure(500, 'WHAT', `key=${API_KEY}`))).getCredits(),
    ],
    [
      'invalid params echoing the key',
      () => client(fakeFetch(failure(400, 'INVALID_PARAMS', `x-api-key: ${API_KEY}`))).getCredits(),
    ],
    ['an HTML page', () => client(fakeFetch(html(403, `<p>${API_KEY}</p>`))).getCredits()],
    [
      'a network failure',
      () =>
        client(
          vi.fn(async () => {
            throw new TypeError('Failed to fetch');
          }),
        ).getCredits(),
    ],
    [
      'a timeout',
      () =>
        client(
          vi.fn(() => new Promise<Response>(() => {})),
          { timeoutMs: 5 },
        ).getCredits(),
    ],
    ['a bad page', () => client(fakeFetch(json(200, { nope: true }))).getCandidates(params())],
  ];

  it.each(scenarios)('never appears in an error from %s', async (_label, call) => {
    const error = await caught(call());
    const visible = [
      error.message,
      String(error),
      error.stack ?? '',
      error.apiMessage ?? '',
      JSON.stringify(error),
      toErrorInfo(error).message,
    ].join('\n');
    expect(visible).not.toContain(API_KEY);
  });

  it('is not visible on the client object', () => {
    const instance = client(fakeFetch(ok({ credits: 1 })));
    expect(JSON.stringify(instance)).not.toContain(API_KEY);
    expect(Object.values(instance).join()).not.toContain(API_KEY);
  });
});
