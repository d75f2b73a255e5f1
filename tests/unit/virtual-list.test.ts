import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { createElement } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTLE_MS, VirtualList } from '../../components/VirtualList';

// happy-dom lays nothing out: the scroll box reports a 50 px viewport, five 10 px rows.
beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(50);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A list whose rows are named by the list's `name` and their index. */
function list(name: string, count = 100) {
  const names = Array.from({ length: count }, (_, i) => `${name}${i}`);
  return {
    count,
    rowHeight: 10,
    label: 'Candidates',
    rowKey: (i: number) => names[i] ?? String(i),
    renderRow: (i: number) => createElement('span', null, names[i]),
  };
}

function rowsOf(container: Element): string[] {
  return [...container.querySelectorAll('li')].map((li) => li.textContent ?? '');
}

describe('VirtualList', () => {
  it('renders the rows in view and six more on each side', () => {
    const { container } = render(createElement(VirtualList, list('a')));
    // Rows 0-5 are in view (five and a partial one), 6-11 below it.
    expect(rowsOf(container)).toEqual(Array.from({ length: 12 }, (_, i) => `a${i}`));
  });

  it('shows a new list’s rows in view at once, the others outside it once it settles', () => {
    const view = render(createElement(VirtualList, list('a')));
    view.rerender(createElement(VirtualList, list('b')));
    expect(rowsOf(view.container)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
    act(() => {
      vi.advanceTimersByTime(SETTLE_MS - 1);
    });
    expect(rowsOf(view.container)).toHaveLength(6);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(rowsOf(view.container)).toEqual(Array.from({ length: 12 }, (_, i) => `b${i}`));
  });

  it('waits for typing to pause: each new list restarts the wait', () => {
    const view = render(createElement(VirtualList, list('a')));
    for (const name of ['b', 'c', 'd']) {
      view.rerender(createElement(VirtualList, list(name)));
      act(() => {
        vi.advanceTimersByTime(SETTLE_MS / 2);
      });
      expect(rowsOf(view.container)).toHaveLength(6);
    }
    act(() => {
      vi.advanceTimersByTime(SETTLE_MS);
    });
    expect(rowsOf(view.container)).toHaveLength(12);
  });

  it('keeps rows outside the view that a new list still has', () => {
    const view = render(createElement(VirtualList, list('a')));
    // The same rows, one removed at the top: a search that drops one candidate.
    const shifted = list('a');
    view.rerender(
      createElement(VirtualList, {
        ...shifted,
        count: 99,
        rowKey: (i: number) => shifted.rowKey(i + 1),
        renderRow: (i: number) => shifted.renderRow(i + 1),
      }),
    );
    // a1-a6 in view; a7-a11 were on the page already; a12 waits.
    expect(rowsOf(view.container)).toEqual(Array.from({ length: 11 }, (_, i) => `a${i + 1}`));
  });

  it('renders the active row outside the view without waiting', () => {
    const view = render(createElement(VirtualList, list('a')));
    view.rerender(createElement(VirtualList, { ...list('b'), activeIndex: 9 }));
    expect(rowsOf(view.container)).toContain('b9');
    expect(rowsOf(view.container)).not.toContain('b8');
  });

  it('renders every row near the view as soon as the user scrolls', () => {
    const view = render(createElement(VirtualList, list('a')));
    view.rerender(createElement(VirtualList, list('b')));
    expect(rowsOf(view.container)).toHaveLength(6);
    const scroller = view.container.querySelector('.vlist-scroll') as HTMLElement;
    act(() => {
      fireEvent.scroll(scroller);
    });
    expect(rowsOf(view.container)).toHaveLength(12);
  });
});
