// Mounts its children only when the box approaches the viewport, or when something asks for every deferred
// part at once (printing, or an export that needs the charts drawn): a chart far below the fold costs its
// code (Recharts is the largest chunk) and a long task to mount, which the first screen should not pay for.
// The box keeps its size before and after (its class sets the height), so mounting shifts nothing.
// whenNearViewport does the same for an element already on the page (a pre-rendered part waiting to be
// hydrated, app/app.tsx).
import { type ReactNode, useEffect, useRef, useState } from 'react';

/** How far outside the viewport a box starts mounting, so it is drawn by the time it scrolls in. */
const NEAR_MARGIN = '600px 0px';

const mountAllListeners = new Set<() => void>();
let mountAllRequested = false;

/** Mount every deferred part now (e.g. before an export or printing). */
export function mountDeferredParts(): void {
  mountAllRequested = true;
  for (const l of mountAllListeners) l();
}

if (typeof window !== 'undefined') window.addEventListener('beforeprint', mountDeferredParts);

/** Resolves when the element comes within NEAR_MARGIN of the viewport, or every deferred part is asked
 *  for (mountDeferredParts). At once where nothing can be observed. */
export function whenNearViewport(element: Element | null): Promise<void> {
  if (!element || mountAllRequested || typeof IntersectionObserver === 'undefined') return Promise.resolve();
  return new Promise((done) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) finish();
      },
      { rootMargin: NEAR_MARGIN },
    );
    const finish = () => {
      observer.disconnect();
      mountAllListeners.delete(finish);
      done();
    };
    mountAllListeners.add(finish);
    observer.observe(element);
  });
}

export function NearViewport({ className, children }: { className: string; children: ReactNode }) {
  const [near, setNear] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (near || !element) return;
    if (mountAllRequested || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const mount = () => setNear(true);
    mountAllListeners.add(mount);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) mount();
      },
      { rootMargin: NEAR_MARGIN },
    );
    observer.observe(element);
    return () => {
      mountAllListeners.delete(mount);
      observer.disconnect();
    };
  }, [near]);
  return (
    <div ref={box} className={className} data-mounted={near ? '' : undefined}>
      {near ? children : null}
    </div>
  );
}
