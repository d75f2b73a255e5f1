import { describe, expect, it, vi } from 'vitest';
import type { CandidateRecord, Decision, ReviewRecord } from '@/utils/db/types';
import { type RatingGroup, ratingGroup } from '@/utils/linkup/rating';
import {
  applyFilters,
  candidateFacts,
  countFacts,
  DECISION_FILTERS,
  DEFAULT_FILTERS,
  type FilterCounts,
  type FilterState,
  filterCounts,
  filterFacts,
  hasActiveFilters,
  isNew,
  parseFilterState,
  RATING_GROUPS,
  SEEN_FILTERS,
  SORT_KEYS,
  sameCounts,
} from '@/utils/review/filters';
import { mulberry32 } from '../mock-linkup/data';

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

// ---------------------------------------------------------------------------------------------
// Facts prepared once, filters and counts per keystroke

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const RATING_SORT: Record<RatingGroup, number> = {
  good: 0,
  maybe: 1,
  unrated: 2,
  other: 3,
  'not-a-fit': 4,
};

/** The filters and sort as the UI describes them, written plainly. */
function referenceFilter(
  list: CandidateRecord[],
  reviewsOf: ReadonlyMap<string, ReviewRecord>,
  jobOf: { newSince?: number | null } | undefined,
  filters: FilterState,
): CandidateRecord[] {
  const since = jobOf?.newSince;
  const kept = list.filter((c) => {
    const r = reviewsOf.get(c.applicationId);
    if (filters.ratings.length > 0 && !filters.ratings.includes(ratingGroup(c.rating))) {
      return false;
    }
    if (filters.topChoice && !c.isTopChoice) return false;
    if (filters.newOnly && !(typeof since === 'number' && c.firstSeenAt >= since)) return false;
    if (filters.decisions.length > 0 && !filters.decisions.includes(r?.decision ?? 'none')) {
      return false;
    }
    if (filters.seen !== 'all' && (r?.seenAt != null) !== (filters.seen === 'seen')) return false;
    return true;
  });
  const byRank = (a: CandidateRecord, b: CandidateRecord) => a.rank - b.rank;
  const compare = {
    linkedin: byRank,
    name: (a: CandidateRecord, b: CandidateRecord) =>
      collator.compare(a.fullName, b.fullName) || byRank(a, b),
    rating: (a: CandidateRecord, b: CandidateRecord) =>
      RATING_SORT[ratingGroup(a.rating)] - RATING_SORT[ratingGroup(b.rating)] || byRank(a, b),
    'first-seen': (a: CandidateRecord, b: CandidateRecord) =>
      b.firstSeenAt - a.firstSeenAt || byRank(a, b),
  }[filters.sort];
  return kept.sort(compare);
}

