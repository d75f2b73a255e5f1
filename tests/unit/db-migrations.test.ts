import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getCandidates } from '@/utils/db/candidates';
import { cvBlob, getCv, listCvIds, putCv } from '@/utils/db/cvs';
import { getJob } from '@/utils/db/jobs';
import { migrations } from '@/utils/db/migrations';
import { getPanelDb, openPanelDb } from '@/utils/db/open';
import { getPull } from '@/utils/db/pulls';
import { writePage } from '@/utils/db/pulls-write';
import { emptyReview, getReview, putReview } from '@/utils/db/reviews';
import { DB_NAME, DB_VERSION, type PanelDb } from '@/utils/db/schema';
import { getSecret } from '@/utils/db/secrets';
import type { CvRecord } from '@/utils/db/types';

const JOB = '4012345678';

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A v1 candidate as the first release stored it: no noLongerListed, no lastPullId. */
function v1Candidate(applicationId: string, rank: number) {
  return {
    applicationId,
    rating: 'GOOD_FIT',
    isTopChoice: false,
    topChoiceMessage: '',
    firstName: 'Grace',
    lastName: applicationId,
    fullName: `Grace ${applicationId}`,
    headline: 'Admiral',
    publicIdentifier: `grace-${applicationId}`,
    profileUrl: `https://www.linkedin.com/in/grace-${applicationId}`,
    location: 'Arlington',
    applicationDate: '2024-12-01',
    experiences: [],
    jobId: JOB,
    rank,
    firstSeenAt: 500,
    lastSeenAt: 600,
  };
}

/** Builds the version-1 database by hand, the way the first release laid it out. */
async function createV1Database(factory: IDBFactory, name = DB_NAME): Promise<void> {
  const request = factory.open(name, 1);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore('jobs', { keyPath: 'jobId' });
    const candidates = db.createObjectStore('candidates', { keyPath: ['jobId', 'applicationId'] });
    candidates.createIndex('byJobRank', ['jobId', 'rank']);
    db.createObjectStore('pulls', { keyPath: 'jobId' });
    db.createObjectStore('secrets', { keyPath: 'name' });
  };
  const db = await requestResult(request);
  const tx = db.transaction(['jobs', 'candidates', 'pulls', 'secrets'], 'readwrite');
  tx.objectStore('jobs').put({
    jobId: JOB,
    title: 'Compiler engineer',
    totalAvailable: 3,
    cachedCount: 3,
    lastPulledAt: 600,
    lastCompletePullAt: 600,
    creditsSpent: 3,
    createdAt: 500,
  });
  tx.objectStore('candidates').put(v1Candidate('c2', 2));
  tx.objectStore('candidates').put(v1Candidate('c0', 0));
  tx.objectStore('candidates').put(v1Candidate('c1', 1));
  tx.objectStore('pulls').put({
    jobId: JOB,
    pullId: 'old',
    status: 'done',
    nextOffset: 3,
    pageSize: 10,
    total: 3,
    fetched: 3,
    skipped: 0,
    credits: 3,
    startedAt: 500,
    updatedAt: 600,
    error: null,
  });
  tx.objectStore('secrets').put({ name: 'apiKey', value: 'secret-key' });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Builds the version-2 database by hand: v1's stores plus reviews, candidates with both fields. */
async function createV2Database(factory: IDBFactory, name = DB_NAME): Promise<void> {
  const request = factory.open(name, 2);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore('jobs', { keyPath: 'jobId' });
    const candidates = db.createObjectStore('candidates', { keyPath: ['jobId', 'applicationId'] });
    candidates.createIndex('byJobRank', ['jobId', 'rank']);
    db.createObjectStore('pulls', { keyPath: 'jobId' });
    db.createObjectStore('secrets', { keyPath: 'name' });
    db.createObjectStore('reviews', { keyPath: 'applicationId' }).createIndex('byJob', 'jobId');
  };
  const db = await requestResult(request);
  const tx = db.transaction(['jobs', 'candidates', 'reviews', 'secrets'], 'readwrite');
  tx.objectStore('jobs').put({
    jobId: JOB,
    title: 'Compiler engineer',
    totalAvailable: 2,
    cachedCount: 2,
    lastPulledAt: 600,
    lastCompletePullAt: 600,
    creditsSpent: 2,
    createdAt: 500,
    newSince: null,
  });
  for (const [rank, id] of ['c0', 'c1'].entries()) {
    tx.objectStore('candidates').put({
      ...v1Candidate(id, rank),
      noLongerListed: false,
      lastPullId: 'p1',
    });
  }
  tx.objectStore('reviews').put({
    applicationId: 'c1',
    jobId: JOB,
    decision: 'shortlist',
    notes: 'strong',
    tags: ['rust'],
    seenAt: 650,
    updatedAt: 650,
  });
  tx.objectStore('secrets').put({ name: 'apiKey', value: 'secret-key' });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

