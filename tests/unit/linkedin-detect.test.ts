// @vitest-environment-options {"url": "https://www.linkedin.com/"}
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript, { type JobDetectedMessage } from '@/entrypoints/linkedin.content';
import {
  detectJob,
  detectJobFromDocument,
  detectJobFromUrl,
  jobTitleFromDocumentTitle,
  needsDocument,
} from '@/utils/linkedin/detect';
import type { JobDetected } from '@/utils/messages';

const L = 'https://www.linkedin.com';

/** The examples of shared/linkedin-pages.md, verbatim. */
const specExamples: [url: string, jobId: string | null][] = [
  [`${L}/jobs/view/4341315847/`, '4341315847'],
  [`${L}/jobs/view/4037678901?trackingId=abc%3D%3D&refId=xyz`, '4037678901'],
  [`${L}/jobs/view/software-engineer-new-grad-at-ixl-learning-1967281839/`, '1967281839'],
  ['https://fr.linkedin.com/jobs/view/data-analyst-f-h-at-intitek-1602929951', '1602929951'],
  [
    `${L}/jobs/search/?currentJobId=3577461385&distance=25&geoId=102221843&keywords=frontend`,
    '3577461385',
  ],
  [`${L}/jobs/collections/recommended/?currentJobId=4279149653&discover=recommended`, '4279149653'],
  [`${L}/jobs/view/4429434522/apply/?openSDUIApplyFlow=true`, '4429434522'],
  [`${L}/hiring/jobs/3673652843/detail/`, '3673652843'],
  [
    `${L}/hiring/jobs/3673652843/applicants/19205269753/detail/?r=UNRATED%2CGOOD_FIT%2CMAYBE&start=0`,
    '3673652843',
  ],
  [`${L}/hiring/applicants/?jobId=4325022456&rating=GOOD_FIT`, '4325022456'],
  [`${L}/talent/hire/1437532929/discover/applicants?jobId=4381723564`, '4381723564'],
  [`${L}/jobs/search/?keywords=python&geoId=102713980&f_C=1441`, null],
  [`${L}/my-items/posted-jobs/?jobState=CLOSED`, null],
  [`${L}/jobs-tracker/?stage=applied`, null],
  [`${L}/job-posting/?jobId=3883489407&trk=flagship3_job_home`, null],
  [`${L}/jobs/view/externalApply/4073552631?url=https%3A%2F%2Fexample.com`, null],
  [`${L}/talent/hire/2057213706/discover/recruiterSearch`, null],
  ['https://linkedin.com.evil.test/jobs/view/4341315847/', null],
];

