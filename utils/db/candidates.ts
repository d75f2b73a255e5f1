import { jobKeyRange } from './keys';
import type { PanelDb } from './schema';
import type { CandidateRecord } from './types';

/** Every cached candidate of the job, in LinkedIn's order. */
export function getCandidates(db: PanelDb, jobId: string): Promise<CandidateRecord[]> {
  return db.getAllFromIndex('candidates', 'byJobRank', jobKeyRange(jobId));
}

/**
 * The first `limit` candidates in LinkedIn's order, read with a cursor: a few milliseconds
 * even for a job of thousands, so the panel paints before `getCandidates` returns.
 */
export async function getFirstCandidates(
  db: PanelDb,
  jobId: string,
  limit: number,
): Promise<CandidateRecord[]> {
  const first: CandidateRecord[] = [];
  if (limit <= 0) return first;
  const tx = db.transaction('candidates', 'readonly');
  let cursor = await tx.store.index('byJobRank').openCursor(jobKeyRange(jobId));
  while (cursor) {
    first.push(cursor.value);
    if (first.length >= limit) break;
    cursor = await cursor.continue();
  }
  await tx.done;
  return first;
}

export function countCandidates(db: PanelDb, jobId: string): Promise<number> {
  return db.count('candidates', jobKeyRange(jobId));
}

export function getCandidate(
  db: PanelDb,
  jobId: string,
  applicationId: string,
): Promise<CandidateRecord | undefined> {
  return db.get('candidates', [jobId, applicationId]);
}
