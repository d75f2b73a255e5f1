import { describe, expect, it } from 'vitest';
import type { CandidateRecord, Decision, ReviewRecord } from '@/utils/db/types';
import {
  applyFilters,
  DEFAULT_FILTERS,
  type FilterState,
  filterCounts,
  hasActiveFilters,
  isNew,
  parseFilterState,
} from '@/utils/review/filters';

function cand(id: string, over: Partial<CandidateRecord> = {}): CandidateRecord {
  return {
    jobId: '4341315847',
    applicationId: id,
    rating: 'UNRATED',
    isTopChoice: false,
    topChoiceMessage: '',
    firstName: 'First',
    lastName: id,
    fullName: `Person ${id}`,
    headline: '',
    publicIdentifier: '',
    profileUrl: '',
    location: '',
    applicationDate: '',
    experiences: [],
    rank: Number(id),
    firstSeenAt: 1000,
    lastSeenAt: 1000,
    lastPullId: 'p1',
    noLongerListed: false,
    ...over,
  };
}

function review(
  id: string,
  decision: Decision | null = null,
  seenAt: number | null = null,
): ReviewRecord {
  return {
    applicationId: id,
    jobId: '4341315847',
    decision,
    notes: '',
    tags: [],
    seenAt,
    updatedAt: 1,
  };
}

function reviewMap(...list: ReviewRecord[]): Map<string, ReviewRecord> {
  return new Map(list.map((r) => [r.applicationId, r]));
}

const f = (over: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTERS, ...over });
const idsOf = (list: CandidateRecord[]) => list.map((c) => c.applicationId);

// Ranks 0..7, mixed ratings, two top choices, first seen at two times.
const people = [
  cand('0', { rating: 'GOOD_FIT', fullName: 'Émile Zola', firstSeenAt: 1000 }),
  cand('1', { rating: 'NOT_A_FIT', fullName: 'anna Karenina', firstSeenAt: 2000 }),
  cand('2', { rating: 'MAYBE', fullName: 'Bob 10', isTopChoice: true, firstSeenAt: 2000 }),
  cand('3', { rating: 'UNRATED', fullName: 'Bob 9', firstSeenAt: 1000 }),
  cand('4', { rating: 'SOMETHING_NEW', fullName: 'Zoë Ångström', firstSeenAt: 3000 }),
  cand('5', { rating: 'GOOD', fullName: 'Anna Karenina', isTopChoice: true, firstSeenAt: 1000 }),
  cand('6', { rating: '', fullName: '李雷', noLongerListed: true, firstSeenAt: 2000 }),
  cand('7', { rating: 'maybe', fullName: 'emile zola', firstSeenAt: 3000 }),
];
const reviews = reviewMap(
  review('0', 'shortlist', 50),
  review('1', 'reject', 60),
  review('2', 'maybe', null),
  review('3', null, 70),
  review('7', 'shortlist', null),
);
const job = { newSince: 2000 };

describe('isNew', () => {
  it('is new when first seen at or after newSince', () => {
    expect(isNew(cand('1', { firstSeenAt: 2000 }), { newSince: 2000 })).toBe(true);
    expect(isNew(cand('1', { firstSeenAt: 2500 }), { newSince: 2000 })).toBe(true);
    expect(isNew(cand('1', { firstSeenAt: 1999 }), { newSince: 2000 })).toBe(false);
  });

  it.each([
    ['no job', undefined],
    ['no newSince', {}],
    ['null newSince', { newSince: null }],
  ])('nothing is new with %s', (_, j) => {
    expect(isNew(cand('1', { firstSeenAt: 9999 }), j)).toBe(false);
  });
});