function referenceCounts(
  list: CandidateRecord[],
  reviewsOf: ReadonlyMap<string, ReviewRecord>,
  jobOf: { newSince?: number | null } | undefined,
): FilterCounts {
  const counts: FilterCounts = {
    ratings: { good: 0, maybe: 0, 'not-a-fit': 0, unrated: 0, other: 0 },
    topChoice: 0,
    decisions: { shortlist: 0, maybe: 0, reject: 0, none: 0 },
    new: 0,
    seen: 0,
    unseen: 0,
    noLongerListed: 0,
  };
  const since = jobOf?.newSince;
  for (const c of list) {
    const r = reviewsOf.get(c.applicationId);
    counts.ratings[ratingGroup(c.rating)]++;
    counts.decisions[r?.decision ?? 'none']++;
    if (c.isTopChoice) counts.topChoice++;
    if (typeof since === 'number' && c.firstSeenAt >= since) counts.new++;
    if (c.noLongerListed) counts.noLongerListed++;
    if (r?.seenAt != null) counts.seen++;
    else counts.unseen++;
  }
  return counts;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function someOf<T>(random: () => number, list: readonly T[]): T[] {
  return list.filter(() => random() < 0.3);
}

/** A job's candidates and reviews, random but repeatable. */
function randomJob(random: () => number, size: number, ranks: 'in order' | 'shuffled') {
  const list = Array.from({ length: size }, (_, i) =>
    cand(String(i), {
      rating: pick(random, ['GOOD_FIT', 'GOOD', 'MAYBE', 'maybe', 'NOT_A_FIT', 'UNRATED', '', 'X']),
      fullName: pick(random, ['Anna', 'anna', 'Émile', 'Bob 9', 'Bob 10', 'Zoë', '李雷', '']),
      isTopChoice: random() < 0.2,
      firstSeenAt: pick(random, [1000, 2000, 3000]),
      noLongerListed: random() < 0.1,
      // Equal ranks too: a re-pull can leave two candidates on one rank.
      rank: ranks === 'in order' ? Math.floor(i / 2) : Math.floor(random() * size),
    }),
  );
  const decisions: (Decision | null)[] = ['shortlist', 'maybe', 'reject', null];
  const reviewsOf = reviewMap(
    ...list
      .filter(() => random() < 0.5)
      .map((c) => review(c.applicationId, pick(random, decisions), random() < 0.5 ? 5 : null)),
  );
  return { list, reviewsOf };
}

function randomFilters(random: () => number): FilterState {
  return {
    ratings: someOf(random, RATING_GROUPS),
    topChoice: random() < 0.2,
    decisions: someOf(random, DECISION_FILTERS),
    newOnly: random() < 0.2,
    seen: pick(random, SEEN_FILTERS),
    sort: pick(random, SORT_KEYS),
  };
}

describe('candidateFacts, filterFacts and countFacts', () => {
  it('filter, sort and count a search’s matches as the plain rules say', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = mulberry32(seed);
      const { list, reviewsOf } = randomJob(random, 80, seed % 2 ? 'in order' : 'shuffled');
      const jobOf = pick(random, [{ newSince: 2000 }, { newSince: null }, undefined]);
      const facts = candidateFacts(list, reviewsOf, jobOf);
      // A search's matches (ascending), everything, or positions in any order.
      const matched = list.map((_, i) => i).filter(() => random() < 0.6);
      const shuffled = matched.slice().sort(() => random() - 0.5);
      for (const indices of [Uint32Array.from(matched), null, shuffled]) {
        const subset = (indices ? [...indices] : list.map((_, i) => i)).map(
          (i) => list[i] as CandidateRecord,
        );
        for (let n = 0; n < 5; n++) {
          const filters = randomFilters(random);
          expect(idsOf(filterFacts(facts, indices, filters)), JSON.stringify(filters)).toEqual(
            idsOf(referenceFilter(subset, reviewsOf, jobOf, filters)),
          );
        }
        expect(countFacts(facts, indices)).toEqual(referenceCounts(subset, reviewsOf, jobOf));
      }
    }
  });

  it('knows when the list is already in LinkedIn’s order', () => {
    const ordered = [cand('0', { rank: 0 }), cand('1', { rank: 1 }), cand('2', { rank: 1 })];
    expect(candidateFacts(ordered, new Map(), job).inRankOrder).toBe(true);
    expect(candidateFacts(ordered.slice().reverse(), new Map(), job).inRankOrder).toBe(false);
    expect(candidateFacts([], new Map(), job).inRankOrder).toBe(true);
    const broken = [
      cand('0', { rank: 0 }),
      cand('1', { rank: Number.NaN }),
      cand('2', { rank: 2 }),
    ];
    expect(candidateFacts(broken, new Map(), job).inRankOrder).toBe(false);
  });

  it('does not sort a list that is already in LinkedIn’s order', () => {
    const list = Array.from({ length: 50 }, (_, i) => cand(String(i), { rank: i }));
    const facts = candidateFacts(list, new Map(), job);
    const sort = vi.spyOn(Array.prototype, 'sort');
    const out = filterFacts(facts, Uint32Array.from([3, 7, 20]), DEFAULT_FILTERS);
    expect(idsOf(out)).toEqual(['3', '7', '20']);
    expect(sort).not.toHaveBeenCalled();
    // Positions out of order, or ranks out of order: sorted as before.
    expect(idsOf(filterFacts(facts, [20, 3, 7], DEFAULT_FILTERS))).toEqual(['3', '7', '20']);
    expect(sort).toHaveBeenCalledTimes(1);
    const reversed = candidateFacts(list.slice().reverse(), new Map(), job);
    expect(idsOf(filterFacts(reversed, [0, 1], DEFAULT_FILTERS))).toEqual(['48', '49']);
  });

  it('gives back the previous counts when nothing changed', () => {
    const facts = candidateFacts(people, reviews, job);
    const first = countFacts(facts, Uint32Array.from([0, 1, 2]));
    const same = countFacts(facts, Uint32Array.from([0, 1, 2]), first);
    expect(same).toBe(first);
    // Other candidates with the same counts are the same counts.
    expect(countFacts(facts, Uint32Array.from([0, 1, 2]), { ...first })).not.toBe(first);
    const other = countFacts(facts, Uint32Array.from([0, 1]), first);
    expect(other).not.toBe(first);
    expect(other.ratings.maybe).toBe(0);
  });

  it('sameCounts compares every count', () => {
    const a = filterCounts(people, reviews, job);
    expect(sameCounts(a, structuredClone(a))).toBe(true);
    const changes: ((c: FilterCounts) => void)[] = [
      (c) => c.ratings.other++,
      (c) => c.decisions.none++,
      (c) => c.topChoice++,
      (c) => c.new++,
      (c) => c.seen++,
      (c) => c.unseen++,
      (c) => c.noLongerListed++,
    ];
    for (const change of changes) {
      const b = structuredClone(a);
      change(b);
      expect(sameCounts(a, b)).toBe(false);
    }
  });
});
