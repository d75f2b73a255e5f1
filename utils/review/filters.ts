/**
 * The review workspace's filters, sort and filter counts: pure functions over candidates and
 * their reviews, cheap enough to run on every keystroke at 10,000 candidates. No zod and no
 * browser APIs, so the panel's bundle stays small and unit tests need nothing.
 */
import type { CandidateRecord, JobRecord, ReviewRecord } from '../db/types';
import { type RatingGroup, ratingGroup } from '../linkup/rating';

/** The recruiter's own decision, with `none` for candidates not decided yet. */
export type DecisionFilter = 'shortlist' | 'maybe' | 'reject' | 'none';
export type SeenFilter = 'all' | 'seen' | 'unseen';
export type SortKey = 'linkedin' | 'name' | 'rating' | 'first-seen';

/** What the list shows. An empty array means "any" (that filter is off). */
export interface FilterState {
  ratings: RatingGroup[];
  topChoice: boolean;
  decisions: DecisionFilter[];
  newOnly: boolean;
  seen: SeenFilter;
  sort: SortKey;
}

/** Everything shown, in LinkedIn's order. */
export const DEFAULT_FILTERS: FilterState = Object.freeze({
  // Frozen all the way down: a shared default that a caller changed would leak into every job.
  ratings: Object.freeze([]) as unknown as RatingGroup[],
  topChoice: false,
  decisions: Object.freeze([]) as unknown as DecisionFilter[],
  newOnly: false,
  seen: 'all',
  sort: 'linkedin',
});

/** In the order the UI lists them. */
export const RATING_GROUPS: readonly RatingGroup[] = [
  'good',
  'maybe',
  'not-a-fit',
  'unrated',
  'other',
];
export const DECISION_FILTERS: readonly DecisionFilter[] = ['shortlist', 'maybe', 'reject', 'none'];
export const SEEN_FILTERS: readonly SeenFilter[] = ['all', 'seen', 'unseen'];
export const SORT_KEYS: readonly SortKey[] = ['linkedin', 'name', 'rating', 'first-seen'];

/** True when any filter narrows the list (the sort alone does not): e.g. for "-filtered" exports. */
export function hasActiveFilters(filters: FilterState): boolean {
  return (
    filters.ratings.length > 0 ||
    filters.topChoice ||
    filters.decisions.length > 0 ||
    filters.newOnly ||
    filters.seen !== 'all'
  );
}

/** New since the previous pull: first seen at or after the start of the job's latest re-pull. */
export function isNew(c: CandidateRecord, job: Pick<JobRecord, 'newSince'> | undefined): boolean {
  const since = job?.newSince;
  return typeof since === 'number' && c.firstSeenAt >= since;
}

// ---------------------------------------------------------------------------------------------
// Lookups prepared once per call

// Raw ratings take a handful of values, so their group is looked up rather than recomputed
// (ratingGroup trims, upper-cases and runs a regex) for each of 10,000 candidates.
const groupCache = new Map<string, RatingGroup>();

function groupOf(rating: string): RatingGroup {
  let group = groupCache.get(rating);
  if (group === undefined) {
    group = ratingGroup(rating);
    // Bounded in case an API ever sends free text: past the limit, compute without caching.
    if (groupCache.size < 256) groupCache.set(rating, group);
  }
  return group;
}

const RATING_BIT: Record<RatingGroup, number> = {
  good: 1,
  maybe: 2,
  'not-a-fit': 4,
  unrated: 8,
  other: 16,
};

const DECISION_BIT: Record<DecisionFilter, number> = {
  shortlist: 1,
  maybe: 2,
  reject: 4,
  none: 8,
};

/** The rating sort: LinkedIn's best first, its "not a fit" last, the unknown in between. */
const RATING_ORDER: Record<RatingGroup, number> = {
  good: 0,
  maybe: 1,
  unrated: 2,
  other: 3,
  'not-a-fit': 4,
};

function maskOf<K extends string>(values: readonly K[], bits: Record<K, number>): number {
  let mask = 0;
  for (const value of values) mask |= bits[value] ?? 0;
  return mask;
}

function decisionOf(review: ReviewRecord | undefined): DecisionFilter {
  return review?.decision ?? 'none';
}

