import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CV_TIMEOUT_MS,
  type CvBatchView,
  CvFetcher,
  type CvFetcherDeps,
  MAX_CONSECUTIVE_FAILURES,
  NO_CV_MEMORY_MS,
} from '@/utils/cv/cv-fetcher';
import { CV_MESSAGES, cvErrorInfo } from '@/utils/cv/messages';
import { cvBlob, cvBytesByJob, getCv, listCvIds, putCv } from '@/utils/db/cvs';
import { deleteJob, ensureJob } from '@/utils/db/jobs';
import { openPanelDb } from '@/utils/db/open';
import type { PanelDb } from '@/utils/db/schema';
import { LinkupClient } from '@/utils/linkup/client';
import { ERROR_MESSAGES, LinkupError } from '@/utils/linkup/errors';
import { RequestQueue } from '@/utils/linkup/queue';
import type { LinkupCv } from '@/utils/linkup/types';
import { buildDocx, buildPdf, cvAnswerFor } from '../mock-linkup/cv';

const JOB = '4341315847';
const OTHER_JOB = '4000000002';

const PDF = new Uint8Array(buildPdf('Zoë Ångström'));
const DOCX = new Uint8Array(buildDocx('Zoë Ångström'));

function cvOf(content: Uint8Array, credits = 1, contentType = 'application/pdf'): LinkupCv {
  return { content, contentType, filename: 'resume.pdf', creditsConsumed: credits };
}

type Answer = LinkupCv | null | Error | Promise<LinkupCv | null>;
type Step = (applicationId: string, signal?: AbortSignal) => Answer;

/**
 * A Linkup stand-in: each application ID answers a PDF costing 1 credit, unless `answers`
 * says otherwise (by ID), or `faults` replaces the n-th call (0-based).
 */
