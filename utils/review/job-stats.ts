import type { PanelDb } from '../db/schema';

/** How many candidates of each job have a decision: the jobs view shows review progress. */
export async function decisionsByJob(db: PanelDb): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const review of await db.getAll('reviews')) {
    if (review.decision) counts.set(review.jobId, (counts.get(review.jobId) ?? 0) + 1);
  }
  return counts;
}
