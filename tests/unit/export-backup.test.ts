import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CV_TYPES, type CvKind, cvFilename } from '@/utils/cv/sniff';
import { getCandidates } from '@/utils/db/candidates';
import { getCv, putCv } from '@/utils/db/cvs';
import { getJob } from '@/utils/db/jobs';
import { openPanelDb } from '@/utils/db/open';
import { finishPull, writePage } from '@/utils/db/pulls-write';
import { getReview } from '@/utils/db/reviews';
import type { PanelDb } from '@/utils/db/schema';
import { setSecret } from '@/utils/db/secrets';
import type {
  CandidateRecord,
  CvRecord,
  JobRecord,
  PullRecord,
  ReviewRecord,
} from '@/utils/db/types';
import {
  BACKUP_FORMAT,
  BACKUP_LIMITS,
  type BackupCv,
  type BackupFile,
  backupFilename,
  base64ToBytes,
  bytesToBase64,
  exportBackup,
  importBackup,
  NEWER_VERSION,
  NOT_A_BACKUP,
  parseBackup,
} from '@/utils/export/backup';
import type { ApiCandidate } from '@/utils/linkup/types';
import { markSeen, setDecision, setNotes, setTags } from '@/utils/review/review-store';
import { buildDocx, buildPdf } from '../mock-linkup/cv';

const JOB = '4341315847';
const JOB2 = '4000000001';
const NOW = Date.UTC(2026, 10, 29, 12);

function apiCandidate(id: string, over: Partial<ApiCandidate> = {}): ApiCandidate {
  return {
    applicationId: id,
    rating: 'GOOD_FIT',
    isTopChoice: id.endsWith('1'),
    topChoiceMessage: id.endsWith('1') ? 'Picked' : '',
    firstName: 'Zoë',
    lastName: `Ångström ${id}`,
    fullName: `Zoë Ångström ${id}`,
    headline: 'Engineer, "senior"\nline two',
    publicIdentifier: `zoe-${id}`,
    profileUrl: `https://www.linkedin.com/in/zoe-${id}`,
    location: '李雷 city',
    applicationDate: '2026-11-01T10:00:00.000Z',
    experiences: [
      {
        title: 'Dev',
        company: 'Acme',
        companyUrl: 'https://www.linkedin.com/company/acme/',
        dateRange: '2/2025 - Present',
        description: 'Things',
      },
    ],
    ...over,
  };
}

function pullOf(jobId: string, pullId: string): PullRecord {
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
  };
}

async function pull(db: PanelDb, jobId: string, ids: string[], now: number, pullId = `p${now}`) {
  await writePage(db, {
    jobId,
    pull: pullOf(jobId, pullId),
    candidates: ids.map((id) => apiCandidate(id)),
    offset: 0,
    totalAvailable: ids.length,
    creditsConsumed: ids.length,
    now,
  });
}

/**
 * Every store, secrets, pulls and CVs included, to prove what did and did not change. CV bytes
 * as base64: `toEqual` sees no difference between two ArrayBuffers of different content.
 */
async function snapshot(db: PanelDb) {
  return {
    jobs: await db.getAll('jobs'),
    candidateChunks: await db.getAll('candidateChunks'),
    reviews: await db.getAll('reviews'),
    pulls: await db.getAll('pulls'),
    secrets: await db.getAll('secrets'),
    cvs: (await db.getAll('cvs')).map(({ bytes, ...rest }) => ({
      ...rest,
      bytes: Buffer.from(bytes).toString('base64'),
    })),
  };
}

/** A stored CV as the fetcher makes it: typed by its bytes, named after the candidate. */
function cvRecord(
  jobId: string,
  applicationId: string,
  content: Uint8Array,
  kind: CvKind = 'pdf',
  over: Partial<CvRecord> = {},
): CvRecord {
  // A buffer of exactly the file (Node's Buffers are views into a shared pool).
  const bytes = new Uint8Array(content).buffer;
  return {
    applicationId,
    jobId,
    kind,
    mime: CV_TYPES[kind].mime,
    filename: cvFilename(`Zoë Ångström ${applicationId}`, applicationId, kind),
    size: bytes.byteLength,
    bytes,
    fetchedAt: 4000,
    creditsConsumed: 1,
    ...over,
  };
}

async function storeCv(db: PanelDb, record: CvRecord) {
  if (!(await putCv(db, record))) throw new Error(`job ${record.jobId} not stored`);
}

