import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  countCandidates,
  getCandidate,
  getCandidates,
  getCandidatesAfterChunk,
  getFirstCandidates,
  readCandidates,
} from '@/utils/db/candidates';
import { deleteJob, getJob } from '@/utils/db/jobs';
import { openPanelDb } from '@/utils/db/open';
import { getPull } from '@/utils/db/pulls';
import { finishPull, readKnown, recordCredits, writePage } from '@/utils/db/pulls-write';
import type { PanelDb } from '@/utils/db/schema';
import type { PullRecord } from '@/utils/db/types';
import { exportBackup, importBackup } from '@/utils/export/backup';
import type { ApiCandidate } from '@/utils/linkup/types';

const JOB = '4012345678';

function candidate(id: string, overrides: Partial<ApiCandidate> = {}): ApiCandidate {
  return {
    applicationId: id,
    rating: 'UNRATED',
    isTopChoice: false,
    topChoiceMessage: '',
    firstName: `Ada${id}`,
    lastName: 'Lovelace',
    fullName: `Ada${id} Lovelace`,
    headline: 'Engineer',
    publicIdentifier: `ada-${id}`,
    profileUrl: `https://www.linkedin.com/in/ada-${id}`,
    location: 'London',
    applicationDate: '2025-01-01',
    experiences: [
      {
        title: 'Engineer',
        company: 'Acme',
        companyUrl: '',
        dateRange: '2020 - now',
        description: '',
      },
    ],
    ...overrides,
  };
}

function ids(from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, i) => `a${from + i}`);
}

function pullOf(jobId: string, pullId: string, overrides: Partial<PullRecord> = {}): PullRecord {
  return {
    jobId,
    pullId,
    status: 'running',
    nextOffset: 0,
    pageSize: 10,
    total: null,
    fetched: 0,
    skipped: 0,
    credits: 0,
    startedAt: 0,
    updatedAt: 0,
    error: null,
    ...overrides,
  };
}

function page(
  jobId: string,
  pullId: string,
  applicationIds: string[],
  options: { offset?: number; now?: number; total?: number | null; credits?: number } = {},
) {
  const offset = options.offset ?? 0;
  return {
    jobId,
    pull: pullOf(jobId, pullId, {
      nextOffset: offset + applicationIds.length,
      fetched: offset + applicationIds.length,
    }),
    candidates: applicationIds.map((id) => candidate(id)),
    offset,
    totalAvailable: options.total === undefined ? 100 : options.total,
    creditsConsumed: options.credits ?? applicationIds.length,
    now: options.now ?? 1000,
  };
}

/** Everything the page writes touch, to compare before and after a failure. */
async function snapshot(db: PanelDb) {
  return {
    jobs: await db.getAll('jobs'),
    candidateChunks: await db.getAll('candidateChunks'),
    pulls: await db.getAll('pulls'),
  };
}

/** Every stored version of the job's applicants, read from the chunks without the fold. */
async function storedVersions(db: PanelDb, jobId: string) {
  const chunks = await db.getAll('candidateChunks');
  return chunks.filter((ch) => ch.jobId === jobId).flatMap((ch) => ch.candidates);
}

/** The job's cachedCount, the count query, the store's own count and the list all agree. */
async function expectCountsMatch(db: PanelDb, jobId: string) {
  const stored = new Set((await storedVersions(db, jobId)).map((c) => c.applicationId)).size;
  const job = await getJob(db, jobId);
  expect(job?.cachedCount ?? 0).toBe(stored);
  expect(await countCandidates(db, jobId)).toBe(stored);
  expect(await getCandidates(db, jobId)).toHaveLength(stored);
  return stored;
}

let db: PanelDb;

beforeEach(async () => {
  db = await openPanelDb(new IDBFactory());
});

afterEach(() => {
  db.close();
});

