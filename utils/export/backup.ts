/**
 * JSON backup of everything the recruiter has (jobs, candidates, reviews) and its import.
 * Stored CVs go in only when asked (`includeCvs`): they are large, and personal documents.
 * A backup never holds secrets (the API key) or pull state. Import validates the whole file
 * before it touches the database, then merges it in one transaction: all or nothing.
 */
// zod/mini: the same checks as full zod at a fraction of the bundle size.
import { z } from 'zod/mini';
import {
  CV_TYPES,
  type CvKind,
  cvFilename,
  MAX_FILENAME_BYTES,
  MAX_FILENAME_CHARS,
  sniffCv,
} from '../cv/sniff';
import { byRank, foldChunks, readJobChunks, rewriteJobChunks } from '../db/chunks';
import { newJobRecord } from '../db/jobs';
import type { PanelDb } from '../db/schema';
import { issue, runInTransaction } from '../db/transaction';
import type {
  CandidateChunk,
  CandidateRecord,
  CvRecord,
  JobRecord,
  ReviewRecord,
} from '../db/types';
import { MAX_NOTES_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, normalizeTags } from '../review/review-store';
// Not from ./csv: that would pull papaparse into every page that only backs up.
import { localDate } from './local-date';

export const BACKUP_FORMAT = 'applicant-panel-backup';
export const BACKUP_VERSION = 1;

/** Limits far above real use that keep a hostile or broken file from exhausting the page. */
export const BACKUP_LIMITS = {
  /** Characters of JSON; check `File.size` against it before reading the file. */
  size: 300_000_000,
  jobs: 2_000,
  candidates: 250_000,
  reviews: 250_000,
  /** Stored CVs; their files count towards `size` like everything else. */
  cvs: 250_000,
  experiences: 500,
  text: 10_000,
  longText: 100_000,
} as const;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO date and time of the export. */
  exportedAt: string;
  jobs: JobRecord[];
  candidates: CandidateRecord[];
  reviews: ReviewRecord[];
  /** Only in a backup exported with `includeCvs`. */
  cvs?: BackupCv[];
}

/** A stored CV in a backup: the record with its file as base64 instead of bytes. */
export interface BackupCv extends Omit<CvRecord, 'bytes'> {
  /** The file, standard base64 with padding. */
  content: string;
}