/** Our own cases, one block per rule of linkedin-pages.md. */
const positives: [rule: string, url: string, jobId: string][] = [
  // /jobs/view/<id>/
  ['view', `${L}/jobs/view/4341315847`, '4341315847'],
  ['view, bare host', 'https://linkedin.com/jobs/view/4341315847/', '4341315847'],
  ['view, http', 'http://www.linkedin.com/jobs/view/4341315847/', '4341315847'],
  ['view, explicit port', 'https://www.linkedin.com:443/jobs/view/4341315847/', '4341315847'],
  ['view, fully qualified host', 'https://www.linkedin.com./jobs/view/4341315847/', '4341315847'],
  ['view, upper-case path', `${L}/JOBS/VIEW/4341315847/`, '4341315847'],
  [
    'view, tracking query',
    `${L}/jobs/view/4341315847/?alternateChannel=search&refId=Zm9v&trackingId=YmFy&trk=d_flagship3_search_srp_jobs`,
    '4341315847',
  ],
  ['view, hash', `${L}/jobs/view/4341315847/#about`, '4341315847'],
  ['view, geoId ignored', `${L}/jobs/view/4341315847/?geoId=102221843&f_C=1441`, '4341315847'],
  ['view, 8-digit (2015)', `${L}/jobs/view/98765432/`, '98765432'],
  ['view, 6 digits (shortest)', `${L}/jobs/view/123456/`, '123456'],
  ['view, 12 digits (longest)', `${L}/jobs/view/123456789012/`, '123456789012'],
  ['view, sub-page', `${L}/jobs/view/4341315847/see-who-you-know/`, '4341315847'],
  // /jobs/view/<slug>-<id>/ and country hosts
  ['slug', `${L}/jobs/view/senior-frontend-engineer-at-acme-4301234567/`, '4301234567'],
  [
    'slug with digits',
    `${L}/jobs/view/engineer-level-2-at-acme-2026-4301234567/?refId=x`,
    '4301234567',
  ],
  [
    'slug, de host',
    'https://de.linkedin.com/jobs/view/senior-entwickler-m-w-d-at-sap-4301234567?position=1&pageNum=0',
    '4301234567',
  ],
  ['country host ca', 'https://ca.linkedin.com/jobs/view/4301234567/', '4301234567'],
  ['country host uk', 'https://uk.linkedin.com/jobs/view/4301234567', '4301234567'],
  // /jobs/view/<id>/apply/...
  ['apply', `${L}/jobs/view/4429434522/apply/`, '4429434522'],
  ['apply, deeper step', `${L}/jobs/view/4429434522/apply/review/?step=2`, '4429434522'],
  ['apply, slug', `${L}/jobs/view/designer-at-acme-4429434522/apply/`, '4429434522'],
  // /comm/, /jobs/cap/, /mwlite/, m.linkedin.com
  ['email link', `${L}/comm/jobs/view/4301234567/?trackingId=abc&trk=eml-email`, '4301234567'],
  ['email link, no slash', `${L}/comm/jobs/view/4301234567`, '4301234567'],
  [
    'share link',
    `${L}/jobs/cap/view/4301234567/?pathWildcard=4301234567&trk=mp-allpost-aux`,
    '4301234567',
  ],
  ['LinkedIn Lite', `${L}/mwlite/jobs/view/4301234567`, '4301234567'],
  ['mobile host', 'https://m.linkedin.com/jobs/view/4301234567/', '4301234567'],
  // currentJobId on searches
  ['search, only currentJobId', `${L}/jobs/search/?currentJobId=3577461385`, '3577461385'],
  ['search, no trailing slash', `${L}/jobs/search?currentJobId=3577461385`, '3577461385'],
  [
    'search, currentJobId last',
    `${L}/jobs/search/?keywords=react&geoId=105015875&currentJobId=3577461385`,
    '3577461385',
  ],
  ['search, fr host', 'https://fr.linkedin.com/jobs/search/?currentJobId=3577461385', '3577461385'],
  [
    '2026 AI search',
    `${L}/jobs/search-results/?currentJobId=4312345678&keywords=react%20remote&origin=SEMANTIC_SEARCH_HISTORY`,
    '4312345678',
  ],
  // currentJobId on collections
  [
    'collection top-applicant',
    `${L}/jobs/collections/top-applicant/?currentJobId=4279149653`,
    '4279149653',
  ],
  [
    'collection easy-apply',
    `${L}/jobs/collections/easy-apply/?currentJobId=4279149653&start=24`,
    '4279149653',
  ],
  ['collection remote', `${L}/jobs/collections/remote-jobs/?currentJobId=4279149653`, '4279149653'],
  [
    'collection similar-jobs',
    `${L}/jobs/collections/similar-jobs/?currentJobId=4300000001&referenceJobId=4299999999`,
    '4300000001',
  ],
  // Posters: /hiring/jobs/<id>/...
  ['hiring job', `${L}/hiring/jobs/3673652843/`, '3673652843'],
  ['hiring job, no slash', `${L}/hiring/jobs/3673652843`, '3673652843'],
  ['hiring applicants', `${L}/hiring/jobs/3673652843/applicants/`, '3673652843'],
  [
    'hiring applicants, sorted',
    `${L}/hiring/jobs/3673652843/applicants/?sort_by=APPLIED_DATE`,
    '3673652843',
  ],
  [
    'hiring applicant detail',
    `${L}/hiring/jobs/3673652843/applicants/21345678901/detail/?r=GOOD_FIT`,
    '3673652843',
  ],
  // Posters: /hiring/applicants/?jobId= (Hiring Pro)
  [
    'Hiring Pro with application',
    `${L}/hiring/applicants/?jobId=4325022456&applicationId=21234567890`,
    '4325022456',
  ],
  [
    'Hiring Pro, jobId last',
    `${L}/hiring/applicants/?applicationId=21234567890&rating=MAYBE&jobId=4325022456`,
    '4325022456',
  ],
  [
    'Hiring Pro, repeated same jobId',
    `${L}/hiring/applicants/?jobId=4325022456&jobId=4325022456`,
    '4325022456',
  ],
  // Recruiter
  [
    'Recruiter applicants',
    `${L}/talent/hire/1437532929/discover/applicants?jobId=4381723564&start=0&uiOrigin=PROJECT`,
    '4381723564',
  ],
  [
    'Recruiter applicants, slash',
    `${L}/talent/hire/1437532929/discover/applicants/?jobId=4381723564`,
    '4381723564',
  ],
];

