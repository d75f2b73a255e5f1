import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { memo } from '@/utils/panel/stable';
import { scrollToShow, windowRange } from '@/utils/panel/window-range';

const OVERSCAN = 6;

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

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    update();
    el.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, []);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || activeIndex === undefined || activeIndex < 0 || activeIndex >= count) return;
    const top = scrollToShow(activeIndex, el.scrollTop, el.clientHeight, rowHeight);
    if (top !== el.scrollTop) el.scrollTop = top;
  }, [activeIndex, count, rowHeight]);

  const { start, end } = windowRange(view.top, view.height, rowHeight, count, OVERSCAN);
  const rows: ComponentChildren[] = [];
  for (let index = start; index < end; index++) {
    rows.push(
      <li
        key={rowKey(index)}
        class="vlist-row"
        style={{ height: `${rowHeight}px`, transform: `translateY(${index * rowHeight}px)` }}
      >
        {renderRow(index)}
      </li>,
    );
  }
  return (
    <div class="vlist-scroll" ref={scrollRef}>
      <ul aria-label={label} class="vlist" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </ul>
    </div>
  );
});
