import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  countCandidates,
  getCandidate,
  getCandidates,
  getCandidatesAfterChunk,
  getFirstCandidates,
} from '@/utils/db/candidates';
import { cvBlob, cvBytesByJob, cvSummary, deleteCv, getCv, listCvIds, putCv } from '@/utils/db/cvs';
import { deleteAllData, deleteJob, ensureJob, getJob, listJobs } from '@/utils/db/jobs';
import { openPanelDb } from '@/utils/db/open';
import { getPull, listUnfinishedPulls, putPull } from '@/utils/db/pulls';
import { finishPull, writePage } from '@/utils/db/pulls-write';
import { emptyReview, getReview, listReviews, putReview } from '@/utils/db/reviews';
import type { PanelDb } from '@/utils/db/schema';
import { getSecret, setSecret } from '@/utils/db/secrets';
import type { CvRecord, PullRecord, PullStatus } from '@/utils/db/types';
import type { ApiCandidate } from '@/utils/linkup/types';

function candidate(id: string): ApiCandidate {
  return {
    applicationId: id,
    rating: 'UNRATED',
    isTopChoice: false,
    topChoiceMessage: '',
    firstName: 'Alan',
    lastName: id,
    fullName: `Alan ${id}`,
    headline: '',
    publicIdentifier: '',
    profileUrl: '',
    location: '',
    applicationDate: '',
    experiences: [],
  };
}

function pullOf(jobId: string, pullId = 'p1', status: PullStatus = 'running'): PullRecord {
  return {
    jobId,
    pullId,
    status,
    nextOffset: 0,
    pageSize: 10,
    total: null,
    fetched: 0,
    skipped: 0,
    credits: 0,
    startedAt: 0,
    updatedAt: 0,
    error: null,
  };
}

function storePage(
  db: PanelDb,
  jobId: string,
  applicationIds: string[],
  { offset = 0, now = 1000, pullId = 'p1' } = {},
) {
  return writePage(db, {
    jobId,
    pull: pullOf(jobId, pullId),
    candidates: applicationIds.map(candidate),
    offset,
    totalAvailable: null,
    creditsConsumed: applicationIds.length,
    now,
  });
}

function cv(applicationId: string, jobId: string, size = 10): CvRecord {
  const bytes = new Uint8Array(size);
  bytes.set([0x25, 0x50, 0x44, 0x46].slice(0, size));
  return {
    applicationId,
    jobId,
    kind: 'pdf',
    mime: 'application/pdf',
    filename: `CV - ${applicationId}.pdf`,
    size,
    bytes: bytes.buffer,
    fetchedAt: 1000,
    creditsConsumed: 1,
  };
}

