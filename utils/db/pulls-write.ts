import type { ApiCandidate } from '../linkup/types';
import { newJobRecord } from './jobs';
import { jobKeyRange } from './keys';
import type { PanelDb } from './schema';
import { issue, runInTransaction } from './transaction';
import type { CandidateRecord, JobRecord, PullRecord } from './types';

export interface WritePageInput {
  jobId: string;
  /** The pull's state after this page, stored in the same transaction as the page. */
  pull: PullRecord;
  candidates: ApiCandidate[];
  /** Offset the page was asked for: candidate i gets rank offset + i. */
  offset: number;
  totalAvailable: number | null;
  creditsConsumed: number;
  now: number;
}

/**
 * Stores one page of a pull in a single transaction: the candidates (merged by application
 * ID, keeping when each was first seen), the job's recounted cache size, totals and credits,
 * and the pull's progress. A failure anywhere leaves none of it, so the cache only ever holds
 * whole pages and a resumed pull restarts at the first page not stored.
 */
export async function writePage(db: PanelDb, input: WritePageInput): Promise<JobRecord> {
  const { jobId, pull, candidates, offset, totalAvailable, creditsConsumed, now } = input;
  if (pull.jobId !== jobId) {
    throw new Error(`Pull of job ${pull.jobId} cannot write a page of job ${jobId}`);
  }
  const tx = db.transaction(['jobs', 'candidates', 'pulls'], 'readwrite');
  return runInTransaction(tx, async () => {
    const store = tx.objectStore('candidates');
    const jobs = tx.objectStore('jobs');
    const [job, existing] = await Promise.all([
      issue(() => jobs.get(jobId)),
      Promise.all(candidates.map((c) => issue(() => store.get([jobId, c.applicationId])))),
    ]);
    const writes = candidates.map((candidate, index) =>
      issue(() => {
        const record: CandidateRecord = {
          ...candidate,
          jobId,
          rank: offset + index,
          firstSeenAt: existing[index]?.firstSeenAt ?? now,
          lastSeenAt: now,
          lastPullId: pull.pullId,
          noLongerListed: false,
        };
        return store.put(record);
      }),
    );
    // Requests run in order, so the count sees every write above.
    const [cachedCount] = await Promise.all([
      issue(() => store.count(jobKeyRange(jobId))),
      Promise.all(writes),
    ]);
    const base = job ?? newJobRecord(jobId, now);
    const updated: JobRecord = {
      ...base,
      cachedCount,
      totalAvailable: totalAvailable ?? base.totalAvailable,
      lastPulledAt: now,
      creditsSpent: base.creditsSpent + creditsConsumed,
    };
    await Promise.all([
      issue(() => jobs.put(updated)),
      issue(() => tx.objectStore('pulls').put(pull)),
    ]);
    return updated;
  });
}

/**
 * Stores the pull's final state. A complete pull (every page fetched) also marks the job's
 * candidates it did not return as no longer listed and records when the job was last
 * complete. Returns how many of the job's candidates that pull did not list.
 */
export async function finishPull(
  db: PanelDb,
  input: { pull: PullRecord; complete: boolean; now: number },
): Promise<{ noLongerListed: number }> {
  const { pull, complete, now } = input;
  const tx = db.transaction(['jobs', 'candidates', 'pulls'], 'readwrite');
  return runInTransaction(tx, async () => {
    await tx.objectStore('pulls').put(pull);
    if (!complete) return { noLongerListed: 0 };

    let noLongerListed = 0;
    let cachedCount = 0;
    let cursor = await tx.objectStore('candidates').openCursor(jobKeyRange(pull.jobId));
    while (cursor) {
      cachedCount++;
      const candidate = cursor.value;
      if (candidate.lastPullId !== pull.pullId) {
        noLongerListed++;
        if (!candidate.noLongerListed) await cursor.update({ ...candidate, noLongerListed: true });
      }
      cursor = await cursor.continue();
    }
    const jobs = tx.objectStore('jobs');
    const job = (await jobs.get(pull.jobId)) ?? {
      ...newJobRecord(pull.jobId, now),
      cachedCount,
    };
    await jobs.put({ ...job, lastCompletePullAt: now });
    return { noLongerListed };
  });
}

/** Adds credits a request spent without storing candidates (e.g. a check for new applicants). */
export async function recordCredits(
  db: PanelDb,
  jobId: string,
  credits: number,
  now: number = Date.now(),
): Promise<JobRecord> {
  const tx = db.transaction(['jobs', 'candidates'], 'readwrite');
  return runInTransaction(tx, async () => {
    const jobs = tx.objectStore('jobs');
    const existing = await jobs.get(jobId);
    // A job created here still counts what is stored, so cachedCount stays true.
    const job = existing ?? {
      ...newJobRecord(jobId, now),
      cachedCount: await tx.objectStore('candidates').count(jobKeyRange(jobId)),
    };
    const updated: JobRecord = { ...job, creditsSpent: job.creditsSpent + credits };
    await jobs.put(updated);
    return updated;
  });
}