const PDF = new Uint8Array(buildPdf('Zoë Ångström'));
const DOCX = new Uint8Array(buildDocx('José Núñez'));
/** Several megabytes, every byte value: one String.fromCharCode(...bytes) would overflow. */
const BIG = Uint8Array.from({ length: 3 * 1024 * 1024 + 7 }, (_, i) => (i * 7919) % 256);
BIG.set([0x25, 0x50, 0x44, 0x46, 0x2d], 0);

/** The seeded data plus three CVs: a PDF and a big PDF in JOB, a DOCX in JOB2. */
async function seedWithCvs(db: PanelDb) {
  await seed(db);
  await storeCv(db, cvRecord(JOB, '101', PDF));
  await storeCv(db, cvRecord(JOB, '102', BIG));
  await storeCv(db, cvRecord(JOB2, '201', DOCX, 'docx'));
}

const hex = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(new Uint8Array(bytes)).toString('hex');

/** Two jobs, a re-pull that leaves one candidate no longer listed, reviews of every kind. */
async function seed(db: PanelDb) {
  await pull(db, JOB, ['101', '102', '103'], 1000, 'pa');
  await finishPull(db, {
    pull: { ...pullOf(JOB, 'pa'), status: 'done' },
    complete: true,
    now: 1100,
  });
  await pull(db, JOB, ['101', '102'], 2000, 'pb');
  await finishPull(db, {
    pull: { ...pullOf(JOB, 'pb'), status: 'done' },
    complete: true,
    now: 2100,
  });
  await pull(db, JOB2, ['201'], 1500);
  await setDecision(db, JOB, '101', 'shortlist', 3000);
  await setNotes(db, JOB, '101', 'Strong, "really"\n=SUM(A1)', 3001);
  await setTags(db, JOB, '102', ['remote', 'Zoë'], 3002);
  await markSeen(db, JOB, '103', 3003);
  await setDecision(db, JOB2, '201', 'reject', 3004);
  await setSecret(db, 'apiKey', 'secret-key-123');
}

let db: PanelDb;

beforeEach(async () => {
  db = await openPanelDb(new IDBFactory());
});

afterEach(() => {
  db.close();
});

async function freshDb(): Promise<PanelDb> {
  return openPanelDb(new IDBFactory());
}

describe('exportBackup', () => {
  it('holds jobs, candidates and reviews, never secrets or pull state', async () => {
    await seed(db);
    const backup = await exportBackup(db, NOW);
    expect(Object.keys(backup)).toEqual([
      'format',
      'version',
      'exportedAt',
      'jobs',
      'candidates',
      'reviews',
    ]);
    expect(backup.format).toBe(BACKUP_FORMAT);
    expect(backup.version).toBe(1);
    expect(backup.exportedAt).toBe('2026-11-29T12:00:00.000Z');
    expect(backup.jobs.map((j) => j.jobId).sort()).toEqual([JOB2, JOB]);
    expect(backup.candidates).toHaveLength(4);
    expect(backup.reviews).toHaveLength(4);
    const text = JSON.stringify(backup);
    expect(text).not.toContain('secret-key-123');
    expect(text).not.toContain('apiKey');
    expect(text).not.toContain('nextOffset');
  });

  it('names the file by date', () => {
    expect(backupFilename(new Date(2026, 10, 29, 23, 30))).toBe(
      'applicant-panel-backup-2026-11-29.json',
    );
  });

  it('is a valid backup even for an empty database', async () => {
    const parsed = parseBackup(JSON.stringify(await exportBackup(db, NOW)));
    expect(parsed).toMatchObject({ ok: true, backup: { jobs: [], candidates: [], reviews: [] } });
    const withCvs = parseBackup(JSON.stringify(await exportBackup(db, NOW, { includeCvs: true })));
    expect(withCvs).toMatchObject({ ok: true, backup: { jobs: [], cvs: [] } });
  });

  it('leaves CVs out unless asked', async () => {
    await seedWithCvs(db);
    for (const backup of [
      await exportBackup(db, NOW),
      await exportBackup(db, NOW, {}),
      await exportBackup(db, NOW, { includeCvs: false }),
    ]) {
      expect(Object.keys(backup)).not.toContain('cvs');
      const text = JSON.stringify(backup);
      expect(text).not.toContain(bytesToBase64(PDF.subarray(0, 30)));
      expect(text).not.toContain('"content"');
    }
  });

  it('with includeCvs, holds each CV of a job in the backup, its file as base64', async () => {
    await seedWithCvs(db);
    // A CV whose job is gone (written past putCv's check) is left out like its candidates.
    await db.put('cvs', cvRecord('4999999999', '999', PDF));
    const backup = await exportBackup(db, NOW, { includeCvs: true });
    expect(Object.keys(backup)).toEqual([
      'format',
      'version',
      'exportedAt',
      'jobs',
      'candidates',
      'reviews',
      'cvs',
    ]);
    const cvs = backup.cvs ?? [];
    expect(cvs.map((cv) => cv.applicationId).sort()).toEqual(['101', '102', '201']);
    const pdf = cvs.find((cv) => cv.applicationId === '101');
    expect(pdf).toEqual({
      applicationId: '101',
      jobId: JOB,
      kind: 'pdf',
      mime: 'application/pdf',
      filename: 'CV - Zoë Ångström 101 - 101.pdf',
      size: PDF.length,
      fetchedAt: 4000,
      creditsConsumed: 1,
      content: Buffer.from(PDF).toString('base64'),
    });
    expect(cvs.find((cv) => cv.applicationId === '102')?.content).toBe(
      Buffer.from(BIG).toString('base64'),
    );
  });
});

