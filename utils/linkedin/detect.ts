import {
  APPLY_BUTTON,
  CARD_2026,
  CARD_2026_KEY,
  DETAIL_PART,
  DETAIL_PART_KEY,
  JOB_URN,
  LIST_ITEM,
  PANE_URN,
  SELECTED_CARD,
  SELECTED_MARK,
} from './selectors';

/**
 * Which LinkedIn job a page shows, from its URL first and its DOM second. Pure functions with
 * no dependencies: this module ships in the content script, which must stay tiny.
 *
 * LinkedIn changes its routes every year: every rule carries the month it was last seen, and
 * the test table in tests/unit/linkedin-detect.test.ts lists the URLs behind it.
 */

/**
 * Job IDs had 8 digits in 2015 and 10 since 2019 (about 4.0e9 to 4.5e9 in 2026); 6 to 12 leaves
 * room both ways while refusing short counters and long activity URNs. Kept as strings.
 */
const JOB_ID = /^[1-9][0-9]{5,11}$/;

export interface UrlJob {
  jobId: string;
  /** The URL names a job but the page may show another one: prefer the DOM when they differ. */
  lowConfidence: boolean;
}

export interface DetectedJob {
  jobId: string | null;
  title: string | null;
}

const valid = (id: string | null | undefined): string | null => (id && JOB_ID.test(id) ? id : null);

/** LinkedIn's own hosts only: `linkedin.com.evil.test` and `evil.test/?linkedin.com` are not. */
export function linkedInUrl(url: string): URL | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.replace(/\.$/, '');
  const ok =
    (u.protocol === 'https:' || u.protocol === 'http:') &&
    (host === 'linkedin.com' || host.endsWith('.linkedin.com'));
  return ok ? u : null;
}

function parse(url: string): { u: URL; path: string[] } | null {
  const u = linkedInUrl(url);
  if (!u) return null;
  const path = u.pathname.toLowerCase().split('/').filter(Boolean);
  // Email links (`/comm/`, seen 2026-08) and LinkedIn Lite (`/mwlite/`, legacy, seen 2026-08)
  // wrap the ordinary routes.
  if (path[0] === 'comm' || path[0] === 'mwlite') path.shift();
  return { u, path };
}

/** A query parameter holding a job ID; a repeated parameter with two values is a guess, so none. */
function param(u: URL, name: string): string | null {
  const [first, ...rest] = u.searchParams.getAll(name);
  return rest.every((v) => v === first) ? valid(first) : null;
}

/**
 * The job a LinkedIn URL names, or null. Only the routes below count: never "any long number",
 * since `geoId`, `f_C`, `referenceJobId`, application and Recruiter project IDs look the same.
 */
export function detectJobFromUrl(url: string): UrlJob | null {
  const parsed = parse(url);
  if (!parsed) return null;
  const { u, path } = parsed;
  const [a, b, c, d, e] = path;
  let id: string | null | undefined = null;
  let lowConfidence = false;
  if (a === 'jobs') {
    if (b === 'view' || (b === 'cap' && c === 'view')) {
      // `/jobs/view/<id>/`, `/jobs/view/<seo-slug>-<id>/` on any country host, `.../apply/...`
      // (Easy Apply); `/jobs/cap/view/<id>/` (share links). `/jobs/view/externalApply/<id>`
      // redirects to the employer's site: its segment has no trailing digits, so no match.
      // seen 2026-11
      id = /^(?:.*-)?(\d+)$/.exec((b === 'view' ? c : d) ?? '')?.[1];
    } else if ((b === 'search' || b === 'search-results') && !c) {
      // The selected job of a search; `/jobs/search-results/` is the 2026 AI search.
      // seen 2026-11
      id = param(u, 'currentJobId');
    } else if (b === 'collections' && c && !d) {
      // recommended, top-applicant, easy-apply, ... On similar-jobs the pane may show another
      // job than `currentJobId` (and `referenceJobId` is the job they are similar to).
      // seen 2026-10
      id = param(u, 'currentJobId');
      lowConfidence = c === 'similar-jobs';
    }
  } else if (a === 'hiring') {
    if (b === 'jobs') {
      // `/hiring/jobs/<id>/detail/`, `/hiring/jobs/<id>/applicants/<applicationId>/detail/`:
      // the first number is the job, the second an application. seen 2026-11
      id = c;
    } else if (b === 'applicants') {
      // The 2026 "Hiring Pro" UI: `/hiring/applicants/?jobId=<id>&applicationId=...`.
      // seen 2026-11
      id = param(u, 'jobId');
    }
  } else if (a === 'talent' && b === 'hire' && d === 'discover' && e === 'applicants') {
    // Recruiter: `/talent/hire/<projectId>/discover/applicants?jobId=<id>`; the project ID is
    // not a job. seen 2026-10
    id = param(u, 'jobId');
  }
  const jobId = valid(id);
  return jobId ? { jobId, lowConfidence } : null;
}