const negatives: [rule: string, url: string][] = [
  // Lists and searches without currentJobId
  ['jobs home', `${L}/jobs/`],
  ['jobs home, no slash', `${L}/jobs`],
  ['empty search', `${L}/jobs/search/`],
  ['search with geoId', `${L}/jobs/search/?keywords=frontend&geoId=102221843&distance=25`],
  ['search with f_C', `${L}/jobs/search/?f_C=1441&geoId=102221843`],
  ['search with referenceJobId', `${L}/jobs/search/?referenceJobId=4301234567`],
  [
    'originToLandingJobPostings',
    `${L}/jobs/search/?originToLandingJobPostings=4300000001%2C4300000002`,
  ],
  ['AI search without currentJobId', `${L}/jobs/search-results/?keywords=react`],
  ['collection without currentJobId', `${L}/jobs/collections/recommended/`],
  [
    'similar-jobs, referenceJobId only',
    `${L}/jobs/collections/similar-jobs/?referenceJobId=4299999999`,
  ],
  ['collection without name', `${L}/jobs/collections/?currentJobId=4279149653`],
  ['search sub-page', `${L}/jobs/search/saved/?currentJobId=4279149653`],
  // Invalid job IDs
  ['currentJobId not digits', `${L}/jobs/search/?currentJobId=abc`],
  ['currentJobId empty', `${L}/jobs/search/?currentJobId=`],
  ['currentJobId leading zero', `${L}/jobs/search/?currentJobId=0123456789`],
  ['currentJobId 5 digits', `${L}/jobs/search/?currentJobId=12345`],
  ['currentJobId 13 digits', `${L}/jobs/search/?currentJobId=1234567890123`],
  [
    'two different currentJobIds',
    `${L}/jobs/search/?currentJobId=4300000001&currentJobId=4300000002`,
  ],
  ['view without ID', `${L}/jobs/view/`],
  ['view with a word', `${L}/jobs/view/abc/`],
  ['view leading zero', `${L}/jobs/view/0123456789/`],
  ['view 5 digits', `${L}/jobs/view/12345/`],
  ['view 13 digits', `${L}/jobs/view/1234567890123/`],
  ['view, digits glued to slug', `${L}/jobs/view/engineer4301234567/`],
  ['view, digits not last', `${L}/jobs/view/4301234567-engineer/`],
  ['view, negative-looking', `${L}/jobs/view/-/`],
  // Redirects and drafts
  ['externalApply', `${L}/jobs/view/externalApply/4073552631/`],
  ['externalApply, no query', `${L}/jobs/view/externalApply/4073552631`],
  ['job draft', `${L}/job-posting/?jobId=3883489407`],
  ['job-posting redirect', `${L}/talent/job-posting-redirect/?jobId=4300000001`],
  // Lists of one's own jobs
  ['company jobs', `${L}/company/acme/jobs/`],
  ['company jobs by number', `${L}/company/1441/jobs/?currentJobId=4279149653`],
  ['saved jobs', `${L}/my-items/saved-jobs/`],
  ['applied jobs', `${L}/my-items/saved-jobs/?cardType=APPLIED`],
  ['posted jobs', `${L}/my-items/posted-jobs/`],
  ['jobs tracker', `${L}/jobs-tracker/`],
  ['jobs tracker with number', `${L}/jobs-tracker/4301234567/`],
  ['hiring list', `${L}/hiring/jobs/`],
  ['hiring list, closed', `${L}/hiring/jobs/?jobState=CLOSED`],
  ['hiring job, not an ID', `${L}/hiring/jobs/new/`],
  ['Hiring Pro without jobId', `${L}/hiring/applicants/`],
  ['Hiring Pro, application only', `${L}/hiring/applicants/?applicationId=21234567890`],
  // Recruiter without jobId
  ['Recruiter project', `${L}/talent/hire/2057213706/`],
  ['Recruiter applicants without jobId', `${L}/talent/hire/2057213706/discover/applicants`],
  ['Recruiter pipeline', `${L}/talent/hire/2057213706/manage/all`],
  // LinkedIn's interop iframe
  ['preload', `${L}/preload/`],
  ['preload with a job path', `${L}/preload/jobs/view/4341315847/`],
  // Other pages with long numbers
  ['feed', `${L}/feed/`],
  ['profile slug with digits', `${L}/in/jane-doe-4301234567/`],
  ['post', `${L}/feed/update/urn:li:activity:7263456789012345678/`],
  ['company by number', `${L}/company/4301234567/`],
  // Not LinkedIn
  ['look-alike suffix', 'https://linkedin.com.evil.test/jobs/view/4341315847/'],
  ['look-alike prefix', 'https://notlinkedin.com/jobs/view/4341315847/'],
  ['look-alike subdomain', 'https://www.linkedin.evil.test/jobs/view/4341315847/'],
  ['userinfo trick', 'https://www.linkedin.com@evil.test/jobs/view/4341315847/'],
  ['host in the query', 'https://evil.test/jobs/view/4341315847/?next=www.linkedin.com'],
  ['other TLD', 'https://www.linkedin.cn/jobs/view/4341315847/'],
  ['not http', 'ftp://www.linkedin.com/jobs/view/4341315847/'],
  ['javascript', 'javascript:alert("https://www.linkedin.com/jobs/view/4341315847/")'],
  ['not a URL', 'jobs/view/4341315847'],
  ['empty', ''],
];