function ids(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`);
}

let db: PanelDb;

beforeEach(async () => {
  db = await openPanelDb(new IDBFactory());
});

afterEach(() => {
  db.close();
});

describe('candidates', () => {
  it('come back in rank order whatever order the pages were stored in', async () => {
    await storePage(db, '42', ['k', 'l', 'm'], { offset: 10 });
    await storePage(db, '42', ['z', 'y', 'x'], { offset: 0 });
    await storePage(db, '42', ['q'], { offset: 3 });
    await storePage(db, '4', ['other'], { offset: 0 });
    await storePage(db, '420', ['other'], { offset: 0 });

    const list = await getCandidates(db, '42');
    expect(list.map((c) => c.applicationId)).toEqual(['z', 'y', 'x', 'q', 'k', 'l', 'm']);
    expect(list.map((c) => c.rank)).toEqual([0, 1, 2, 3, 10, 11, 12]);
    expect(await countCandidates(db, '42')).toBe(7);
    expect(await countCandidates(db, '4')).toBe(1);
    expect(await getCandidates(db, 'none')).toEqual([]);
  });

  it('getFirstCandidates stops at the limit, in rank order', async () => {
    await storePage(db, '42', ids('b', 20), { offset: 20 });
    await storePage(db, '42', ids('a', 20), { offset: 0 });
    await storePage(db, '43', ids('c', 5));
    // Written out of LinkedIn's order: the pull's end puts the first rows in the first chunk.
    await finishPull(db, { pull: pullOf('42', 'p1', 'done'), complete: false, now: 2 });

    const first = await getFirstCandidates(db, '42', 30);
    expect(first).toHaveLength(30);
    expect(first.map((c) => c.applicationId)).toEqual([...ids('a', 20), ...ids('b', 10)]);
    expect(first).toEqual((await getCandidates(db, '42')).slice(0, 30));

    expect(await getFirstCandidates(db, '43', 30)).toHaveLength(5);
    expect((await getFirstCandidates(db, '42', 1)).map((c) => c.applicationId)).toEqual(['a0']);
    expect(await getFirstCandidates(db, '42', 0)).toEqual([]);
    expect(await getFirstCandidates(db, 'none', 10)).toEqual([]);
  });

  it('getCandidatesAfterChunk reads only the chunks written after a seq, in order', async () => {
    await storePage(db, '42', ids('a', 20), { offset: 0 });
    await storePage(db, '42', ids('b', 10), { offset: 20 });
    await storePage(db, '420', ids('c', 5), { offset: 0 });
    const tail = await getCandidatesAfterChunk(db, '42', 0);
    expect(tail.candidates.map((c) => c.applicationId)).toEqual(ids('b', 10));
    expect(tail.lastSeq).toBe(1);
    expect(await getCandidatesAfterChunk(db, '42', 1)).toEqual({ candidates: [], lastSeq: 1 });
    const all = await getCandidatesAfterChunk(db, '42', -1);
    expect(all.candidates.map((c) => c.rank)).toEqual([...Array(30).keys()]);
    expect(all.lastSeq).toBe(1);
  });

  it('getCandidate finds one by job and application', async () => {
    await storePage(db, '42', ['a']);
    await storePage(db, '43', ['a']);
    expect(await getCandidate(db, '42', 'a')).toMatchObject({ jobId: '42', applicationId: 'a' });
    expect(await getCandidate(db, '43', 'a')).toMatchObject({ jobId: '43' });
    expect(await getCandidate(db, '42', 'b')).toBeUndefined();
  });
});

describe('jobs', () => {
  it('ensureJob creates a job once and only sets a non-empty title', async () => {
    const created = await ensureJob(db, '42', {}, 100);
    expect(created).toEqual({
      jobId: '42',
      title: null,
      totalAvailable: null,
      cachedCount: 0,
      lastPulledAt: null,
      lastCompletePullAt: null,
      creditsSpent: 0,
      createdAt: 100,
    });
    expect(await ensureJob(db, '42', { title: '  Data engineer ' }, 200)).toMatchObject({
      title: 'Data engineer',
      createdAt: 100,
    });
    expect(await ensureJob(db, '42', { title: '' }, 300)).toMatchObject({ title: 'Data engineer' });
    expect(await ensureJob(db, '42', { title: null }, 300)).toMatchObject({
      title: 'Data engineer',
    });
    expect(await getJob(db, '42')).toMatchObject({ title: 'Data engineer', createdAt: 100 });
  });

  it('ensureJob keeps what pulls stored', async () => {
    await storePage(db, '42', ids('a', 3), { now: 500 });
    const job = await ensureJob(db, '42', { title: 'Renamed' }, 900);
    expect(job).toMatchObject({ cachedCount: 3, lastPulledAt: 500, creditsSpent: 3 });
  });

  it('listJobs puts the most recently pulled first and never-pulled jobs last', async () => {
    await ensureJob(db, 'never-old', {}, 1);
    await storePage(db, 'pulled-early', ['a'], { now: 100 });
    await ensureJob(db, 'never-new', {}, 5000);
    await storePage(db, 'pulled-late', ['a'], { now: 300 });
    await storePage(db, 'pulled-mid', ['a'], { now: 200 });

    expect((await listJobs(db)).map((j) => j.jobId)).toEqual([
      'pulled-late',
      'pulled-mid',
      'pulled-early',
      'never-new',
      'never-old',
    ]);
  });

  it("deleteJob removes that job's candidates, pull and reviews and nothing else", async () => {
    await storePage(db, '42', ids('a', 5));
    await storePage(db, '420', ids('a', 3));
    await putReview(db, { ...emptyReview('a1', '42', 1), decision: 'reject' });
    await putReview(db, { ...emptyReview('a2', '42', 1), notes: 'call back' });
    await putReview(db, { ...emptyReview('other', '420', 1), decision: 'shortlist' });
    await setSecret(db, 'apiKey', 'k');
    await putCv(db, cv('a1', '42'));
    await putCv(db, cv('a3', '42'));
    await putCv(db, cv('other', '420'));

    await deleteJob(db, '42');

    expect(await getJob(db, '42')).toBeUndefined();
    expect(await getCandidates(db, '42')).toEqual([]);
    expect(await getPull(db, '42')).toBeUndefined();
    expect(await listReviews(db, '42')).toEqual([]);
    expect(await getReview(db, 'a1')).toBeUndefined();
    expect(await listCvIds(db, '42')).toEqual(new Set());
    expect(await getCv(db, 'a1')).toBeUndefined();
    expect(await getCv(db, 'a3')).toBeUndefined();
    expect((await cvBytesByJob(db)).has('42')).toBe(false);

    expect(await getJob(db, '420')).toMatchObject({ cachedCount: 3 });
    expect(await listCvIds(db, '420')).toEqual(new Set(['other']));
    expect(await getCandidates(db, '420')).toHaveLength(3);
    expect(await getPull(db, '420')).toBeDefined();
    expect(await getReview(db, 'other')).toMatchObject({ decision: 'shortlist' });
    expect(await getSecret(db, 'apiKey')).toBe('k');
  });

  it('deleteJob removes all or nothing: a failure keeps the CVs with the rest', async () => {
    await storePage(db, '42', ids('a', 2));
    await putCv(db, cv('a0', '42'));
    const original = IDBObjectStore.prototype.delete;
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (
      this: IDBObjectStore,
      key,
    ) {
      if (this.name === 'cvs') throw new DOMException('broken', 'UnknownError');
      return original.call(this, key);
    });

    await expect(deleteJob(db, '42')).rejects.toMatchObject({ name: 'UnknownError' });
    vi.restoreAllMocks();

    expect(await getJob(db, '42')).toBeDefined();
    expect(await getCandidates(db, '42')).toHaveLength(2);
    expect(await getCv(db, 'a0')).toBeDefined();
  });

  it('deleteAllData clears the cache but keeps the secrets', async () => {
    await storePage(db, '42', ids('a', 5));
    await putReview(db, emptyReview('a1', '42', 1));
    await putCv(db, cv('a1', '42'));
    await setSecret(db, 'apiKey', 'key-123');

    await deleteAllData(db);

    for (const store of ['jobs', 'candidateChunks', 'pulls', 'reviews', 'cvs'] as const) {
      expect(await db.count(store)).toBe(0);
    }
    expect(await getSecret(db, 'apiKey')).toBe('key-123');
  });
});

describe('pulls', () => {
  it('stores one pull per job and lists the unfinished ones', async () => {
    await putPull(db, pullOf('1', 'p1', 'running'));
    await putPull(db, pullOf('2', 'p2', 'paused'));
    await putPull(db, pullOf('3', 'p3', 'done'));
    await putPull(db, pullOf('4', 'p4', 'failed'));
    await putPull(db, pullOf('5', 'p5', 'cancelled'));
    await putPull(db, pullOf('3', 'p6', 'running'));

    expect(await getPull(db, '3')).toMatchObject({ pullId: 'p6' });
    expect(await getPull(db, '9')).toBeUndefined();
    expect((await listUnfinishedPulls(db)).map((p) => p.pullId).sort()).toEqual(['p1', 'p2', 'p6']);
  });
});

describe('cvs', () => {
  it('are stored whole, listed per job and summed per job from the index alone', async () => {
    await storePage(db, '42', ids('a', 3));
    await storePage(db, '4', ['b0']);
    await storePage(db, '420', ['c0']);
    expect(await getCv(db, 'a0')).toBeUndefined();
    expect(await listCvIds(db, '42')).toEqual(new Set());
    expect(await cvBytesByJob(db)).toEqual(new Map());

    expect(await putCv(db, cv('a0', '42', 100))).toBe(true);
    expect(await putCv(db, cv('a2', '42', 2_000))).toBe(true);
    expect(await putCv(db, cv('b0', '4', 7))).toBe(true);
    expect(await putCv(db, cv('c0', '420', 3))).toBe(true);

    const stored = await getCv(db, 'a2');
    expect(stored).toMatchObject({ applicationId: 'a2', jobId: '42', size: 2_000, kind: 'pdf' });
    expect(stored?.bytes).toBeInstanceOf(ArrayBuffer);
    expect(stored?.bytes.byteLength).toBe(2_000);
    const blob = cvBlob(stored as CvRecord);
    expect(blob.type).toBe('application/pdf');
    expect(blob.size).toBe(2_000);
    expect([...new Uint8Array(await blob.arrayBuffer()).subarray(0, 4)]).toEqual([
      0x25, 0x50, 0x44, 0x46,
    ]);
    expect(cvSummary(stored as CvRecord)).not.toHaveProperty('bytes');
    expect(cvSummary(stored as CvRecord)).toMatchObject({ filename: 'CV - a2.pdf', size: 2_000 });

    expect(await listCvIds(db, '42')).toEqual(new Set(['a0', 'a2']));
    expect(await listCvIds(db, '4')).toEqual(new Set(['b0']));
    expect(await cvBytesByJob(db)).toEqual(
      new Map([
        ['42', 2_100],
        ['4', 7],
        ['420', 3],
      ]),
    );

    await deleteCv(db, 'a0');
    expect(await getCv(db, 'a0')).toBeUndefined();
    expect(await listCvIds(db, '42')).toEqual(new Set(['a2']));
    expect((await cvBytesByJob(db)).get('42')).toBe(2_000);
  });

  it('are not stored for a job that no longer exists', async () => {
    await storePage(db, '42', ['a0']);
    await deleteJob(db, '42');
    expect(await putCv(db, cv('a0', '42'))).toBe(false);
    expect(await db.count('cvs')).toBe(0);
  });
});

describe('secrets', () => {
  it('set, get, replace and delete', async () => {
    expect(await getSecret(db, 'apiKey')).toBeNull();
    await setSecret(db, 'apiKey', 'first');
    expect(await getSecret(db, 'apiKey')).toBe('first');
    await setSecret(db, 'apiKey', 'second');
    expect(await getSecret(db, 'apiKey')).toBe('second');
    await setSecret(db, 'other', '');
    expect(await getSecret(db, 'other')).toBe('');
    await setSecret(db, 'apiKey', null);
    expect(await getSecret(db, 'apiKey')).toBeNull();
    expect(await getSecret(db, 'other')).toBe('');
    await setSecret(db, 'missing', null);
  });
});

describe('reviews', () => {
  it('start empty and are kept by application ID', async () => {
    expect(emptyReview('a1', '42', 5)).toEqual({
      applicationId: 'a1',
      jobId: '42',
      decision: null,
      notes: '',
      tags: [],
      seenAt: null,
      updatedAt: 5,
    });
    expect(await getReview(db, 'a1')).toBeUndefined();
    await putReview(db, { ...emptyReview('a1', '42', 5), decision: 'maybe', tags: ['remote'] });
    await putReview(db, { ...emptyReview('a1', '42', 6), decision: 'shortlist', notes: 'great' });
    await putReview(db, emptyReview('b1', '43', 5));

    expect(await getReview(db, 'a1')).toMatchObject({ decision: 'shortlist', notes: 'great' });
    expect((await listReviews(db, '42')).map((r) => r.applicationId)).toEqual(['a1']);
    expect(await listReviews(db, '43')).toHaveLength(1);
  });

  it('survive a re-pull that rewrites the candidate', async () => {
    await storePage(db, '42', ids('a', 3), { now: 1000 });
    const review = {
      ...emptyReview('a1', '42', 1500),
      decision: 'shortlist' as const,
      notes: 'Strong compilers background',
      tags: ['rust'],
      seenAt: 1500,
    };
    await putReview(db, review);

    await storePage(db, '42', ['new', ...ids('a', 3)], { now: 2000, pullId: 'p2' });

    expect(await getCandidate(db, '42', 'a1')).toMatchObject({ rank: 2, lastPullId: 'p2' });
    expect(await getReview(db, 'a1')).toEqual(review);
    expect(await listReviews(db, '42')).toEqual([review]);
  });
});