export interface ExportOptions {
  /** Adds the stored CVs (`cvs`); without it the file has no `cvs` field at all. */
  includeCvs?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Base64, in pieces: one `String.fromCharCode(...)` over a multi-megabyte file would overflow
// the call stack, and one binary string of it would double the memory for nothing.

/** A multiple of 3 bytes, so every piece's base64 joins the next without padding. */
const BASE64_CHUNK = 3 * 8192;

/** Standard base64 with padding. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += BASE64_CHUNK) {
    const chunk = bytes.subarray(at, at + BASE64_CHUNK);
    let binary = '';
    for (let i = 0; i < chunk.length; i++) binary += String.fromCharCode(chunk[i] as number);
    parts.push(btoa(binary));
  }
  return parts.join('');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict standard base64 (what `bytesToBase64` writes); `null` for anything else. */
export function base64ToBytes(value: string): Uint8Array | null {
  if (value.length % 4 !== 0 || !BASE64.test(value)) return null;
  let binary: string;
  try {
    binary = atob(value);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Export

/**
 * Everything cached, read in one transaction so the lists agree with each other. Stored CVs
 * only with `includeCvs`; without it the file is exactly what it was before CVs existed.
 */
export async function exportBackup(
  db: PanelDb,
  now: number,
  options: ExportOptions = {},
): Promise<BackupFile> {
  const includeCvs = options.includeCvs === true;
  const tx = db.transaction(
    includeCvs
      ? ['jobs', 'candidateChunks', 'reviews', 'cvs']
      : ['jobs', 'candidateChunks', 'reviews'],
    'readonly',
  );
  const [jobs, chunks, reviews, cvs] = await Promise.all([
    tx.objectStore('jobs').getAll(),
    tx.objectStore('candidateChunks').getAll(),
    tx.objectStore('reviews').getAll(),
    includeCvs ? tx.objectStore('cvs').getAll() : Promise.resolve([]),
  ]);
  await tx.done;
  // Records of a job that is gone cannot be shown, and would make the backup fail its own
  // import check; deleteJob removes them together, so this only guards against the unforeseen.
  const jobIds = new Set(jobs.map((job) => job.jobId));
  const candidates = candidatesOfChunks(chunks);
  const backup: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    jobs,
    candidates: candidates.filter((c) => jobIds.has(c.jobId)),
    reviews: reviews.filter((r) => jobIds.has(r.jobId)),
  };
  if (includeCvs) {
    backup.cvs = cvs
      .filter((cv) => jobIds.has(cv.jobId))
      .map(({ bytes, ...summary }) => ({
        ...summary,
        content: bytesToBase64(new Uint8Array(bytes)),
      }));
  }
  return backup;
}

/** `applicant-panel-backup-2026-11-29.json`, the user's local date. */
export function backupFilename(now: Date): string {
  return `${BACKUP_FORMAT}-${localDate(now)}.json`;
}

// ---------------------------------------------------------------------------------------------
// Validation

const jobIdSchema = z.string().check(z.regex(/^[1-9][0-9]{5,11}$/));
const applicationIdSchema = z.string().check(z.regex(/^[0-9]{1,30}$/));
const text = z.string().check(z.maxLength(BACKUP_LIMITS.text));
const longText = z.string().check(z.maxLength(BACKUP_LIMITS.longText));
const time = z.int().check(z.nonnegative());
const amount = z.number().check(z.nonnegative());

const jobSchema = z.strictObject({
  jobId: jobIdSchema,
  title: z.nullable(text),
  totalAvailable: z.nullable(amount),
  cachedCount: z.int().check(z.nonnegative()),
  lastPulledAt: z.nullable(time),
  lastCompletePullAt: z.nullable(time),
  creditsSpent: amount,
  createdAt: time,
  newSince: z.optional(z.nullable(time)),
});

const experienceSchema = z.strictObject({
  title: text,
  company: text,
  companyUrl: text,
  dateRange: text,
  description: longText,
});

const candidateSchema = z.strictObject({
  jobId: jobIdSchema,
  applicationId: applicationIdSchema,
  rating: text,
  isTopChoice: z.boolean(),
  topChoiceMessage: longText,
  firstName: text,
  lastName: text,
  fullName: text,
  headline: text,
  publicIdentifier: text,
  profileUrl: text,
  location: text,
  applicationDate: text,
  experiences: z.array(experienceSchema).check(z.maxLength(BACKUP_LIMITS.experiences)),
  rank: z.int().check(z.nonnegative()),
  firstSeenAt: time,
  lastSeenAt: time,
  lastPullId: text,
  noLongerListed: z.boolean(),
});

const reviewSchema = z.strictObject({
  applicationId: applicationIdSchema,
  jobId: jobIdSchema,
  decision: z.nullable(z.enum(['shortlist', 'maybe', 'reject'])),
  notes: z.string().check(z.maxLength(MAX_NOTES_LENGTH)),
  // Room for MAX_TAG_LENGTH characters outside the Basic Multilingual Plane (two units each);
  // normalizeTags then applies the exact limits.
  tags: z.pipe(
    z.array(z.string().check(z.maxLength(MAX_TAG_LENGTH * 2))).check(z.maxLength(MAX_TAGS)),
    z.transform((tags) => normalizeTags(tags)),
  ),
  seenAt: z.nullable(time),
  updatedAt: time,
});

const CV_KINDS = Object.keys(CV_TYPES) as [CvKind, ...CvKind[]];

/**
 * The file's `kind`, `mime` and `filename` only have to be well formed: the import derives
 * the kind from the bytes (checkCvs), and the MIME type and the file name's extension from it.
 * `content` is checked there too, once the sizes are known.
 */
const cvSchema = z.strictObject({
  applicationId: applicationIdSchema,
  jobId: jobIdSchema,
  kind: z.enum(CV_KINDS),
  mime: text,
  filename: text,
  size: z.int().check(z.nonnegative()),
  fetchedAt: time,
  creditsConsumed: amount,
  content: z.string(),
});

const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  jobs: z.array(jobSchema).check(z.maxLength(BACKUP_LIMITS.jobs)),
  candidates: z.array(candidateSchema).check(z.maxLength(BACKUP_LIMITS.candidates)),
  reviews: z.array(reviewSchema).check(z.maxLength(BACKUP_LIMITS.reviews)),
  cvs: z.optional(z.array(cvSchema).check(z.maxLength(BACKUP_LIMITS.cvs))),
});