describe('detectJobFromUrl', () => {
  it.each(specExamples)('spec example %s -> %s', (url, jobId) => {
    expect(detectJobFromUrl(url)?.jobId ?? null).toBe(jobId);
  });

  it.each(positives)('%s: %s', (_rule, url, jobId) => {
    expect(detectJobFromUrl(url)).toEqual({
      jobId,
      lowConfidence: url.includes('/similar-jobs/'),
    });
  });

  it.each(negatives)('%s: %s -> null', (_rule, url) => {
    expect(detectJobFromUrl(url)).toBeNull();
  });

  it('marks only similar-jobs as low confidence', () => {
    const low = [...specExamples.map(([url]) => url), ...positives.map(([, url]) => url)].filter(
      (url) => detectJobFromUrl(url)?.lowConfidence,
    );
    expect(low).toEqual([
      `${L}/jobs/collections/similar-jobs/?currentJobId=4300000001&referenceJobId=4299999999`,
    ]);
  });

  it('keeps IDs as strings, beyond the float-safe range too', () => {
    expect(detectJobFromUrl(`${L}/jobs/view/999999999999/`)?.jobId).toBe('999999999999');
  });
});

describe('needsDocument', () => {
  it.each([
    [`${L}/jobs/`, true],
    [`${L}/jobs/search/?keywords=react`, true],
    [`${L}/jobs/search-results/?keywords=react`, true],
    [`${L}/jobs/collections/recommended/`, true],
    [`${L}/jobs/collections/similar-jobs/?currentJobId=4300000001`, true],
    [`${L}/hiring/applicants/`, true],
    [`${L}/jobs/view/4341315847/`, false],
    [`${L}/jobs/search/?currentJobId=3577461385`, false],
    [`${L}/hiring/jobs/3673652843/applicants/`, false],
    [`${L}/jobs/view/externalApply/4073552631`, false],
    [`${L}/hiring/jobs/`, false],
    [`${L}/job-posting/?jobId=3883489407`, false],
    [`${L}/my-items/saved-jobs/`, false],
    [`${L}/my-items/posted-jobs/`, false],
    [`${L}/jobs-tracker/`, false],
    [`${L}/company/acme/jobs/`, false],
    [`${L}/talent/hire/2057213706/discover/applicants`, false],
    [`${L}/talent/job-posting-redirect/?jobId=4300000001`, false],
    [`${L}/preload/`, false],
    [`${L}/feed/`, false],
    ['https://linkedin.com.evil.test/jobs/search/', false],
  ])('%s -> %s', (url, expected) => {
    expect(needsDocument(url)).toBe(expected);
  });
});