describe('writePage', () => {
  it('stores a page of N candidates and the job counts them', async () => {
    const job = await writePage(db, page(JOB, 'p1', ids(0, 25), { now: 1000, total: 80 }));

    expect(job).toMatchObject({
      jobId: JOB,
      title: null,
      cachedCount: 25,
      totalAvailable: 80,
      lastPulledAt: 1000,
      lastCompletePullAt: null,
      creditsSpent: 25,
      createdAt: 1000,
    });
    expect(await getJob(db, JOB)).toEqual(job);
    expect(await expectCountsMatch(db, JOB)).toBe(25);
    expect(await getCandidate(db, JOB, 'a3')).toEqual({
      ...candidate('a3'),
      jobId: JOB,
      rank: 3,
      firstSeenAt: 1000,
      lastSeenAt: 1000,
      lastPullId: 'p1',
      noLongerListed: false,
    });
    expect(await getPull(db, JOB)).toMatchObject({ pullId: 'p1', nextOffset: 25, fetched: 25 });
  });

  it('adds later pages with ranks from their offset', async () => {
    await writePage(db, page(JOB, 'p1', ids(0, 10), { offset: 0 }));
    const job = await writePage(db, page(JOB, 'p1', ids(10, 20), { offset: 10 }));

    expect(job.cachedCount).toBe(20);
    expect((await getCandidates(db, JOB)).map((c) => [c.applicationId, c.rank])).toEqual(
      ids(0, 20).map((id, i) => [id, i]),
    );
    await expectCountsMatch(db, JOB);
  });

  it('stores an empty page as a job with no candidates', async () => {
    const job = await writePage(db, page(JOB, 'p1', [], { total: 0 }));
    expect(job).toMatchObject({ cachedCount: 0, totalAvailable: 0, lastPulledAt: 1000 });
    await expectCountsMatch(db, JOB);
  });

  it('merges a re-pull of the same and overlapping pages without duplicates', async () => {
    await writePage(db, page(JOB, 'p1', ids(0, 10), { offset: 0, now: 1000 }));
    await writePage(db, page(JOB, 'p1', ids(10, 20), { offset: 10, now: 1000 }));

    // Same first page again: updated in place.
    let job = await writePage(db, page(JOB, 'p2', ids(0, 10), { offset: 0, now: 2000 }));
    expect(job.cachedCount).toBe(20);
    // A newcomer at the top shifts everyone down: the next page overlaps the previous one.
    job = await writePage(db, page(JOB, 'p2', ['new', ...ids(9, 18)], { offset: 10, now: 3000 }));
    expect(job.cachedCount).toBe(21);
    expect(await expectCountsMatch(db, JOB)).toBe(21);

    const listed = (await getCandidates(db, JOB)).map((c) => c.applicationId);
    expect(new Set(listed).size).toBe(listed.length);

    // ['new', a9, a10, a11, a12, ...] at offset 10.
    expect(await getCandidate(db, JOB, 'a12')).toMatchObject({
      rank: 14,
      firstSeenAt: 1000,
      lastSeenAt: 3000,
      lastPullId: 'p2',
    });
    expect(await getCandidate(db, JOB, 'a2')).toMatchObject({
      rank: 2,
      firstSeenAt: 1000,
      lastSeenAt: 2000,
      lastPullId: 'p2',
    });
    expect(await getCandidate(db, JOB, 'new')).toMatchObject({
      rank: 10,
      firstSeenAt: 3000,
      lastSeenAt: 3000,
    });
    // Not seen again yet by p2: untouched.
    expect(await getCandidate(db, JOB, 'a19')).toMatchObject({
      rank: 19,
      lastSeenAt: 1000,
      lastPullId: 'p1',
    });
  });

  it('updates what the API says about a candidate on a re-pull', async () => {
    await writePage(db, page(JOB, 'p1', ['x']));
    await writePage(db, {
      ...page(JOB, 'p2', [], { now: 2000 }),
      candidates: [candidate('x', { rating: 'GOOD_FIT', headline: 'Staff engineer' })],
    });
    expect(await getCandidate(db, JOB, 'x')).toMatchObject({
      rating: 'GOOD_FIT',
      headline: 'Staff engineer',
      firstSeenAt: 1000,
      lastSeenAt: 2000,
    });
  });

  it('keeps one record when a page lists the same application twice', async () => {
    const job = await writePage(db, {
      ...page(JOB, 'p1', []),
      candidates: [candidate('dup'), candidate('other'), candidate('dup', { headline: 'later' })],
    });
    expect(job.cachedCount).toBe(2);
    expect(await getCandidate(db, JOB, 'dup')).toMatchObject({ headline: 'later', rank: 2 });
    await expectCountsMatch(db, JOB);
  });

  it('accumulates credits and keeps the known total when a page does not report one', async () => {
    await writePage(db, page(JOB, 'p1', ids(0, 10), { credits: 10, total: 42 }));
    let job = await writePage(db, page(JOB, 'p1', ids(10, 20), { credits: 7, total: null }));
    expect(job).toMatchObject({ creditsSpent: 17, totalAvailable: 42 });

    job = await recordCredits(db, JOB, 1);
    expect(job).toMatchObject({ creditsSpent: 18, cachedCount: 20 });
    job = await writePage(db, page(JOB, 'p2', ids(0, 10), { credits: 10, total: 43 }));
    expect(job).toMatchObject({ creditsSpent: 28, totalAvailable: 43 });
    expect(await getJob(db, JOB)).toEqual(job);
  });

  it('keeps the jobs apart, even when one ID is a prefix of another', async () => {
    await writePage(db, page('12', 'p1', ids(0, 5)));
    await writePage(db, page('123', 'p2', ids(0, 7)));
    await writePage(db, page('1', 'p3', ids(0, 3)));
    expect(await expectCountsMatch(db, '12')).toBe(5);
    expect(await expectCountsMatch(db, '123')).toBe(7);
    expect(await expectCountsMatch(db, '1')).toBe(3);
  });

  it('refuses a pull record of another job and writes nothing', async () => {
    await expect(
      writePage(db, { ...page(JOB, 'p1', ids(0, 3)), pull: pullOf('999', 'p1') }),
    ).rejects.toThrow(/job/);
    expect(await snapshot(db)).toEqual({ jobs: [], candidateChunks: [], pulls: [] });
  });
});

