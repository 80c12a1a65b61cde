// The two questions people ask most, one click away: "what can I run for $X?" and "what does my hardware
// run?". Two toggle buttons open one view at a time (the open one is in the link as ask=); each view's code
// loads when it is first opened, so the first paint carries only these buttons.
import { lazy, type ReactNode, Suspense } from 'react';
import { ErrorBoundary } from '../components/error-boundary';
import { type AskView, budgetViewOf, DEFAULT_OWNED_HARDWARE } from '../scenario';
import { setScenario, useAppStore } from '../state/store';
import './quick-questions.css';

const BudgetView = lazy(() =>
  import('../features/budget/budget-view').then((m) => ({ default: m.BudgetView })),
);
const MyHardware = lazy(() =>
  import('../features/my-hardware/my-hardware').then((m) => ({ default: m.MyHardware })),
);

const QUESTIONS: readonly { id: AskView; label: string }[] = [
  { id: 'budget', label: 'What can I run for $X?' },
  { id: 'hardware', label: 'What does my hardware run?' },
];

/** Open a view (or close it when it is open). Opening writes its settings into the scenario, so the link
 *  carries them even while they are the defaults. */
function toggle(view: AskView): void {
  const s = useAppStore.getState().scenario;
  if (s.ask === view) {
    setScenario({ ask: undefined });
    return;
  }
  setScenario({
    ask: view,
    budgetView: budgetViewOf(s),
    ...(view === 'hardware' ? { ownedHardware: s.ownedHardware ?? DEFAULT_OWNED_HARDWARE } : {}),
  });
}

function Part({ name, children }: { name: string; children: ReactNode }) {
  return (
    <ErrorBoundary part={name}>
      <Suspense fallback={<p className="muted">Loading {name}…</p>}>{children}</Suspense>
    </ErrorBoundary>
  );
}

export function QuickQuestions() {
  const ask = useAppStore((s) => s.scenario.ask);
  return (
    <section className="panel quick-questions" aria-label="Quick questions">
      <div className="ask-buttons">
        {QUESTIONS.map((q) => (
          <button
            key={q.id}
            type="button"
            className={ask === q.id ? 'ask-button open' : 'ask-button'}
            data-name={`ask-${q.id}`}
            aria-expanded={ask === q.id}
            aria-controls="quick-view"
            onClick={() => toggle(q.id)}
          >
            {q.label}
          </button>
        ))}
      </div>
      {ask ? (
        <div id="quick-view" className="quick-view" data-name={`view-${ask}`}>
          {ask === 'budget' ? (
            <Part name="the budget question">
              <BudgetView />
            </Part>
          ) : (
            <Part name="the hardware question">
              <MyHardware />
            </Part>
          )}
        </div>
      ) : null}
    </section>
  );
}