describe('jobTitleFromDocumentTitle', () => {
  it.each([
    ['Senior Frontend Engineer | Acme | LinkedIn', 'Senior Frontend Engineer'],
    ['(3) Senior Frontend Engineer | Acme | LinkedIn', 'Senior Frontend Engineer'],
    ['(99+) Data Analyst (F/H) | Intitek | LinkedIn', 'Data Analyst (F/H)'],
    ['Engineer | Remote | Acme | LinkedIn', 'Engineer | Remote'],
    ['  Senior Engineer  | Acme | LinkedIn ', 'Senior Engineer'],
    ['Software Engineer (2026) | Acme | LinkedIn', 'Software Engineer (2026)'],
    ['Développeur·se React | Société Générale | LinkedIn', 'Développeur·se React'],
    ['LinkedIn', null],
    ['Jobs | LinkedIn', null],
    ['(2) Jobs | LinkedIn', null],
    ['Feed | LinkedIn', null],
    ['Jobs | Acme | LinkedIn', null],
    ['Hiring | Acme | LinkedIn', null],
    ['Senior Engineer | Acme', null],
    ['Senior Engineer - Acme | LinkedIn', null],
    ['Senior Engineer | Acme | Indeed', null],
    [' | Acme | LinkedIn', null],
    ['', null],
  ])('%j -> %j', (title, expected) => {
    expect(jobTitleFromDocumentTitle(title)).toBe(expected);
  });

  it('caps a runaway title at 300 characters', () => {
    expect(jobTitleFromDocumentTitle(`${'x'.repeat(400)} | Acme | LinkedIn`)).toHaveLength(300);
  });
});

/** DOM fixtures, after the pages LinkedIn served (see utils/linkedin/selectors.ts). */
const dom = {
  /** 2026 layout: a search list with hashed classes and the open job's detail pane. */
  layout2026: (open: string | null, cards = ['4300000001', '4300000002', '4300000003']) => `
    <main class="a1b2c3">
      <ul class="x9y8">${cards
        .map(
          (id) => `<li><div componentkey="job-card-component-ref-${id}" class="q7w6">
            <a href="/jobs/search-results/?currentJobId=${id}" class="e5r4">Job ${id}</a></div></li>`,
        )
        .join('')}</ul>
      ${
        open
          ? `<section class="t3y2">
              <div componentkey="JobDetails_TopCard_${open}"><h1>Senior Engineer</h1></div>
              <div componentkey="JobDetails_AboutTheJob_${open}"><p>About the job</p></div>
            </section>`
          : ''
      }
    </main>`,
  /** Classic layout: occludable list items, the selected card, the detail pane. */
  classic: (selected: string | null, pane: string | null = selected) => `
    <div class="jobs-search-results-list"><ul>${['4300000011', '4300000012', '4300000013']
      .map(
        (
          id,
        ) => `<li class="jobs-search-results__list-item occludable-update" data-occludable-job-id="${id}">
          <div class="job-card-container job-card-container--clickable${id === selected ? ' jobs-search-results-list__list-item--active' : ''}"
            data-job-id="${id}"${id === selected ? ' aria-current="page"' : ''}
            data-entity-urn="urn:li:fsd_jobPosting:${id}">
            <button class="job-card-container__action artdeco-button--active">Save</button>
          </div></li>`,
      )
      .join('')}</ul></div>
    ${
      pane
        ? `<div class="jobs-search__job-details--container">
            <div class="jobs-details"><div class="jobs-unified-top-card">
              <h1>Senior Engineer</h1>
              <button class="jobs-apply-button artdeco-button" data-job-id="${pane}">Easy Apply</button>
            </div></div></div>`
        : ''
    }`,
};

function page(html: string, title = '') {
  document.head.innerHTML = `<title>${title}</title>`;
  document.body.innerHTML = html;
  return document;
}