describe('a page that fails midway leaves nothing of itself', () => {
  async function storeFirstPage() {
    await writePage(db, page(JOB, 'p1', ids(0, 10), { offset: 0, now: 1000, credits: 10 }));
    return snapshot(db);
  }

  it('a candidate that cannot be stored (not cloneable) after others were written', async () => {
    const before = await storeFirstPage();
    const candidates = ids(5, 15).map((id) => candidate(id));
    // A function cannot be structured-cloned: put() throws after a5..a11 were already issued.
    (candidates[7] as unknown as Record<string, unknown>).headline = () => 'not data';

    await expect(
      writePage(db, { ...page(JOB, 'p2', [], { now: 2000, offset: 5 }), candidates }),
    ).rejects.toMatchObject({ name: 'DataCloneError' });

    expect(await snapshot(db)).toEqual(before);
    expect(await getCandidate(db, JOB, 'a5')).toMatchObject({ lastPullId: 'p1', rank: 5 });
    expect(await getCandidate(db, JOB, 'a10')).toBeUndefined();
    await expectCountsMatch(db, JOB);
  });

  it('a candidate whose key is invalid (no application ID), found before any write', async () => {
    const before = await storeFirstPage();
    const candidates = ids(10, 20).map((id) => candidate(id));
    (candidates[9] as unknown as Record<string, unknown>).applicationId = undefined;

    await expect(
      writePage(db, { ...page(JOB, 'p1', [], { now: 2000, offset: 10 }), candidates }),
    ).rejects.toMatchObject({ name: 'DataError' });

    expect(await snapshot(db)).toEqual(before);
    await expectCountsMatch(db, JOB);
  });

  it('the pull record write, after every candidate and the job were written', async () => {
    const before = await storeFirstPage();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'pulls') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });

    await expect(
      writePage(db, page(JOB, 'p1', ids(10, 20), { now: 2000, offset: 10 })),
    ).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();

    expect(await snapshot(db)).toEqual(before);
    await expectCountsMatch(db, JOB);
  });

  it('a transaction aborted after its writes were issued', async () => {
    const before = await storeFirstPage();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      const request = put.apply(this, args);
      // As the browser does on a quota or I/O failure: every pending request fails.
      if (this.name === 'pulls') this.transaction.abort();
      return request;
    });

    await expect(
      writePage(db, page(JOB, 'p2', ['new', ...ids(0, 15)], { now: 2000 })),
    ).rejects.toMatchObject({ name: 'AbortError' });
    vi.restoreAllMocks();

    expect(await snapshot(db)).toEqual(before);
    await expectCountsMatch(db, JOB);
  });

  it('the first page of a job: not even the job is left', async () => {
    const candidates = ids(0, 10).map((id) => candidate(id));
    (candidates[4] as unknown as Record<string, unknown>).experiences = [Symbol('x')];
    await expect(writePage(db, { ...page(JOB, 'p1', []), candidates })).rejects.toThrow();
    expect(await snapshot(db)).toEqual({ jobs: [], candidateChunks: [], pulls: [] });
  });

  it('the database stays usable after a failed page', async () => {
    await storeFirstPage();
    const candidates = ids(10, 20).map((id) => candidate(id));
    (candidates[3] as unknown as Record<string, unknown>).applicationId = { not: 'a key' };
    await expect(
      writePage(db, { ...page(JOB, 'p1', [], { offset: 10 }), candidates }),
    ).rejects.toThrow();

    const job = await writePage(db, page(JOB, 'p1', ids(10, 20), { offset: 10 }));
    expect(job.cachedCount).toBe(20);
    await expectCountsMatch(db, JOB);
  });
});

