/** Paging through `get_candidates` by `pagination.next_offset`, one page at a time. */
import { LinkupError } from './errors';
import type { CandidatesPage } from './types';

/**
 * Candidates asked for per `get_candidates` call. Linkup bills 1 credit per 10 results, so a
 * multiple of 10 wastes nothing on rounding. LinkedIn serves applicants in batches of 50 and
 * Linkup fans a larger `count` out upstream (at most 1000 per call): 100 is two batches, a
 * few seconds per call, so progress moves often, a cancel or failure loses little, and each
 * page is one small IndexedDB transaction.
 */
export const PAGE_SIZE = 100;

/**
 * Yields each page from `startOffset` on, following `nextOffset` until `hasMore` is false,
 * `nextOffset` is null or a page comes back empty. Every page is yielded before any stop or
 * error, so the caller can store it. An API that says "more" without moving forward would
 * loop forever (and bill each time): that is an `invalid-response` error.
 */
export async function* pageThrough(
  fetchPage: (offset: number) => Promise<CandidatesPage>,
  startOffset: number,
): AsyncGenerator<CandidatesPage> {
  let offset = startOffset;
  for (;;) {
    const page = await fetchPage(offset);
    yield page;
    if (!page.hasMore || page.nextOffset === null) return;
    // Empty means nothing came back at all; a page of only skipped records still moves on.
    if (page.candidates.length === 0 && page.skipped === 0) return;
    if (page.nextOffset <= offset) throw new LinkupError('invalid-response');
    offset = page.nextOffset;
  }
}
