import { cleanup, render, renderHook } from '@testing-library/preact';
import { createElement, type FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memo, shallowEqual, useEvent } from '../../utils/panel/stable';

afterEach(cleanup);

describe('shallowEqual', () => {
  it('compares each prop by identity, and the set of props', () => {
    const f = () => {};
    const list = [1];
    expect(shallowEqual({ a: 1, f, list }, { a: 1, f, list })).toBe(true);
    expect(shallowEqual({}, {})).toBe(true);
    expect(shallowEqual({ a: Number.NaN }, { a: Number.NaN })).toBe(true);
    expect(shallowEqual({ list }, { list: [1] })).toBe(false);
    expect(shallowEqual({ f }, { f: () => {} })).toBe(false);
    expect(shallowEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(shallowEqual({ a: 1, b: undefined }, { a: 1 })).toBe(false);
    expect(shallowEqual({ a: 0 }, { a: -0 })).toBe(false);
  });
});

describe('memo', () => {
  /** A parent whose every render gives the child the props `propsOf(tick)`. */
  function setup(propsOf: (tick: number) => { label: string; onClick?: () => void }) {
    const renders = vi.fn();
    const Child: FunctionComponent<{ label: string; onClick?: () => void }> = ({ label }) => {
      renders(label);
      return createElement('span', null, label);
    };
    const Memoised = memo(Child);
    let bump: () => void = () => {};
    function Parent() {
      const [tick, setTick] = useState(0);
      bump = () => setTick((t) => t + 1);
      return createElement('div', null, createElement(Memoised, propsOf(tick)), String(tick));
    }
    const view = render(createElement(Parent, null));
    return { renders, view, bump: () => bump() };
  }

  it('skips the render when the parent gives the same props again', async () => {
    const onClick = () => {};
    const { renders, view, bump } = setup(() => ({ label: 'same', onClick }));
    expect(renders).toHaveBeenCalledTimes(1);
    bump();
    await view.findByText('1');
    bump();
    await view.findByText('2');
    expect(renders).toHaveBeenCalledTimes(1);
  });

  it('renders again when a prop changes, a callback included', async () => {
    const { renders, view, bump } = setup((tick) => ({
      label: tick < 2 ? 'first' : 'second',
      onClick: () => {},
    }));
    bump();
    await view.findByText('1');
    // A new callback each render: the child renders each time.
    expect(renders).toHaveBeenCalledTimes(2);
    bump();
    await view.findByText('second');
    expect(renders).toHaveBeenLastCalledWith('second');
  });

  it('keeps the child’s own state and hooks working', async () => {
    function Counter({ label }: { label: string }) {
      const [n, setN] = useState(0);
      return createElement(
        'button',
        { type: 'button', onClick: () => setN(n + 1) },
        `${label} ${n}`,
      );
    }
    const Memoised = memo(Counter);
    const view = render(createElement(Memoised, { label: 'clicks' }));
    (await view.findByText('clicks 0')).click();
    expect(await view.findByText('clicks 1')).toBeTruthy();
  });
});

describe('useEvent', () => {
  it('keeps one function across renders that calls the latest handler', () => {
    const seen: string[] = [];
    const { result, rerender } = renderHook(
      ({ name }: { name: string }) =>
        useEvent((x: number) => {
          seen.push(`${name} ${x}`);
          return x * 2;
        }),
      { initialProps: { name: 'first' } },
    );
    const first = result.current;
    expect(first(1)).toBe(2);
    rerender({ name: 'second' });
    expect(result.current).toBe(first);
    expect(first(2)).toBe(4);
    expect(seen).toEqual(['first 1', 'second 2']);
  });
});