describe('detectJobFromDocument', () => {
  afterEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it.each<[name: string, html: string, jobId: string | null]>([
    ['2026: detail pane', dom.layout2026('4300000002'), '4300000002'],
    ['2026: open job not in the list', dom.layout2026('4399999999'), '4399999999'],
    ['2026: list without an open job', dom.layout2026(null), null],
    [
      '2026: detail part keyed by id',
      '<section id="JobDetails_AboutTheJob_4341315847"><p>About</p></section>',
      '4341315847',
    ],
    [
      '2026: parts with underscores in their name',
      '<div componentkey="JobDetails_How_You_Match_4341315847"></div>',
      '4341315847',
    ],
    [
      '2026: parts disagree (pane in transition)',
      '<div componentkey="JobDetails_TopCard_4300000001"></div><div componentkey="JobDetails_AboutTheJob_4300000002"></div>',
      null,
    ],
    ['2026: invalid ID', '<div componentkey="JobDetails_TopCard_0123456789"></div>', null],
    [
      '2026: selected card',
      `<div componentkey="job-card-component-ref-4300000001"><a>One</a></div>
       <div componentkey="job-card-component-ref-4300000002"><a aria-current="page">Two</a></div>`,
      '4300000002',
    ],
    ['classic: selected card and pane', dom.classic('4300000012'), '4300000012'],
    ['classic: list without a selection', dom.classic(null), null],
    [
      'classic: pane without a list',
      `<main>${dom.classic(null, '4300000099')}</main>`,
      '4300000099',
    ],
    [
      'classic: selected card only',
      '<ul><li data-occludable-job-id="4300000011"><div class="job-card-container" data-job-id="4300000011" aria-current="page"></div></li></ul>',
      '4300000011',
    ],
    [
      'classic: active list item without the card marker',
      '<ul><li data-occludable-job-id="4300000011"><div class="jobs-search-results-list__list-item--active"></div></li><li data-occludable-job-id="4300000012"></li></ul>',
      '4300000011',
    ],
    [
      'classic: an active button is no selection',
      '<ul><li data-occludable-job-id="4300000011"><button class="artdeco-button--active"></button></li></ul>',
      null,
    ],
    [
      'classic: apply button on the job page',
      '<div class="job-view-layout jobs-details"><button class="jobs-apply-button" data-job-id="4341315847"></button><button class="jobs-apply-button" data-job-id="4341315847"></button></div>',
      '4341315847',
    ],
    [
      'classic: fsd URN in the pane',
      '<div class="jobs-details"><div data-entity-urn="urn:li:fsd_jobPosting:4341315847"></div></div>',
      '4341315847',
    ],
    [
      'classic: jobPosting URN in the pane',
      '<div class="job-view-layout"><div data-urn="urn:li:jobPosting:4341315847"></div></div>',
      '4341315847',
    ],
    [
      'classic: normalized URN in the pane',
      '<div class="jobs-search__job-details--container"><span data-job-urn="urn:li:fs_normalized_jobPosting:4341315847"></span></div>',
      '4341315847',
    ],
    [
      'classic: URL-encoded URN in the pane',
      '<div class="jobs-details"><a data-entity-urn="urn%3Ali%3Afsd_jobPosting%3A4341315847"></a></div>',
      '4341315847',
    ],
    [
      'classic: URNs on list cards only',
      '<ul><li data-entity-urn="urn:li:fsd_jobPosting:4300000011"></li><li data-entity-urn="urn:li:fsd_jobPosting:4300000012"></li></ul>',
      null,
    ],
    [
      'classic: two jobs in the pane',
      '<div class="jobs-details"><div data-entity-urn="urn:li:fsd_jobPosting:4300000011"></div><div data-entity-urn="urn:li:fsd_jobPosting:4300000012"></div></div>',
      null,
    ],
    [
      'the detail pane wins over a stale selected card',
      `${dom.classic('4300000011', null)}<div componentkey="JobDetails_TopCard_4300000013"></div>`,
      '4300000013',
    ],
    ['an empty page', '', null],
  ])('%s', (_name, html, jobId) => {
    expect(detectJobFromDocument(page(html))).toBe(jobId);
  });

  it('ignores the canonical link, meta tags and embedded JSON (stale after navigation)', () => {
    document.head.innerHTML = `
      <link rel="canonical" href="https://www.linkedin.com/jobs/view/4341315847/">
      <meta property="og:url" content="https://www.linkedin.com/jobs/view/4341315847/">
      <meta name="lnkd-url" content="urn:li:fsd_jobPosting:4341315847">`;
    document.body.innerHTML = `<code style="display:none">{"entityUrn":"urn:li:fsd_jobPosting:4341315847","jobPostingId":4341315847}</code>`;
    expect(detectJobFromDocument(document)).toBeNull();
  });
});

