// Everything the first screen does not need (the memory model, the model configs, the price dataset, the
// lazy parts' code) starts loading once the page has painted, never before: a request started before first
// paint competes with it for the network and the main thread (Lighthouse's simulated throttling counts every
// request that started before first paint towards it). With the page pre-rendered at build time, first paint
// needs only the HTML and the stylesheet.

let painted: Promise<void> | null = null;

/** Resolves after the next frame has been painted (at once outside a browser: nothing paints there). */
export function afterFirstPaint(): Promise<void> {
  if (!painted) {
    painted =
      typeof window === 'undefined' || typeof window.requestAnimationFrame !== 'function'
        ? Promise.resolve()
        : new Promise((done) => {
            // A rAF callback runs just before the frame is produced; a task queued from it runs after.
            window.requestAnimationFrame(() => setTimeout(done, 0));
          });
  }
  return painted;
}
