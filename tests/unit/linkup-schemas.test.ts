import { describe, expect, it } from 'vitest';
import { ratingGroup } from '../../utils/linkup/rating';
import {
  accountsDataSchema,
  candidatesDataSchema,
  creditsDataSchema,
  cvDataSchema,
  errorEnvelopeSchema,
  normalizeAccount,
  normalizeCandidate,
  successEnvelopeSchema,
  toCandidatesPage,
} from '../../utils/linkup/schemas';

/** A complete candidate as the seed docs show it. */
function rawCandidate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    application_id: '21651234567',
    rating: 'GOOD',
    is_top_choice: true,
    top_choice_message: 'I have wanted to work here for years.',
    first_name: 'Ada',
    last_name: 'Lovelace',
    full_name: 'Ada Lovelace',
    headline: 'Analyst',
    public_identifier: 'ada-lovelace',
    profile_url: 'https://www.linkedin.com/in/ada-lovelace',
    location: 'London',
    application_date: '2025-03-01',
    experiences: [
      {
        title: 'Engineer',
        company: 'Analytical Engines',
        company_url: 'https://www.linkedin.com/company/engines',
        date_range: '2/2025 - 7/2025',
        description: 'Notes on the engine.',
      },
    ],
    ...overrides,
  };
}

function candidatesData(candidates: unknown[], pagination: Record<string, unknown> = {}) {
  return {
    candidates,
    total_results: candidates.length,
    total_available_results: 250,
    pagination: {
      offset: 0,
      count: 100,
      next_offset: 100,
      has_more: true,
      results_per_page: 50,
      pages_fetched: 2,
      ...pagination,
    },
  };
}