// Compile-time guard: a field added to a record type must be added to its schema too, or
// backups would silently drop it (and strict parsing would reject the next version's files).
type SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : false
  : false;
const recordSchemasMatchTypes: [
  SameKeys<z.infer<typeof jobSchema>, JobRecord>,
  SameKeys<z.infer<typeof candidateSchema>, CandidateRecord>,
  SameKeys<z.infer<typeof reviewSchema>, ReviewRecord>,
  SameKeys<z.infer<typeof experienceSchema>, CandidateRecord['experiences'][number]>,
  SameKeys<z.infer<typeof cvSchema>, BackupCv>,
] = [true, true, true, true, true];
void recordSchemasMatchTypes;

// ---------------------------------------------------------------------------------------------
// Plain-words messages

export const NOT_A_BACKUP = 'This file is not an Applicant Panel backup.';
export const NEWER_VERSION =
  'This backup was made by a newer version of Applicant Panel. Update the extension, then import it again.';
const damaged = (detail: string) => `This backup is damaged: ${detail}.`;

const FIELD_LABEL: Record<string, string> = {
  format: 'format',
  version: 'version',
  exportedAt: 'export date',
  jobId: 'job ID',
  title: 'title',
  totalAvailable: 'applicant total',
  cachedCount: 'number of cached candidates',
  lastPulledAt: 'last pull date',
  lastCompletePullAt: 'last complete pull date',
  creditsSpent: 'credits spent',
  createdAt: 'creation date',
  newSince: '"new since" date',
  applicationId: 'application ID',
  rating: 'rating',
  isTopChoice: 'top-choice flag',
  topChoiceMessage: 'top-choice message',
  firstName: 'first name',
  lastName: 'last name',
  fullName: 'full name',
  headline: 'headline',
  publicIdentifier: 'public identifier',
  profileUrl: 'profile link',
  location: 'location',
  applicationDate: 'application date',
  company: 'company',
  companyUrl: 'company link',
  dateRange: 'dates',
  description: 'description',
  rank: 'position',
  firstSeenAt: 'first-seen date',
  lastSeenAt: 'last-seen date',
  lastPullId: 'pull ID',
  noLongerListed: '"no longer listed" flag',
  decision: 'decision',
  notes: 'note',
  seenAt: 'seen date',
  updatedAt: 'last change date',
  kind: 'file type',
  mime: 'media type',
  filename: 'file name',
  size: 'size',
  fetchedAt: 'download date',
  creditsConsumed: 'credits used',
  content: 'file',
};

/** What one entry of each list is called. */
const ITEM_NAME: Record<string, string> = {
  jobs: 'job',
  candidates: 'candidate',
  reviews: 'review',
  experiences: 'experience',
  tags: 'tag',
  cvs: 'CV',
};

/** What a list is called where its key is not plain English. */
const LIST_NAME: Record<string, string> = { cvs: 'CVs' };

