// The page: header with the share and theme controls, notices, the one-sentence answer, then one section
// per question. Features do not import each other; this file composes them.
import { ErrorBoundary } from '../components/error-boundary';
import { Answer } from '../features/answer/answer';
import { DataSources } from '../features/data-sources/data-sources';
import { MemoryBreakdown } from '../features/memory-breakdown/memory-breakdown';
import { ModelPicker } from '../features/model-picker/model-picker';
import { Notices } from '../features/notices/notices';
import { Projection } from '../features/projection/projection';
import { ProjectionInputs } from '../features/projection/projection-inputs';
import { RigConstraints } from '../features/rig-table/rig-constraints';
import { RigTable } from '../features/rig-table/rig-table';
import { ShareLink } from '../features/share-link/share-link';
import { UsdPerGbHistory } from '../features/usd-per-gb/usd-per-gb';
import { WorkloadInputs } from '../features/workload/workload-inputs';
import { ThemeToggle } from './theme-toggle';
import '../features/notices/notices.css';
import '../features/model-picker/model-picker.css';
import '../features/memory-breakdown/memory-breakdown.css';
import '../features/rig-table/rig-table.css';
import '../features/projection/projection.css';

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
        <ErrorBoundary part="the answer">
          <Answer />
        </ErrorBoundary>
        <section className="panel" aria-labelledby="h-model">
          <h2 id="h-model">1. Model and memory</h2>
          <div className="two-col">
            <div className="inputs">
              <ErrorBoundary part="the model picker">
                <ModelPicker />
              </ErrorBoundary>
              <WorkloadInputs />
            </div>
            <div className="outputs">
              <h3>Memory needed</h3>
              <ErrorBoundary part="the memory breakdown">
                <MemoryBreakdown />
              </ErrorBoundary>
            </div>
          </div>
        </section>
        <section className="panel" aria-labelledby="h-rigs">
          <h2 id="h-rigs">2. The cheapest rigs that hold it</h2>
          <RigConstraints />
          <ErrorBoundary part="the rig table">
            <RigTable />
          </ErrorBoundary>
        </section>
        <section className="panel" aria-labelledby="h-projection">
          <h2 id="h-projection">3. When does a big rig cost a few thousand dollars?</h2>
          <div className="two-col wide-right">
            <div className="inputs">
              <ProjectionInputs />
            </div>
            <div className="outputs">
              <ErrorBoundary part="the projection">
                <Projection />
              </ErrorBoundary>
            </div>
          </div>
        </section>
        <section className="panel" aria-labelledby="h-usd-per-gb">
          <h2 id="h-usd-per-gb">Memory price history ($/GB)</h2>
          <ErrorBoundary part="the $/GB history">
            <UsdPerGbHistory />
          </ErrorBoundary>
        </section>
        <section className="panel" aria-labelledby="h-data">
          <h2 id="h-data">Data sources</h2>
          <ErrorBoundary part="the data sources">
            <DataSources />
          </ErrorBoundary>
        </section>
      </main>
      <footer className="site-footer muted">
        rigcast is open source (MIT). Everything is computed in your browser; nothing is sent anywhere unless
        you fetch a config from Hugging Face.
      </footer>
    </>
  );
}
