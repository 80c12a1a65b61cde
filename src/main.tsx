import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyInitialTheme } from './app/theme';
import { decodeScenario } from './scenario';
import type { DataProblem } from './data/problems';
import { MODEL_ALIASES, MODEL_PRESET_IDS, MODEL_PRESET_PROBLEMS } from './state/model-presets';
import { addNotices, replaceScenario } from './state/store';
import { startUrlSync } from './state/url-sync';
import { loadDataset } from './state/dataset-resource';
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
void loadDataset().then((loaded) => {
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

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