describe('applyFilters: each filter', () => {
  it('keeps everything in LinkedIn order with the defaults', () => {
    const shuffled = [
      people[3],
      people[0],
      people[7],
      people[1],
      people[6],
      people[2],
      people[5],
      people[4],
    ] as CandidateRecord[];
    expect(idsOf(applyFilters(shuffled, reviews, job, DEFAULT_FILTERS))).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
  });

  it.each([
    [['good'], ['0', '5']],
    [['maybe'], ['2', '7']],
    [['not-a-fit'], ['1']],
    [['unrated'], ['3', '6']],
    [['other'], ['4']],
    [
      ['good', 'not-a-fit'],
      ['0', '1', '5'],
    ],
  ] as const)('rating %j', (ratings, expected) => {
    expect(idsOf(applyFilters(people, reviews, job, f({ ratings: [...ratings] })))).toEqual(
      expected,
    );
  });

  it('top choice', () => {
    expect(idsOf(applyFilters(people, reviews, job, f({ topChoice: true })))).toEqual(['2', '5']);
  });

  it.each([
    [['shortlist'], ['0', '7']],
    [['maybe'], ['2']],
    [['reject'], ['1']],
    [['none'], ['3', '4', '5', '6']],
    [
      ['shortlist', 'none'],
      ['0', '3', '4', '5', '6', '7'],
    ],
  ] as const)('decision %j', (decisions, expected) => {
    expect(idsOf(applyFilters(people, reviews, job, f({ decisions: [...decisions] })))).toEqual(
      expected,
    );
  });

  it('new since the previous pull', () => {
    expect(idsOf(applyFilters(people, reviews, job, f({ newOnly: true })))).toEqual([
      '1',
      '2',
      '4',
      '6',
      '7',
    ]);
    // Before any re-pull nothing is new.
    expect(applyFilters(people, reviews, {}, f({ newOnly: true }))).toEqual([]);
    expect(applyFilters(people, reviews, undefined, f({ newOnly: true }))).toEqual([]);
  });

  it('seen and unseen', () => {
    expect(idsOf(applyFilters(people, reviews, job, f({ seen: 'seen' })))).toEqual(['0', '1', '3']);
    expect(idsOf(applyFilters(people, reviews, job, f({ seen: 'unseen' })))).toEqual([
      '2',
      '4',
      '5',
      '6',
      '7',
    ]);
  });

  it('empty arrays mean any', () => {
    expect(applyFilters(people, reviews, job, f({ ratings: [], decisions: [] }))).toHaveLength(8);
  });
});

describe('applyFilters: combinations', () => {
  it('combines every filter with AND', () => {
    const filters = f({ ratings: ['good', 'maybe'], decisions: ['shortlist'], seen: 'unseen' });
    expect(idsOf(applyFilters(people, reviews, job, filters))).toEqual(['7']);
    expect(
      idsOf(applyFilters(people, reviews, job, f({ newOnly: true, ratings: ['maybe'] }))),
    ).toEqual(['2', '7']);
    expect(
      idsOf(applyFilters(people, reviews, job, f({ topChoice: true, decisions: ['none'] }))),
    ).toEqual(['5']);
    expect(
      applyFilters(people, reviews, job, f({ topChoice: true, ratings: ['not-a-fit'] })),
    ).toEqual([]);
  });

  it('works on a search-matched subset', () => {
    const subset = [people[7], people[0]] as CandidateRecord[];
    expect(idsOf(applyFilters(subset, reviews, job, f({ decisions: ['shortlist'] })))).toEqual([
      '0',
      '7',
    ]);
  });

  it('never changes its input', () => {
    const input = [people[5], people[1], people[0]] as CandidateRecord[];
    const copy = input.slice();
    const out = applyFilters(input, reviews, job, f({ sort: 'name' }));
    expect(input).toEqual(copy);
    expect(out).not.toBe(input);
    expect(applyFilters(input, reviews, job, DEFAULT_FILTERS)).not.toBe(input);
  });
});

