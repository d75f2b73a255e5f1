import type { RatingGroup } from '@/utils/linkup/rating';
import {
  DECISION_FILTERS,
  type DecisionFilter,
  type FilterCounts,
  type FilterState,
  hasActiveFilters,
  RATING_GROUPS,
  type SortKey,
} from '@/utils/review/filters';

const RATING_LABELS: Record<RatingGroup, string> = {
  good: 'Good fit',
  maybe: 'Maybe',
  'not-a-fit': 'Not a fit',
  unrated: 'Unrated',
  other: 'Other rating',
};
const DECISION_LABELS: Record<DecisionFilter, string> = {
  shortlist: 'Shortlisted',
  maybe: 'Maybe',
  reject: 'Rejected',
  none: 'Not decided',
};
const SORT_LABELS: Record<SortKey, string> = {
  linkedin: 'LinkedIn’s order',
  name: 'Name',
  rating: 'LinkedIn rating',
  'first-seen': 'First seen (newest first)',
};

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

interface Props {
  filters: FilterState;
  counts: FilterCounts;
  onChange: (filters: FilterState) => void;
}

/** Filters that combine with the search, each with how many candidates it would keep. */
export function FilterBar({ filters, counts, onChange }: Props) {
  const active = hasActiveFilters(filters);
  return (
    <details class="filters">
      <summary>Filters and sort{active ? ' (filtered)' : ''}</summary>
      <div class="filter-groups">
        <fieldset>
          <legend>LinkedIn rating</legend>
          {RATING_GROUPS.map((g) => (
            <label key={g}>
              <input
                type="checkbox"
                checked={filters.ratings.includes(g)}
                onChange={() => onChange({ ...filters, ratings: toggle(filters.ratings, g) })}
              />
              {RATING_LABELS[g]} ({counts.ratings[g]})
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Your decision</legend>
          {DECISION_FILTERS.map((d) => (
            <label key={d}>
              <input
                type="checkbox"
                checked={filters.decisions.includes(d)}
                onChange={() => onChange({ ...filters, decisions: toggle(filters.decisions, d) })}
              />
              {DECISION_LABELS[d]} ({counts.decisions[d]})
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Other</legend>
          <label>
            <input
              type="checkbox"
              checked={filters.topChoice}
              onChange={() => onChange({ ...filters, topChoice: !filters.topChoice })}
            />
            Top choice ({counts.topChoice})
          </label>
          <label>
            <input
              type="checkbox"
              checked={filters.newOnly}
              onChange={() => onChange({ ...filters, newOnly: !filters.newOnly })}
            />
            New since the previous pull ({counts.new})
          </label>
          <label>
            <input
              type="radio"
              name="seen"
              checked={filters.seen === 'all'}
              onChange={() => onChange({ ...filters, seen: 'all' })}
            />
            Seen and unseen
          </label>
          <label>
            <input
              type="radio"
              name="seen"
              checked={filters.seen === 'unseen'}
              onChange={() => onChange({ ...filters, seen: 'unseen' })}
            />
            Unseen only ({counts.unseen})
          </label>
          <label>
            <input
              type="radio"
              name="seen"
              checked={filters.seen === 'seen'}
              onChange={() => onChange({ ...filters, seen: 'seen' })}
            />
            Seen only ({counts.seen})
          </label>
        </fieldset>
        <label class="field">
          Sort by
          <select
            value={filters.sort}
            onChange={(e) => onChange({ ...filters, sort: e.currentTarget.value as SortKey })}
          >
            {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
              <option key={k} value={k}>
                {SORT_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </details>
  );
}
