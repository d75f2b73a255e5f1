import { describe, expect, it, vi } from 'vitest';
import { LinkupError } from '../../utils/linkup/errors';
import { PAGE_SIZE, pageThrough } from '../../utils/linkup/pagination';
import type { ApiCandidate, CandidatesPage } from '../../utils/linkup/types';

function candidate(id: number): ApiCandidate {
  return {
    applicationId: String(id),
    rating: 'UNRATED',
    isTopChoice: false,
    topChoiceMessage: '',
    firstName: '',
    lastName: '',
    fullName: `Person ${id}`,
    headline: '',
    publicIdentifier: '',
    profileUrl: '',
    location: '',
    applicationDate: '',
    experiences: [],
  };
}

function page(
  offset: number,
  size: number,
  more: { nextOffset: number | null; hasMore: boolean; skipped?: number },
): CandidatesPage {
  return {
    candidates: Array.from({ length: size }, (_, i) => candidate(offset + i)),
    skipped: more.skipped ?? 0,
    offset,
    totalResults: size,
    totalAvailable: 250,
    nextOffset: more.nextOffset,
    hasMore: more.hasMore,
    creditsConsumed: Math.ceil(size / 10),
  };
}

/** A job of `total` applicants served in pages of PAGE_SIZE, as the API pages them. */
function job(total: number) {
  return vi.fn(async (offset: number) => {
    const size = Math.max(0, Math.min(PAGE_SIZE, total - offset));
    const next = offset + size;
    return page(offset, size, {
      nextOffset: next < total ? next : null,
      hasMore: next < total,
    });
  });
}

async function collect(pages: AsyncGenerator<CandidatesPage>) {
  const seen: CandidatesPage[] = [];
  for await (const p of pages) seen.push(p);
  return seen;
}

describe('PAGE_SIZE', () => {
  it('is a multiple of 10 within the per-call limit', () => {
    expect(PAGE_SIZE % 10).toBe(0);
    expect(PAGE_SIZE).toBeGreaterThan(0);
    expect(PAGE_SIZE).toBeLessThanOrEqual(1000);
  });
});

describe('pageThrough', () => {
  it('follows next_offset until has_more is false', async () => {
    const fetchPage = job(250);
    const pages = await collect(pageThrough(fetchPage, 0));
    expect(fetchPage.mock.calls.map(([offset]) => offset)).toEqual([0, 100, 200]);
    expect(pages.map((p) => p.candidates.length)).toEqual([100, 100, 50]);
  });

  it('resumes from a start offset', async () => {
    const fetchPage = job(250);
    await collect(pageThrough(fetchPage, 200));
    expect(fetchPage.mock.calls.map(([offset]) => offset)).toEqual([200]);
  });

  it('follows the offsets the API gives, not its own arithmetic', async () => {
    const answers: Record<number, CandidatesPage> = {
      0: page(0, 50, { nextOffset: 50, hasMore: true }),
      50: page(50, 100, { nextOffset: 175, hasMore: true }),
      175: page(175, 10, { nextOffset: null, hasMore: false }),
    };
    const fetchPage = vi.fn(async (offset: number) => {
      const answer = answers[offset];
      if (!answer) throw new Error(`unexpected offset ${offset}`);
      return answer;
    });
    await collect(pageThrough(fetchPage, 0));
    expect(fetchPage.mock.calls.map(([offset]) => offset)).toEqual([0, 50, 175]);
  });

  it.each([
    ['has_more is false', { nextOffset: 100, hasMore: false }, 100],
    ['next_offset is null', { nextOffset: null, hasMore: true }, 100],
    ['the page is empty', { nextOffset: 100, hasMore: true }, 0],
  ])('stops after the page when %s', async (_label, more, size) => {
    const fetchPage = vi.fn(async (offset: number) => page(offset, size, more));
    const pages = await collect(pageThrough(fetchPage, 0));
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(pages).toHaveLength(1);
  });

  it('goes on after a page whose records were all skipped', async () => {
    const fetchPage = vi.fn(async (offset: number) =>
      offset === 0
        ? page(0, 0, { nextOffset: 100, hasMore: true, skipped: 100 })
        : page(offset, 5, { nextOffset: null, hasMore: false }),
    );
    const pages = await collect(pageThrough(fetchPage, 0));
    expect(pages.map((p) => p.skipped)).toEqual([100, 0]);
  });

  it.each([
    ['stays put', 100],
    ['goes back', 0],
  ])('throws invalid-response when next_offset %s, after yielding the page', async (_l, next) => {
    const fetchPage = vi.fn(async (offset: number) =>
      page(offset, 100, { nextOffset: offset === 0 ? 100 : next, hasMore: true }),
    );
    const seen: number[] = [];
    let error: unknown;
    try {
      for await (const p of pageThrough(fetchPage, 0)) seen.push(p.offset);
    } catch (err) {
      error = err;
    }
    expect(seen).toEqual([0, 100]);
    expect(error).toBeInstanceOf(LinkupError);
    expect((error as LinkupError).kind).toBe('invalid-response');
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('passes a fetch error on and asks for nothing more', async () => {
    const failure = new LinkupError('insufficient-credits', { status: 402 });
    const fetchPage = vi.fn(async (offset: number) => {
      if (offset === 100) throw failure;
      return page(offset, 100, { nextOffset: offset + 100, hasMore: true });
    });
    const seen: number[] = [];
    await expect(async () => {
      for await (const p of pageThrough(fetchPage, 0)) seen.push(p.offset);
    }).rejects.toBe(failure);
    expect(seen).toEqual([0]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('stops asking when the consumer stops', async () => {
    const fetchPage = job(1000);
    for await (const p of pageThrough(fetchPage, 0)) {
      if (p.offset === 100) break;
    }
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });
});