describe('detectJob', () => {
  afterEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });
  const title = 'Senior Engineer | Acme | LinkedIn';

  it.each<[name: string, url: string, html: string, jobId: string | null]>([
    [
      'the URL wins over the DOM',
      `${L}/jobs/view/4341315847/`,
      dom.layout2026('4300000002'),
      '4341315847',
    ],
    [
      'currentJobId wins over the DOM',
      `${L}/jobs/search/?currentJobId=4300000001`,
      dom.classic('4300000012'),
      '4300000001',
    ],
    [
      'similar-jobs: the DOM wins when it disagrees',
      `${L}/jobs/collections/similar-jobs/?currentJobId=4300000001&referenceJobId=4299999999`,
      dom.layout2026('4300000002'),
      '4300000002',
    ],
    [
      'similar-jobs: the URL stands when the DOM is silent',
      `${L}/jobs/collections/similar-jobs/?currentJobId=4300000001`,
      dom.layout2026(null),
      '4300000001',
    ],
    [
      'search without currentJobId: the open job',
      `${L}/jobs/search/?keywords=go`,
      dom.classic('4300000013'),
      '4300000013',
    ],
    [
      'AI search: the open job',
      `${L}/jobs/search-results/?keywords=go`,
      dom.layout2026('4300000003'),
      '4300000003',
    ],
    ['search without an open job', `${L}/jobs/search/?keywords=go`, dom.classic(null), null],
    ['jobs home without an open job', `${L}/jobs/`, dom.layout2026(null), null],
    [
      'Hiring Pro without jobId: the open job',
      `${L}/hiring/applicants/`,
      dom.layout2026('4325022456'),
      '4325022456',
    ],
    [
      'draft: never the DOM',
      `${L}/job-posting/?jobId=3883489407`,
      dom.layout2026('4300000002'),
      null,
    ],
    ['saved jobs: never the DOM', `${L}/my-items/saved-jobs/`, dom.classic('4300000012'), null],
    ['posted jobs: never the DOM', `${L}/my-items/posted-jobs/`, dom.classic('4300000012'), null],
    [
      'jobs tracker: never the DOM',
      `${L}/jobs-tracker/?stage=applied`,
      dom.layout2026('4300000002'),
      null,
    ],
    ['company jobs: never the DOM', `${L}/company/acme/jobs/`, dom.classic('4300000012'), null],
    ['hiring list: never the DOM', `${L}/hiring/jobs/`, dom.classic('4300000012'), null],
    [
      'job-posting redirect: never the DOM',
      `${L}/talent/job-posting-redirect/?jobId=4300000001`,
      dom.layout2026('4300000002'),
      null,
    ],
    [
      'Recruiter without jobId: never the DOM',
      `${L}/talent/hire/2057213706/discover/recruiterSearch`,
      dom.layout2026('4300000002'),
      null,
    ],
    [
      'externalApply: never the DOM',
      `${L}/jobs/view/externalApply/4073552631?url=https%3A%2F%2Fexample.com`,
      dom.layout2026('4300000002'),
      null,
    ],
    [
      'not LinkedIn: never the DOM',
      'https://linkedin.com.evil.test/jobs/search/',
      dom.layout2026('4300000002'),
      null,
    ],
  ])('%s', (_name, url, html, jobId) => {
    expect(detectJob(url, page(html, title))).toEqual({
      jobId,
      title: jobId ? 'Senior Engineer' : null,
    });
  });

  it('works from the URL alone', () => {
    expect(detectJob(`${L}/jobs/view/4341315847/`, null)).toEqual({
      jobId: '4341315847',
      title: null,
    });
    expect(detectJob(`${L}/jobs/search/`, null)).toEqual({ jobId: null, title: null });
  });

  it('gives no title for a section title', () => {
    expect(detectJob(`${L}/jobs/view/4341315847/`, page('', '(4) Jobs | LinkedIn'))).toEqual({
      jobId: '4341315847',
      title: null,
    });
  });
});