describe('normalizeCandidate', () => {
  it('normalises a complete record to camelCase', () => {
    expect(normalizeCandidate(rawCandidate())).toEqual({
      applicationId: '21651234567',
      rating: 'GOOD',
      isTopChoice: true,
      topChoiceMessage: 'I have wanted to work here for years.',
      firstName: 'Ada',
      lastName: 'Lovelace',
      fullName: 'Ada Lovelace',
      headline: 'Analyst',
      publicIdentifier: 'ada-lovelace',
      profileUrl: 'https://www.linkedin.com/in/ada-lovelace',
      location: 'London',
      applicationDate: '2025-03-01',
      experiences: [
        {
          title: 'Engineer',
          company: 'Analytical Engines',
          companyUrl: 'https://www.linkedin.com/company/engines',
          dateRange: '2/2025 - 7/2025',
          description: 'Notes on the engine.',
        },
      ],
    });
  });

  it.each(['GOOD', 'GOOD_FIT', 'MAYBE', 'NOT_A_FIT', 'UNRATED', 'SOMETHING_NEW', ''])(
    'keeps the rating %j as it is',
    (rating) => {
      expect(normalizeCandidate(rawCandidate({ rating }))?.rating).toBe(rating);
    },
  );

  it.each([
    ['missing', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { text: 'x' }],
    ['an empty string', ''],
  ])('turns optional fields that are %s into empty strings', (_label, value) => {
    const fields = [
      'rating',
      'top_choice_message',
      'first_name',
      'last_name',
      'headline',
      'public_identifier',
      'profile_url',
      'location',
      'application_date',
    ];
    const raw = rawCandidate({ full_name: value });
    for (const field of fields) raw[field] = value;
    const candidate = normalizeCandidate(raw);
    expect(candidate).toMatchObject({
      applicationId: '21651234567',
      rating: '',
      topChoiceMessage: '',
      firstName: '',
      lastName: '',
      fullName: '',
      headline: '',
      publicIdentifier: '',
      profileUrl: '',
      location: '',
      applicationDate: '',
    });
  });

  it('keeps a record that has only an application ID', () => {
    expect(normalizeCandidate({ application_id: '7' })).toEqual({
      applicationId: '7',
      rating: '',
      isTopChoice: false,
      topChoiceMessage: '',
      firstName: '',
      lastName: '',
      fullName: '',
      headline: '',
      publicIdentifier: '',
      profileUrl: '',
      location: '',
      applicationDate: '',
      experiences: [],
    });
  });

  it('builds the full name from first and last names when it is empty', () => {
    expect(normalizeCandidate(rawCandidate({ full_name: '' }))?.fullName).toBe('Ada Lovelace');
    expect(normalizeCandidate(rawCandidate({ full_name: null, last_name: null }))?.fullName).toBe(
      'Ada',
    );
  });

  it.each([
    ['a digit string', '21651234567', '21651234567'],
    ['a padded digit string', ' 123 ', '123'],
    ['a number', 21651234567, '21651234567'],
    ['zero', 0, '0'],
  ])('accepts an application ID that is %s', (_label, value, expected) => {
    expect(normalizeCandidate(rawCandidate({ application_id: value }))?.applicationId).toBe(
      expected,
    );
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', '   '],
    ['not digits', 'abc'],
    ['partly digits', '12a'],
    ['a URN', 'urn:li:application:1'],
    ['a fraction', 1.5],
    ['negative', -1],
    ['an unsafe integer (digits already lost)', 2 ** 60],
    ['a boolean', true],
    ['an object', { id: '1' }],
  ])('skips a record whose application ID is %s', (_label, value) => {
    expect(normalizeCandidate(rawCandidate({ application_id: value }))).toBeNull();
  });

  it.each([null, undefined, 'text', 42, [], [rawCandidate()]])(
    'skips a record that is not an object: %j',
    (raw) => {
      expect(normalizeCandidate(raw)).toBeNull();
    },
  );

  it.each([
    [true, true],
    ['true', true],
    ['TRUE', true],
    [1, true],
    ['1', true],
    [false, false],
    ['false', false],
    [0, false],
    [null, false],
    [undefined, false],
    ['maybe', false],
    [{}, false],
  ])('reads is_top_choice %j as %s', (value, expected) => {
    expect(normalizeCandidate(rawCandidate({ is_top_choice: value }))?.isTopChoice).toBe(expected);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['a string', 'Engineer at X'],
    ['an object', { title: 'Engineer' }],
  ])('reads experiences that are %s as an empty list', (_label, value) => {
    expect(normalizeCandidate(rawCandidate({ experiences: value }))?.experiences).toEqual([]);
  });

  it('keeps odd experiences tolerantly and drops entries that are not objects', () => {
    const candidate = normalizeCandidate(
      rawCandidate({
        experiences: [
          { title: 'CTO', company: null, date_range: 2024, extra: 'ignored' },
          'not an experience',
          null,
          {},
        ],
      }),
    );
    expect(candidate?.experiences).toEqual([
      { title: 'CTO', company: '', companyUrl: '', dateRange: '', description: '' },
      { title: '', company: '', companyUrl: '', dateRange: '', description: '' },
    ]);
  });

  it('ignores unknown extra fields', () => {
    const candidate = normalizeCandidate(rawCandidate({ education: [{ school: 'X' }], new: 1 }));
    expect(candidate).not.toBeNull();
    expect(candidate).not.toHaveProperty('education');
  });
});

describe('ratingGroup', () => {
  it.each([
    ['GOOD', 'good'],
    ['GOOD_FIT', 'good'],
    ['good_fit', 'good'],
    ['Good fit', 'good'],
    ['MAYBE', 'maybe'],
    ['NOT_A_FIT', 'not-a-fit'],
    ['UNRATED', 'unrated'],
    ['', 'unrated'],
    ['SUPERSTAR', 'other'],
  ] as const)('groups %j as %s', (rating, group) => {
    expect(ratingGroup(rating)).toBe(group);
  });
});

