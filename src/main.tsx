import { StrictMode, startTransition } from 'react';
import { applyInitialTheme } from './app/theme';
import type { DataProblem } from './data/problems';
import { decodeScenario, encodeScenario } from './scenario';
import { afterFirstPaint } from './state/after-first-paint';
import { loadDataset } from './state/dataset-resource';
import { PRERENDERED_AS_OF_ATTRIBUTE } from './state/hydration';
import { MODEL_ALIASES, MODEL_PRESET_IDS, MODEL_PRESET_PROBLEMS } from './state/model-presets';
import { addNotices, replaceScenario, useAppStore } from './state/store';
import { startUrlSync } from './state/url-sync';
import './styles/global.css';
import './components/components.css';
import './app/app.css';

applyInitialTheme();

const decoded = decodeScenario(window.location.search, {
  modelIds: MODEL_PRESET_IDS,
  modelAliases: MODEL_ALIASES,
});
replaceScenario(decoded.scenario);
if (decoded.notices.length > 0) {
  addNotices([
    {
      id: 'link',
      kind: 'link',
      text: 'Parts of this link could not be used; those fields show their defaults.',
      details: decoded.notices,
    },
  ]);
}
/** One line per problem: what was left out, and why. */
const problemLine = (p: DataProblem) =>
  `${p.leftOut ?? p.file}: ${p.jsonPath === '$' ? '' : `${p.jsonPath} `}${p.message} [${p.rule}]`;
if (MODEL_PRESET_PROBLEMS.length > 0) {
  const files = new Set(MODEL_PRESET_PROBLEMS.map((p) => p.leftOut ?? p.file));
  addNotices([
    {
      id: 'models',
      kind: 'data',
      text: `${files.size} model preset${files.size === 1 ? '' : 's'} failed the data checks and ${files.size === 1 ? 'is' : 'are'} not in the list.`,
      details: MODEL_PRESET_PROBLEMS.map(problemLine),
    },
  ]);
}
void afterFirstPaint()
  .then(loadDataset)
  .then((loaded) => {
    if (loaded.status !== 'ready' || loaded.value.problems.length === 0) return;
    const problems = loaded.value.problems;
    addNotices([
      {
        id: 'data',
        kind: 'data',
        text: `${problems.length} problem${problems.length === 1 ? '' : 's'} in the data files; the affected entries were left out of the results.`,
        details: problems.map(problemLine),
      },
    ]);
  });
startUrlSync();

// React DOM and the page's components arrive as two chunks, each evaluated in a task of its own: one task
// evaluating all of them would block the main thread for longest (Lighthouse's total blocking time).
const root = document.getElementById('root');
void Promise.all([import('react-dom/client'), import('./app/app')]).then(
  ([{ createRoot, hydrateRoot }, { App }]) => {
    const app = (
      <StrictMode>
        <App />
      </StrictMode>
    );
    if (root?.hasAttribute(PRERENDERED_AS_OF_ATTRIBUTE)) {
      // The page was pre-rendered with the store's initial scenario. Parts React has not rendered yet show that
      // one; while the page shows another (a link's, or an input moved before the data arrived), they hide
      // their numbers until they are live (app.css). The boot script in index.html marked a link before first
      // paint.
      const prerendered = encodeScenario(useAppStore.getInitialState().scenario);
      const markStale = () => {
        const stale = encodeScenario(useAppStore.getState().scenario) !== prerendered;
        if (stale) document.documentElement.setAttribute('data-prerender', 'stale');
        return stale;
      };
      if (!markStale()) document.documentElement.removeAttribute('data-prerender');
      const stopWatching = useAppStore.subscribe((state, previous) => {
        if (state.scenario !== previous.scenario && markStale()) stopWatching();
      });
      // In a transition, hydration yields to the browser every few milliseconds (no long task) and to input.
      startTransition(() => {
        hydrateRoot(root, app);
      });
    } else if (root) {
      createRoot(root).render(app);
    }
  },
);
