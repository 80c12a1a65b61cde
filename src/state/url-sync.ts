// Keeps the address bar equal to the scenario while the user drags, with history.replaceState (no new
// history entry per pixel), throttled so a fast drag writes at most about five times a second.
import { encodeScenario, type Scenario } from '../scenario';
import { useAppStore } from './store';

const URL_THROTTLE_MS = 200;

export function shareUrl(scenario: Scenario, location: Location = window.location): string {
  return `${location.origin}${location.pathname}${encodeScenario(scenario)}`;
}

/** The address replaceState gets: absolute, on this page's origin. A path alone would not do: a page path
 *  that begins with '//' (https://host//x/) written as '//x/?v=1' is a scheme-relative URL naming another host,
 *  and replaceState throws a SecurityError for it, which left a blank page at start-up. */
export function sameDocumentUrl(
  location: Pick<Location, 'origin' | 'pathname' | 'hash'>,
  query: string,
): string {
  return `${location.origin}${location.pathname}${query}${location.hash}`;
}

/** Start mirroring the store into the URL; returns a function that stops it. */
export function startUrlSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWrite = 0;
  const write = () => {
    timer = null;
    lastWrite = performance.now();
    const query = encodeScenario(useAppStore.getState().scenario);
    if (query !== window.location.search) {
      window.history.replaceState(window.history.state, '', sameDocumentUrl(window.location, query));
    }
  };
  write();
  // The write waits for an idle moment (at most 300 ms more) so it never competes with a frame.
  const writeWhenIdle = () => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(write, { timeout: 300 });
    else write();
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.scenario === previous.scenario || timer !== null) return;
    const wait = Math.max(0, URL_THROTTLE_MS - (performance.now() - lastWrite));
    timer = setTimeout(writeWhenIdle, wait);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