/** `the application ID of candidate 12`, `the title of experience 3 of candidate 12`. */
function describePath(path: readonly PropertyKey[]): string {
  const outerToInner: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = String(path[i]);
    const index = path[i + 1];
    if (typeof index === 'number') {
      outerToInner.push(`${ITEM_NAME[key] ?? 'entry'} ${index + 1}`);
      i++;
    } else if (ITEM_NAME[key]) {
      outerToInner.push(`the list of ${LIST_NAME[key] ?? key}`);
    } else {
      outerToInner.push(`the ${FIELD_LABEL[key] ?? `"${key}" field`}`);
    }
  }
  return outerToInner.length ? outerToInner.reverse().join(' of ') : 'the file';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const subject = describePath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return damaged(
        `${subject} has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'}` +
          ` (${issue.keys.slice(0, 3).join(', ')}${issue.keys.length > 3 ? ', …' : ''})`,
      );
    case 'too_big':
      if (issue.origin === 'array' && issue.path.length === 1) {
        const key = String(issue.path[0]);
        const list = LIST_NAME[key] ?? key;
        return `This backup is too big to import: it has more than ${Number(issue.maximum).toLocaleString('en-US')} ${list}.`;
      }
      return damaged(
        `${subject} ${issue.origin === 'array' ? 'has too many entries' : 'is too long'}`,
      );
    case 'invalid_type':
      if (valueAt(root, issue.path) === undefined) return damaged(`${subject} is missing`);
      return damaged(`${subject} is not valid`);
    default:
      return damaged(`${subject} is not valid`);
  }
}

/** Relations the schema cannot see: no duplicates, and nothing of a job the file lacks. */
function checkRelations(backup: BackupFile): string | null {
  const jobIds = new Set<string>();
  for (const [i, job] of backup.jobs.entries()) {
    if (jobIds.has(job.jobId)) return damaged(`job ${i + 1} repeats job ${job.jobId}`);
    jobIds.add(job.jobId);
  }
  const candidateKeys = new Set<string>();
  for (const [i, c] of backup.candidates.entries()) {
    if (!jobIds.has(c.jobId)) {
      return damaged(`candidate ${i + 1} belongs to job ${c.jobId}, which the backup lacks`);
    }
    const key = `${c.jobId}/${c.applicationId}`;
    if (candidateKeys.has(key)) {
      return damaged(`candidate ${i + 1} repeats application ${c.applicationId}`);
    }
    candidateKeys.add(key);
  }
  const reviewIds = new Set<string>();
  for (const [i, r] of backup.reviews.entries()) {
    if (!jobIds.has(r.jobId)) {
      return damaged(`review ${i + 1} belongs to job ${r.jobId}, which the backup lacks`);
    }
    if (reviewIds.has(r.applicationId)) {
      return damaged(`review ${i + 1} repeats application ${r.applicationId}`);
    }
    reviewIds.add(r.applicationId);
  }
  const cvIds = new Set<string>();
  for (const [i, cv] of (backup.cvs ?? []).entries()) {
    if (!jobIds.has(cv.jobId)) {
      return damaged(`CV ${i + 1} belongs to job ${cv.jobId}, which the backup lacks`);
    }
    if (cvIds.has(cv.applicationId)) {
      return damaged(`CV ${i + 1} repeats application ${cv.applicationId}`);
    }
    cvIds.add(cv.applicationId);
  }
  return null;
}

/** The bytes parseBackup decoded, so importBackup does not decode each file a second time. */
const decodedCvs = new WeakMap<BackupCv, Uint8Array>();

