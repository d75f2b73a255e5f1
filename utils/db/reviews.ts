import type { PanelDb } from './schema';
import type { ReviewRecord } from './types';

/** A review with nothing decided, written, tagged or seen yet. */
export function emptyReview(applicationId: string, jobId: string, now: number): ReviewRecord {
  return {
    applicationId,
    jobId,
    decision: null,
    notes: '',
    tags: [],
    seenAt: null,
    updatedAt: now,
  };
}

export function getReview(db: PanelDb, applicationId: string): Promise<ReviewRecord | undefined> {
  return db.get('reviews', applicationId);
}

export async function putReview(db: PanelDb, review: ReviewRecord): Promise<void> {
  await db.put('reviews', review);
}

export function listReviews(db: PanelDb, jobId: string): Promise<ReviewRecord[]> {
  return db.getAllFromIndex('reviews', 'byJob', jobId);
}
