/**
 * Every LinkedIn DOM hook the detector reads, in one place: LinkedIn runs two layouts side by
 * side and renames things yearly, so a layout change should be a one-file fix. Each hook
 * carries the month it was last seen; the fixtures in tests/unit/linkedin-detect.test.ts
 * mirror them.
 */

/**
 * 2026 layout: class names are hashed, so only `componentkey` (sometimes `id`) is stable. The
 * open job's detail pane is made of parts keyed `JobDetails_<Part>_<id>`. seen 2026-10
 */
export const DETAIL_PART = '[componentkey^="JobDetails_"],[id^="JobDetails_"]';
export const DETAIL_PART_KEY = /^JobDetails_\w+?_(\d+)$/;

/** 2026 layout job cards; one only counts when it is marked as the open one. seen 2026-10 */
export const CARD_2026 = '[componentkey^="job-card-component-ref-"]';
export const CARD_2026_KEY = /^job-card-component-ref-(\d+)$/;

/** Classic layout: the detail pane's apply button names its job. seen 2026-09 */
export const APPLY_BUTTON = '.jobs-apply-button[data-job-id]';

/** Classic layout: the list card of the open job. seen 2026-09 */
export const SELECTED_CARD = '.job-card-container[aria-current="page"][data-job-id]';
export const LIST_ITEM = 'li[data-occludable-job-id]';
/**
 * What marks a list item (or the card inside it) as the open one. Deliberately not a bare
 * `--active` class: buttons inside a card toggle those too. seen 2026-09
 */
export const SELECTED_MARK =
  '[aria-current="page"],[aria-selected="true"],[class*="list-item--active"]';

/**
 * Classic layout: URN-carrying elements inside the detail pane, the only place where a URN
 * names the open job (list cards carry theirs too). seen 2026-09
 */
export const PANE_URN = [
  '.jobs-search__job-details--container',
  '.jobs-details',
  '.job-view-layout',
  '.jobs-unified-top-card',
]
  .flatMap((pane) => ['data-entity-urn', 'data-urn', 'data-job-urn'].map((a) => `${pane} [${a}]`))
  .join(',');
/**
 * `urn:li:fsd_jobPosting:<id>`, `urn:li:jobPosting:<id>`, `urn:li:fs_normalized_jobPosting:<id>`,
 * also URL-encoded. seen 2026-09
 */
export const JOB_URN = /jobPosting(?::|%3a)(\d+)(?!\d)/i;