function cvRecord(applicationId: string, jobId = JOB): CvRecord {
  const bytes = new TextEncoder().encode('%PDF-1.4 test');
  return {
    applicationId,
    jobId,
    kind: 'pdf',
    mime: 'application/pdf',
    filename: `CV - Grace ${applicationId} - ${applicationId}.pdf`,
    size: bytes.byteLength,
    bytes: bytes.buffer,
    fetchedAt: 700,
    creditsConsumed: 1,
  };
}

async function rawVersion(factory: IDBFactory, name = DB_NAME): Promise<number> {
  const db = await requestResult(factory.open(name));
  const version = db.version;
  db.close();
  return version;
}

const open: PanelDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
async function track(opening: Promise<PanelDb>): Promise<PanelDb> {
  const db = await opening;
  open.push(db);
  return db;
}

describe('schema', () => {
  it('has one migration step per version', () => {
    expect(migrations).toHaveLength(DB_VERSION);
    expect(DB_VERSION).toBe(4);
  });

  it('creates every store and index on a fresh open', async () => {
    const db = await track(openPanelDb(new IDBFactory()));
    expect(db.name).toBe('applicant-panel');
    expect(db.version).toBe(4);
    expect([...db.objectStoreNames].sort()).toEqual([
      'candidateChunks',
      'cvs',
      'jobs',
      'pulls',
      'reviews',
      'secrets',
    ]);
    const tx = db.transaction(['candidateChunks', 'reviews', 'jobs', 'pulls', 'secrets', 'cvs']);
    expect(tx.objectStore('candidateChunks').keyPath).toEqual(['jobId', 'seq']);
    expect([...tx.objectStore('candidateChunks').indexNames]).toEqual([]);
    expect(tx.objectStore('reviews').keyPath).toBe('applicationId');
    expect(tx.objectStore('reviews').index('byJob').keyPath).toBe('jobId');
    expect(tx.objectStore('jobs').keyPath).toBe('jobId');
    expect(tx.objectStore('pulls').keyPath).toBe('jobId');
    expect(tx.objectStore('secrets').keyPath).toBe('name');
    expect(tx.objectStore('cvs').keyPath).toBe('applicationId');
    expect(tx.objectStore('cvs').index('byJob').keyPath).toBe('jobId');
    expect(tx.objectStore('cvs').index('byJobSize').keyPath).toEqual(['jobId', 'size']);
    await tx.done;
  });

  it('opens an existing current database without changing it', async () => {
    const factory = new IDBFactory();
    const first = await openPanelDb(factory);
    await writePage(first, {
      jobId: JOB,
      pull: {
        jobId: JOB,
        pullId: 'p1',
        status: 'running',
        nextOffset: 1,
        pageSize: 10,
        total: 1,
        fetched: 1,
        skipped: 0,
        credits: 1,
        startedAt: 1,
        updatedAt: 1,
        error: null,
      },
      candidates: [{ ...v1Candidate('x', 0) }],
      offset: 0,
      totalAvailable: 1,
      creditsConsumed: 1,
      now: 1,
    });
    first.close();
    const again = await track(openPanelDb(factory));
    expect(await getCandidates(again, JOB)).toHaveLength(1);
  });
});