describe('applyFilters: sort', () => {
  it('linkedin: by rank', () => {
    const reversed = people.slice().reverse();
    expect(idsOf(applyFilters(reversed, reviews, job, DEFAULT_FILTERS))).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
  });

  it('name: case- and accent-insensitive, numbers in number order, ties by rank', () => {
    const out = applyFilters(people.slice().reverse(), reviews, job, f({ sort: 'name' }));
    expect(out.map((c) => c.fullName)).toEqual([
      'anna Karenina',
      'Anna Karenina',
      'Bob 9',
      'Bob 10',
      'Émile Zola',
      'emile zola',
      'Zoë Ångström',
      '李雷',
    ]);
    // Equal names (base sensitivity): LinkedIn's order decides.
    expect(idsOf(out.filter((c) => /anna/i.test(c.fullName)))).toEqual(['1', '5']);
    expect(idsOf(out.filter((c) => /zola/i.test(c.fullName)))).toEqual(['0', '7']);
  });

  it('name: the same order for subsets, supersets and fresh objects', () => {
    const all = applyFilters(people, reviews, job, f({ sort: 'name' }));
    const subset = applyFilters(people.slice(2, 6), reviews, job, f({ sort: 'name' }));
    expect(idsOf(subset)).toEqual(idsOf(all).filter((id) => ['2', '3', '4', '5'].includes(id)));
    const fresh = people.map((c) => ({ ...c }));
    expect(idsOf(applyFilters(fresh, reviews, job, f({ sort: 'name' })))).toEqual(idsOf(all));
    const more = [...fresh, cand('8', { fullName: 'Aaron' })];
    expect(idsOf(applyFilters(more, reviews, job, f({ sort: 'name' })))[0]).toBe('8');
  });

  it('rating: good, maybe, unrated, other, not a fit, then rank', () => {
    expect(idsOf(applyFilters(people, reviews, job, f({ sort: 'rating' })))).toEqual([
      '0',
      '5',
      '2',
      '7',
      '3',
      '6',
      '4',
      '1',
    ]);
  });

  it('first seen: newest first, then rank', () => {
    expect(idsOf(applyFilters(people, reviews, job, f({ sort: 'first-seen' })))).toEqual([
      '4',
      '7',
      '1',
      '2',
      '6',
      '0',
      '3',
      '5',
    ]);
  });

  it('is stable: equal keys keep the input order', () => {
    const twins = [
      cand('a', { rank: 1, fullName: 'Same', firstSeenAt: 5 }),
      cand('b', { rank: 1, fullName: 'Same', firstSeenAt: 5 }),
      cand('c', { rank: 1, fullName: 'Same', firstSeenAt: 5 }),
    ];
    for (const sort of ['linkedin', 'name', 'rating', 'first-seen'] as const) {
      expect(idsOf(applyFilters(twins, reviews, job, f({ sort })))).toEqual(['a', 'b', 'c']);
      expect(idsOf(applyFilters(twins.slice().reverse(), reviews, job, f({ sort })))).toEqual([
        'c',
        'b',
        'a',
      ]);
    }
  });
});

describe('filterCounts', () => {
  it('counts each filter on its own', () => {
    expect(filterCounts(people, reviews, job)).toEqual({
      ratings: { good: 2, maybe: 2, 'not-a-fit': 1, unrated: 2, other: 1 },
      topChoice: 2,
      decisions: { shortlist: 2, maybe: 1, reject: 1, none: 4 },
      new: 5,
      seen: 3,
      unseen: 5,
      noLongerListed: 1,
    });
  });

  it('agrees with applyFilters', () => {
    const counts = filterCounts(people, reviews, job);
    for (const group of ['good', 'maybe', 'not-a-fit', 'unrated', 'other'] as const) {
      expect(applyFilters(people, reviews, job, f({ ratings: [group] }))).toHaveLength(
        counts.ratings[group],
      );
    }
    for (const decision of ['shortlist', 'maybe', 'reject', 'none'] as const) {
      expect(applyFilters(people, reviews, job, f({ decisions: [decision] }))).toHaveLength(
        counts.decisions[decision],
      );
    }
    expect(applyFilters(people, reviews, job, f({ newOnly: true }))).toHaveLength(counts.new);
  });

  it('counts only the given (search-matched) candidates', () => {
    const counts = filterCounts([people[0], people[1]] as CandidateRecord[], new Map(), undefined);
    expect(counts.ratings.good).toBe(1);
    expect(counts.decisions.none).toBe(2);
    expect(counts.new).toBe(0);
    expect(counts.unseen).toBe(2);
    expect(filterCounts([], reviews, job).unseen).toBe(0);
  });
});

