/**
 * CSV export of a job's candidates with the recruiter's review, for spreadsheets. Quoting is
 * papaparse's; this module only decides the columns and neutralises formulas.
 */
import Papa from 'papaparse';
import type { CandidateRecord, JobRecord, ReviewRecord } from '../db/types';
import { type RatingGroup, ratingGroup } from '../linkup/rating';
import type { Experience } from '../linkup/types';
import { isNew } from '../review/filters';
import { localDate } from './local-date';

/**
 * Cells a spreadsheet could run as a formula: OWASP's list (`=`, `+`, `-`, `@`, tab, carriage
 * return) plus their full-width forms, which some spreadsheet locales also accept. Such a cell
 * gets a leading `'`. Papaparse's own `escapeFormulae: true` is not used: its pattern
 * (`/^[=+\-@\t\r].*$/`) fails on any cell with a line break, so `"=cmd\n..."` got through.
 */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

const RATING_LABEL: Record<RatingGroup, string> = {
  good: 'Good fit',
  maybe: 'Maybe',
  'not-a-fit': 'Not a fit',
  unrated: 'Unrated',
  other: 'Other',
};

const DECISION_LABEL = { shortlist: 'Shortlist', maybe: 'Maybe', reject: 'Reject' } as const;

export interface CsvRow {
  c: CandidateRecord;
  review: ReviewRecord | undefined;
  job: JobRecord | undefined;
  cvStored: Set<string> | undefined;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

function isoDate(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** `Title at Company`, or whichever of the two is known. */
function experienceLabel(e: Experience): string {
  if (e.title && e.company) return `${e.title} at ${e.company}`;
  return e.title || e.company;
}

/** `Title at Company (2/2025 - 7/2025); Title2 at Company2 (3/2021 - Present)`. */
export function flattenExperiences(experiences: readonly Experience[]): string {
  const parts: string[] = [];
  for (const e of experiences) {
    const label = experienceLabel(e);
    const range = e.dateRange.trim();
    const part = label && range ? `${label} (${range})` : label || range;
    if (part) parts.push(part);
  }
  return parts.join('; ');
}

/** Each description under its experience's label, separated by a blank line. */
export function flattenDescriptions(experiences: readonly Experience[]): string {
  const parts: string[] = [];
  for (const e of experiences) {
    const description = e.description.trim();
    if (!description) continue;
    const label = experienceLabel(e);
    parts.push(label ? `${label}: ${description}` : description);
  }
  return parts.join('\n\n');
}

/** The columns, in order: a header and how each row's cell is made. */
export const CSV_COLUMNS: readonly { header: string; cell: (row: CsvRow) => string }[] = [
  { header: 'Job ID', cell: ({ c }) => c.jobId },
  { header: 'Application ID', cell: ({ c }) => c.applicationId },
  { header: 'Full name', cell: ({ c }) => c.fullName },
  { header: 'First name', cell: ({ c }) => c.firstName },
  { header: 'Last name', cell: ({ c }) => c.lastName },
  { header: 'Headline', cell: ({ c }) => c.headline },
  { header: 'Location', cell: ({ c }) => c.location },
  { header: 'LinkedIn position', cell: ({ c }) => String(c.rank + 1) },
  { header: 'LinkedIn rating', cell: ({ c }) => c.rating },
  { header: 'Rating group', cell: ({ c }) => RATING_LABEL[ratingGroup(c.rating)] },
  { header: 'Top choice', cell: ({ c }) => yesNo(c.isTopChoice) },
  { header: 'Top-choice message', cell: ({ c }) => c.topChoiceMessage },
  { header: 'Public identifier', cell: ({ c }) => c.publicIdentifier },
  { header: 'Profile URL', cell: ({ c }) => c.profileUrl },
  { header: 'Application date', cell: ({ c }) => c.applicationDate },
  { header: 'Experiences', cell: ({ c }) => flattenExperiences(c.experiences) },
  { header: 'Experience descriptions', cell: ({ c }) => flattenDescriptions(c.experiences) },
  { header: 'First seen', cell: ({ c }) => isoDate(c.firstSeenAt) },
  { header: 'Last seen', cell: ({ c }) => isoDate(c.lastSeenAt) },
  { header: 'No longer listed', cell: ({ c }) => yesNo(c.noLongerListed) },
  { header: 'New since previous pull', cell: ({ c, job }) => yesNo(isNew(c, job)) },
  {
    header: 'Decision',
    cell: ({ review }) => (review?.decision ? DECISION_LABEL[review.decision] : ''),
  },
  { header: 'Notes', cell: ({ review }) => review?.notes ?? '' },
  { header: 'Tags', cell: ({ review }) => review?.tags.join(', ') ?? '' },
  { header: 'Seen', cell: ({ review }) => yesNo(review?.seenAt != null) },
  {
    header: 'CV stored',
    // Empty when the caller does not say which CVs are stored.
    cell: ({ c, cvStored }) => (cvStored ? yesNo(cvStored.has(c.applicationId)) : ''),
  },
];

/**
 * The candidates as CSV, in the given order: UTF-8 with a byte order mark (so Excel reads
 * accents and non-Latin names right), a header row, CRLF line ends, and any cell that could
 * start a formula prefixed with `'`.
 */
export function candidatesToCsv(
  candidates: readonly CandidateRecord[],
  reviews: ReadonlyMap<string, ReviewRecord>,
  job: JobRecord | undefined,
  cvStored?: Set<string>,
): string {
  const fields = CSV_COLUMNS.map((column) => column.header);
  const data = candidates.map((c) => {
    const row: CsvRow = { c, review: reviews.get(c.applicationId), job, cvStored };
    return CSV_COLUMNS.map((column) => column.cell(row));
  });
  // Every cell is a string, so escapeFormulae applies to all of them (papaparse skips numbers).
  const csv = Papa.unparse({ fields, data }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
  // With no rows papaparse ends the header with a line break; with rows it does not. A cell
  // holding a line break is always quoted, so only that bare break can match here.
  return `\uFEFF${csv.replace(/\r\n$/, '')}`;
}

/** Lower-case ASCII words joined by `-`: accents dropped, anything else a separator. */
function slugify(text: string, maxLength: number): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** `applicants-4341315847-senior-frontend-engineer[-filtered]-2026-11-29.csv`. */
export function csvFilename(
  job: JobRecord | undefined,
  jobId: string,
  filtered: boolean,
  now: Date,
): string {
  const parts = ['applicants', slugify(jobId, 20), slugify(job?.title ?? '', 60)];
  if (filtered) parts.push('filtered');
  parts.push(localDate(now));
  return `${parts.filter(Boolean).join('-')}.csv`;
}
