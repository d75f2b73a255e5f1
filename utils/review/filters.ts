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
  const ratingMask = maskOf(filters.ratings, RATING_BIT);
  const decisionMask = maskOf(filters.decisions, DECISION_BIT);
  const needReview = decisionMask !== 0 || filters.seen !== 'all';
  const since = job?.newSince;
  const newSince = typeof since === 'number' ? since : null;

  const out: CandidateRecord[] = [];
  for (const c of candidates) {
    if (ratingMask !== 0 && (RATING_BIT[groupOf(c.rating)] & ratingMask) === 0) continue;
    if (filters.topChoice && !c.isTopChoice) continue;
    if (filters.newOnly && (newSince === null || c.firstSeenAt < newSince)) continue;
    if (needReview) {
      const review = reviews.get(c.applicationId);
      if (decisionMask !== 0 && (DECISION_BIT[decisionOf(review)] & decisionMask) === 0) continue;
      if (filters.seen !== 'all' && (review?.seenAt != null) !== (filters.seen === 'seen')) {
        continue;
      }
    }
    out.push(c);
  }

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
      for (const c of out.sort(byRank)) buckets[RATING_ORDER[groupOf(c.rating)]]?.push(c);
      return buckets.flat();
    }
    case 'first-seen':
      return out.sort((a, b) => b.firstSeenAt - a.firstSeenAt || a.rank - b.rank);
    default:
      return out.sort(byRank);
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
  const counts: FilterCounts = {
    ratings: { good: 0, maybe: 0, 'not-a-fit': 0, unrated: 0, other: 0 },
    topChoice: 0,
    decisions: { shortlist: 0, maybe: 0, reject: 0, none: 0 },
    new: 0,
    seen: 0,
    unseen: 0,
    noLongerListed: 0,
  };
  for (const c of candidates) {
    counts.ratings[groupOf(c.rating)]++;
    if (c.isTopChoice) counts.topChoice++;
    if (isNew(c, job)) counts.new++;
    if (c.noLongerListed) counts.noLongerListed++;
    const review = reviews.get(c.applicationId);
    counts.decisions[decisionOf(review)]++;
    if (review?.seenAt != null) counts.seen++;
    else counts.unseen++;
  }
  return counts;
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
