import { foldChunks } from './chunks';
import { jobKeyRange } from './keys';
import type { PanelDb } from './schema';
import type { CandidateChunk, CandidateRecord } from './types';

/** Every cached candidate of the job, in LinkedIn's order. */
export async function getCandidates(db: PanelDb, jobId: string): Promise<CandidateRecord[]> {
  return (await readCandidates(db, jobId)).candidates;
}

/**
 * Every cached candidate of the job, in LinkedIn's order, and the last chunk read: what a
 * panel passes to `getCandidatesAfterChunk` to read only what a running pull adds.
 */
export async function readCandidates(
  db: PanelDb,
  jobId: string,
): Promise<{ candidates: CandidateRecord[]; lastSeq: number }> {
  const { candidates, lastSeq } = foldChunks(
    await db.getAll('candidateChunks', jobKeyRange(jobId)),
  );
  return { candidates, lastSeq };
}

/**
 * The first `limit` candidates in LinkedIn's order, from the job's first chunks alone: a
 * millisecond or two even for a job of thousands, so the panel paints before the full read.
 * A finished pull leaves the job's chunks in LinkedIn's order; while a re-pull is unfinished,
 * these are the previous pull's first rows until the full read replaces them.
 */
export async function getFirstCandidates(
  db: PanelDb,
  jobId: string,
  limit: number,
): Promise<CandidateRecord[]> {
  if (limit <= 0) return [];
  // Usually the first chunk holds them all; pages of a smaller size take a few more.
  const chunks: CandidateChunk[] = [];
  let count = 0;
  let cursor = await db.transaction('candidateChunks').store.openCursor(jobKeyRange(jobId));
  while (cursor) {
    chunks.push(cursor.value);
    count += cursor.value.candidates.length;
    if (count >= limit) break;
    cursor = await cursor.continue();
  }
  return foldChunks(chunks).candidates.slice(0, limit);
}

/**
 * The candidates of the chunks written after `afterSeq`: what a running first pull has added
 * since the panel last read, without reading (and locking) the whole job again.
 */
export async function getCandidatesAfterChunk(
  db: PanelDb,
  jobId: string,
  afterSeq: number,
): Promise<{ candidates: CandidateRecord[]; lastSeq: number }> {
  const range = IDBKeyRange.bound([jobId, afterSeq], [jobId, []], true, false);
  const folded = foldChunks(await db.getAll('candidateChunks', range));
  return { candidates: folded.candidates, lastSeq: Math.max(afterSeq, folded.lastSeq) };
}

/** Distinct applicants stored for the job. */
export async function countCandidates(db: PanelDb, jobId: string): Promise<number> {
  return (await readCandidates(db, jobId)).candidates.length;
}

export async function getCandidate(
  db: PanelDb,
  jobId: string,
  applicationId: string,
): Promise<CandidateRecord | undefined> {
  const { candidates } = await readCandidates(db, jobId);
  return candidates.find((c) => c.applicationId === applicationId);
}
