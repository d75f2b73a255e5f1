import type { PullRecord } from '../db/types';
import type { PullView } from '../messages';

const ACTIVE: readonly PullView['status'][] = ['queued', 'running', 'paused'];

/** The pull has not ended: it waits its turn, runs, or waits for an answer at the guard. */
export function isPullActive(pull: PullView | null): boolean {
  return !!pull && ACTIVE.includes(pull.status);
}

/** Credits a number of results costs: Linkup charges 1 per 10 returned, rounded up. */
export function creditsFor(results: number): number {
  return Math.ceil(Math.max(0, results) / 10);
}

/** What a page sees of a stored pull. */
export function pullViewOf(
  pull: PullRecord,
  status: PullView['status'] = pull.status,
  error: PullView['error'] = pull.error,
): PullView {
  const remaining = pull.total === null ? null : Math.max(0, pull.total - pull.fetched);
  return {
    jobId: pull.jobId,
    status,
    fetched: pull.fetched,
    total: pull.total,
    skipped: pull.skipped,
    credits: pull.credits,
    estimatedCost: remaining === null ? null : creditsFor(remaining),
    retryAt: null,
    error,
    noLongerListed: 0,
    updatedAt: pull.updatedAt,
  };
}