describe('from version 1', () => {
  it('keeps every record and fills the fields v1 did not have', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory);

    const db = await track(openPanelDb(factory));

    expect(db.version).toBe(4);
    const candidates = await getCandidates(db, JOB);
    expect(candidates.map((c) => c.applicationId)).toEqual(['c0', 'c1', 'c2']);
    for (const [rank, c] of candidates.entries()) {
      expect(c).toEqual({
        ...v1Candidate(`c${rank}`, rank),
        noLongerListed: false,
        lastPullId: '',
      });
    }
    expect(await getJob(db, JOB)).toMatchObject({ title: 'Compiler engineer', cachedCount: 3 });
    expect(await getPull(db, JOB)).toMatchObject({ pullId: 'old', status: 'done' });
    expect(await getSecret(db, 'apiKey')).toBe('secret-key');
    expect(db.objectStoreNames.contains('reviews')).toBe(true);

    await putReview(db, { ...emptyReview('c1', JOB, 700), decision: 'maybe' });
    expect(await getReview(db, 'c1')).toMatchObject({ decision: 'maybe' });

    // Straight through to v4: the CV store is there and empty.
    expect(db.objectStoreNames.contains('cvs')).toBe(true);
    expect(await db.count('cvs')).toBe(0);
    expect(await putCv(db, cvRecord('c0'))).toBe(true);
    expect(await listCvIds(db, JOB)).toEqual(new Set(['c0']));
  });

  it('leaves version 1 as it was when a migration step fails', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory);
    vi.spyOn(IDBCursor.prototype, 'update').mockImplementation(() => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });

    await expect(openPanelDb(factory)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();

    expect(await rawVersion(factory)).toBe(1);
    const raw = await requestResult(factory.open(DB_NAME, 1));
    expect([...raw.objectStoreNames].sort()).toEqual(['candidates', 'jobs', 'pulls', 'secrets']);
    const stored = await requestResult(
      raw.transaction('candidates').objectStore('candidates').getAll(),
    );
    expect(stored).toHaveLength(3);
    expect(stored.every((c) => !('noLongerListed' in c))).toBe(true);
    raw.close();

    // The next open, without the failure, migrates.
    const db = await track(openPanelDb(factory));
    expect((await getCandidates(db, JOB)).every((c) => c.lastPullId === '')).toBe(true);
  });
});

describe('from version 2', () => {
  it('adds an empty CV store and keeps every record as it was', async () => {
    const factory = new IDBFactory();
    await createV2Database(factory);
    const raw = await requestResult(factory.open(DB_NAME, 2));
    const before = await requestResult(
      raw.transaction('candidates').objectStore('candidates').getAll(),
    );
    raw.close();

    const db = await track(openPanelDb(factory));

    expect(db.version).toBe(4);
    expect(await getCandidates(db, JOB)).toEqual(before);
    expect(await getJob(db, JOB)).toMatchObject({ title: 'Compiler engineer', cachedCount: 2 });
    expect(await getReview(db, 'c1')).toMatchObject({ decision: 'shortlist', notes: 'strong' });
    expect(await getSecret(db, 'apiKey')).toBe('secret-key');
    expect(await db.count('cvs')).toBe(0);

    const record = cvRecord('c1');
    expect(await putCv(db, record)).toBe(true);
    const stored = await getCv(db, 'c1');
    expect(stored).toMatchObject({ kind: 'pdf', size: record.size, filename: record.filename });
    expect(stored && new Uint8Array(await cvBlob(stored).arrayBuffer())).toEqual(
      new Uint8Array(record.bytes),
    );
  });

  it('leaves version 2 as it was when the step fails', async () => {
    const factory = new IDBFactory();
    await createV2Database(factory);
    vi.spyOn(IDBObjectStore.prototype, 'createIndex').mockImplementation(() => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });

    await expect(openPanelDb(factory)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();

    expect(await rawVersion(factory)).toBe(2);
    const db = await track(openPanelDb(factory));
    expect(db.objectStoreNames.contains('cvs')).toBe(true);
    expect(await getReview(db, 'c1')).toMatchObject({ decision: 'shortlist' });
  });
});

/** Builds the version-3 database by hand: v2's stores plus CVs, with `candidates` records. */
async function createV3Database(
  factory: IDBFactory,
  records: ReturnType<typeof v3Candidate>[],
): Promise<void> {
  const request = factory.open(DB_NAME, 3);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore('jobs', { keyPath: 'jobId' });
    const candidates = db.createObjectStore('candidates', { keyPath: ['jobId', 'applicationId'] });
    candidates.createIndex('byJobRank', ['jobId', 'rank']);
    db.createObjectStore('pulls', { keyPath: 'jobId' });
    db.createObjectStore('secrets', { keyPath: 'name' });
    db.createObjectStore('reviews', { keyPath: 'applicationId' }).createIndex('byJob', 'jobId');
    const cvs = db.createObjectStore('cvs', { keyPath: 'applicationId' });
    cvs.createIndex('byJob', 'jobId');
    cvs.createIndex('byJobSize', ['jobId', 'size']);
  };
  const db = await requestResult(request);
  const tx = db.transaction(['jobs', 'candidates', 'secrets'], 'readwrite');
  for (const jobId of new Set(records.map((r) => r.jobId))) {
    tx.objectStore('jobs').put({
      jobId,
      title: `Job ${jobId}`,
      totalAvailable: null,
      cachedCount: records.filter((r) => r.jobId === jobId).length,
      lastPulledAt: 600,
      lastCompletePullAt: 600,
      creditsSpent: 2,
      createdAt: 500,
      newSince: null,
    });
  }
  for (const record of records) tx.objectStore('candidates').put(record);
  tx.objectStore('secrets').put({ name: 'apiKey', value: 'secret-key' });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