describe('finishPull', () => {
  async function pullTwice() {
    await writePage(db, page(JOB, 'p1', ids(0, 10), { now: 1000 }));
    await writePage(db, page(JOB, 'p1', ids(10, 20), { offset: 10, now: 1000 }));
    // The second pull no longer lists a3 and a15..a19.
    const relisted = ids(0, 15).filter((id) => id !== 'a3');
    await writePage(db, page(JOB, 'p2', relisted.slice(0, 10), { now: 2000 }));
    await writePage(db, page(JOB, 'p2', relisted.slice(10), { offset: 10, now: 2000 }));
  }

  it('a complete pull marks the candidates it did not list', async () => {
    await pullTwice();
    const pull = pullOf(JOB, 'p2', { status: 'done', nextOffset: 14, fetched: 14 });

    expect(await finishPull(db, { pull, complete: true, now: 3000 })).toEqual({
      noLongerListed: 6,
    });

    const gone = (await getCandidates(db, JOB)).filter((c) => c.noLongerListed);
    expect(gone.map((c) => c.applicationId).sort()).toEqual(
      ['a15', 'a16', 'a17', 'a18', 'a19', 'a3'].sort(),
    );
    expect(await getJob(db, JOB)).toMatchObject({ lastCompletePullAt: 3000, cachedCount: 20 });
    expect(await getPull(db, JOB)).toEqual(pull);
    await expectCountsMatch(db, JOB);
  });

  it('an incomplete pull marks nothing but stores its state', async () => {
    await pullTwice();
    const pull = pullOf(JOB, 'p2', {
      status: 'failed',
      error: { kind: 'network', message: 'offline' },
    });

    expect(await finishPull(db, { pull, complete: false, now: 3000 })).toEqual({
      noLongerListed: 0,
    });

    expect((await getCandidates(db, JOB)).filter((c) => c.noLongerListed)).toEqual([]);
    expect(await getJob(db, JOB)).toMatchObject({ lastCompletePullAt: null });
    expect(await getPull(db, JOB)).toEqual(pull);
  });

  it('a later pull that lists the candidate again clears the mark', async () => {
    await pullTwice();
    await finishPull(db, { pull: pullOf(JOB, 'p2'), complete: true, now: 3000 });
    await writePage(db, page(JOB, 'p3', ['a3'], { now: 4000 }));
    expect(await getCandidate(db, JOB, 'a3')).toMatchObject({
      noLongerListed: false,
      lastPullId: 'p3',
      firstSeenAt: 1000,
    });
  });

  it('leaves other jobs alone', async () => {
    await writePage(db, page('777', 'other', ids(0, 5)));
    await pullTwice();
    await finishPull(db, { pull: pullOf(JOB, 'p2'), complete: true, now: 3000 });
    expect((await getCandidates(db, '777')).every((c) => !c.noLongerListed)).toBe(true);
    expect(await getJob(db, '777')).toMatchObject({ lastCompletePullAt: null });
  });
});

