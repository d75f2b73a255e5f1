import { t } from '@/utils/i18n';
import { ratingGroup } from '@/utils/linkup/rating';

const LABELS = {
  good: 'ratingGoodFit',
  maybe: 'ratingMaybe',
  'not-a-fit': 'ratingNotAFit',
  unrated: 'ratingUnrated',
} as const;

/** LinkedIn's own rating; an unknown value is shown as it came, as text. */
export function RatingBadge({ rating }: { rating: string }) {
  const group = ratingGroup(rating);
  const label = group === 'other' ? rating : t(LABELS[group]);
  return <span class={`badge rating-${group}`}>{label}</span>;
}