function v3Candidate(applicationId: string, rank: number, jobId = JOB) {
  return { ...v1Candidate(applicationId, rank), jobId, noLongerListed: false, lastPullId: 'p1' };
}

describe('from version 3', () => {
  // 250 applicants of one job (stored in ID order, not rank order), two sharing a rank as a
  // re-pull leaves them, and an applicant of a second job with the same application ID.
  const records = [
    ...Array.from({ length: 250 }, (_, i) =>
      v3Candidate(`z${String(249 - i).padStart(3, '0')}`, i),
    ),
    v3Candidate('tie', 7),
    v3Candidate('z000', 0, '4099999999'),
  ];

  it('moves every candidate into chunks of 100 per job, in LinkedIn order', async () => {
    const factory = new IDBFactory();
    await createV3Database(factory, records);

    const db = await track(openPanelDb(factory));

    expect(db.version).toBe(4);
    expect(db.objectStoreNames.contains('candidates' as never)).toBe(false);
    const expected = records
      .filter((r) => r.jobId === JOB)
      .sort((a, b) => a.rank - b.rank || (a.applicationId < b.applicationId ? -1 : 1));
    expect(await getCandidates(db, JOB)).toEqual(expected);
    expect(await getCandidates(db, '4099999999')).toEqual([records[251]]);
    const chunks = await db.getAll('candidateChunks');
    expect(chunks.map((ch) => [ch.jobId, ch.seq, ch.candidates.length])).toEqual([
      [JOB, 0, 100],
      [JOB, 1, 100],
      [JOB, 2, 51],
      ['4099999999', 0, 1],
    ]);
    expect(chunks[0]?.candidates.slice(0, 9).map((c) => c.rank)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 7,
    ]);
    expect(await getJob(db, JOB)).toMatchObject({ cachedCount: 251 });
    expect(await getSecret(db, 'apiKey')).toBe('secret-key');
  });

  it('leaves version 3 as it was when the step fails', async () => {
    const factory = new IDBFactory();
    await createV3Database(factory, records);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('disk full', 'QuotaExceededError');
    });

    await expect(openPanelDb(factory)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();

    expect(await rawVersion(factory)).toBe(3);
    const raw = await requestResult(factory.open(DB_NAME, 3));
    expect(raw.objectStoreNames.contains('candidates')).toBe(true);
    expect(raw.objectStoreNames.contains('candidateChunks')).toBe(false);
    const stored = await requestResult(
      raw.transaction('candidates').objectStore('candidates').getAll(),
    );
    expect(stored).toHaveLength(records.length);
    raw.close();

    const db = await track(openPanelDb(factory));
    expect(await getCandidates(db, JOB)).toHaveLength(251);
  });
});

describe('connections', () => {
  it('close themselves so a newer version can upgrade', async () => {
    const factory = new IDBFactory();
    const a = await track(openPanelDb(factory, 'shared'));
    const b = await track(openPanelDb(factory, 'shared'));
    const blocked = vi.fn();

    const newer = factory.open('shared', DB_VERSION + 1);
    newer.onblocked = blocked;
    const upgraded = await requestResult(newer);

    expect(upgraded.version).toBe(DB_VERSION + 1);
    expect(blocked).not.toHaveBeenCalled();
    expect(() => a.transaction('jobs')).toThrow();
    expect(() => b.transaction('jobs')).toThrow();
    upgraded.close();
  });

  it('getPanelDb shares one connection and opens again once it was closed', async () => {
    const first = getPanelDb();
    expect(getPanelDb()).toBe(first);
    const db = await first;
    expect(db.name).toBe(DB_NAME);

    // A newer version takes over: the cached connection closes and is forgotten.
    const newer = await requestResult(indexedDB.open(DB_NAME, DB_VERSION + 1));
    const second = getPanelDb();
    expect(second).not.toBe(first);
    // This (older) code cannot open the newer database, and does not cache the failure.
    await expect(second).rejects.toMatchObject({ name: 'VersionError' });
    expect(getPanelDb()).not.toBe(second);
    await getPanelDb().catch(() => undefined);

    newer.close();
    await requestResult(indexedDB.deleteDatabase(DB_NAME));
    const reopened = await track(getPanelDb());
    expect(reopened.version).toBe(DB_VERSION);
  });
});