describe('candidatesDataSchema and toCandidatesPage', () => {
  it('accepts a good page and keeps unknown extra keys out of the way', () => {
    const data = { ...candidatesData([rawCandidate()]), surprise: { nested: true } };
    const parsed = candidatesDataSchema.parse(data);
    expect(toCandidatesPage(parsed, 0, 1)).toEqual({
      candidates: [normalizeCandidate(rawCandidate())],
      skipped: 0,
      offset: 0,
      totalResults: 1,
      totalAvailable: 250,
      nextOffset: 100,
      hasMore: true,
      creditsConsumed: 1,
    });
  });

  it('skips and counts unreadable records without failing the page', () => {
    const parsed = candidatesDataSchema.parse(
      candidatesData([
        rawCandidate({ application_id: '1' }),
        rawCandidate({ application_id: undefined }),
        rawCandidate({ application_id: '' }),
        rawCandidate({ application_id: 'x1' }),
        null,
        'junk',
        rawCandidate({ application_id: 2, rating: 'GOOD_FIT', location: null }),
      ]),
    );
    const page = toCandidatesPage(parsed, 200, 1);
    expect(page.candidates.map((c) => c.applicationId)).toEqual(['1', '2']);
    expect(page.skipped).toBe(5);
    expect(page.offset).toBe(200);
    expect(page.totalResults).toBe(7);
  });

  it('reads the last page (next_offset null, has_more false)', () => {
    const parsed = candidatesDataSchema.parse(
      candidatesData([], { next_offset: null, has_more: false }),
    );
    expect(toCandidatesPage(parsed, 300, 0)).toMatchObject({
      candidates: [],
      nextOffset: null,
      hasMore: false,
    });
  });

  it.each([
    ['missing totals', { total_results: undefined, total_available_results: undefined }, 1, null],
    ['null totals', { total_results: null, total_available_results: null }, 1, null],
    ['digit-string totals', { total_results: '1', total_available_results: '250' }, 1, 250],
    ['odd totals', { total_results: 'many', total_available_results: {} }, 1, null],
  ])('tolerates %s', (_label, totals, totalResults, totalAvailable) => {
    const parsed = candidatesDataSchema.parse({ ...candidatesData([rawCandidate()]), ...totals });
    const page = toCandidatesPage(parsed, 0, 0);
    expect(page.totalResults).toBe(totalResults);
    expect(page.totalAvailable).toBe(totalAvailable);
  });

  it.each([
    ['no candidates', { candidates: undefined }],
    ['candidates not an array', { candidates: { 0: {} } }],
    ['candidates null', { candidates: null }],
    ['no pagination', { pagination: undefined }],
    ['pagination not an object', { pagination: 'next' }],
    [
      'next_offset missing',
      { pagination: { has_more: true, offset: 0 } satisfies Record<string, unknown> },
    ],
    ['next_offset a string', { pagination: { next_offset: '100', has_more: true } }],
    ['next_offset negative', { pagination: { next_offset: -1, has_more: true } }],
    ['has_more missing', { pagination: { next_offset: 100 } }],
    ['has_more a string', { pagination: { next_offset: 100, has_more: 'true' } }],
  ])('rejects a page with %s', (_label, breakage) => {
    const data = { ...candidatesData([rawCandidate()]), ...breakage };
    expect(candidatesDataSchema.safeParse(data).success).toBe(false);
  });

  it.each([null, 'text', [], 42])('rejects data that is not an object: %j', (data) => {
    expect(candidatesDataSchema.safeParse(data).success).toBe(false);
  });
});