/** Characters no file name may hold: see cleanName in cv/sniff.ts. */
const UNSAFE_FILENAME =
  /[\\/:*?"<>|\p{Cc}\p{Cf}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/**
 * The file name kept when it is one cvFilename could have made for `kind` (within its limits,
 * nothing unsafe, the kind's extension); otherwise rebuilt from the candidate's name, so a
 * backup can never make a download pose as another type.
 */
function safeFilename(cv: BackupCv, kind: CvKind, fullName: string | undefined): string {
  const name = cv.filename;
  const fits =
    name.endsWith(`.${CV_TYPES[kind].ext}`) &&
    [...name].length <= MAX_FILENAME_CHARS &&
    new TextEncoder().encode(name).length <= MAX_FILENAME_BYTES &&
    !UNSAFE_FILENAME.test(name) &&
    !/^[.\s]/.test(name);
  return fits ? name : cvFilename(fullName ?? '', cv.applicationId, kind);
}

/**
 * A CV entry as it will be stored: its file decoded and matching its size, its kind from the
 * bytes (never from the file), the MIME type and file name's extension from that kind.
 */
function readCv(
  cv: BackupCv,
  fullNames: ReadonlyMap<string, string>,
): { cv: BackupCv; bytes: Uint8Array } | 'not-base64' | 'wrong-size' {
  const bytes = decodedCvs.get(cv) ?? base64ToBytes(cv.content);
  if (!bytes) return 'not-base64';
  if (bytes.length !== cv.size) return 'wrong-size';
  const kind = sniffCv(bytes);
  const checked: BackupCv = {
    ...cv,
    kind,
    mime: CV_TYPES[kind].mime,
    filename: safeFilename(cv, kind, fullNames.get(cv.applicationId)),
  };
  return { cv: checked, bytes };
}

function fullNamesOf(candidates: readonly CandidateRecord[]): Map<string, string> {
  return new Map(candidates.map((c) => [c.applicationId, c.fullName]));
}

/** Each CV's file decoded and checked; the entries re-typed from their bytes. */
function checkCvs(backup: BackupFile): string | null {
  if (!backup.cvs) return null;
  const fullNames = fullNamesOf(backup.candidates);
  const checked: BackupCv[] = [];
  for (const [i, cv] of backup.cvs.entries()) {
    const read = readCv(cv, fullNames);
    if (read === 'not-base64') return damaged(`the file of CV ${i + 1} is not valid`);
    if (read === 'wrong-size') return damaged(`the file of CV ${i + 1} does not match its size`);
    decodedCvs.set(read.cv, read.bytes);
    checked.push(read.cv);
  }
  backup.cvs = checked;
  return null;
}

export type ParseBackupResult = { ok: true; backup: BackupFile } | { ok: false; message: string };

/**
 * Reads a backup file's text. A bad file gets one message in plain words, naming the first
 * part that is wrong; it never throws.
 */
export function parseBackup(text: string): ParseBackupResult {
  if (text.length > BACKUP_LIMITS.size) {
    return { ok: false, message: 'This file is too big to be an Applicant Panel backup.' };
  }
  let raw: unknown;
  try {
    // A BOM, if an editor added one, is not part of the JSON.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // A backup cut short (a failed download or copy) still names its format near the start.
    if (text.slice(0, 200).includes(`"${BACKUP_FORMAT}"`)) {
      return { ok: false, message: damaged('it is incomplete or not valid JSON') };
    }
    return { ok: false, message: NOT_A_BACKUP };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, message: NOT_A_BACKUP };
  }
  const { format, version } = raw as Record<string, unknown>;
  if (format !== BACKUP_FORMAT) return { ok: false, message: NOT_A_BACKUP };
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return { ok: false, message: NEWER_VERSION };
  }

  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, message: first ? describeIssue(first, raw) : damaged('it cannot be read') };
  }
  const backup: BackupFile = parsed.data;
  const relationProblem = checkRelations(backup) ?? checkCvs(backup);
  if (relationProblem) return { ok: false, message: relationProblem };
  return { ok: true, backup };
}

// ---------------------------------------------------------------------------------------------
// Import

const orOldest = (time: number | null | undefined) => time ?? Number.NEGATIVE_INFINITY;

function laterOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function earlierOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/**
 * The record of the later pull wins; credits are the larger count (both counted the same
 * pulls up to where they split, so a sum would count those twice), the title whichever is known.
 */
