import { type MessageKey, t } from '@/utils/i18n';
import type { RatingGroup } from '@/utils/linkup/rating';
import { memo } from '@/utils/panel/stable';
import {
  DECISION_FILTERS,
  type DecisionFilter,
  type FilterCounts,
  type FilterState,
  hasActiveFilters,
  RATING_GROUPS,
  type SortKey,
} from '@/utils/review/filters';

const RATING_LABELS: Record<RatingGroup, MessageKey> = {
  good: 'ratingGoodFit',
  maybe: 'ratingMaybe',
  'not-a-fit': 'ratingNotAFit',
  unrated: 'ratingUnrated',
  other: 'ratingOther',
};
const DECISION_LABELS: Record<DecisionFilter, MessageKey> = {
  shortlist: 'filterShortlisted',
  maybe: 'filterMaybe',
  reject: 'filterRejected',
  none: 'filterUndecided',
};
const SORT_LABELS: Record<SortKey, MessageKey> = {
  linkedin: 'sortLinkedIn',
  name: 'sortName',
  rating: 'linkedInRating',
  'first-seen': 'sortFirstSeen',
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
export const FilterBar = memo(function FilterBar({ filters, counts, onChange }: Props) {
  const active = hasActiveFilters(filters);
  return (
    <details class="filters">
      <summary>{active ? t('filtersSummaryActive') : t('filtersSummary')}</summary>
      <div class="filter-groups">
        <fieldset>
          <legend>{t('linkedInRating')}</legend>
          {RATING_GROUPS.map((g) => (
            <label key={g}>
              <input
                type="checkbox"
                checked={filters.ratings.includes(g)}
                onChange={() => onChange({ ...filters, ratings: toggle(filters.ratings, g) })}
              />
              {t('filterOption', t(RATING_LABELS[g]), counts.ratings[g])}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('filterDecisionLegend')}</legend>
          {DECISION_FILTERS.map((d) => (
            <label key={d}>
              <input
                type="checkbox"
                checked={filters.decisions.includes(d)}
                onChange={() => onChange({ ...filters, decisions: toggle(filters.decisions, d) })}
              />
              {t('filterOption', t(DECISION_LABELS[d]), counts.decisions[d])}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('filterOtherLegend')}</legend>
          <label>
            <input
              type="checkbox"
              checked={filters.topChoice}
              onChange={() => onChange({ ...filters, topChoice: !filters.topChoice })}
            />
            {t('filterTopChoice', counts.topChoice)}
          </label>
          <label>
            <input
              type="checkbox"
              checked={filters.newOnly}
              onChange={() => onChange({ ...filters, newOnly: !filters.newOnly })}
            />
            {t('filterNew', counts.new)}
          </label>
          <label>
            <input
              type="radio"
              name="seen"
              checked={filters.seen === 'all'}
              onChange={() => onChange({ ...filters, seen: 'all' })}
            />
            {t('filterSeenAll')}
          </label>
          <label>
            <input
              type="radio"
              name="seen"
              checked={filters.seen === 'unseen'}
              onChange={() => onChange({ ...filters, seen: 'unseen' })}
            />
            {t('filterUnseen', counts.unseen)}
          </label>
          <label>
            <input
              type="radio"
              name="seen"
              checked={filters.seen === 'seen'}
              onChange={() => onChange({ ...filters, seen: 'seen' })}
            />
            {t('filterSeen', counts.seen)}
          </label>
        </fieldset>
        <label class="field">
          {t('sortBy')}
          <select
            value={filters.sort}
            onChange={(e) => onChange({ ...filters, sort: e.currentTarget.value as SortKey })}
          >
            {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
              <option key={k} value={k}>
                {t(SORT_LABELS[k])}
              </option>
            ))}
          </select>
        </label>
      </div>
    </details>
  );
});
