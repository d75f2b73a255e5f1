import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';

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
 * A list (`role="list"`) that renders only the rows near the viewport, so 10,000 candidates cost the
 * DOM a few dozen elements. Rows have one fixed height: no measuring, no layout shift.
 */
export function VirtualList({ count, rowHeight, label, activeIndex, renderRow, rowKey }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options: VirtualizerOptions<HTMLDivElement, HTMLDivElement> = {
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    onChange: () => rerender(undefined),
  };
  const [virtualizer] = useState(() => new Virtualizer(options));
  virtualizer.setOptions(options);

  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  useLayoutEffect(() => {
    if (activeIndex !== undefined && activeIndex >= 0 && activeIndex < count) {
      virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    }
  }, [activeIndex, count, virtualizer]);

  const items = virtualizer.getVirtualItems();
  return (
    <div class="vlist-scroll" ref={scrollRef}>
      <ul aria-label={label} class="vlist" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((item) => (
          <li
            key={rowKey(item.index)}
            class="vlist-row"
            style={{ height: `${rowHeight}px`, transform: `translateY(${item.start}px)` }}
          >
            {renderRow(item.index)}
          </li>
        ))}
      </ul>
    </div>
  );
}