function fakeLinkup(answers: Record<string, Step> = {}, faults: Record<number, Step> = {}) {
  const calls: string[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  const client = {
    async getCv(applicationId: string, signal?: AbortSignal): Promise<LinkupCv | null> {
      calls.push(applicationId);
      signals.push(signal);
      const step = faults[calls.length - 1] ?? answers[applicationId];
      const out = step ? await step(applicationId, signal) : cvOf(PDF);
      if (out instanceof Error) throw out;
      return out;
    },
  };
  return { client: client as unknown as LinkupClient, calls, signals };
}

let db: PanelDb;
let views: CvBatchView[];
let credits: number[];
let dataFor: string[];

function fetcher(client: LinkupClient, extra: Partial<CvFetcherDeps> = {}) {
  return new CvFetcher({
    db: async () => db,
    client: async () => client,
    queue: new RequestQueue({ sleep: async () => {} }),
    now: () => 1_000,
    onProgress: (v) => views.push(v),
    onData: (jobId) => dataFor.push(jobId),
    onCredits: (c) => credits.push(c),
    retry: { sleep: async () => {}, random: () => 0.5 },
    ...extra,
  });
}

const people = (...ids: string[]) =>
  ids.map((id) => ({ applicationId: id, fullName: `Person ${id}` }));

beforeEach(async () => {
  db = await openPanelDb(new IDBFactory());
  await ensureJob(db, JOB, {}, 1);
  await ensureJob(db, OTHER_JOB, {}, 1);
  views = [];
  credits = [];
  dataFor = [];
});

afterEach(() => {
  db.close();
});

describe('fetchOne', () => {
  it('stores a CV once under a filename built from the name, and never asks for it again', async () => {
    const { client, calls } = fakeLinkup({ '19205269753': () => cvOf(PDF, 2) });
    const f = fetcher(client);

    const first = await f.fetchOne(JOB, '19205269753', 'Zoë Ångström');
    expect(first).toEqual({
      status: 'stored',
      credits: 2,
      record: {
        applicationId: '19205269753',
        jobId: JOB,
        kind: 'pdf',
        mime: 'application/pdf',
        filename: 'CV - Zoë Ångström - 19205269753.pdf',
        size: PDF.byteLength,
        fetchedAt: 1_000,
        creditsConsumed: 2,
      },
    });
    const stored = await getCv(db, '19205269753');
    expect(stored && new Uint8Array(await cvBlob(stored).arrayBuffer())).toEqual(PDF);
    expect(credits).toEqual([2]);
    expect(dataFor).toEqual([JOB]);

    const again = await f.fetchOne(JOB, '19205269753', 'Zoë Ångström');
    expect(again).toMatchObject({ status: 'already-stored', credits: 0, record: first.record });
    expect(again.record).not.toHaveProperty('bytes');
    // A fresh fetcher (a restarted worker) does not pay again either.
    const later = await fetcher(client).fetchOne(JOB, '19205269753', 'Zoë Ångström');
    expect(later.status).toBe('already-stored');
    expect(calls).toEqual(['19205269753']);
    expect(credits).toEqual([2]);
  });

  it('types the file by its bytes, not by what Linkup claims', async () => {
    const { client } = fakeLinkup({ '1': () => cvOf(DOCX, 1, 'application/pdf') });
    const result = await fetcher(client).fetchOne(JOB, '1', 'Ada Lovelace');
    expect(result.record).toMatchObject({
      kind: 'docx',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filename: 'CV - Ada Lovelace - 1.docx',
    });
  });

  it('keeps a file of unknown type as a download, never as HTML', async () => {
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const { client } = fakeLinkup({ '1': () => cvOf(html, 1, 'text/html') });
    const result = await fetcher(client).fetchOne(JOB, '1', 'Eve');
    expect(result.record).toMatchObject({
      kind: 'unknown',
      mime: 'application/octet-stream',
      filename: 'CV - Eve - 1.bin',
    });
  });

  it('asks only once at a time: a second caller waits for the first answer and pays nothing', async () => {
    let release: (cv: LinkupCv) => void = () => {};
    const { client, calls } = fakeLinkup({
      '1': () =>
        new Promise<LinkupCv>((resolve) => {
          release = resolve;
        }),
    });
    const f = fetcher(client);
    const a = f.fetchOne(JOB, '1', 'Ada');
    const b = f.fetchOne(JOB, '1', 'Ada');
    await expect.poll(() => calls.length).toBe(1);
    release(cvOf(PDF, 3));
    expect(await a).toMatchObject({ status: 'stored', credits: 3 });
    expect(await b).toMatchObject({ status: 'already-stored', credits: 0 });
    expect(calls).toHaveLength(1);
  });

  it('does not pay when the CV was stored while the request waited in the queue', async () => {
    const { client, calls } = fakeLinkup();
    const queue = new RequestQueue({ sleep: async () => {} });
    let unblock: () => void = () => {};
    const blocker = queue.run(() => new Promise<void>((r) => (unblock = r)));
    const f = fetcher(client, { queue });
    const pending = f.fetchOne(JOB, '1', 'Ada');
    await expect.poll(() => queue.pending).toBe(2);
    const elsewhere = { ...(await storedPdf('1')), creditsConsumed: 9 };
    await putCv(db, elsewhere);
    unblock();
    await blocker;
    expect(await pending).toMatchObject({ status: 'already-stored', credits: 0 });
    expect(calls).toEqual([]);
  });

  it('says when there is no CV on file, stores nothing and does not ask again soon', async () => {
    let clock = 1_000;
    const { client, calls } = fakeLinkup({ '1': () => null });
    const f = fetcher(client, { now: () => clock });

    expect(await f.fetchOne(JOB, '1', 'Ada')).toEqual({ status: 'no-cv', credits: 0 });
    expect(await getCv(db, '1')).toBeUndefined();
    expect(f.knownNoCv('1')).toBe(true);
    expect(CV_MESSAGES['no-cv']).toBe('LinkedIn has no CV on file for this applicant.');

    expect(await f.fetchOne(JOB, '1', 'Ada')).toEqual({ status: 'no-cv', credits: 0 });
    expect(calls).toHaveLength(1);

    await f.fetchOne(JOB, '1', 'Ada', undefined, { recheck: true });
    expect(calls).toHaveLength(2);

    clock += NO_CV_MEMORY_MS;
    expect(f.knownNoCv('1')).toBe(false);
    await f.fetchOne(JOB, '1', 'Ada');
    expect(calls).toHaveLength(3);
    expect(dataFor).toEqual([]);
  });

  it.each([
    ['base64 that does not decode', () => new LinkupError('invalid-response'), []],
    ['a payload of NULs', () => cvOf(new Uint8Array(512), 1), [1]],
    ['a payload of whitespace', () => cvOf(new TextEncoder().encode(' \r\n '), 2), [2]],
  ])('a corrupt payload (%s) stores nothing and says so', async (_label, step, charged) => {
    const { client, calls } = fakeLinkup({ '1': step });
    const error = await fetcher(client)
      .fetchOne(JOB, '1', 'Ada')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid-response' });
    expect(cvErrorInfo(error)).toEqual({
      kind: 'invalid-response',
      message: 'The CV Linkup sent is damaged or empty; nothing was stored.',
    });
    expect(calls).toHaveLength(1);
    expect(await db.count('cvs')).toBe(0);
    expect(credits).toEqual(charged);
  });

  it('gives up after the CV timeout, aborts the request and does not send it again', async () => {
    const { client, calls, signals } = fakeLinkup({ '1': () => new Promise<never>(() => {}) });
    const error = await fetcher(client, { timeoutMs: 20 })
      .fetchOne(JOB, '1', 'Ada')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(cvErrorInfo(error)).toEqual({
      kind: 'timeout',
      message: 'Linkup took too long to send the CV (over a minute). Try again.',
    });
    expect(calls).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
    expect(await db.count('cvs')).toBe(0);
    expect(CV_TIMEOUT_MS).toBe(60_000);
  });

  it("treats the client's own timeout the same way", async () => {
    const { client, calls } = fakeLinkup({ '1': () => new LinkupError('timeout') });
    const error = await fetcher(client)
      .fetchOne(JOB, '1', 'Ada')
      .catch((e: unknown) => e);
    expect(cvErrorInfo(error).message).toBe(CV_MESSAGES.timeout);
    expect(calls).toHaveLength(1);
  });

  it('retries a 5xx and a 429 like pulls do, then stores the CV', async () => {
    const { client, calls } = fakeLinkup(
      {},
      {
        0: () => new LinkupError('server-error', { status: 502 }),
        1: () => new LinkupError('rate-limited', { status: 429 }),
      },
    );
    const result = await fetcher(client).fetchOne(JOB, '1', 'Ada');
    expect(result.status).toBe('stored');
    expect(calls).toEqual(['1', '1', '1']);
  });

  it.each([
    ['insufficient-credits', 402, 'INSUFFICIENT_CREDITS'],
    ['invalid-key', 403, 'INVALID_API_KEY'],
    ['account-inactive', 403, 'ACCOUNT_INACTIVE'],
    ['invalid-account', 404, 'INVALID_ACCOUNT'],
  ] as const)(
    'a %s (%i) answer is never retried and reads as the shared message',
    async (kind, status, apiCode) => {
      const { client, calls } = fakeLinkup({
        '1': () => new LinkupError(kind, { status, apiCode }),
      });
      const error = await fetcher(client)
        .fetchOne(JOB, '1', 'Ada')
        .catch((e: unknown) => e);
      expect(calls).toHaveLength(1);
      expect(cvErrorInfo(error)).toEqual({ kind, message: ERROR_MESSAGES[kind] });
      expect(await db.count('cvs')).toBe(0);
    },
  );

  it('explains a missing key before asking anything', async () => {
    const f = fetcher(fakeLinkup().client, {
      client: async () => {
        throw new LinkupError('no-settings', 'No API key');
      },
    });
    const error = await f.fetchOne(JOB, '1', 'Ada').catch((e: unknown) => e);
    expect(cvErrorInfo(error)).toEqual({
      kind: 'no-settings',
      message: ERROR_MESSAGES['no-settings'],
    });
  });

  it('a cancel while waiting in the queue sends nothing', async () => {
    const { client, calls } = fakeLinkup();
    const queue = new RequestQueue({ sleep: async () => {} });
    let unblock: () => void = () => {};
    const blocker = queue.run(() => new Promise<void>((r) => (unblock = r)));
    const controller = new AbortController();
    const pending = fetcher(client, { queue }).fetchOne(JOB, '1', 'Ada', controller.signal);
    await expect.poll(() => queue.pending).toBe(2);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
    unblock();
    await blocker;
    expect(calls).toEqual([]);
  });

  it('stores nothing for a job deleted while its CV was on the way', async () => {
    let release: (cv: LinkupCv) => void = () => {};
    const { client, calls } = fakeLinkup({
      '1': () =>
        new Promise<LinkupCv>((resolve) => {
          release = resolve;
        }),
    });
    const pending = fetcher(client).fetchOne(JOB, '1', 'Ada');
    await expect.poll(() => calls.length).toBe(1);
    await deleteJob(db, JOB);
    release(cvOf(PDF, 1));
    const error = await pending.catch((e: unknown) => e);
    expect(cvErrorInfo(error)).toEqual({ kind: 'cancelled', message: CV_MESSAGES['job-deleted'] });
    expect(await db.count('cvs')).toBe(0);
    // It was charged: the all-time total still counts it.
    expect(credits).toEqual([1]);
  });

  it('works with the real client on the mock API answers', async () => {
    const mock = (index: number) =>
      cvAnswerFor({ full_name: 'Zoë Ångström' } as never, `1920526975${index}`, index).data;
    const fetchStub: typeof fetch = async (_url, init) => {
      const body = JSON.parse(String(init?.body)) as { params: { application_id: string } };
      const index = Number(body.params.application_id.slice(-1));
      const data = mock(index);
      const credits = data.cv?.content ? 1 : 0;
      return new Response(
        JSON.stringify({
          success: true,
          data,
          metadata: {
            action: 'get_cv',
            account_id: 'a',
            credits_consumed: credits,
            timestamp: 't',
          },
        }),
        { status: 200 },
      );
    };
    const client = new LinkupClient({
      apiKey: 'key',
      accountId: 'a',
      baseUrl: 'http://mock.invalid',
      fetch: fetchStub,
    });
    const f = fetcher(client);
    const pdf = await f.fetchOne(JOB, '19205269750', 'Zoë Ångström');
    const docx = await f.fetchOne(JOB, '19205269751', 'Zoë Ångström');
    const none = await f.fetchOne(JOB, '19205269752', 'Zoë Ångström');
    expect(pdf.record).toMatchObject({
      kind: 'pdf',
      filename: 'CV - Zoë Ångström - 19205269750.pdf',
    });
    expect(docx.record).toMatchObject({
      kind: 'docx',
      filename: 'CV - Zoë Ångström - 19205269751.docx',
    });
    expect(none.status).toBe('no-cv');
    expect(await listCvIds(db, JOB)).toEqual(new Set(['19205269750', '19205269751']));
  });
});

describe('fetchMany', () => {
  it('fetches one at a time, skips stored CVs and reports progress', async () => {
    await putCv(db, await storedPdf('2'));
    const { client, calls } = fakeLinkup({ '3': () => null, '4': () => cvOf(DOCX, 2) });
    const f = fetcher(client);

    const first = f.fetchMany(JOB, people('1', '2', '3', '4', '1', ''));
    expect(first).toMatchObject({ jobId: JOB, status: 'running', total: 4, done: 0 });
    expect(f.view(JOB)).toBe(first);
    await f.idle();

    expect(calls).toEqual(['1', '3', '4']);
    expect(views.at(-1)).toMatchObject({
      jobId: JOB,
      status: 'done',
      total: 4,
      done: 4,
      stored: 2,
      alreadyStored: 1,
      noCv: 1,
      failed: 0,
      credits: 3,
      currentId: null,
      error: null,
    });
    // Progress only goes forward, and every step names who is being fetched.
    const done = views.map((v) => v.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(views.filter((v) => v.currentId).map((v) => v.currentId)).toEqual(
      expect.arrayContaining(['1', '3', '4']),
    );
    expect(await listCvIds(db, JOB)).toEqual(new Set(['1', '2', '4']));
    expect(f.view(JOB)).toBeNull();

    // A second run of the same list costs nothing.
    const before = calls.length;
    f.fetchMany(JOB, people('1', '2', '3', '4'));
    await f.idle();
    expect(calls).toHaveLength(before);
    expect(views.at(-1)).toMatchObject({ status: 'done', alreadyStored: 3, noCv: 1, credits: 0 });
  });

  it('joins the batch already running for the job', async () => {
    const { client } = fakeLinkup();
    const f = fetcher(client);
    const a = f.fetchMany(JOB, people('1', '2'));
    const b = f.fetchMany(JOB, people('3'));
    expect(b).toBe(a);
    await f.idle();
    expect(await listCvIds(db, JOB)).toEqual(new Set(['1', '2']));
  });

  it.each([
    ['insufficient-credits', 402, 'INSUFFICIENT_CREDITS'],
    ['invalid-key', 403, 'INVALID_API_KEY'],
    ['account-inactive', 403, 'ACCOUNT_INACTIVE'],
    ['invalid-account', 404, 'INVALID_ACCOUNT'],
  ] as const)(
    'stops at a %s (%i) answer and keeps what was stored',
    async (kind, status, apiCode) => {
      const { client, calls } = fakeLinkup(
        {},
        { 2: () => new LinkupError(kind, { status, apiCode }) },
      );
      const f = fetcher(client);
      f.fetchMany(JOB, people('1', '2', '3', '4', '5'));
      await f.idle();
      expect(calls).toEqual(['1', '2', '3']);
      expect(await listCvIds(db, JOB)).toEqual(new Set(['1', '2']));
      expect(views.at(-1)).toMatchObject({
        status: 'failed',
        done: 2,
        stored: 2,
        credits: 2,
        error: { kind, message: ERROR_MESSAGES[kind] },
      });
    },
  );

  it('retries a 5xx, shows when it retries, and goes on', async () => {
    const { client, calls } = fakeLinkup(
      {},
      { 1: () => new LinkupError('server-error', { status: 503 }) },
    );
    const f = fetcher(client);
    f.fetchMany(JOB, people('1', '2', '3'));
    await f.idle();
    expect(calls).toEqual(['1', '2', '2', '3']);
    const retrying = views.find((v) => v.retryAt !== null);
    expect(retrying?.error?.kind).toBe('server-error');
    expect(views.at(-1)).toMatchObject({ status: 'done', stored: 3, retryAt: null, error: null });
  });

  it('notes a CV that failed on its own and goes on', async () => {
    const { client } = fakeLinkup({
      '2': () => cvOf(new Uint8Array(16), 1),
      '3': () => new Promise<never>(() => {}),
    });
    const f = fetcher(client, { timeoutMs: 20 });
    f.fetchMany(JOB, people('1', '2', '3', '4'));
    await f.idle();
    expect(views.at(-1)).toMatchObject({
      status: 'done',
      done: 4,
      stored: 2,
      failed: 2,
      credits: 3,
      error: null,
      failures: [
        { applicationId: '2', error: { kind: 'invalid-response', message: CV_MESSAGES.corrupt } },
        { applicationId: '3', error: { kind: 'timeout', message: CV_MESSAGES.timeout } },
      ],
    });
    expect(await listCvIds(db, JOB)).toEqual(new Set(['1', '4']));
  });

  it(`stops after ${MAX_CONSECUTIVE_FAILURES} CVs in a row failed`, async () => {
    const damaged = () => cvOf(new Uint8Array(8), 0);
    const { client, calls } = fakeLinkup({ '2': damaged, '3': damaged, '4': damaged });
    const f = fetcher(client);
    f.fetchMany(JOB, people('1', '2', '3', '4', '5', '6'));
    await f.idle();
    expect(calls).toEqual(['1', '2', '3', '4']);
    expect(views.at(-1)).toMatchObject({
      status: 'failed',
      stored: 1,
      failed: 3,
      error: { kind: 'invalid-response', message: CV_MESSAGES.corrupt },
    });
  });

  it('cancel lets the request in flight finish, keeps its CV, and stops', async () => {
    let release: (cv: LinkupCv) => void = () => {};
    const { client, calls, signals } = fakeLinkup({
      '2': () =>
        new Promise<LinkupCv>((resolve) => {
          release = resolve;
        }),
    });
    const f = fetcher(client);
    f.fetchMany(JOB, people('1', '2', '3'));
    await expect.poll(() => calls.length).toBe(2);
    expect(f.cancel(JOB)).toBe(true);
    expect(views.at(-1)).toMatchObject({ status: 'running', stopping: true });
    expect(signals[1]?.aborted).toBe(false);
    release(cvOf(PDF, 1));
    await f.idle();
    expect(calls).toEqual(['1', '2']);
    expect(await listCvIds(db, JOB)).toEqual(new Set(['1', '2']));
    expect(views.at(-1)).toMatchObject({
      status: 'cancelled',
      stored: 2,
      credits: 2,
      stopping: false,
      error: null,
    });
    expect(f.cancel(JOB)).toBe(false);
  });

  it('cancel during a retry wait stops at once', async () => {
    let wake: () => void = () => {};
    const { client, calls } = fakeLinkup({}, { 0: () => new LinkupError('server-error') });
    const f = fetcher(client, {
      retry: {
        random: () => 0.5,
        sleep: (_ms, signal) =>
          new Promise<void>((resolve, reject) => {
            wake = resolve;
            signal?.addEventListener('abort', () => reject(new LinkupError('cancelled')));
          }),
      },
    });
    f.fetchMany(JOB, people('1', '2'));
    await expect.poll(() => views.some((v) => v.retryAt !== null)).toBe(true);
    f.cancel(JOB);
    await f.idle();
    wake();
    expect(calls).toEqual(['1']);
    expect(views.at(-1)).toMatchObject({ status: 'cancelled', stored: 0 });
  });

  it('runs batches of two jobs through the one queue, one request at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const slow = async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight -= 1;
      return cvOf(PDF);
    };
    const { client } = fakeLinkup({ a: slow, b: slow, c: slow, d: slow });
    const f = fetcher(client);
    f.fetchMany(JOB, people('a', 'b'));
    f.fetchMany(OTHER_JOB, people('c', 'd'));
    await f.idle();
    expect(most).toBe(1);
    expect(await listCvIds(db, JOB)).toEqual(new Set(['a', 'b']));
    expect(await listCvIds(db, OTHER_JOB)).toEqual(new Set(['c', 'd']));
  });

  it("counts in the storage figures and goes with the job's data", async () => {
    const f = fetcher(fakeLinkup().client);
    f.fetchMany(JOB, people('1', '2'));
    f.fetchMany(OTHER_JOB, people('3'));
    await f.idle();
    expect(await cvBytesByJob(db)).toEqual(
      new Map([
        [JOB, PDF.byteLength * 2],
        [OTHER_JOB, PDF.byteLength],
      ]),
    );
    await deleteJob(db, JOB);
    expect(await listCvIds(db, JOB)).toEqual(new Set());
    expect(await getCv(db, '1')).toBeUndefined();
    expect(await cvBytesByJob(db)).toEqual(new Map([[OTHER_JOB, PDF.byteLength]]));
  });

  it('fails with the plain message when the key is missing', async () => {
    const f = fetcher(fakeLinkup().client, {
      client: async () => {
        throw new LinkupError('no-settings');
      },
    });
    f.fetchMany(JOB, people('1'));
    await f.idle();
    expect(views.at(-1)).toMatchObject({
      status: 'failed',
      error: { kind: 'no-settings', message: ERROR_MESSAGES['no-settings'] },
    });
  });
});

async function storedPdf(applicationId: string) {
  return {
    applicationId,
    jobId: JOB,
    kind: 'pdf' as const,
    mime: 'application/pdf',
    filename: `CV - ${applicationId}.pdf`,
    size: PDF.byteLength,
    bytes: PDF.slice().buffer,
    fetchedAt: 500,
    creditsConsumed: 1,
  };
}
