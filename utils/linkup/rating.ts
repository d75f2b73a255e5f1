/**
 * LinkedIn's applicant rating, grouped for the UI. Schema-free on purpose: UI code imports it
 * without pulling zod into its bundle.
 */
export type RatingGroup = 'good' | 'maybe' | 'not-a-fit' | 'unrated' | 'other';

/**
 * Maps the API's raw rating to a group. The seed docs say `GOOD`, every other source says
 * `GOOD_FIT`: both mean "good fit". Unknown values land in `other` (kept, never dropped).
 */
export function ratingGroup(rating: string): RatingGroup {
  const key = rating
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  switch (key) {
    case 'GOOD':
    case 'GOOD_FIT':
      return 'good';
    case 'MAYBE':
      return 'maybe';
    case 'NOT_A_FIT':
      return 'not-a-fit';
    case '':
    case 'UNRATED':
      return 'unrated';
    default:
      return 'other';
  }
}
