import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { getCandidates } from '../../utils/db/candidates';
import { getJob } from '../../utils/db/jobs';
import { openPanelDb } from '../../utils/db/open';
import { getPull, putPull } from '../../utils/db/pulls';
import type { PanelDb } from '../../utils/db/schema';
import type { LinkupClient } from '../../utils/linkup/client';
import { LinkupError } from '../../utils/linkup/errors';
import { RequestQueue } from '../../utils/linkup/queue';
import type { ApiCandidate, CandidatesPage } from '../../utils/linkup/types';
import type { PullView } from '../../utils/messages';
import { type PullDeps, PullManager } from '../../utils/pull/pull-manager';

function candidate(i: number): ApiCandidate {
  return {
    applicationId: String(10_000_000_000 + i),
    rating: 'UNRATED',
    isTopChoice: false,
    topChoiceMessage: '',
    firstName: `First${i}`,
    lastName: `Last${i}`,
    fullName: `First${i} Last${i}`,
    headline: '',
    publicIdentifier: '',
    profileUrl: '',
    location: '',
    applicationDate: '',
    experiences: [],
  };
}

type Step = (offset: number, count: number) => CandidatesPage | Error | Promise<CandidatesPage>;

/** A Linkup stand-in with `total` applicants; `faults` can replace the answer at a call. */
function fakeLinkup(total: number, faults: Record<number, Step> = {}) {
  const calls: { offset: number; count: number }[] = [];
  const client = {
    async getCandidates(
      { offset, count }: { jobId: string; offset: number; count: number },
      signal?: AbortSignal,
    ) {
      if (signal?.aborted) throw new LinkupError('cancelled');
      calls.push({ offset, count });
      const fault = faults[calls.length - 1];
      if (fault) {
        const out = await fault(offset, count);
        if (out instanceof Error) throw out;
        return out;
      }
      const end = Math.min(total, offset + count);
      const candidates = [];
      for (let i = offset; i < end; i++) candidates.push(candidate(i));
      return {
        candidates,
        skipped: 0,
        offset,
        totalResults: candidates.length,
        totalAvailable: total,
        nextOffset: end < total ? end : null,
        hasMore: end < total,
        creditsConsumed: Math.ceil(candidates.length / 10),
      } satisfies CandidatesPage;
    },
  };
  return { client: client as unknown as LinkupClient, calls };
}

let db: PanelDb;
let views: PullView[];

function manager(client: LinkupClient, extra: Partial<PullDeps> = {}) {
  return new PullManager({
    db: async () => db,
    client: async () => client,
    queue: new RequestQueue({ sleep: async () => {} }),
    now: () => 1_000,
    creditGuard: async () => 0,
    onProgress: (v) => views.push(v),
    onData: () => {},
    retry: { sleep: async () => {}, random: () => 0.5 },
    newId: () => 'pull-1',
    ...extra,
  });
}

beforeEach(async () => {
  db = await openPanelDb(new IDBFactory());
  views = [];
});

