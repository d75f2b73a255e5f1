import { describe, expect, it } from 'vitest';
import { scrollToShow, windowRange } from '../../utils/panel/window-range';

describe('windowRange', () => {
  it.each([
    // scrollTop, viewport, row, count, overscan -> start, end
    [0, 600, 76, 10_000, 6, 0, 15],
    [7600, 600, 76, 10_000, 6, 94, 115],
    [760_000, 600, 76, 10_000, 6, 9993, 10_000],
    [0, 600, 76, 3, 6, 0, 3],
    [0, 600, 76, 0, 6, 0, 0],
    [-50, 600, 76, 100, 0, 0, 9],
    [0, 0, 76, 100, 2, 0, 3],
  ])(
    'scrollTop %i, viewport %i, row %i, %i rows, overscan %i -> [%i, %i)',
    (top, vh, rh, n, o, start, end) => {
      expect(windowRange(top, vh, rh, n, o)).toEqual({ start, end });
    },
  );

  it('never renders more than a viewport and the overscan, whatever the size', () => {
    for (const count of [10, 1000, 10_000, 100_000]) {
      for (let top = 0; top < count * 76; top += 7919) {
        const { start, end } = windowRange(top, 800, 76, count, 6);
        expect(end - start).toBeLessThanOrEqual(Math.ceil(800 / 76) + 1 + 12);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThanOrEqual(count);
      }
    }
  });
});

describe('scrollToShow', () => {
  it.each([
    [0, 0, 600, 76, 0], // already visible
    [10, 0, 600, 76, 760 + 76 - 600], // below: align its bottom
    [2, 760, 600, 76, 152], // above: align its top
    [5, 100, 600, 76, 100], // inside
  ])('row %i from scrollTop %i -> %i', (index, top, vh, rh, expected) => {
    expect(scrollToShow(index, top, vh, rh)).toBe(expected);
  });
});
