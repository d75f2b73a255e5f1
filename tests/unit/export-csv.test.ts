import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CandidateRecord, JobRecord, ReviewRecord } from '@/utils/db/types';
import {
  CSV_COLUMNS,
  candidatesToCsv,
  csvFilename,
  FORMULA_START,
  flattenDescriptions,
  flattenExperiences,
} from '@/utils/export/csv';

const JOB_ID = '4341315847';

function cand(id: string, over: Partial<CandidateRecord> = {}): CandidateRecord {
  return {
    jobId: JOB_ID,
    applicationId: id,
    rating: 'GOOD_FIT',
    isTopChoice: false,
    topChoiceMessage: '',
    firstName: 'Ada',
    lastName: 'Lovelace',
    fullName: 'Ada Lovelace',
    headline: 'Engineer',
    publicIdentifier: 'ada',
    profileUrl: 'https://www.linkedin.com/in/ada',
    location: 'London',
    applicationDate: '2026-11-01T10:00:00.000Z',
    experiences: [],
    rank: 0,
    firstSeenAt: Date.UTC(2026, 10, 2, 8, 0, 0),
    lastSeenAt: Date.UTC(2026, 10, 3, 9, 30, 0),
    lastPullId: 'p1',
    noLongerListed: false,
    ...over,
  };
}

function review(id: string, over: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    applicationId: id,
    jobId: JOB_ID,
    decision: null,
    notes: '',
    tags: [],
    seenAt: null,
    updatedAt: 1,
    ...over,
  };
}

const job: JobRecord = {
  jobId: JOB_ID,
  title: 'Senior Frontend Engineer',
  totalAvailable: 2,
  cachedCount: 2,
  lastPulledAt: 5,
  lastCompletePullAt: 5,
  creditsSpent: 2,
  createdAt: 1,
  newSince: Date.UTC(2026, 10, 3),
};

/** The CSV read back: header and rows as objects keyed by header. */
function readBack(csv: string): { header: string[]; rows: Record<string, string>[] } {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  const [header = [], ...rest] = parsed.data;
  const rows = rest.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  return { header, rows };
}

