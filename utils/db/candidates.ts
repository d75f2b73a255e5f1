import { jobKeyRange } from './keys';
import type { PanelDb } from './schema';
import type { CandidateRecord } from './types';

/** Every cached candidate of the job, in LinkedIn's order. */
export function getCandidates(db: PanelDb, jobId: string): Promise<CandidateRecord[]> {
  return db.getAllFromIndex('candidates', 'byJobRank', jobKeyRange(jobId));
}

/**
 * The first `limit` candidates in LinkedIn's order: one bounded `getAll` on the rank index, a
 * millisecond or two even for a job of thousands, so the panel paints before `getCandidates`.
 */
export function getFirstCandidates(
  db: PanelDb,
  jobId: string,
  limit: number,
): Promise<CandidateRecord[]> {
  if (limit <= 0) return Promise.resolve([]);
  return db.getAllFromIndex('candidates', 'byJobRank', jobKeyRange(jobId), limit);
}

/**
 * The candidates ranked after `afterRank`: what a running first pull has added since the panel
 * last read, without reading (and locking) the whole job again.
 */
export function getCandidatesAfterRank(
  db: PanelDb,
  jobId: string,
  afterRank: number,
): Promise<CandidateRecord[]> {
  const range = IDBKeyRange.bound([jobId, afterRank], [jobId, []], true, false);
  return db.getAllFromIndex('candidates', 'byJobRank', range);
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