// ---------------------------------------------------------------------------------------------
// Name order

// Intl.Collator costs ~18 ms to sort 10,000 names, too slow for every keystroke. Each record's
// place in the name order is kept, so the next sort of the same records (or any subset of them,
// such as a search's matches) is a counting sort of whole numbers. Records are treated as
// immutable: records loaded afresh are new objects, miss the map and get a new order once.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
let nameOrder = new WeakMap<CandidateRecord, number>();

/**
 * Places in the name order for every item of `shown`: the kept order when it has them all,
 * else a new order over `all` (the unfiltered input, so that turning filters off and on again
 * does not rebuild it).
 */
function nameOrdinals(
  shown: readonly CandidateRecord[],
  all: readonly CandidateRecord[],
): WeakMap<CandidateRecord, number> {
  let complete = true;
  for (const c of shown) {
    if (!nameOrder.has(c)) {
      complete = false;
      break;
    }
  }
  if (complete) return nameOrder;
  const compare = (a: CandidateRecord, b: CandidateRecord) =>
    collator.compare(a.fullName, b.fullName) || a.rank - b.rank;
  const sorted = all.slice().sort(compare);
  const order = new WeakMap<CandidateRecord, number>();
  let place = 0;
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i] as CandidateRecord;
    // Equal keys share a place, so the (stable) sort by place keeps them in the input's order.
    if (i > 0 && compare(sorted[i - 1] as CandidateRecord, c) !== 0) place++;
    order.set(c, place);
  }
  nameOrder = order;
  return order;
}

// ---------------------------------------------------------------------------------------------
// Facts prepared once per list

const TOP_CHOICE = 1;
const NEW = 2;
const NO_LONGER_LISTED = 4;
const SEEN = 8;

/**
 * What the filters and counts read of each candidate, index-aligned with `candidates`: read
 * from the records and the reviews map once per change of the list, the reviews or the job,
 * so that each keystroke's filters and counts are loops over small numbers.
 */
export interface CandidateFacts {
  candidates: readonly CandidateRecord[];
  /** The RATING_BIT of each candidate's rating group. */
  rating: Uint8Array;
  /** The DECISION_BIT of each candidate's decision ('none' when undecided). */
  decision: Uint8Array;
  /** TOP_CHOICE, NEW, NO_LONGER_LISTED and SEEN bits. */
  flags: Uint8Array;
  /** Ranks never go down along `candidates`: LinkedIn's order is the list's own order. */
  inRankOrder: boolean;
}

export function candidateFacts(
  candidates: readonly CandidateRecord[],
  reviews: ReadonlyMap<string, ReviewRecord>,
  job: Pick<JobRecord, 'newSince'> | undefined,
): CandidateFacts {
  const n = candidates.length;
  const rating = new Uint8Array(n);
  const decision = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const since = job?.newSince;
  const newSince = typeof since === 'number' ? since : null;
  let inRankOrder = true;
  let lastRank = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const c = candidates[i] as CandidateRecord;
    rating[i] = RATING_BIT[groupOf(c.rating)];
    // `!(a <= b)`, not `a > b`: a rank that is not a number must fall back to the sort too.
    if (!(lastRank <= c.rank)) inRankOrder = false;
    lastRank = c.rank;
    const review = reviews.get(c.applicationId);
    decision[i] = DECISION_BIT[decisionOf(review)] ?? 0;
    flags[i] =
      (c.isTopChoice ? TOP_CHOICE : 0) |
      (newSince !== null && c.firstSeenAt >= newSince ? NEW : 0) |
      (c.noLongerListed ? NO_LONGER_LISTED : 0) |
      (review?.seenAt != null ? SEEN : 0);
  }
  return { candidates, rating, decision, flags, inRankOrder };
}

// ---------------------------------------------------------------------------------------------
// Filter and sort

/**
 * The candidates that pass every filter, sorted. Ties keep the input's order (the sort is
 * stable) and the input array is never changed.
 */
export function applyFilters(
  candidates: readonly CandidateRecord[],
  reviews: ReadonlyMap<string, ReviewRecord>,
  job: Pick<JobRecord, 'newSince'> | undefined,
  filters: FilterState,
): CandidateRecord[] {
  return filterFacts(candidateFacts(candidates, reviews, job), null, filters);
}