function mergeJob(local: JobRecord | undefined, incoming: JobRecord): JobRecord {
  if (!local) return incoming;
  const newer = orOldest(incoming.lastPulledAt) > orOldest(local.lastPulledAt) ? incoming : local;
  const other = newer === incoming ? local : incoming;
  return {
    ...newer,
    title: newer.title?.trim() ? newer.title : other.title,
    totalAvailable: newer.totalAvailable ?? other.totalAvailable,
    lastCompletePullAt: laterOf(newer.lastCompletePullAt, other.lastCompletePullAt),
    creditsSpent: Math.max(newer.creditsSpent, other.creditsSpent),
    createdAt: Math.min(newer.createdAt, other.createdAt),
  };
}

/** The more recently seen record wins, spanning the earliest first sight and the latest. */
function mergeCandidate(local: CandidateRecord | undefined, incoming: CandidateRecord) {
  if (!local) return incoming;
  const newer = incoming.lastSeenAt > local.lastSeenAt ? incoming : local;
  return {
    ...newer,
    firstSeenAt: Math.min(local.firstSeenAt, incoming.firstSeenAt),
    lastSeenAt: Math.max(local.lastSeenAt, incoming.lastSeenAt),
  };
}

/** The later edit wins; "seen" is a fact from either side, so the earliest sight is kept. */
function mergeReview(local: ReviewRecord | undefined, incoming: ReviewRecord): ReviewRecord {
  if (!local) return incoming;
  const newer = incoming.updatedAt > local.updatedAt ? incoming : local;
  return { ...newer, seenAt: earlierOf(local.seenAt, incoming.seenAt) };
}

export interface ImportResult {
  /** Records of the backup merged into the database (added, updated or already current). */
  jobs: number;
  candidates: number;
  reviews: number;
  /** CVs of the backup stored; one already stored for the application is never replaced. */
  cvs: number;
}

/** The backup's CVs as records to store: decoded, checked and typed by their bytes. */
function cvRecordsOf(backup: BackupFile): CvRecord[] {
  if (!backup.cvs) return [];
  const fullNames = fullNamesOf(backup.candidates);
  return backup.cvs.map((entry, i) => {
    const read = readCv(entry, fullNames);
    if (read === 'not-base64') throw new Error(damaged(`the file of CV ${i + 1} is not valid`));
    if (read === 'wrong-size') {
      throw new Error(damaged(`the file of CV ${i + 1} does not match its size`));
    }
    const { content: _content, ...summary } = read.cv;
    // A buffer of exactly the file: a view into a larger one would store the rest too.
    const { bytes } = read;
    const buffer =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
        ? (bytes.buffer as ArrayBuffer)
        : (bytes.slice().buffer as ArrayBuffer);
    return { ...summary, bytes: buffer };
  });
}

/**
 * Merges a parsed backup into the database in one transaction over jobs, candidates, reviews
 * and CVs: if anything fails, nothing of it is stored. Records are matched by their keys, so
 * importing the same file twice changes nothing the second time. Each touched job's
 * `cachedCount` is recounted from the store inside the transaction. A CV is added only for an
 * application with none stored: a stored CV is never replaced.
 */