describe('chunks', () => {
  it('a page is one chunk, written without touching the chunks before it', async () => {
    await writePage(db, page(JOB, 'p1', ids(0, 10), { now: 1000 }));
    const first = await db.getAll('candidateChunks');
    await writePage(db, page(JOB, 'p2', ids(0, 10), { now: 2000 }));
    const chunks = await db.getAll('candidateChunks');
    expect(chunks.map((ch) => ch.seq)).toEqual([0, 1]);
    expect(chunks[0]).toEqual(first[0]);
    // The later version wins, first seen where the earlier one was.
    expect(await getCandidate(db, JOB, 'a4')).toMatchObject({
      lastPullId: 'p2',
      firstSeenAt: 1000,
      lastSeenAt: 2000,
    });
    await expectCountsMatch(db, JOB);
  });

  it('a pull that ends rewrites superseded versions as chunks in LinkedIn order', async () => {
    await writePage(db, page(JOB, 'p1', ids(0, 150), { now: 1000 }));
    await writePage(db, page(JOB, 'p2', ids(0, 40).reverse(), { now: 2000 }));
    expect(await db.count('candidateChunks')).toBe(2);
    const listed = await getCandidates(db, JOB);

    await finishPull(db, { pull: pullOf(JOB, 'p2'), complete: false, now: 3000 });

    const chunks = await db.getAll('candidateChunks');
    // Seqs go on after the last one written, so a panel's "chunks after N" sees the rewrite.
    expect(chunks.map((ch) => [ch.seq, ch.candidates.length])).toEqual([
      [2, 100],
      [3, 50],
    ]);
    const stored = chunks.flatMap((ch) => ch.candidates);
    expect(stored).toEqual(listed);
    expect(stored.map((c) => c.rank)).toEqual([...stored.map((c) => c.rank)].sort((a, b) => a - b));
    expect(await getJob(db, JOB)).toMatchObject({ cachedCount: 150 });
  });

  it('a first pull that ends with nothing to mark leaves its chunks as written', async () => {
    await writePage(db, page(JOB, 'p1', ids(0, 10), { now: 1000 }));
    await writePage(db, page(JOB, 'p1', ids(10, 20), { offset: 10, now: 1000 }));
    const before = await db.getAll('candidateChunks');
    await finishPull(db, { pull: pullOf(JOB, 'p1'), complete: true, now: 2000 });
    expect(await db.getAll('candidateChunks')).toEqual(before);
  });

  it('a pull passing what it knows writes exactly what a page that reads the job writes', async () => {
    const steps: [string, string[], number][] = [
      ['p1', ids(0, 10), 0],
      ['p1', ['a3', 'x1', ...ids(10, 15)], 10],
      ['p2', ids(5, 12), 0],
      ['p2', ['x2', 'x2', 'a0'], 7],
    ];
    const other = await openPanelDb(new IDBFactory());
    const known = await readKnown(other, JOB);
    expect(known.size).toBe(0);
    for (const [i, [pullId, list, offset]] of steps.entries()) {
      const input = page(JOB, pullId, list, { offset, now: 1000 * (i + 1) });
      const a = await writePage(db, input);
      const b = await writePage(other, { ...input, known });
      expect(b).toEqual(a);
      expect(known).toEqual(await readKnown(db, JOB));
    }
    expect(await snapshot(other)).toEqual(await snapshot(db));
    other.close();
  });

  it('a pull reads the job afresh when a backup was imported into it meanwhile', async () => {
    const known = await readKnown(db, JOB);
    await writePage(db, { ...page(JOB, 'p1', ids(0, 10), { now: 1000 }), known });
    // Another profile saw a10..a14 earlier; its backup is imported while the pull runs.
    const other = await openPanelDb(new IDBFactory());
    await writePage(other, page(JOB, 'x', ids(10, 15), { offset: 10, now: 200 }));
    await importBackup(db, await exportBackup(other, 300), 300);
    other.close();

    const job = await writePage(db, {
      ...page(JOB, 'p1', ids(10, 20), { offset: 10, now: 2000 }),
      known,
    });

    expect(job.cachedCount).toBe(20);
    await expectCountsMatch(db, JOB);
    expect(await getCandidate(db, JOB, 'a12')).toMatchObject({
      firstSeenAt: 200,
      lastPullId: 'p1',
    });
    expect(await getCandidate(db, JOB, 'a17')).toMatchObject({ firstSeenAt: 2000 });
    expect(known).toEqual(await readKnown(db, JOB));
  });

  it('a pull whose job was deleted meanwhile starts the job again', async () => {
    const known = await readKnown(db, JOB);
    await writePage(db, { ...page(JOB, 'p1', ids(0, 10), { now: 1000 }), known });
    await deleteJob(db, JOB);
    const job = await writePage(db, {
      ...page(JOB, 'p1', ids(10, 15), { offset: 10, now: 2000 }),
      known,
    });
    expect(job.cachedCount).toBe(5);
    await expectCountsMatch(db, JOB);
    expect(await getCandidate(db, JOB, 'a12')).toMatchObject({ firstSeenAt: 2000 });
  });

  it('chunks rewritten when a pull ends come after every seq read before', async () => {
    await writePage(db, page(JOB, 'p1', ids(0, 10), { now: 1000 }));
    // The list moved: a9 is listed again on the next page.
    await writePage(db, page(JOB, 'p1', ['a9', ...ids(10, 19)], { offset: 10, now: 1000 }));
    const before = await readCandidates(db, JOB);
    expect(before.lastSeq).toBe(1);

    await finishPull(db, { pull: pullOf(JOB, 'p1'), complete: true, now: 2000 });

    const tail = await getCandidatesAfterChunk(db, JOB, before.lastSeq);
    expect(tail.candidates).toEqual(await getCandidates(db, JOB));
    expect(tail.candidates).toHaveLength(19);
  });

  it('a re-pull that stops after listing only newcomers still has the first rows first', async () => {
    await writePage(db, page(JOB, 'p1', ids(0, 10), { now: 1000 }));
    await finishPull(db, { pull: pullOf(JOB, 'p1'), complete: true, now: 1000 });
    await writePage(db, page(JOB, 'p2', ['n0', 'n1', 'n2'], { now: 2000 }));
    await finishPull(db, {
      pull: pullOf(JOB, 'p2', { status: 'cancelled' }),
      complete: false,
      now: 3000,
    });
    const first = await getFirstCandidates(db, JOB, 3);
    expect(first.map((c) => c.applicationId)).toEqual(['a0', 'n0', 'a1']);
    expect(first).toEqual((await getCandidates(db, JOB)).slice(0, 3));
  });

  it('a pull ends stored as it ended even when tidying its chunks fails', async () => {
    await writePage(db, page(JOB, 'p1', ids(0, 10), { now: 1000 }));
    await writePage(db, page(JOB, 'p2', ids(0, 5), { now: 2000 }));
    const before = await db.getAll('candidateChunks');
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'candidateChunks')
        throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const pull = pullOf(JOB, 'p2', { status: 'cancelled' });

    await expect(finishPull(db, { pull, complete: false, now: 3000 })).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    vi.restoreAllMocks();

    expect(await getPull(db, JOB)).toEqual(pull);
    expect(await db.getAll('candidateChunks')).toEqual(before);
    await expectCountsMatch(db, JOB);
  });

  it('a pull that stopped before storing anything leaves no empty job behind', async () => {
    const pull = pullOf('4055555555', 'p1', { status: 'failed' });
    await finishPull(db, { pull, complete: false, now: 1000 });
    expect(await getJob(db, '4055555555')).toBeUndefined();
    expect(await getPull(db, '4055555555')).toEqual(pull);
  });

  it('what a pull knows is not changed by a page that failed', async () => {
    await writePage(db, page(JOB, 'p1', ids(0, 5), { now: 1000 }));
    const known = await readKnown(db, JOB);
    const candidates = ids(5, 10).map((id) => candidate(id));
    (candidates[2] as unknown as Record<string, unknown>).headline = () => 'not data';
    await expect(
      writePage(db, { ...page(JOB, 'p1', [], { offset: 5, now: 2000 }), candidates, known }),
    ).rejects.toMatchObject({ name: 'DataCloneError' });
    expect([...known.keys()]).toEqual(ids(0, 5));
  });
});