/**
 * `applyFilters` over the candidates at `indices` (a search's matches; null for all of them),
 * ties in the order of `indices`. With LinkedIn's sort, a list already in rank order and
 * ascending indices, the sort is skipped: it would change nothing, and a comparison sort of
 * 10,000 still costs a keystroke a millisecond.
 */
export function filterFacts(
  facts: CandidateFacts,
  indices: ArrayLike<number> | null,
  filters: FilterState,
): CandidateRecord[] {
  const { candidates, rating, decision, flags } = facts;
  const ratingMask = maskOf(filters.ratings, RATING_BIT);
  const decisionMask = maskOf(filters.decisions, DECISION_BIT);
  // Each flag filter as "these bits must equal these values".
  let flagMask = 0;
  let flagWant = 0;
  if (filters.topChoice) {
    flagMask |= TOP_CHOICE;
    flagWant |= TOP_CHOICE;
  }
  if (filters.newOnly) {
    flagMask |= NEW;
    flagWant |= NEW;
  }
  if (filters.seen !== 'all') {
    flagMask |= SEEN;
    if (filters.seen === 'seen') flagWant |= SEEN;
  }

  const size = indices ? indices.length : candidates.length;
  const out: CandidateRecord[] = [];
  let ascending = true;
  let last = -1;
  for (let k = 0; k < size; k++) {
    const i = indices ? (indices[k] as number) : k;
    if (i < last) ascending = false;
    last = i;
    if (ratingMask !== 0 && ((rating[i] as number) & ratingMask) === 0) continue;
    if (decisionMask !== 0 && ((decision[i] as number) & decisionMask) === 0) continue;
    if (((flags[i] as number) & flagMask) !== flagWant) continue;
    out.push(candidates[i] as CandidateRecord);
  }
  const inRankOrder = facts.inRankOrder && ascending;

  // Array.prototype.sort is stable, so equal keys keep the input's order. Keys that cost a
  // lookup are read once per candidate, not once per comparison.
  switch (filters.sort) {
    case 'name': {
      const order = nameOrdinals(out, candidates);
      const places = new Uint32Array(out.length);
      for (let i = 0; i < out.length; i++) places[i] = order.get(out[i] as CandidateRecord) ?? 0;
      return sortByPlace(out, places);
    }
    case 'rating': {
      // Five groups: LinkedIn's order within each, the groups one after another.
      const buckets: CandidateRecord[][] = [[], [], [], [], []];
      for (const c of inRankOrder ? out : out.sort(byRank)) {
        buckets[RATING_ORDER[groupOf(c.rating)]]?.push(c);
      }
      return buckets.flat();
    }
    case 'first-seen':
      return out.sort((a, b) => b.firstSeenAt - a.firstSeenAt || a.rank - b.rank);
    default:
      return inRankOrder ? out : out.sort(byRank);
  }
}

function byRank(a: CandidateRecord, b: CandidateRecord): number {
  return a.rank - b.rank;
}

/**
 * `items` ordered by `places[i]` (small whole numbers, the place of `items[i]`), ties in the
 * input's order: a counting sort, linear where a comparison sort of 10,000 takes milliseconds.
 */
function sortByPlace(items: readonly CandidateRecord[], places: Uint32Array): CandidateRecord[] {
  let max = 0;
  for (const place of places) if (place > max) max = place;
  // starts[p] becomes the output position of the next item with place p.
  const starts = new Uint32Array(max + 2);
  for (const place of places) starts[place + 1] = (starts[place + 1] as number) + 1;
  for (let p = 1; p < starts.length; p++)
    starts[p] = (starts[p] as number) + (starts[p - 1] as number);
  const sorted = new Array<CandidateRecord>(items.length);
  for (let i = 0; i < items.length; i++) {
    const place = places[i] as number;
    sorted[starts[place] as number] = items[i] as CandidateRecord;
    starts[place] = (starts[place] as number) + 1;
  }
  return sorted;
}

// ---------------------------------------------------------------------------------------------
// Counts

export interface FilterCounts {
  ratings: Record<RatingGroup, number>;
  topChoice: number;
  decisions: Record<DecisionFilter, number>;
  new: number;
  seen: number;
  unseen: number;
  noLongerListed: number;
}

