import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { memo } from '@/utils/panel/stable';
import { scrollToShow, windowRange } from '@/utils/panel/window-range';

const OVERSCAN = 6;
/**
 * How long a new list waits before rows outside the viewport that are not on the page yet
 * are rendered: while the user types, each keystroke would replace them unseen, and they are
 * 40% of a keystroke's new rows (their DOM, layout and paint).
 */
export const SETTLE_MS = 150;

interface Props {
  count: number;
  rowHeight: number;
  label: string;
  /** Index of a row to keep in view (keyboard moves). */
  activeIndex?: number;
  renderRow: (index: number) => ComponentChildren;
  rowKey: (index: number) => string;
}

/**
 * A list (`role="list"`) that renders only the rows near the viewport, so 10,000 candidates
 * cost the DOM a few dozen elements. Rows have one fixed height: no measuring, no layout shift.
 */
export const VirtualList = memo(function VirtualList({
  count,
  rowHeight,
  label,
  activeIndex,
  renderRow,
  rowKey,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  // The list (its rowKey) that has all its rows outside the viewport rendered too. A new
  // list shows the rows in view and keeps those outside it already on the page; the others
  // follow when it has not changed for SETTLE_MS, or as soon as the user scrolls.
  const [settled, setSettled] = useState(() => rowKey);
  const shown = useRef(new Set<string>());
  const latest = useRef(rowKey);
  latest.current = rowKey;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    const scrolled = () => {
      setSettled(() => latest.current);
      update();
    };
    update();
    el.addEventListener('scroll', scrolled, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', scrolled);
      resize.disconnect();
    };
  }, []);

  useEffect(() => {
    if (settled === rowKey) return;
    const timer = setTimeout(() => setSettled(() => rowKey), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [rowKey, settled]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || activeIndex === undefined || activeIndex < 0 || activeIndex >= count) return;
    const top = scrollToShow(activeIndex, el.scrollTop, el.clientHeight, rowHeight);
    if (top !== el.scrollTop) el.scrollTop = top;
  }, [activeIndex, count, rowHeight]);

  const { start, end } = windowRange(view.top, view.height, rowHeight, count, OVERSCAN);
  const inView = windowRange(view.top, view.height, rowHeight, count, 0);
  const all = settled === rowKey;
  const rows: ComponentChildren[] = [];
  const keys = new Set<string>();
  for (let index = start; index < end; index++) {
    const key = rowKey(index);
    const outside = index < inView.start || index >= inView.end;
    if (!all && outside && index !== activeIndex && !shown.current.has(key)) continue;
    keys.add(key);
    rows.push(
      <li
        key={key}
        class="vlist-row"
        style={{ height: `${rowHeight}px`, transform: `translateY(${index * rowHeight}px)` }}
      >
        {renderRow(index)}
      </li>,
    );
  }
  shown.current = keys;
  return (
    <div class="vlist-scroll" ref={scrollRef}>
      <ul aria-label={label} class="vlist" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </ul>
    </div>
  );
});
