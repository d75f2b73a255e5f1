import { describe, expect, it } from 'vitest';
import {
  ERROR_MESSAGES,
  LinkupError,
  type LinkupErrorKind,
  sanitizeApiMessage,
  toErrorInfo,
} from '../../utils/linkup/errors';

const ALL_KINDS: LinkupErrorKind[] = [
  'invalid-key',
  'account-inactive',
  'invalid-account',
  'invalid-params',
  'invalid-action',
  'insufficient-credits',
  'rate-limited',
  'server-error',
  'api-error',
  'network',
  'timeout',
  'bad-response',
  'invalid-response',
  'cancelled',
  'no-settings',
];

describe('LinkupError', () => {
  it.each([
    ['rate-limited', true],
    ['server-error', true],
    ['network', true],
    ['timeout', true],
    ['invalid-key', false],
    ['account-inactive', false],
    ['invalid-account', false],
    ['invalid-params', false],
    ['invalid-action', false],
    ['insufficient-credits', false],
    ['api-error', false],
    ['bad-response', false],
    ['invalid-response', false],
    ['cancelled', false],
    ['no-settings', false],
  ] as const)('%s is retryable: %s', (kind, retryable) => {
    expect(new LinkupError(kind).retryable).toBe(retryable);
  });

  it('keeps its details and defaults them to null', () => {
    const error = new LinkupError('rate-limited', { status: 429, retryAfterMs: 5000 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('LinkupError');
    expect(error).toMatchObject({
      kind: 'rate-limited',
      status: 429,
      apiCode: null,
      apiMessage: null,
      retryAfterMs: 5000,
    });
  });

  it('takes an optional developer note without changing what the user sees', () => {
    const error = new LinkupError('no-settings', 'No API key', { status: null });
    expect(error.message).toBe('No API key');
    expect(toErrorInfo(error).message).toBe(ERROR_MESSAGES['no-settings']);
  });

  it('uses the user message as its own message by default', () => {
    expect(new LinkupError('network').message).toBe(ERROR_MESSAGES.network);
  });
});

describe('toErrorInfo', () => {
  it.each([
    ['invalid-key', {}, 'Linkup did not accept your API key. Check the key in the options page.'],
    [
      'account-inactive',
      {},
      'Your LinkedIn account is disconnected from Linkup. Reconnect it in the Linkup dashboard.',
    ],
    [
      'invalid-account',
      {},
      'LinkedIn account not found: the account ID does not belong to this API key. Pick another account in the options page.',
    ],
    [
      'insufficient-credits',
      {},
      'Your Linkup account has no credits left. Top up your credits, then pull again; everything fetched so far is kept.',
    ],
    [
      'invalid-params',
      { apiMessage: 'job_id must be numeric' },
      'Linkup rejected the request: job_id must be numeric',
    ],
    ['network', {}, 'Linkup could not be reached. Check your network connection.'],
    ['no-settings', {}, 'Add your Linkup API key and account ID in the options page first.'],
  ] as const)('explains %s in plain words', (kind, init, message) => {
    expect(toErrorInfo(new LinkupError(kind, init))).toEqual({ kind, message });
  });

  it('names the HTTP status of an unexpected page', () => {
    const info = toErrorInfo(new LinkupError('bad-response', { status: 403 }));
    expect(info.message).toMatch(/^Linkup answered with an unexpected page \(HTTP 403\)\./);
    expect(toErrorInfo(new LinkupError('server-error', { status: 502 })).message).toContain(
      'HTTP 502',
    );
  });

  it('starts the unreadable-response message as agreed', () => {
    expect(toErrorInfo(new LinkupError('invalid-response')).message).toMatch(
      /^Linkup sent a response this extension cannot read\./,
    );
  });

  it('shows the API message of an unknown code, sanitised', () => {
    const info = toErrorInfo(
      new LinkupError('api-error', {
        apiCode: 'CHANNEL_ERROR',
        apiMessage: '<b>LinkedIn</b> refused the request',
      }),
    );
    expect(info.message).toBe('Linkup reported a problem: LinkedIn refused the request');
  });

  it.each(['invalid-params', 'api-error'] as const)(
    'falls back to a plain %s message when the API message is empty',
    (kind) => {
      const message = toErrorInfo(new LinkupError(kind, { apiMessage: '  <br/> ' })).message;
      expect(message).not.toMatch(/[:<{]\s*$/);
      expect(message.length).toBeGreaterThan(20);
    },
  );

  it('passes Retry-After on', () => {
    expect(toErrorInfo(new LinkupError('rate-limited', { retryAfterMs: 3000 }))).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 3000,
    });
    expect(toErrorInfo(new LinkupError('rate-limited'))).not.toHaveProperty('retryAfterMs');
  });

  it.each(ALL_KINDS)('gives %s a readable message without markup or JSON', (kind) => {
    for (const status of [null, 403, 502]) {
      const { message } = toErrorInfo(
        new LinkupError(kind, { status, apiMessage: '<html><body>{"x":1}</body></html>' }),
      );
      expect(message).toMatch(/^[A-Z]/);
      expect(message).toMatch(/\.$|[a-z0-9]$/);
      expect(message).not.toMatch(/[<>{}]|LinkupError|null|undefined/);
    }
  });

  it('treats an AbortError as a cancel', () => {
    expect(toErrorInfo(new DOMException('aborted', 'AbortError')).kind).toBe('cancelled');
  });

  it.each([new TypeError('x is not a function'), 'boom', null, { stack: 'at foo (bar.js:1)' }])(
    'hides anything else behind a generic message: %j',
    (err) => {
      const info = toErrorInfo(err);
      expect(info.kind).toBe('unknown');
      expect(info.message).not.toMatch(/function|boom|bar\.js/);
    },
  );
});

describe('sanitizeApiMessage', () => {
  it.each([
    ['  job_id   is\n required ', 'job_id is required'],
    ['<p>Bad <i>count</i></p>', 'Bad count'],
    ['<script>alert(1)</script>Bad count', 'Bad count'],
    ['a < b', 'a b'],
    ['{"detail":"x"}', ''],
    ['', ''],
    [null, ''],
  ])('turns %j into %j', (input, output) => {
    expect(sanitizeApiMessage(input)).toBe(output);
  });

  it('cuts long messages to 200 characters', () => {
    const result = sanitizeApiMessage('word '.repeat(100));
    expect(result.length).toBeLessThanOrEqual(200);
    expect(result.endsWith('…')).toBe(true);
  });
});