describe('candidatesToCsv', () => {
  it('writes a BOM, the header and one row per candidate with every field', () => {
    const c = cand('101', {
      isTopChoice: true,
      topChoiceMessage: 'Top pick',
      rank: 4,
      experiences: [
        {
          title: 'Staff Engineer',
          company: 'Acme',
          companyUrl: 'https://www.linkedin.com/company/acme/',
          dateRange: '2/2025 - 7/2025',
          description: 'Led the web team.\nShipped things.',
        },
        { title: 'Engineer', company: 'Initech', companyUrl: '', dateRange: '', description: '' },
      ],
    });
    const reviews = new Map([
      [
        '101',
        review('101', { decision: 'shortlist', notes: 'Call her', tags: ['a', 'b'], seenAt: 9 }),
      ],
    ]);
    const csv = candidatesToCsv(
      [c, cand('102', { rating: 'NOT_A_FIT', noLongerListed: true })],
      reviews,
      job,
      new Set(['101']),
    );
    const { header, rows } = readBack(csv);
    expect(header).toEqual(CSV_COLUMNS.map((column) => column.header));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      'Job ID': JOB_ID,
      'Application ID': '101',
      'Full name': 'Ada Lovelace',
      'First name': 'Ada',
      'Last name': 'Lovelace',
      Headline: 'Engineer',
      Location: 'London',
      'LinkedIn position': '5',
      'LinkedIn rating': 'GOOD_FIT',
      'Rating group': 'Good fit',
      'Top choice': 'yes',
      'Top-choice message': 'Top pick',
      'Public identifier': 'ada',
      'Profile URL': 'https://www.linkedin.com/in/ada',
      'Application date': '2026-11-01T10:00:00.000Z',
      Experiences: 'Staff Engineer at Acme (2/2025 - 7/2025); Engineer at Initech',
      'Experience descriptions': 'Staff Engineer at Acme: Led the web team.\nShipped things.',
      'First seen': '2026-11-02T08:00:00.000Z',
      'Last seen': '2026-11-03T09:30:00.000Z',
      'No longer listed': 'no',
      'New since previous pull': 'no',
      Decision: 'Shortlist',
      Notes: 'Call her',
      Tags: 'a, b',
      Seen: 'yes',
      'CV stored': 'yes',
    });
    expect(rows[1]).toMatchObject({
      'Application ID': '102',
      'Rating group': 'Not a fit',
      'Top choice': 'no',
      'No longer listed': 'yes',
      Decision: '',
      Notes: '',
      Tags: '',
      Seen: 'no',
      'CV stored': 'no',
    });
  });

  it('ends lines with CRLF and has no trailing empty row', () => {
    const csv = candidatesToCsv([cand('1')], new Map(), job);
    expect(csv.split('\r\n')).toHaveLength(2);
  });

  it('writes only the header for no candidates', () => {
    const { header, rows } = readBack(candidatesToCsv([], new Map(), undefined));
    expect(header).toHaveLength(CSV_COLUMNS.length);
    expect(rows).toEqual([]);
  });

  it('leaves "CV stored" empty when the caller does not say', () => {
    const { rows } = readBack(candidatesToCsv([cand('1')], new Map(), job));
    expect(rows[0]?.['CV stored']).toBe('');
  });

  it('marks new candidates from the job, and none without one', () => {
    const fresh = cand('1', { firstSeenAt: Date.UTC(2026, 10, 4) });
    expect(
      readBack(candidatesToCsv([fresh], new Map(), job)).rows[0]?.['New since previous pull'],
    ).toBe('yes');
    expect(
      readBack(candidatesToCsv([fresh], new Map(), undefined)).rows[0]?.['New since previous pull'],
    ).toBe('no');
  });

  it('keeps the given order', () => {
    const { rows } = readBack(candidatesToCsv([cand('3'), cand('1'), cand('2')], new Map(), job));
    expect(rows.map((r) => r['Application ID'])).toEqual(['3', '1', '2']);
  });

  it.each([
    ['comma', 'Smith, Jr.'],
    ['quote', 'Ada "the Countess" Lovelace'],
    ['newline', 'line one\nline two'],
    ['CRLF', 'line one\r\nline two'],
    ['accents', 'Zoë Ångström'],
    ['Chinese', '李雷'],
    ['emoji', 'Ship it 🚀'],
    ['leading and trailing spaces', '  padded  '],
    ['everything', 'a,"b"\n,李雷, Zoë'],
  ])('round-trips a %s', (_, value) => {
    const c = cand('1', { fullName: value, headline: value, location: value });
    const reviews = new Map([['1', review('1', { notes: value, tags: [value] })]]);
    const { rows } = readBack(candidatesToCsv([c], reviews, job));
    expect(rows[0]?.['Full name']).toBe(value);
    expect(rows[0]?.Headline).toBe(value);
    expect(rows[0]?.Location).toBe(value);
    expect(rows[0]?.Notes).toBe(value);
    expect(rows[0]?.Tags).toBe(value);
  });
});