describe('base64', () => {
  it('matches Node for every length around a piece boundary and every byte value', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 24_575, 24_576, 24_577, 49_153]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) % 256);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(hex(base64ToBytes(text) ?? new Uint8Array([1]))).toBe(hex(bytes));
    }
    expect(bytesToBase64(BIG)).toBe(Buffer.from(BIG).toString('base64'));
  });

  it.each([
    ['a stray character', 'QUJD*A=='],
    ['a wrong length', 'QUJDR'],
    ['URL-safe letters', 'ab-_'],
    ['whitespace', 'QUJD\nRA=='],
    ['a data: prefix', 'data:application/pdf;base64,QUJD'],
    ['padding inside', 'QQ==QUJD'],
  ])('refuses %s', (_, text) => {
    expect(base64ToBytes(text)).toBeNull();
  });
});

describe('round trip', () => {
  it('export, then import into a fresh database, gives the same data', async () => {
    await seed(db);
    const original = await exportBackup(db, NOW);
    const parsed = parseBackup(JSON.stringify(original, null, 2));
    if (!parsed.ok) throw new Error(parsed.message);

    const other = await freshDb();
    const result = await importBackup(other, parsed.backup, NOW);
    expect(result).toEqual({ jobs: 2, candidates: 4, reviews: 4, cvs: 0 });
    const copy = await exportBackup(other, NOW);
    expect(copy).toEqual(original);
    expect((await getJob(other, JOB))?.cachedCount).toBe(3);
    expect((await getCandidates(other, JOB)).find((c) => c.applicationId === '103')).toMatchObject({
      noLongerListed: true,
    });
    // Pulls and secrets stay behind.
    expect(await other.getAll('pulls')).toEqual([]);
    expect(await other.getAll('secrets')).toEqual([]);
    other.close();
  });

  it('with CVs, a fresh database gets every CV byte for byte', async () => {
    await seedWithCvs(db);
    const original = await exportBackup(db, NOW, { includeCvs: true });
    const parsed = parseBackup(JSON.stringify(original));
    if (!parsed.ok) throw new Error(parsed.message);

    const other = await freshDb();
    const result = await importBackup(other, parsed.backup, NOW);
    expect(result).toEqual({ jobs: 2, candidates: 4, reviews: 4, cvs: 3 });
    for (const [id, bytes, kind] of [
      ['101', PDF, 'pdf'],
      ['102', BIG, 'pdf'],
      ['201', DOCX, 'docx'],
    ] as const) {
      const stored = await getCv(other, id);
      const local = await getCv(db, id);
      if (!stored || !local) throw new Error(`CV ${id} missing`);
      expect(stored.bytes).toBeInstanceOf(ArrayBuffer);
      expect(stored.bytes.byteLength).toBe(bytes.length);
      expect(hex(stored.bytes)).toBe(hex(bytes));
      const { bytes: _a, ...storedSummary } = stored;
      const { bytes: _b, ...localSummary } = local;
      expect(storedSummary).toEqual(localSummary);
      expect(stored.kind).toBe(kind);
    }
    expect(await exportBackup(other, NOW, { includeCvs: true })).toEqual(original);
    expect((await snapshot(other)).cvs).toEqual((await snapshot(db)).cvs);
    other.close();
  });

  it('importing the same backup twice changes nothing the second time', async () => {
    await seedWithCvs(db);
    const backup = await exportBackup(db, NOW, { includeCvs: true });
    const before = await snapshot(db);
    expect((await importBackup(db, backup, NOW)).cvs).toBe(0);
    expect(await snapshot(db)).toEqual(before);
    await importBackup(db, backup, NOW);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('CVs in a backup', () => {
  async function backupWithCvs(): Promise<BackupFile> {
    const source = await freshDb();
    await seedWithCvs(source);
    const backup = await exportBackup(source, NOW, { includeCvs: true });
    source.close();
    return backup;
  }

  function parsedOrThrow(data: unknown): BackupFile {
    const parsed = parseBackup(JSON.stringify(data));
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.backup;
  }

  it('never replaces a stored CV, and counts only the CVs added', async () => {
    await seed(db);
    const mine = cvRecord(JOB, '101', DOCX, 'docx', { fetchedAt: 9000, creditsConsumed: 2 });
    await storeCv(db, mine);
    const result = await importBackup(db, parsedOrThrow(await backupWithCvs()), NOW);
    expect(result.cvs).toBe(2);
    const kept = await getCv(db, '101');
    expect(kept && hex(kept.bytes)).toBe(hex(DOCX));
    expect(kept).toMatchObject({ kind: 'docx', fetchedAt: 9000, creditsConsumed: 2 });
    expect(hex((await getCv(db, '102'))?.bytes ?? new ArrayBuffer(0))).toBe(hex(BIG));
    expect(hex((await getCv(db, '201'))?.bytes ?? new ArrayBuffer(0))).toBe(hex(DOCX));
  });

  it('takes the kind from the bytes, never from the file', async () => {
    const backup = await backupWithCvs();
    const claimed = backup.cvs?.find((cv) => cv.applicationId === '201') as BackupCv;
    // DOCX bytes that the file calls a PDF, with a PDF name and type.
    Object.assign(claimed, {
      kind: 'pdf',
      mime: 'application/pdf',
      filename: 'CV - José Núñez - 201.pdf',
    });
    const parsed = parsedOrThrow(backup);
    expect(parsed.cvs?.find((cv) => cv.applicationId === '201')).toMatchObject({
      kind: 'docx',
      mime: CV_TYPES.docx.mime,
      filename: 'CV - Zoë Ångström 201 - 201.docx',
    });
    await importBackup(db, parsed, NOW);
    expect(await getCv(db, '201')).toMatchObject({
      kind: 'docx',
      mime: CV_TYPES.docx.mime,
      filename: 'CV - Zoë Ångström 201 - 201.docx',
    });

    // Even a backup that skipped parseBackup is typed by its bytes.
    const other = await freshDb();
    await importBackup(other, backup, NOW);
    expect(await getCv(other, '201')).toMatchObject({ kind: 'docx', mime: CV_TYPES.docx.mime });
    other.close();
  });

  it('renames a file whose name is unsafe or poses as another type', async () => {
    const backup = await backupWithCvs();
    const [first, second] = backup.cvs ?? [];
    if (!first || !second) throw new Error('no CVs');
    first.filename = 'invoice.html';
    second.filename = 'CV \u202Efdp.exe - 102.pdf';
    const parsed = parsedOrThrow(backup);
    const names = new Map(parsed.cvs?.map((cv) => [cv.applicationId, cv.filename]));
    expect(names.get(first.applicationId)).toBe(
      cvFilename(`Zoë Ångström ${first.applicationId}`, first.applicationId, first.kind),
    );
    expect(names.get(second.applicationId)).toBe(
      `CV - Zoë Ångström ${second.applicationId} - ${second.applicationId}.pdf`,
    );
  });

  // biome-ignore lint/suspicious/noExplicitAny: each case breaks the parsed JSON in its own way.
  type Edit = (b: Record<string, any>) => void;
  const damagedCvCases: [string, Edit, string][] = [
    [
      'a size that does not match the file',
      (b) => (b.cvs[0].size += 1),
      'the file of CV 1 does not match its size',
    ],
    [
      'a file cut short',
      (b) => (b.cvs[1].content = b.cvs[1].content.slice(0, 400)),
      'the file of CV 2 does not match its size',
    ],
    [
      'a file that is not base64',
      (b) => (b.cvs[0].content = '%PDF-1.7'),
      'the file of CV 1 is not valid',
    ],
    ['no file', (b) => delete b.cvs[0].content, 'the file of CV 1 is missing'],
    ['a negative size', (b) => (b.cvs[0].size = -1), 'the size of CV 1 is not valid'],
    [
      'a bad application ID',
      (b) => (b.cvs[2].applicationId = '../etc'),
      'the application ID of CV 3 is not valid',
    ],
    ['an unknown kind', (b) => (b.cvs[0].kind = 'exe'), 'the file type of CV 1 is not valid'],
    ['an unknown field', (b) => (b.cvs[0].bytes = {}), 'CV 1 has an unknown field (bytes)'],
    [
      'a CV of a job the file lacks',
      (b) => (b.cvs[0].jobId = '4999999999'),
      'CV 1 belongs to job 4999999999, which the backup lacks',
    ],
    ['a repeated CV', (b) => b.cvs.push({ ...b.cvs[0] }), 'CV 4 repeats application'],
    ['CVs not a list', (b) => (b.cvs = {}), 'the list of CVs is not valid'],
  ];

  it.each(damagedCvCases)('refuses %s and changes nothing', async (_, edit, detail) => {
    await seedWithCvs(db);
    const before = await snapshot(db);
    const data = JSON.parse(JSON.stringify(await backupWithCvs()));
    // Other applications, so that an import that went through would show.
    for (const cv of data.cvs) cv.applicationId = `7${cv.applicationId}`;
    edit(data);
    const result = parseBackup(JSON.stringify(data));
    expect(result.ok).toBe(false);
    if (result.ok) {
      await importBackup(db, result.backup, NOW);
      return;
    }
    expect(result.message).toContain(`This backup is damaged: ${detail}`);
    expect(result.message).toMatch(/\.$/);
    expect(result.message).not.toMatch(/zod|invalid_|expected|received|[[\]{}]/i);
    expect(await snapshot(db)).toEqual(before);
  });

  it('names the limit on the number of CVs', async () => {
    const data = JSON.parse(JSON.stringify(await backupWithCvs()));
    // Empty files, so that only the count is over a limit.
    const cv = { ...data.cvs[0], content: '', size: 0 };
    data.cvs = Array.from({ length: BACKUP_LIMITS.cvs + 1 }, () => cv);
    expect(parseBackup(JSON.stringify(data))).toEqual({
      ok: false,
      message: 'This backup is too big to import: it has more than 250,000 CVs.',
    });
  });

  it('an import that fails midway stores none of its CVs', async () => {
    await seed(db);
    const before = await snapshot(db);
    const backup = await backupWithCvs();
    const broken: BackupFile = {
      ...backup,
      // A record IndexedDB cannot store (a function cannot be cloned), after valid ones.
      candidates: [
        ...backup.candidates,
        {
          ...(backup.candidates[0] as CandidateRecord),
          applicationId: '557',
          extra: () => 1,
        } as never,
      ],
    };
    await expect(importBackup(db, broken, NOW)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('an unparsed backup with a damaged file stores nothing', async () => {
    await seed(db);
    const before = await snapshot(db);
    const backup = await backupWithCvs();
    const [first] = backup.cvs ?? [];
    if (!first) throw new Error('no CVs');
    first.size += 1;
    await expect(importBackup(db, backup, NOW)).rejects.toThrow(/does not match its size/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('merging into existing data', () => {
  function candidate(id: string, over: Partial<CandidateRecord>): CandidateRecord {
    return {
      ...apiCandidate(id),
      jobId: JOB,
      rank: 0,
      firstSeenAt: 1000,
      lastSeenAt: 1000,
      lastPullId: 'x',
      noLongerListed: false,
      ...over,
    };
  }

  function review(id: string, over: Partial<ReviewRecord>): ReviewRecord {
    return {
      applicationId: id,
      jobId: JOB,
      decision: null,
      notes: '',
      tags: [],
      seenAt: null,
      updatedAt: 1,
      ...over,
    };
  }

  function jobRecord(over: Partial<JobRecord>): JobRecord {
    return {
      jobId: JOB,
      title: null,
      totalAvailable: null,
      cachedCount: 0,
      lastPulledAt: null,
      lastCompletePullAt: null,
      creditsSpent: 0,
      createdAt: 100,
      ...over,
    };
  }

  it('adds, merges, never duplicates, and recounts', async () => {
    // Local: candidates 101, 102, 103 first seen at 1000, last at 2000.
    await pull(db, JOB, ['101', '102', '103'], 1000, 'pa');
    await pull(db, JOB, ['101', '102', '103'], 2000, 'pb');
    await setNotes(db, JOB, '101', 'local note, older', 3000);
    await setNotes(db, JOB, '102', 'local note, newer', 5000);
    await markSeen(db, JOB, '102', 5100);
    const localJob = await getJob(db, JOB);
    expect(localJob).toMatchObject({ cachedCount: 3, creditsSpent: 6, lastPulledAt: 2000 });

    const backup: BackupFile = {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: new Date(NOW).toISOString(),
      jobs: [
        jobRecord({
          title: 'Senior Frontend Engineer',
          lastPulledAt: 2500,
          lastCompletePullAt: 2500,
          creditsSpent: 4,
          totalAvailable: 4,
          createdAt: 50,
          newSince: 2500,
        }),
      ],
      candidates: [
        // Seen earlier and later elsewhere: the newer record, the widest span.
        candidate('102', { firstSeenAt: 500, lastSeenAt: 2500, headline: 'Updated', rank: 1 }),
        // Seen less recently elsewhere: the local record stays, the earlier first sight counts.
        candidate('103', { firstSeenAt: 900, lastSeenAt: 1500, headline: 'Stale' }),
        candidate('104', { firstSeenAt: 2500, lastSeenAt: 2500, rank: 3 }),
      ],
      reviews: [
        review('101', { notes: 'imported note, newer', updatedAt: 4000, seenAt: 3500 }),
        review('102', { notes: 'imported note, older', updatedAt: 4500, seenAt: 4400 }),
        review('104', { decision: 'maybe', updatedAt: 2600 }),
      ],
    };
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.ok).toBe(true);
    await importBackup(db, backup, NOW);

    const candidates = await getCandidates(db, JOB);
    expect(candidates.map((c) => c.applicationId).sort()).toEqual(['101', '102', '103', '104']);
    const byId = new Map(candidates.map((c) => [c.applicationId, c]));
    expect(byId.get('101')).toMatchObject({ firstSeenAt: 1000, lastSeenAt: 2000 });
    expect(byId.get('102')).toMatchObject({
      firstSeenAt: 500,
      lastSeenAt: 2500,
      headline: 'Updated',
      rank: 1,
    });
    expect(byId.get('103')).toMatchObject({ firstSeenAt: 900, lastSeenAt: 2000 });
    expect(byId.get('103')?.headline).not.toBe('Stale');

    expect(await getReview(db, '101')).toMatchObject({
      notes: 'imported note, newer',
      updatedAt: 4000,
      seenAt: 3500,
    });
    // The local edit is newer; the earlier sight from the backup is kept.
    expect(await getReview(db, '102')).toMatchObject({
      notes: 'local note, newer',
      updatedAt: 5000,
      seenAt: 4400,
    });
    expect(await getReview(db, '104')).toMatchObject({ decision: 'maybe' });

    expect(await getJob(db, JOB)).toEqual({
      ...localJob,
      title: 'Senior Frontend Engineer',
      totalAvailable: 4,
      cachedCount: 4,
      lastPulledAt: 2500,
      lastCompletePullAt: 2500,
      creditsSpent: 6,
      createdAt: 50,
      newSince: 2500,
    });
    expect(await getCandidates(db, JOB)).toHaveLength(4);
    expect(await db.count('reviews')).toBe(3);
  });

  it('keeps the local title when the newer record has none', async () => {
    await pull(db, JOB, ['101'], 1000);
    const local = await getJob(db, JOB);
    if (!local) throw new Error('job not stored');
    await db.put('jobs', { ...local, title: 'Local title' });
    const backup: BackupFile = {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: new Date(NOW).toISOString(),
      jobs: [jobRecord({ lastPulledAt: 9000, creditsSpent: 0 })],
      candidates: [],
      reviews: [],
    };
    await importBackup(db, backup, NOW);
    expect(await getJob(db, JOB)).toMatchObject({
      title: 'Local title',
      lastPulledAt: 9000,
      creditsSpent: 1,
      cachedCount: 1,
    });
  });

  it('stores a review edited "in the future" (a clock that ran ahead) as of now', async () => {
    const backup: BackupFile = {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: new Date(NOW).toISOString(),
      jobs: [jobRecord({})],
      candidates: [],
      reviews: [review('101', { notes: 'from the future', updatedAt: NOW + 10 * 86_400_000 })],
    };
    await importBackup(db, backup, NOW);
    expect((await getReview(db, '101'))?.updatedAt).toBe(NOW);
    // So a later backup with a genuinely newer edit still wins.
    await importBackup(
      db,
      { ...backup, reviews: [review('101', { notes: 'newer', updatedAt: NOW + 5 })] },
      NOW + 10,
    );
    expect((await getReview(db, '101'))?.notes).toBe('newer');
  });
});

describe('parseBackup: bad files', () => {
  async function validBackup(): Promise<Record<string, unknown>> {
    const source = await freshDb();
    await seed(source);
    const backup = await exportBackup(source, NOW);
    source.close();
    return JSON.parse(JSON.stringify(backup));
  }

  // biome-ignore lint/suspicious/noExplicitAny: each case breaks the parsed JSON in its own way.
  type Edit = (b: Record<string, any>) => void;
  const damagedCases: [string, Edit, string][] = [
    ['version 0', (b) => (b.version = 0), 'the version is not valid'],
    ['version as text', (b) => (b.version = '1'), 'the version is not valid'],
    ['no jobs', (b) => delete b.jobs, 'the list of jobs is missing'],
    ['jobs not a list', (b) => (b.jobs = {}), 'the list of jobs is not valid'],
    ['bad export date', (b) => (b.exportedAt = 'yesterday'), 'the export date is not valid'],
    ['unknown top-level field', (b) => (b.apiKey = 'x'), 'the file has an unknown field (apiKey)'],
    ['bad job ID', (b) => (b.jobs[1].jobId = '123'), 'the job ID of job 2 is not valid'],
    ['job ID as number', (b) => (b.jobs[0].jobId = 4341315847), 'the job ID of job 1 is not valid'],
    [
      'negative credits',
      (b) => (b.jobs[0].creditsSpent = -1),
      'the credits spent of job 1 is not valid',
    ],
    ['null job', (b) => (b.jobs[0] = null), 'job 1 is not valid'],
    [
      'bad application ID',
      (b) => (b.candidates[2].applicationId = '12a'),
      'the application ID of candidate 3 is not valid',
    ],
    [
      'missing full name',
      (b) => delete b.candidates[0].fullName,
      'the full name of candidate 1 is missing',
    ],
    [
      'unknown candidate field',
      (b) => (b.candidates[0].script = '<b>'),
      'candidate 1 has an unknown field (script)',
    ],
    [
      'wrong type in an experience',
      (b) => (b.candidates[1].experiences[0].title = 42),
      'the title of experience 1 of candidate 2 is not valid',
    ],
    [
      'candidate of a job the file lacks',
      (b) => (b.candidates[0].jobId = '4999999999'),
      'candidate 1 belongs to job 4999999999, which the backup lacks',
    ],
    [
      'duplicate candidate',
      (b) => b.candidates.push({ ...b.candidates[0] }),
      'candidate 5 repeats application',
    ],
    ['duplicate job', (b) => b.jobs.push({ ...b.jobs[0] }), 'job 3 repeats job'],
    [
      'duplicate review',
      (b) => b.reviews.push({ ...b.reviews[0] }),
      'review 5 repeats application',
    ],
    [
      'review of a job the file lacks',
      (b) => (b.reviews[0].jobId = '4999999999'),
      'review 1 belongs to job 4999999999, which the backup lacks',
    ],
    [
      'bad decision',
      (b) => (b.reviews[0].decision = 'hire'),
      'the decision of review 1 is not valid',
    ],
    [
      'too many tags',
      (b) => (b.reviews[0].tags = Array.from({ length: 50 }, (_, i) => `t${i}`)),
      'the list of tags of review 1 has too many entries',
    ],
    [
      'note too long',
      (b) => (b.reviews[0].notes = 'x'.repeat(1_000_000)),
      'the note of review 1 is too long',
    ],
    [
      'too many experiences',
      (b) =>
        (b.candidates[0].experiences = Array.from(
          { length: BACKUP_LIMITS.experiences + 1 },
          () => b.candidates[0].experiences[0],
        )),
      'the list of experiences of candidate 1 has too many entries',
    ],
  ];

  it.each(damagedCases)('%s', async (_, edit, detail) => {
    const data = await validBackup();
    edit(data);
    const result = parseBackup(JSON.stringify(data));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(`This backup is damaged: ${detail}`);
    expect(result.message).toMatch(/\.$/);
  });

  it.each([
    ['empty', ''],
    ['not JSON', 'hello, world'],
    ['a CSV export', '\uFEFFJob ID,Application ID\r\n4341315847,1'],
    ['a list', '[]'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"applicant-panel-backup"'],
    ['an empty object', '{}'],
    ['another format', JSON.stringify({ format: 'something-else', version: 1 })],
  ])('%s is not a backup', (_, text) => {
    expect(parseBackup(text)).toEqual({ ok: false, message: NOT_A_BACKUP });
  });

  it('names a newer version', async () => {
    const data = await validBackup();
    data.version = 2;
    expect(parseBackup(JSON.stringify(data))).toEqual({ ok: false, message: NEWER_VERSION });
  });

  it('calls a backup cut short damaged', async () => {
    const text = JSON.stringify(await validBackup());
    expect(parseBackup(text.slice(0, text.length / 2))).toEqual({
      ok: false,
      message: 'This backup is damaged: it is incomplete or not valid JSON.',
    });
  });

  it('refuses more jobs than the limit', async () => {
    const data = await validBackup();
    const job = (data.jobs as JobRecord[])[0] as JobRecord;
    data.jobs = Array.from({ length: BACKUP_LIMITS.jobs + 1 }, (_, i) => ({
      ...job,
      jobId: String(1_000_000 + i),
    }));
    expect(parseBackup(JSON.stringify(data))).toEqual({
      ok: false,
      message: 'This backup is too big to import: it has more than 2,000 jobs.',
    });
  });

  it('never shows zod’s own wording', async () => {
    for (const [, edit] of damagedCases) {
      const data = await validBackup();
      edit(data);
      const result = parseBackup(JSON.stringify(data));
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.message).not.toMatch(/zod|invalid_|expected|received|[[\]{}]/i);
    }
  });

  it('accepts a BOM and normalises tags', async () => {
    const data = await validBackup();
    const [first] = data.reviews as ReviewRecord[];
    if (!first) throw new Error('no review');
    first.tags = [' a ', 'A', 'b'];
    const result = parseBackup(`\uFEFF${JSON.stringify(data)}`);
    expect(result.ok && result.backup.reviews[0]?.tags).toEqual(['a', 'b']);
  });

  it('a bad file changes nothing in the database', async () => {
    await seed(db);
    const before = await snapshot(db);
    const texts = ['', 'nope', '{"format":"applicant-panel-backup","version":1,"jobs":['];
    for (const [, edit] of damagedCases) {
      const data = await validBackup();
      edit(data);
      texts.push(JSON.stringify(data));
    }
    for (const text of texts) {
      // What the options page does: parse, and import only a file that passed.
      const parsed = parseBackup(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) await importBackup(db, parsed.backup, NOW);
    }
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('importBackup: all or nothing', () => {
  it('a failure midway leaves the database unchanged', async () => {
    await seed(db);
    const before = await snapshot(db);
    const source = await freshDb();
    await pull(source, JOB, ['101', '102', '555', '556'], 9000);
    await setNotes(source, JOB, '555', 'new', 9001);
    const backup = await exportBackup(source, NOW);
    source.close();
    // A record IndexedDB cannot store (a function cannot be cloned), after valid ones.
    const broken: BackupFile = {
      ...backup,
      candidates: [
        ...backup.candidates,
        {
          ...(backup.candidates[0] as CandidateRecord),
          applicationId: '557',
          extra: () => 1,
        } as never,
      ],
    };
    await expect(importBackup(db, broken, NOW)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);

    // The same file without the broken record imports fine.
    await importBackup(db, backup, NOW);
    expect((await getJob(db, JOB))?.cachedCount).toBe(5);
    expect((await getReview(db, '555'))?.notes).toBe('new');
  });
});