/**
 * Whether the DOM should be asked: the URL names no job (or only a low-confidence one) and the
 * page is a jobs or hiring page that may show one. Drafts (`/job-posting/`), saved and posted
 * jobs, the tracker, company pages and Recruiter without `jobId` are never asked, whatever job
 * cards they hold.
 */
export function needsDocument(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  const [a, b, c] = parsed.path;
  const fromUrl = detectJobFromUrl(url);
  if (fromUrl && !fromUrl.lowConfidence) return false;
  // seen 2026-11: `/jobs/view/externalApply/` is a redirect and `/hiring/jobs/` the poster's
  // list of jobs, neither shows one job.
  if (a === 'jobs') return !(b === 'view' && c === 'externalapply');
  return a === 'hiring' && !(b === 'jobs' && !c);
}

/** The one job ID all `values` agree on; none when they disagree (a pane in transition). */
function unique(values: Iterable<string | null | undefined>): string | null {
  let found: string | null = null;
  for (const value of values) {
    const id = valid(value);
    if (!id) continue;
    if (found && found !== id) return null;
    found = id;
  }
  return found;
}

/** The IDs that `name` holds on the elements `selector` finds (only the selected ones, if asked). */
function* ids(doc: Document, selector: string, name: string, key?: RegExp, onlySelected = false) {
  for (const el of doc.querySelectorAll(selector)) {
    if (onlySelected && !el.matches(SELECTED_MARK) && !el.querySelector(SELECTED_MARK)) continue;
    const value = el.getAttribute(name) ?? '';
    yield key ? key.exec(value)?.[1] : value;
  }
}

function* paneUrns(doc: Document) {
  for (const el of doc.querySelectorAll(PANE_URN)) {
    for (const { value } of el.attributes) yield JOB_URN.exec(value)?.[1];
  }
}

/**
 * The job open in the page, from the DOM alone: the detail pane first (what the user sees),
 * then the selected list card, then URNs in the detail pane. A list without a selected job
 * gives null. The canonical link, meta tags and embedded JSON are never read: they describe
 * the first page loaded and go stale after in-page navigation.
 */
export function detectJobFromDocument(doc: Document): string | null {
  return (
    unique([
      ...ids(doc, DETAIL_PART, 'componentkey', DETAIL_PART_KEY),
      ...ids(doc, DETAIL_PART, 'id', DETAIL_PART_KEY),
    ]) ??
    unique(ids(doc, APPLY_BUTTON, 'data-job-id')) ??
    unique([
      ...ids(doc, SELECTED_CARD, 'data-job-id'),
      ...ids(doc, LIST_ITEM, 'data-occludable-job-id', undefined, true),
      ...ids(doc, CARD_2026, 'componentkey', CARD_2026_KEY, true),
    ]) ??
    unique(paneUrns(doc))
  );
}

/** Section titles, not job titles. seen 2026-11 */
const GENERIC = /^(linkedin|jobs?|job search|search|hiring|applicants)$/i;

/**
 * The job title from `document.title`, `<Title> | <Company> | LinkedIn` (seen 2026-11). Null
 * for section titles such as `Jobs | LinkedIn`; a `(3) ` notification count is dropped.
 */
export function jobTitleFromDocumentTitle(title: string): string | null {
  const parts = title.replace(/^\s*\(\d+\+?\)\s*/, '').split(' | ');
  if (parts.length < 3 || parts.pop()?.trim() !== 'LinkedIn') return null;
  // A title may itself hold " | ": the company is the part just before "LinkedIn".
  const found = parts.slice(0, -1).join(' | ').trim();
  return found && !GENERIC.test(found) ? found.slice(0, 300) : null;
}

/**
 * The job a page shows and its title. The URL decides; the DOM is asked only when the URL
 * names no job or a low-confidence one (then the DOM wins when it disagrees), and only on pages
 * that may show a job (see `needsDocument`).
 */
export function detectJob(url: string, doc: Document | null): DetectedJob {
  let jobId = detectJobFromUrl(url)?.jobId ?? null;
  if (doc && needsDocument(url)) jobId = detectJobFromDocument(doc) ?? jobId;
  return { jobId, title: jobId && doc ? jobTitleFromDocumentTitle(doc.title) : null };
}