describe('formula injection', () => {
  const prefixes = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
  const payloads = prefixes.flatMap((p) => [
    `${p}HYPERLINK("http://evil.example","x")`,
    // Papaparse's own escapeFormulae misses values with a line break; ours must not.
    `${p}cmd|' /C calc'!A0\nsecond line`,
  ]);

  it.each(payloads)('neutralises %j in every column', (payload) => {
    const c = cand(payload, {
      jobId: payload,
      rating: payload,
      topChoiceMessage: payload,
      firstName: payload,
      lastName: payload,
      fullName: payload,
      headline: payload,
      publicIdentifier: payload,
      profileUrl: payload,
      location: payload,
      applicationDate: payload,
      experiences: [
        { title: payload, company: '', companyUrl: '', dateRange: '', description: payload },
      ],
    });
    const reviews = new Map([[payload, review(payload, { notes: payload, tags: [payload, 'x'] })]]);
    const { rows } = readBack(candidatesToCsv([c], reviews, job));
    const row = rows[0] ?? {};
    const payloadColumns = [
      'Job ID',
      'Application ID',
      'Full name',
      'First name',
      'Last name',
      'Headline',
      'Location',
      'LinkedIn rating',
      'Top-choice message',
      'Public identifier',
      'Profile URL',
      'Application date',
      'Experiences',
      'Notes',
      'Tags',
    ];
    for (const column of payloadColumns) {
      expect(row[column], column).toBe(`'${column === 'Tags' ? `${payload}, x` : payload}`);
    }
    // No cell of the row starts a formula.
    for (const value of Object.values(row)) expect(FORMULA_START.test(value)).toBe(false);
  });

  it("needs its own pattern: papaparse's escapeFormulae: true misses multi-line cells", () => {
    expect(Papa.unparse([['=1+1\nx']], { escapeFormulae: true })).toBe('"=1+1\nx"');
    expect(Papa.unparse([['=1+1\nx']], { escapeFormulae: FORMULA_START })).toBe('"\'=1+1\nx"');
  });

  it('leaves ordinary values alone, including those with a formula character inside', () => {
    const c = cand('1', { fullName: 'Anne-Marie', headline: 'C++ dev @ Acme', location: ' =x' });
    const { rows } = readBack(candidatesToCsv([c], new Map(), job));
    expect(rows[0]?.['Full name']).toBe('Anne-Marie');
    expect(rows[0]?.Headline).toBe('C++ dev @ Acme');
    expect(rows[0]?.Location).toBe(' =x');
  });
});

describe('flattening experiences', () => {
  const e = (title: string, company: string, dateRange: string, description = '') => ({
    title,
    company,
    companyUrl: '',
    dateRange,
    description,
  });

  it('reads as one line per job, whatever is missing', () => {
    expect(
      flattenExperiences([
        e('Title', 'Company', '2/2025 - 7/2025'),
        e('Title2', 'Company2', '3/2021 - Present'),
        e('', 'OnlyCo', '2019'),
        e('OnlyTitle', '', ''),
        e('', '', ''),
        e('', '', '2010 - 2011'),
      ]),
    ).toBe(
      'Title at Company (2/2025 - 7/2025); Title2 at Company2 (3/2021 - Present); OnlyCo (2019); OnlyTitle; 2010 - 2011',
    );
    expect(flattenExperiences([])).toBe('');
  });

  it('puts each description under its job, blank line between', () => {
    expect(
      flattenDescriptions([
        e('Title', 'Company', '', ' Did things. '),
        e('Title2', 'Company2', '', ''),
        e('', '', '', 'Anonymous work'),
      ]),
    ).toBe('Title at Company: Did things.\n\nAnonymous work');
  });
});

describe('csvFilename', () => {
  const now = new Date(2026, 10, 29, 23, 59);

  it.each([
    [job, false, 'applicants-4341315847-senior-frontend-engineer-2026-11-29.csv'],
    [job, true, 'applicants-4341315847-senior-frontend-engineer-filtered-2026-11-29.csv'],
    [undefined, false, 'applicants-4341315847-2026-11-29.csv'],
    [{ ...job, title: null }, true, 'applicants-4341315847-filtered-2026-11-29.csv'],
    [
      { ...job, title: 'Développeur·se Front-End (H/F) — Paris' },
      false,
      'applicants-4341315847-developpeur-se-front-end-h-f-paris-2026-11-29.csv',
    ],
    [{ ...job, title: '高级前端工程师' }, false, 'applicants-4341315847-2026-11-29.csv'],
    [
      { ...job, title: '../../etc/passwd' },
      false,
      'applicants-4341315847-etc-passwd-2026-11-29.csv',
    ],
  ])('%#: %s', (j, filtered, expected) => {
    expect(csvFilename(j, JOB_ID, filtered, now)).toBe(expected);
  });

  it('keeps long titles short, cut at a word', () => {
    const name = csvFilename({ ...job, title: 'word '.repeat(40) }, JOB_ID, false, now);
    expect(name).toMatch(/^applicants-4341315847-(word-)*word-2026-11-29\.csv$/);
    expect(name.length).toBeLessThan(100);
  });

  it('is plain ASCII', () => {
    expect(csvFilename({ ...job, title: 'Zoë Ångström 李雷 🚀' }, JOB_ID, false, now)).toBe(
      'applicants-4341315847-zoe-angstrom-2026-11-29.csv',
    );
  });
});
