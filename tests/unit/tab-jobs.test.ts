import { describe, expect, it } from 'vitest';
import { TabJobs } from '../../utils/tab-jobs';

describe('TabJobs.currentFor', () => {
  it('is the active tab’s job when the active tab shows one', () => {
    const s = new TabJobs();
    s.activate(1, 10, 1);
    s.report(1, 10, '4341315847', 'Engineer', 2);
    expect(s.currentFor(10)?.jobId).toBe('4341315847');
  });

  it('is none when the active tab is a LinkedIn page without a job', () => {
    const s = new TabJobs();
    s.activate(1, 10, 1);
    s.report(1, 10, '4341315847', null, 1);
    s.activate(2, 10, 2);
    s.report(2, 10, null, null, 3);
    expect(s.currentFor(10)).toBeNull();
  });

  it('falls back to the most recently active job tab when the active tab is not LinkedIn', () => {
    const s = new TabJobs();
    s.activate(1, 10, 1);
    s.report(1, 10, '1111111111', null, 1);
    s.activate(2, 10, 5);
    s.report(2, 10, '2222222222', null, 5);
    s.activate(1, 10, 8);
    s.activate(99, 10, 9); // the panel opened as a tab, or any non-LinkedIn page
    expect(s.currentFor(10)?.jobId).toBe('1111111111');
    s.activate(2, 10, 10);
    s.activate(99, 10, 11);
    expect(s.currentFor(10)?.jobId).toBe('2222222222');
  });

  it('keeps windows apart and forgets closed tabs', () => {
    const s = new TabJobs();
    s.activate(1, 10, 1);
    s.report(1, 10, '1111111111', null, 1);
    s.activate(2, 20, 2);
    s.report(2, 20, '2222222222', null, 2);
    expect(s.currentFor(10)?.jobId).toBe('1111111111');
    expect(s.currentFor(20)?.jobId).toBe('2222222222');
    s.forget(1);
    s.activate(3, 10, 3);
    expect(s.currentFor(10)).toBeNull();
  });

  it('survives a snapshot round trip (worker restart)', () => {
    const s = new TabJobs();
    s.activate(1, 10, 1);
    s.report(1, 10, '1111111111', 'T', 1);
    const copy = TabJobs.from(JSON.parse(JSON.stringify(s.snapshot())));
    expect(copy.currentFor(10)).toEqual(s.currentFor(10));
    expect(copy.tabsShowing('1111111111').map((t) => t.tabId)).toEqual([1]);
  });

  it('reports whether anything changed', () => {
    const s = new TabJobs();
    expect(s.report(1, 10, '1111111111', null, 1)).toBe(true);
    expect(s.report(1, 10, '1111111111', null, 2)).toBe(false);
    expect(s.report(1, 10, '1111111111', 'Title', 3)).toBe(true);
  });
});

describe('TabJobs.titleOf', () => {
  it('is the title a tab showing the job reported', () => {
    const s = new TabJobs();
    s.report(1, 10, '1111111111', null, 1);
    expect(s.titleOf('1111111111')).toBeNull();
    s.report(2, 10, '1111111111', 'Data Analyst', 2);
    expect(s.titleOf('1111111111')).toBe('Data Analyst');
    expect(s.titleOf('2222222222')).toBeNull();
  });
});
