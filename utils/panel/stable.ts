/**
 * Keeping re-renders to what changed. A keystroke in the search re-renders the job view; its
 * parts whose props did not change (the filter bar, the pull controls, the rows still shown)
 * skip their render when they are memoised and given callbacks that keep their identity.
 */
import {
  type ComponentType,
  createElement,
  type FunctionComponent,
  type RenderableProps,
} from 'preact';
import { useCallback, useRef } from 'preact/hooks';

/** Every prop of `a` is identical (`Object.is`) to the same prop of `b`, and no prop is extra. */
export function shallowEqual(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) if (!(key in y) || !Object.is(x[key], y[key])) return false;
  for (const key in y) if (!(key in x)) return false;
  return true;
}

/**
 * `component`, rendered again only when a prop changed (Preact's compat `memo`, which is not
 * imported because preact/compat changes how every input's onChange behaves).
 */
export function memo<P extends object>(component: ComponentType<P>): FunctionComponent<P> {
  function shouldComponentUpdate(this: { props: P }, next: P): boolean {
    return !shallowEqual(this.props, next);
  }
  function Memo(this: { shouldComponentUpdate?: (next: P) => boolean }, props: RenderableProps<P>) {
    // Preact renders a function component with its component instance as `this`.
    this.shouldComponentUpdate = shouldComponentUpdate;
    return createElement(component, props);
  }
  Memo.displayName = `Memo(${component.displayName ?? component.name})`;
  return Memo as FunctionComponent<P>;
}

/**
 * A function that keeps its identity across renders and always calls the latest `fn`: a prop
 * of a memoised child that does not make it render, for handlers run on events (never during
 * a render).
 */
export function useEvent<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  latest.current = fn;
  return useCallback((...args: A) => latest.current(...args), []);
}