export async function importBackup(
  db: PanelDb,
  backup: BackupFile,
  now: number,
): Promise<ImportResult> {
  // A clock that ran ahead on the other machine must not make its edits win every merge.
  const reviewsIn = backup.reviews.map((r) => (r.updatedAt > now ? { ...r, updatedAt: now } : r));
  // Decoded before the transaction opens: it would commit while idle on long work.
  const cvsIn = cvRecordsOf(backup);
  const jobIds = [...new Set([...backup.jobs, ...backup.candidates, ...cvsIn].map((r) => r.jobId))];

  const tx = db.transaction(['jobs', 'candidateChunks', 'reviews', 'cvs'], 'readwrite');
  return runInTransaction(tx, async () => {
    const jobs = tx.objectStore('jobs');
    const chunks = tx.objectStore('candidateChunks');
    const reviews = tx.objectStore('reviews');
    const cvs = tx.objectStore('cvs');

    const [localJobs, localCandidates, localReviews, storedCvs] = await Promise.all([
      Promise.all(jobIds.map((id) => issue(() => jobs.get(id)))),
      Promise.all(jobIds.map((id) => issue(() => readJobChunks(chunks, id)))),
      Promise.all(reviewsIn.map((r) => issue(() => reviews.get(r.applicationId)))),
      Promise.all(cvsIn.map((cv) => issue(() => cvs.getKey(cv.applicationId)))),
    ]);

    const mergedJobs = new Map<string, JobRecord>();
    jobIds.forEach((id, i) => {
      const local = localJobs[i];
      if (local) mergedJobs.set(id, local);
    });
    for (const job of backup.jobs)
      mergedJobs.set(job.jobId, mergeJob(mergedJobs.get(job.jobId), job));

    const candidateKey = (c: CandidateRecord) => `${c.jobId}/${c.applicationId}`;
    const known = new Map<string, CandidateRecord>();
    for (const list of localCandidates)
      for (const c of list.candidates) known.set(candidateKey(c), c);
    const changedJobs = new Set<string>();
    for (const c of backup.candidates) {
      const key = candidateKey(c);
      const local = known.get(key);
      const merged = mergeCandidate(local, c);
      known.set(key, merged);
      // A job is written back only when the backup changed it: importing twice is a no-op.
      if (!local || JSON.stringify(merged) !== JSON.stringify(local)) changedJobs.add(c.jobId);
    }
    // Each job the backup touches is written back whole, in LinkedIn's order.
    const byJob = new Map<string, CandidateRecord[]>(jobIds.map((id) => [id, []]));
    for (const c of known.values()) byJob.get(c.jobId)?.push(c);
    for (const list of byJob.values()) list.sort(byRank);

    const knownReviews = new Map<string, ReviewRecord>();
    reviewsIn.forEach((r, i) => {
      const local = localReviews[i];
      if (local && !knownReviews.has(r.applicationId)) knownReviews.set(r.applicationId, local);
    });
    const changedReviews = new Map<string, ReviewRecord>();
    for (const r of reviewsIn) {
      const merged = mergeReview(knownReviews.get(r.applicationId), r);
      knownReviews.set(r.applicationId, merged);
      changedReviews.set(r.applicationId, merged);
    }

    const newCvs = new Map<string, CvRecord>();
    cvsIn.forEach((cv, i) => {
      if (storedCvs[i] === undefined && !newCvs.has(cv.applicationId)) {
        newCvs.set(cv.applicationId, cv);
      }
    });

    await Promise.all([
      ...[...changedJobs].map((id) =>
        issue(() => rewriteJobChunks(chunks, id, byJob.get(id) ?? [])),
      ),
      ...[...changedReviews.values()].map((r) => issue(() => reviews.put(r))),
      ...[...newCvs.values()].map((cv) => issue(() => cvs.put(cv))),
    ]);
    // Counted from what was just written, in the same transaction: the counts match the store.
    const counts = jobIds.map((id) => byJob.get(id)?.length ?? 0);
    await Promise.all(
      jobIds.map((id, i) =>
        issue(() =>
          jobs.put({
            ...(mergedJobs.get(id) ?? newJobRecord(id, now)),
            cachedCount: counts[i] ?? 0,
          }),
        ),
      ),
    );
    return {
      jobs: backup.jobs.length,
      candidates: backup.candidates.length,
      reviews: backup.reviews.length,
      cvs: newCvs.size,
    };
  });
}

/** Every job's candidates, as its chunks read: job by job, each in LinkedIn's order. */
function candidatesOfChunks(chunks: readonly CandidateChunk[]): CandidateRecord[] {
  const byJob = new Map<string, CandidateChunk[]>();
  for (const chunk of chunks) {
    const list = byJob.get(chunk.jobId);
    if (list) list.push(chunk);
    else byJob.set(chunk.jobId, [chunk]);
  }
  return [...byJob.values()].flatMap((list) => foldChunks(list).candidates);
}
