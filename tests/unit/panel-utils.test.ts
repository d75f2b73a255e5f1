import { describe, expect, it } from 'vitest';
import { formatCandidates, formatCredits } from '../../utils/format';
import type { ApiCandidate } from '../../utils/linkup/types';
import type { PullView } from '../../utils/messages';
import { isPullActive } from '../../utils/pull/view';
import { safeLinkedInUrl } from '../../utils/safe-url';
import { matchesQuery, searchCandidates, searchTextOf } from '../../utils/search';

const base: ApiCandidate = {
  applicationId: '19205269753',
  rating: 'GOOD_FIT',
  isTopChoice: false,
  topChoiceMessage: '',
  firstName: 'Zoë',
  lastName: 'Ångström',
  fullName: 'Zoë Ångström',
  headline: 'Staff Engineer',
  publicIdentifier: 'zoe',
  profileUrl: 'https://www.linkedin.com/in/zoe',
  location: 'Stockholm, Sweden',
  applicationDate: '',
  experiences: [
    { title: 'Platform Lead', company: 'Acme AB', companyUrl: '', dateRange: '', description: 'x' },
  ],
};

describe('safeLinkedInUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/zoe', 'https://www.linkedin.com/in/zoe'],
    ['https://linkedin.com/in/zoe/', 'https://linkedin.com/in/zoe/'],
    ['https://fr.linkedin.com/in/zoe', 'https://fr.linkedin.com/in/zoe'],
    ['  https://www.linkedin.com/in/zoe  ', 'https://www.linkedin.com/in/zoe'],
    ['http://www.linkedin.com/in/zoe', null],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['https://linkedin.com.evil.test/in/zoe', null],
    ['https://evil.test/?https://www.linkedin.com/', null],
    ['https://user:pw@www.linkedin.com/in/zoe', null],
    ['https://www.linkedin.com:8443/in/zoe', null],
    ['', null],
    ['/in/zoe', null],
  ])('%s -> %s', (raw, expected) => {
    expect(safeLinkedInUrl(raw)).toBe(expected);
  });
});

describe('search', () => {
  const text = searchTextOf(base);
  it.each([
    ['zoë', true],
    ['ÅNGSTRÖM', true],
    ['staff', true],
    ['stockholm', true],
    ['platform lead', true],
    ['acme', true],
    ['acme staff', true],
    ['acme google', false],
    ['description', false],
    ['', true],
  ])('%s matches: %s', (q, expected) => {
    expect(matchesQuery(text, q)).toBe(expected);
  });

  it('filters a list by its prepared texts and keeps order', () => {
    const other = { ...base, fullName: 'José Núñez', headline: 'Designer', experiences: [] };
    const list = [base, other, base];
    const texts = list.map(searchTextOf);
    expect(searchCandidates(list, texts, 'designer')).toEqual([other]);
    expect(searchCandidates(list, texts, '  ')).toBe(list);
  });
});

describe('format', () => {
  it.each([
    [0, '0 candidates'],
    [1, '1 candidate'],
    [2, '2 candidates'],
    [2500, '2,500 candidates'],
  ])('%i -> %s', (n, s) => expect(formatCandidates(n)).toBe(s));
  it('formats credits', () => expect(formatCredits(4825)).toBe('4,825 credits'));
});

describe('isPullActive', () => {
  const view = (status: PullView['status']) => ({ status }) as PullView;

  it('is true until the pull ended, and false without one', () => {
    for (const status of ['queued', 'running', 'paused'] as const) {
      expect(isPullActive(view(status))).toBe(true);
    }
    for (const status of ['done', 'failed', 'cancelled'] as const) {
      expect(isPullActive(view(status))).toBe(false);
    }
    expect(isPullActive(null)).toBe(false);
  });
});