describe('counts always equal what is stored', () => {
  it('through a long random mix of pages, failures and finishes over three jobs', async () => {
    // Deterministic pseudo-random sequence (mulberry32), so a failure replays.
    let seed = 20250101;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const jobs = ['1', '12', '123'];
    // Half the pages go through a pull's own knowledge of the job (read once, kept up to date),
    // the other half read the job: the counts must agree either way.
    const known = new Map(
      await Promise.all(jobs.map(async (id) => [id, await readKnown(db, id)] as const)),
    );
    for (let step = 0; step < 60; step++) {
      const jobId = jobs[Math.floor(random() * jobs.length)] ?? '1';
      const offset = Math.floor(random() * 40);
      const size = Math.floor(random() * 12);
      const chosen = Array.from({ length: size }, () => `a${Math.floor(random() * 50)}`);
      const input = page(jobId, `p${step}`, chosen, { offset, now: step });
      const roll = random();
      if (roll < 0.15 && size > 0) {
        (input.candidates[size - 1] as unknown as Record<string, unknown>).applicationId = null;
        await expect(writePage(db, input)).rejects.toThrow();
      } else if (roll < 0.25) {
        await finishPull(db, { pull: input.pull, complete: random() < 0.5, now: step });
      } else if (roll < 0.3) {
        await deleteJob(db, jobId);
      } else {
        await writePage(db, random() < 0.5 ? { ...input, known: known.get(jobId) } : input);
      }
      for (const id of jobs) await expectCountsMatch(db, id);
    }
  });
});
