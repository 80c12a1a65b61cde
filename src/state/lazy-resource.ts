// A module loaded on demand (a code-split chunk), with a hook that re-renders when it arrives. Used for the
// parts of the app that are not needed to paint the page: the memory model, the price dataset.
import { useSyncExternalStore } from 'react';

export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; message: string };

export interface LazyResource<T> {
  /** Start loading (idempotent); resolves with the final state. */
  load: () => Promise<ResourceState<T>>;
  /** The current state, without starting a load. */
  get: () => ResourceState<T>;
  /** The current state in a component; starts the load. */
  use: () => ResourceState<T>;
}

export function lazyResource<T>(what: string, loader: () => Promise<T>): LazyResource<T> {
  let state: ResourceState<T> = { status: 'loading' };
  let pending: Promise<ResourceState<T>> | null = null;
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
      pending.then(() => {
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
      void load();
      return useSyncExternalStore(subscribe, get);
    },
  };
}