describe('envelopes', () => {
  it('reads a success envelope and its credits', () => {
    const envelope = successEnvelopeSchema.parse({
      success: true,
      data: { credits: 1 },
      metadata: { action: 'get_candidates', credits_consumed: 10, timestamp: 'now' },
    });
    expect(envelope.metadata.credits_consumed).toBe(10);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['without credits', { action: 'x' }],
    ['with odd credits', { credits_consumed: 'lots' }],
  ])('reads metadata that is %s as 0 credits consumed', (_label, metadata) => {
    const envelope = successEnvelopeSchema.parse({ success: true, data: {}, metadata });
    expect(envelope.metadata.credits_consumed).toBe(0);
  });

  it.each([{ success: false, data: {} }, { success: 'true', data: {} }, { data: {} }, null, []])(
    'rejects a non-success body as a success envelope: %j',
    (body) => {
      expect(successEnvelopeSchema.safeParse(body).success).toBe(false);
    },
  );

  it('reads an error envelope, upper-casing the code', () => {
    const envelope = errorEnvelopeSchema.parse({
      success: false,
      error: { code: 'invalid_params', message: 'job_id is required' },
      metadata: { credits_consumed: 0 },
    });
    expect(envelope.error).toEqual({ code: 'INVALID_PARAMS', message: 'job_id is required' });
  });

  it('tolerates an error envelope with odd code and message values', () => {
    expect(errorEnvelopeSchema.parse({ success: false, error: { code: 5 } }).error).toEqual({
      code: '',
      message: '',
    });
  });

  it.each([{ success: false }, { success: false, error: 'boom' }, { success: true, error: {} }])(
    'rejects a body without an error object as an error envelope: %j',
    (body) => {
      expect(errorEnvelopeSchema.safeParse(body).success).toBe(false);
    },
  );
});

describe('credits, accounts and CV data', () => {
  it.each([
    [{ credits: 4825 }, 4825],
    [{ credits: 0 }, 0],
    [{ credits: '4825' }, 4825],
  ])('reads credits from %j', (data, credits) => {
    expect(creditsDataSchema.parse(data).credits).toBe(credits);
  });

  it.each([{}, { credits: null }, { credits: 'many' }, null])('rejects credits data %j', (data) => {
    expect(creditsDataSchema.safeParse(data).success).toBe(false);
  });

  it.each([
    [{ account_id: 'acc-1', status: 'active', platform: 'linkedin', name: 'Ada' }, 'Ada'],
    [{ account_id: 'acc-1', display_name: 'Ada L.' }, 'Ada L.'],
    [{ account_id: 'acc-1', name: '  ', username: 'ada' }, 'ada'],
    [{ account_id: 'acc-1', name: null }, 'acc-1'],
    [{ account_id: 42 }, '42'],
  ])('labels the account %j as %j', (raw, label) => {
    expect(normalizeAccount(raw)?.label).toBe(label);
  });

  it('normalises an account', () => {
    expect(
      normalizeAccount({ account_id: ' acc-1 ', status: 'active', platform: 'LINKEDIN' }),
    ).toEqual({ accountId: 'acc-1', status: 'active', platform: 'LINKEDIN', label: 'acc-1' });
  });

  it.each([{}, { account_id: '' }, { account_id: null }, null, 'acc-1'])(
    'skips an account without an ID: %j',
    (raw) => {
      expect(normalizeAccount(raw)).toBeNull();
    },
  );

  it('requires an items array in accounts data', () => {
    expect(accountsDataSchema.safeParse({ items: [], total: 0 }).success).toBe(true);
    expect(accountsDataSchema.parse({ items: [] }).total).toBeNull();
    expect(accountsDataSchema.safeParse({ total: 1 }).success).toBe(false);
    expect(accountsDataSchema.safeParse({ items: {} }).success).toBe(false);
  });

  it.each([
    [{ cv: { content: 'JVBERg==', content_type: 'application/pdf', filename: 'cv.pdf' } }, true],
    [{ cv: { content: null } }, true],
    [{ cv: null }, true],
    [{}, true],
    [{ cv: { content: 42 } }, false],
    [{ cv: 'JVBERg==' }, false],
    [null, false],
  ])('cv data %j parses: %s', (data, ok) => {
    expect(cvDataSchema.safeParse(data).success).toBe(ok);
  });
});
