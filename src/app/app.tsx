// The page: header with the share and theme controls, notices, the one-sentence answer, then one section
// per question. Features do not import each other; this file composes them.
import { lazy, type ReactNode, Suspense, use, useEffect, useRef } from 'react';
import { ErrorBoundary } from '../components/error-boundary';
import { whenNearViewport } from '../components/near-viewport';
import { Answer } from '../features/answer/answer';
import { MemoryBreakdown } from '../features/memory-breakdown/memory-breakdown';
import { ModelPicker } from '../features/model-picker/model-picker';
import { Notices } from '../features/notices/notices';
import { ProjectionInputs } from '../features/projection/projection-inputs';
import { RepoFilesEntry } from '../features/repo-files/repo-files-entry';
import { RigConstraints } from '../features/rig-table/rig-constraints';
import { ShareLink } from '../features/share-link/share-link';
import { WorkloadInputs } from '../features/workload/workload-inputs';
import { afterFirstPaint } from '../state/after-first-paint';
import { tracked, useHydrating } from '../state/hydration';
import { QuickQuestions } from './quick-questions';
import { ThemeToggle } from './theme-toggle';
import '../features/notices/notices.css';
import '../features/model-picker/model-picker.css';
import '../features/memory-breakdown/memory-breakdown.css';
import '../features/rig-table/rig-table.css';
import '../features/projection/projection.css';

// The parts below the inputs need the price dataset, which loads after first paint; their code loads with it
// (never before first paint: the pre-rendered page shows them meanwhile).
const RigTable = lazy(() =>
  afterFirstPaint()
    .then(() => import('../features/rig-table/rig-table'))
    .then((m) => ({ default: m.RigTable })),
);
const Projection = lazy(() =>
  afterFirstPaint()
    .then(() => import('../features/projection/projection'))
    .then((m) => ({ default: m.Projection })),
);
const UsdPerGbHistory = lazy(() =>
  afterFirstPaint()
    .then(() => import('../features/usd-per-gb/usd-per-gb'))
    .then((m) => ({ default: m.UsdPerGbHistory })),
);
const DataSources = lazy(() =>
  afterFirstPaint()
    .then(() => import('../features/data-sources/data-sources'))
    .then((m) => ({ default: m.DataSources })),
);

// A pre-rendered part is hydrated (and computes what it shows) when it approaches the viewport: until then
// its pre-rendered HTML is what React would render, so a part far below the fold costs nothing at load.
const nearViewport = new Map<string, Promise<void>>();
function whenPartNearViewport(name: string): Promise<void> {
  let pending = nearViewport.get(name);
  if (!pending) {
    pending = tracked(whenNearViewport(document.querySelector(`.part[data-part="${name}"]`)));
    nearViewport.set(name, pending);
  }
  return pending;
}

/** Marks its part live once React has rendered it in the browser (hydrated or mounted): until then a
 *  pre-rendered part shows the pre-rendered scenario, which app.css hides when the page shows another one
 *  (a link's, or a slider moved before the data arrived; see main.tsx). While hydrating, it waits until the
 *  part approaches the viewport. */
function LivePart({ name, children }: { name: string; children: ReactNode }) {
  const hydrating = useHydrating();
  if (hydrating && typeof document !== 'undefined') use(whenPartNearViewport(name));
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.setAttribute('data-live', '');
  }, []);
  return (
    <div ref={box} className="part" data-part={name}>
      {children}
    </div>
  );
}

/** An error boundary and a loading placeholder around one part of the page. While the pre-rendered page
 *  hydrates, a part whose data has not arrived waits inside its boundary with its pre-rendered HTML shown. */
function Part({ name, children }: { name: string; children: ReactNode }) {
  return (
    <ErrorBoundary part={name}>
      <Suspense fallback={<p className="muted">Loading {name}…</p>}>
        <LivePart name={name}>{children}</LivePart>
      </Suspense>
    </ErrorBoundary>
  );
}

export function App() {
  return (
    <>
      <header className="site-header">
        <div className="site-title">
          <h1>rigcast</h1>
          <p className="muted">
            How much memory an open LLM needs, the cheapest rig that holds it, and when big rigs get cheap.
          </p>
        </div>
        <div className="site-actions">
          <ShareLink />
          <ThemeToggle />
        </div>
      </header>
      <main className="page">
        <Notices />
        <Part name="the answer">
          <Answer />
        </Part>
        {/* Issues 13 and 17: "what can I run for $X" and "what does my hardware run" (lazy views). */}
        <QuickQuestions />
        <section className="panel" aria-labelledby="h-model">
          <h2 id="h-model">1. Model and memory</h2>
          <div className="two-col">
            <div className="inputs">
              <Part name="the model picker">
                <ModelPicker />
              </Part>
              <Part name="the repository reader">
                <RepoFilesEntry />
              </Part>
              <WorkloadInputs />
            </div>
            <div className="outputs">
              <h3>Memory needed</h3>
              <Part name="the memory breakdown">
                <MemoryBreakdown />
              </Part>
            </div>
          </div>
        </section>
        <section className="panel" aria-labelledby="h-rigs">
          <h2 id="h-rigs">2. The cheapest rigs that hold it</h2>
          <RigConstraints />
          <Part name="the rig table">
            <RigTable />
          </Part>
        </section>
        <section className="panel" aria-labelledby="h-projection">
          <h2 id="h-projection">3. When does a big rig cost a few thousand dollars?</h2>
          <div className="two-col wide-right">
            <div className="inputs">
              <ProjectionInputs />
            </div>
            <div className="outputs">
              <Part name="the projection">
                <Projection />
              </Part>
            </div>
          </div>
        </section>
        <section className="panel" aria-labelledby="h-usd-per-gb">
          <h2 id="h-usd-per-gb">Memory price history ($/GB)</h2>
          <Part name="the $/GB history">
            <UsdPerGbHistory />
          </Part>
        </section>
        <section className="panel" aria-labelledby="h-data">
          <h2 id="h-data">Data sources</h2>
          <Part name="the data sources">
            <DataSources />
          </Part>
        </section>
      </main>
      <footer className="site-footer muted">
        rigcast is open source (MIT). Everything is computed in your browser; nothing is sent anywhere unless
        you fetch a config or read a repository's file headers from Hugging Face.
      </footer>
    </>
  );
}
