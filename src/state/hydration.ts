// The page is pre-rendered at build time (scripts/vite-prerender-plugin.ts renders src/app/prerender.tsx) and
// hydrated in the browser. Hydration must render exactly what the build rendered, before the data the build
// had (the memory model, the model configs, the price dataset) has arrived:
// - the scenario: the store's initial state is the pre-rendered scenario (the default one, priced as of the
//   build date written on #root), and zustand hydrates with its initial state before it renders the
//   scenario decoded from the link (useSyncExternalStore's server snapshot);
// - the lazy data: a part that needs data which has not arrived yet suspends while hydrating, and React
//   keeps the pre-rendered HTML on screen until the data is there (see lazy-resource.ts, model-presets.ts).
//   While hydrating, those hooks call use() every time, with a promise that is already settled once the data
//   is there: React replays a suspended component and expects the same use() calls in the same order.
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};
const no = () => false;
const yes = () => true;

/** True while React renders on the server (the pre-render) or hydrates its HTML; false afterwards. */
export function useHydrating(): boolean {
  return useSyncExternalStore(noSubscription, no, yes);
}

/** The attribute on #root holding the as-of date the page was pre-rendered with. */
export const PRERENDERED_AS_OF_ATTRIBUTE = 'data-prerendered-as-of';

/** The as-of date of the pre-rendered page in this document, if it was pre-rendered. */
export function prerenderedAsOf(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const value = document.getElementById('root')?.getAttribute(PRERENDERED_AS_OF_ATTRIBUTE);
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** A promise with the status fields React's use() reads: use() of a settled one returns at once instead of
 *  suspending for a microtask (https://react.dev/reference/react/use). */
type WithStatus<T> = Promise<T> & { status?: string; value?: T; reason?: unknown };

export function tracked<T>(promise: Promise<T>): Promise<T> {
  const t = promise as WithStatus<T>;
  if (t.status === undefined) {
    t.status = 'pending';
    promise.then(
      (value) => {
        t.status = 'fulfilled';
        t.value = value;
      },
      (reason: unknown) => {
        t.status = 'rejected';
        t.reason = reason;
      },
    );
  }
  return t;
}

export function fulfilled<T>(value: T): Promise<T> {
  const t = Promise.resolve(value) as WithStatus<T>;
  t.status = 'fulfilled';
  t.value = value;
  return t;
}
