/**
 * Every key of one job in `candidates` (primary key [jobId, applicationId]) and in its
 * `byJobRank` index ([jobId, rank]). Arrays sort after strings and numbers, so
 * [jobId] .. [jobId, []] holds exactly the keys that start with jobId (and not '123' for '12').
 */
export function jobKeyRange(jobId: string): IDBKeyRange {
  return IDBKeyRange.bound([jobId], [jobId, []]);
}
