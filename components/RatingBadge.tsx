import { ratingGroup } from '@/utils/linkup/rating';

const LABELS = {
  good: 'Good fit',
  maybe: 'Maybe',
  'not-a-fit': 'Not a fit',
  unrated: 'Unrated',
} as const;

/** LinkedIn's own rating; an unknown value is shown as it came, as text. */
export function RatingBadge({ rating }: { rating: string }) {
  const group = ratingGroup(rating);
  const label = group === 'other' ? rating : LABELS[group];
  return <span class={`badge rating-${group}`}>{label}</span>;
}