/**
 * How many of `candidates` each filter would keep on its own. Pass the search's matches to
 * have the counts follow the search.
 */
export function filterCounts(
  candidates: readonly CandidateRecord[],
  reviews: ReadonlyMap<string, ReviewRecord>,
  job: Pick<JobRecord, 'newSince'> | undefined,
): FilterCounts {
  return countFacts(candidateFacts(candidates, reviews, job), null);
}

/**
 * `filterCounts` of the candidates at `indices` (null for all). When the counts equal
 * `previous`, `previous` itself is returned, so that a view given them can tell nothing
 * changed without comparing.
 */
export function countFacts(
  facts: CandidateFacts,
  indices: ArrayLike<number> | null,
  previous?: FilterCounts,
): FilterCounts {
  const { rating, decision, flags } = facts;
  // Indexed by the bit itself (the bits are 1 to 16): one array write per fact.
  const byRating = new Uint32Array(17);
  const byDecision = new Uint32Array(9);
  const byFlag = new Uint32Array(16);
  const size = indices ? indices.length : rating.length;
  for (let k = 0; k < size; k++) {
    const i = indices ? (indices[k] as number) : k;
    const r = rating[i] as number;
    const d = decision[i] as number;
    const f = flags[i] as number;
    byRating[r] = (byRating[r] as number) + 1;
    byDecision[d] = (byDecision[d] as number) + 1;
    byFlag[f] = (byFlag[f] as number) + 1;
  }
  const withFlag = (bit: number) => {
    let sum = 0;
    for (let f = 0; f < byFlag.length; f++) if (f & bit) sum += byFlag[f] as number;
    return sum;
  };
  const seen = withFlag(SEEN);
  const counts: FilterCounts = {
    ratings: {
      good: byRating[RATING_BIT.good] as number,
      maybe: byRating[RATING_BIT.maybe] as number,
      'not-a-fit': byRating[RATING_BIT['not-a-fit']] as number,
      unrated: byRating[RATING_BIT.unrated] as number,
      other: byRating[RATING_BIT.other] as number,
    },
    topChoice: withFlag(TOP_CHOICE),
    decisions: {
      shortlist: byDecision[DECISION_BIT.shortlist] as number,
      maybe: byDecision[DECISION_BIT.maybe] as number,
      reject: byDecision[DECISION_BIT.reject] as number,
      none: byDecision[DECISION_BIT.none] as number,
    },
    new: withFlag(NEW),
    seen,
    unseen: size - seen,
    noLongerListed: withFlag(NO_LONGER_LISTED),
  };
  return previous && sameCounts(previous, counts) ? previous : counts;
}

/** Every count of `a` equals that of `b`. */
export function sameCounts(a: FilterCounts, b: FilterCounts): boolean {
  for (const g of RATING_GROUPS) if (a.ratings[g] !== b.ratings[g]) return false;
  for (const d of DECISION_FILTERS) if (a.decisions[d] !== b.decisions[d]) return false;
  return (
    a.topChoice === b.topChoice &&
    a.new === b.new &&
    a.seen === b.seen &&
    a.unseen === b.unseen &&
    a.noLongerListed === b.noLongerListed
  );
}

// ---------------------------------------------------------------------------------------------
// Persisted state

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

/** The known values of a list, each once, in the given order; anything else is dropped. */
function someOf<T extends string>(value: unknown, allowed: readonly T[]): T[] {
  if (!Array.isArray(value)) return [];
  return allowed.filter((item) => value.includes(item));
}

/**
 * Reads filter state restored from storage. Written by an older or newer version, or damaged:
 * every unreadable field falls back to its default rather than failing.
 */
export function parseFilterState(raw: unknown): FilterState {
  const r: Record<string, unknown> =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
  return {
    ratings: someOf(r.ratings, RATING_GROUPS),
    topChoice: r.topChoice === true,
    decisions: someOf(r.decisions, DECISION_FILTERS),
    newOnly: r.newOnly === true,
    seen: oneOf(r.seen, SEEN_FILTERS, DEFAULT_FILTERS.seen),
    sort: oneOf(r.sort, SORT_KEYS, DEFAULT_FILTERS.sort),
  };
}