describe('parseFilterState', () => {
  it('returns the defaults for anything unreadable', () => {
    for (const raw of [undefined, null, 42, 'x', [], { sort: 'nope' }]) {
      expect(parseFilterState(raw)).toEqual(DEFAULT_FILTERS);
    }
  });

  it('reads a saved state back', () => {
    const state: FilterState = {
      ratings: ['good', 'other'],
      topChoice: true,
      decisions: ['none', 'reject'],
      newOnly: true,
      seen: 'unseen',
      sort: 'first-seen',
    };
    const back = parseFilterState(JSON.parse(JSON.stringify(state)));
    expect(back).toEqual({ ...state, decisions: ['reject', 'none'] });
  });

  it('keeps the good fields and defaults the bad ones', () => {
    expect(
      parseFilterState({
        ratings: ['good', 'GOOD', 'bogus', 'good', 3],
        topChoice: 'yes',
        decisions: 'shortlist',
        newOnly: true,
        seen: 'seen',
        sort: 7,
        extra: 'ignored',
      }),
    ).toEqual({ ...DEFAULT_FILTERS, ratings: ['good'], newOnly: true, seen: 'seen' });
  });

  it('returns fresh arrays, never the frozen defaults', () => {
    const state = parseFilterState(undefined);
    state.ratings.push('good');
    expect(DEFAULT_FILTERS.ratings).toEqual([]);
    expect(Object.isFrozen(DEFAULT_FILTERS)).toBe(true);
  });
});

describe('hasActiveFilters', () => {
  it('is false for the defaults and for a sort alone', () => {
    expect(hasActiveFilters(DEFAULT_FILTERS)).toBe(false);
    expect(hasActiveFilters(f({ sort: 'name' }))).toBe(false);
    expect(hasActiveFilters(f({ seen: 'seen' }))).toBe(true);
    expect(hasActiveFilters(f({ ratings: ['good'] }))).toBe(true);
  });
});

describe('10,000 candidates', () => {
  it('filters, sorts and counts them', () => {
    const ratings = ['GOOD_FIT', 'MAYBE', 'NOT_A_FIT', 'UNRATED', 'X'];
    const many = Array.from({ length: 10_000 }, (_, i) =>
      cand(String(i), {
        rating: ratings[i % 5] as string,
        fullName: `Name ${(i * 7919) % 10_000}`,
        isTopChoice: i % 10 === 0,
        firstSeenAt: i % 3 === 0 ? 2000 : 1000,
      }),
    );
    const manyReviews = reviewMap(
      ...many.filter((_, i) => i % 4 === 0).map((c) => review(c.applicationId, 'shortlist', 5)),
    );
    const filters = f({ ratings: ['good', 'maybe'], decisions: ['none'], sort: 'name' });
    const out = applyFilters(many, manyReviews, job, filters);
    const again = applyFilters(many, manyReviews, job, { ...filters, sort: 'rating' });
    const counts = filterCounts(many, manyReviews, job);
    expect(out).toHaveLength(3000);
    expect(again).toHaveLength(3000);
    expect(counts.ratings.good).toBe(2000);
    expect(counts.decisions.shortlist).toBe(2500);
    for (let i = 1; i < out.length; i++) {
      const a = Number((out[i - 1] as CandidateRecord).fullName.slice(5));
      const b = Number((out[i] as CandidateRecord).fullName.slice(5));
      expect(a).toBeLessThan(b);
    }
  });
});