describe('PullManager', () => {
  it('pages through every applicant, one request at a time, and stores them all', async () => {
    const { client, calls } = fakeLinkup(350);
    const m = manager(client);
    m.start('4341315847');
    await m.idle();
    expect(calls.map((c) => c.offset)).toEqual([0, 100, 200, 300]);
    expect(calls.every((c) => c.count % 10 === 0)).toBe(true);
    expect(await getCandidates(db, '4341315847')).toHaveLength(350);
    const job = await getJob(db, '4341315847');
    expect(job).toMatchObject({ cachedCount: 350, totalAvailable: 350, creditsSpent: 35 });
    expect(views.at(-1)).toMatchObject({ status: 'done', fetched: 350, total: 350, credits: 35 });
    expect((await getPull(db, '4341315847'))?.status).toBe('done');
  });

  it('a failure keeps every whole page and reports it in plain words', async () => {
    const { client } = fakeLinkup(350, {
      2: () => new LinkupError('insufficient-credits', { status: 402 }),
    });
    const m = manager(client);
    m.start('4341315847');
    await m.idle();
    expect(await getCandidates(db, '4341315847')).toHaveLength(200);
    expect((await getJob(db, '4341315847'))?.cachedCount).toBe(200);
    const last = views.at(-1);
    expect(last?.status).toBe('failed');
    expect(last?.error?.kind).toBe('insufficient-credits');
    expect(last?.error?.message).toMatch(/credits/);
    expect((await getPull(db, '4341315847'))?.nextOffset).toBe(200);
  });

  it('retries a 5xx and goes on', async () => {
    const { client, calls } = fakeLinkup(150, {
      1: () => new LinkupError('server-error', { status: 502 }),
    });
    const m = manager(client);
    m.start('4000000150');
    await m.idle();
    expect(calls.map((c) => c.offset)).toEqual([0, 100, 100]);
    expect(await getCandidates(db, '4000000150')).toHaveLength(150);
    expect(views.some((v) => v.retryAt !== null)).toBe(true);
  });

  it('never retries a refused key', async () => {
    const { client, calls } = fakeLinkup(150, {
      0: () => new LinkupError('invalid-key', { status: 403 }),
    });
    const m = manager(client);
    m.start('4000000150');
    await m.idle();
    expect(calls).toHaveLength(1);
    expect(views.at(-1)?.error?.kind).toBe('invalid-key');
  });

  it('resumes a pull stopped with the worker from the next unfetched offset, without duplicates', async () => {
    const first = fakeLinkup(350, { 2: () => new Promise<never>(() => {}) });
    const m1 = manager(first.client);
    m1.start('4341315847');
    // The worker dies while the third page is in flight.
    await expect.poll(async () => (await getPull(db, '4341315847'))?.nextOffset).toBe(200);
    const stored = await getPull(db, '4341315847');
    expect(stored?.status).toBe('running');

    const second = fakeLinkup(350);
    const m2 = manager(second.client);
    await m2.resumeUnfinished();
    await m2.idle();
    expect(second.calls.map((c) => c.offset)).toEqual([200, 300]);
    const all = await getCandidates(db, '4341315847');
    expect(all).toHaveLength(350);
    expect(new Set(all.map((c) => c.applicationId)).size).toBe(350);
    expect(views.at(-1)).toMatchObject({ status: 'done', fetched: 350, credits: 35 });
  });

  it('cancel stops after the current request and keeps the pages', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { client, calls } = fakeLinkup(350, {
      1: async (offset, count) => {
        await gate;
        return fakeLinkup(350).client.getCandidates({ jobId: 'x', offset, count });
      },
    });
    const m = manager(client);
    m.start('4341315847');
    await expect.poll(() => calls.length).toBe(2);
    m.cancel('4341315847');
    release();
    await m.idle();
    expect(views.at(-1)?.status).toBe('cancelled');
    expect(calls).toHaveLength(2);
    const kept = (await getCandidates(db, '4341315847')).length;
    expect([100, 200]).toContain(kept);
    expect((await getJob(db, '4341315847'))?.cachedCount).toBe(kept);
  });

  it('a second start joins the running pull; another job queues behind it', async () => {
    const { client, calls } = fakeLinkup(250);
    const m = manager(client);
    const a = m.start('4000000001');
    const again = m.start('4000000001');
    const b = m.start('4000000002');
    expect(again).toBe(a);
    expect(b.status).toBe('queued');
    await m.idle();
    expect(calls.map((c) => c.offset)).toEqual([0, 100, 200, 0, 100, 200]);
    expect(await getCandidates(db, '4000000001')).toHaveLength(250);
    expect(await getCandidates(db, '4000000002')).toHaveLength(250);
  });

  it('pauses at the credit guard and goes on or stops on the answer', async () => {
    const { client, calls } = fakeLinkup(1000);
    const m = manager(client, { creditGuard: async () => 50 });
    m.start('4000001000');
    await expect.poll(() => views.at(-1)?.status).toBe('paused');
    expect(views.at(-1)?.estimatedCost).toBe(90);
    expect(calls).toHaveLength(1);
    await m.decide('4000001000', true);
    await m.idle();
    expect(await getCandidates(db, '4000001000')).toHaveLength(1000);

    const stop = fakeLinkup(1000);
    const m2 = manager(stop.client, { creditGuard: async () => 50, newId: () => 'pull-2' });
    m2.start('4000002000');
    await expect.poll(() => views.at(-1)?.status).toBe('paused');
    await m2.decide('4000002000', false);
    await m2.idle();
    expect(stop.calls).toHaveLength(1);
    expect(views.at(-1)?.status).toBe('cancelled');
    expect(await getCandidates(db, '4000002000')).toHaveLength(100);
  });

  it('a complete re-pull marks applicants it no longer returns', async () => {
    const m = manager(fakeLinkup(30).client);
    m.start('4000000030');
    await m.idle();
    const m2 = manager(fakeLinkup(20).client, { newId: () => 'pull-2' });
    m2.start('4000000030');
    await m2.idle();
    const all = await getCandidates(db, '4000000030');
    expect(all).toHaveLength(30);
    expect(all.filter((c) => c.noLongerListed)).toHaveLength(10);
    expect(views.at(-1)?.noLongerListed).toBe(10);
  });

  it('a re-pull marks applicants first seen in it as new since the previous pull', async () => {
    let clock = 1_000;
    const m = manager(fakeLinkup(20).client, { now: () => clock });
    m.start('4000000030');
    await m.idle();
    expect((await getJob(db, '4000000030'))?.newSince).toBeNull();
    clock = 5_000;
    const m2 = manager(fakeLinkup(30).client, { now: () => clock, newId: () => 'pull-2' });
    m2.start('4000000030');
    await m2.idle();
    const job = await getJob(db, '4000000030');
    expect(job?.newSince).toBe(5_000);
    const all = await getCandidates(db, '4000000030');
    const fresh = all.filter((c) => c.firstSeenAt >= (job?.newSince ?? Infinity));
    expect(fresh.map((c) => c.rank)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
  });

  it('cancelling a queued pull says so at once, without waiting for the pull ahead', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { client, calls } = fakeLinkup(100, {
      0: async (offset, count) => {
        await gate;
        return fakeLinkup(100).client.getCandidates({ jobId: 'x', offset, count });
      },
    });
    const m = manager(client);
    m.start('4000000001');
    m.start('4000000002');
    expect(m.cancel('4000000002')).toBe(true);
    expect(views.at(-1)).toMatchObject({ jobId: '4000000002', status: 'cancelled' });
    release();
    await m.idle();
    expect(calls.map((c) => c.offset)).toEqual([0]);
    expect(await getCandidates(db, '4000000002')).toHaveLength(0);
  });

  it('a page that says "more" without a next offset stops the pull but marks nothing no longer listed', async () => {
    const first = manager(fakeLinkup(30).client);
    first.start('4000000030');
    await first.idle();
    const odd = fakeLinkup(30, {
      0: (offset) => ({
        candidates: [candidate(offset)],
        skipped: 0,
        offset,
        totalResults: 1,
        totalAvailable: 30,
        nextOffset: null,
        hasMore: true,
        creditsConsumed: 1,
      }),
    });
    const second = manager(odd.client, { newId: () => 'pull-2' });
    second.start('4000000030');
    await second.idle();
    expect(odd.calls).toHaveLength(1);
    const all = await getCandidates(db, '4000000030');
    expect(all.filter((c) => c.noLongerListed)).toHaveLength(0);
  });

  it('an API that says "more" without moving forward fails the pull instead of billing forever', async () => {
    const stuck = fakeLinkup(300, {
      1: (offset) => ({
        candidates: [candidate(offset)],
        skipped: 0,
        offset,
        totalResults: 1,
        totalAvailable: 300,
        nextOffset: offset,
        hasMore: true,
        creditsConsumed: 1,
      }),
    });
    const m = manager(stuck.client);
    m.start('4000000300');
    await m.idle();
    expect(stuck.calls.map((c) => c.offset)).toEqual([0, 100]);
    expect(views.at(-1)?.error?.kind).toBe('invalid-response');
    // Both pages that came back are kept.
    expect(await getCandidates(db, '4000000300')).toHaveLength(101);
  });

  it('Cancel while the credit guard asks stops the pull', async () => {
    const { client, calls } = fakeLinkup(1000);
    const m = manager(client, { creditGuard: async () => 50 });
    m.start('4000001000');
    await expect.poll(() => views.at(-1)?.status).toBe('paused');
    m.cancel('4000001000');
    await m.idle();
    expect(calls).toHaveLength(1);
    expect(views.at(-1)?.status).toBe('cancelled');
    expect(await getCandidates(db, '4000001000')).toHaveLength(100);
  });

  it('a paused pull survives a worker restart and can be continued', async () => {
    await putPull(db, {
      jobId: '4000001000',
      pullId: 'p',
      status: 'paused',
      nextOffset: 100,
      pageSize: 100,
      total: 1000,
      fetched: 100,
      skipped: 0,
      credits: 10,
      startedAt: 1,
      updatedAt: 1,
      error: null,
    });
    const { client, calls } = fakeLinkup(1000);
    const m = manager(client, { creditGuard: async () => 50 });
    await m.resumeUnfinished();
    expect(calls).toHaveLength(0);
    await m.decide('4000001000', true);
    await m.idle();
    expect(calls[0]?.offset).toBe(100);
    expect(views.at(-1)).toMatchObject({ status: 'done', fetched: 1000 });
  });
});
