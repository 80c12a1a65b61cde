// A module loaded on demand (a code-split chunk), with a hook that re-renders when it arrives. Used for the
// parts of the app that are not needed to paint the page: the memory model, the price dataset.
// While React hydrates the pre-rendered page, a part that needs a resource which has not arrived suspends
// (React keeps the pre-rendered HTML on screen meanwhile), and the load starts after first paint.
import { use, useSyncExternalStore } from 'react';
import { afterFirstPaint } from './after-first-paint';
import { tracked, useHydrating } from './hydration';

export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; message: string };

export interface LazyResource<T> {
  /** Start loading (idempotent); resolves with the final state. */
  load: () => Promise<ResourceState<T>>;
  /** The current state, without starting a load. */
  get: () => ResourceState<T>;
  /** The current state in a component; starts the load. While hydrating, it waits for the resource (the
   *  component suspends) and the load starts after first paint. */
  use: () => ResourceState<T>;
}

export function lazyResource<T>(what: string, loader: () => Promise<T>): LazyResource<T> {
  let state: ResourceState<T> = { status: 'loading' };
  let pending: Promise<ResourceState<T>> | null = null;
  // Settles when the load does, without starting it: what a hydrating component waits for.
  let settle: (final: ResourceState<T>) => void = () => {};
  const settled = tracked(
    new Promise<ResourceState<T>>((done) => {
      settle = done;
    }),
  );
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  const load = () => {
    if (!pending) {
      pending = loader().then(
        (value) => {
          state = { status: 'ready', value };
          return state;
        },
        (error: unknown) => {
          state = { status: 'failed', message: `${what} could not be loaded (${String(error)}).` };
          return state;
        },
      );
      pending.then((final) => {
        settle(final);
        for (const l of listeners) l();
      });
    }
    return pending;
  };
  const get = () => state;
  return {
    load,
    get,
    use: () => {
      const hydrating = useHydrating();
      const current = useSyncExternalStore(subscribe, get, get);
      if (hydrating) {
        if (current.status === 'loading') void afterFirstPaint().then(load);
        return use(settled);
      }
      void load();
      return current;
    },
  };
}
