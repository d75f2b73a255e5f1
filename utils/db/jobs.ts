import { jobKeyRange } from './keys';
import type { PanelDb } from './schema';
import { issue, runInTransaction } from './transaction';
import type { JobRecord } from './types';

/** A job with nothing cached yet. */
export function newJobRecord(jobId: string, now: number): JobRecord {
  return {
    jobId,
    title: null,
    totalAvailable: null,
    cachedCount: 0,
    lastPulledAt: null,
    lastCompletePullAt: null,
    creditsSpent: 0,
    createdAt: now,
  };
}

/** Returns the job, creating it if missing; a non-blank `meta.title` replaces the stored one. */
export async function ensureJob(
  db: PanelDb,
  jobId: string,
  meta: { title?: string | null },
  now: number,
): Promise<JobRecord> {
  const tx = db.transaction(['jobs'], 'readwrite');
  return runInTransaction(tx, async () => {
    const store = tx.objectStore('jobs');
    const existing = await store.get(jobId);
    const title = meta.title?.trim() || null;
    if (existing && (title === null || existing.title === title)) return existing;
    const job: JobRecord = { ...(existing ?? newJobRecord(jobId, now)) };
    if (title !== null) job.title = title;
    await store.put(job);
    return job;
  });
}

/**
 * A fresh pull of a job that is already cached: what it finds first from now on is "new since
 * the previous pull". A first pull marks nothing as new.
 */
export async function startFreshPull(db: PanelDb, jobId: string, now: number): Promise<JobRecord> {
  const tx = db.transaction(['jobs'], 'readwrite');
  return runInTransaction(tx, async () => {
    const store = tx.objectStore('jobs');
    const job: JobRecord = { ...((await store.get(jobId)) ?? newJobRecord(jobId, now)) };
    job.newSince = job.cachedCount > 0 ? now : null;
    await store.put(job);
    return job;
  });
}

export function getJob(db: PanelDb, jobId: string): Promise<JobRecord | undefined> {
  return db.get('jobs', jobId);
}

/** Most recently pulled first; jobs never pulled last, newest first. */
export async function listJobs(db: PanelDb): Promise<JobRecord[]> {
  const jobs = await db.getAll('jobs');
  return jobs.sort(
    (a, b) =>
      (b.lastPulledAt ?? Number.NEGATIVE_INFINITY) - (a.lastPulledAt ?? Number.NEGATIVE_INFINITY) ||
      b.createdAt - a.createdAt ||
      a.jobId.localeCompare(b.jobId),
  );
}

/** Removes the job with its candidates, pull state, reviews and CVs, all or nothing. */
export async function deleteJob(db: PanelDb, jobId: string): Promise<void> {
  const tx = db.transaction(['jobs', 'candidateChunks', 'pulls', 'reviews', 'cvs'], 'readwrite');
  await runInTransaction(tx, async () => {
    const reviews = tx.objectStore('reviews');
    const cvs = tx.objectStore('cvs');
    const [reviewKeys, cvKeys] = await Promise.all([
      reviews.index('byJob').getAllKeys(jobId),
      cvs.index('byJob').getAllKeys(jobId),
    ]);
    await Promise.all([
      issue(() => tx.objectStore('jobs').delete(jobId)),
      issue(() => tx.objectStore('candidateChunks').delete(jobKeyRange(jobId))),
      issue(() => tx.objectStore('pulls').delete(jobId)),
      ...reviewKeys.map((key) => issue(() => reviews.delete(key))),
      ...cvKeys.map((key) => issue(() => cvs.delete(key))),
    ]);
  });
}

/** Clears every cached job, candidate, pull, review and CV; the stored secrets (API key) stay. */
export async function deleteAllData(db: PanelDb): Promise<void> {
  const tx = db.transaction(['jobs', 'candidateChunks', 'pulls', 'reviews', 'cvs'], 'readwrite');
  await runInTransaction(tx, async () => {
    await Promise.all([
      issue(() => tx.objectStore('jobs').clear()),
      issue(() => tx.objectStore('candidateChunks').clear()),
      issue(() => tx.objectStore('pulls').clear()),
      issue(() => tx.objectStore('reviews').clear()),
      issue(() => tx.objectStore('cvs').clear()),
    ]);
  });
}