describe('linkedin content script', () => {
  type Sent = JobDetectedMessage;
  let sent: Sent[];
  let ctx: ContentScriptContext;
  /** happy-dom has no Navigation API: a bare event target stands in for Chrome's. */
  let navigation: EventTarget | undefined;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    navigation = new EventTarget();
    vi.stubGlobal('navigation', navigation);
    sent = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push(message as Sent);
    });
    history.replaceState(null, '', `${L}/jobs/view/4341315847/`);
    page('<main></main>', 'Senior Engineer | Acme | LinkedIn');
  });
  afterEach(() => {
    ctx.abort();
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  async function start() {
    ctx = new ContentScriptContext('linkedin');
    await contentScript.main(ctx);
  }
  async function navigate(url: string) {
    history.pushState(null, '', url);
    navigation?.dispatchEvent(new Event('currententrychange'));
    await vi.advanceTimersByTimeAsync(100);
  }

  it('reports at start, then only changes', async () => {
    await start();
    expect(sent).toEqual([
      {
        type: 'job-detected',
        jobId: '4341315847',
        url: `${L}/jobs/view/4341315847/`,
        title: 'Senior Engineer',
      },
    ]);
    await navigate(`${L}/jobs/view/4341315847/?refId=abc`);
    expect(sent).toHaveLength(1);
    await navigate(`${L}/feed/`);
    expect(sent.at(-1)).toMatchObject({ jobId: null, title: null, url: `${L}/feed/` });
  });

  it('reports a page without a job at start', async () => {
    history.replaceState(null, '', `${L}/feed/`);
    await start();
    expect(sent).toEqual([{ type: 'job-detected', jobId: null, url: `${L}/feed/`, title: null }]);
  });

  it('reports each in-page navigation within 100 ms', async () => {
    await start();
    await navigate(`${L}/jobs/search/?currentJobId=4300000001`);
    expect(sent.at(-1)?.jobId).toBe('4300000001');
    await navigate(`${L}/hiring/jobs/3673652843/applicants/`);
    expect(sent.at(-1)?.jobId).toBe('3673652843');
    expect(sent).toHaveLength(3);
  });

  it('polls the URL where the Navigation API is missing', async () => {
    vi.stubGlobal('navigation', undefined);
    navigation = undefined;
    await start();
    history.pushState(null, '', `${L}/jobs/view/4300000001/`);
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.at(-1)?.jobId).toBe('4300000001');
  });

  it('reports a history traversal', async () => {
    await start();
    history.pushState(null, '', `${L}/jobs/view/4300000001/`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.at(-1)?.jobId).toBe('4300000001');
  });

  it("holds back the previous job's title until the page sets the new one", async () => {
    await start();
    await navigate(`${L}/jobs/view/4300000001/`);
    expect(sent.at(-1)).toMatchObject({ jobId: '4300000001', title: null });
    document.title = 'Staff Designer | Globex | LinkedIn';
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.at(-1)).toMatchObject({ jobId: '4300000001', title: 'Staff Designer' });
  });

  it('trusts an unchanged title once the page has settled (two jobs, same title)', async () => {
    await start();
    await navigate(`${L}/jobs/view/4300000001/`);
    expect(sent.at(-1)).toMatchObject({ jobId: '4300000001', title: null });
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent.at(-1)).toMatchObject({ jobId: '4300000001', title: 'Senior Engineer' });
  });

  it('follows the open job in the DOM when the URL has none', async () => {
    history.replaceState(null, '', `${L}/jobs/search/?keywords=go`);
    page(dom.classic(null));
    await start();
    expect(sent.at(-1)?.jobId).toBeNull();
    page(dom.classic('4300000012'), 'Senior Engineer | Acme | LinkedIn');
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.at(-1)).toMatchObject({ jobId: '4300000012', title: 'Senior Engineer' });
  });

  it('sends again after the background did not answer', async () => {
    vi.mocked(fakeBrowser.runtime.sendMessage).mockRejectedValueOnce(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    await start();
    expect(sent).toEqual([]);
    await navigate(`${L}/jobs/view/4341315847/?refId=abc`);
    expect(sent).toMatchObject([{ jobId: '4341315847', title: 'Senior Engineer' }]);
  });

  it('sends again after a back/forward cache restore', async () => {
    await start();
    // happy-dom's PageTransitionEvent ignores `persisted`.
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
  });

  it('never writes to the page', async () => {
    const before = document.documentElement.outerHTML;
    await start();
    await navigate(`${L}/jobs/search/?keywords=go`);
    await vi.advanceTimersByTimeAsync(2000);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('runs once per frame', async () => {
    await start();
    const first = ctx;
    // A second copy in the same world: WXT's event retires the first, this one takes over.
    await start();
    expect(first.isValid).toBe(false);
    await navigate(`${L}/jobs/view/4300000001/`);
    expect(sent.filter((m) => m.jobId === '4300000001')).toHaveLength(1);
  });

  it('does not start next to a live copy', async () => {
    await start();
    await contentScript.main(ctx);
    await navigate(`${L}/jobs/view/4300000001/`);
    expect(sent.filter((m) => m.jobId === '4300000001')).toHaveLength(1);
  });

  it('stays out of iframes', async () => {
    vi.spyOn(window, 'top', 'get').mockReturnValue({} as Window);
    await start();
    expect(sent).toEqual([]);
  });

  it('sends the message the background parses', () => {
    expectTypeOf<JobDetectedMessage>().toEqualTypeOf<JobDetected>();
  });
});
