// Build-time only (never in the browser bundle). The page as the build pre-renders it (scripts/vite-prerender-plugin.ts loads this module in Node through
// Vite, with the same plugins, the same dataset loader and the same core code as the browser): the store's
// initial scenario (the default one, priced as of the build date), with every resource the first screen
// shows loaded first, so the HTML holds the complete answer with its real numbers. main.tsx hydrates it.
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { classOutlook } from '../core/projection/answer';
import { RIG_CLASSES } from '../core/projection/rig-class-labels';
import { dataset as shippedDataset } from '../data/dataset';
import { encodeScenario } from '../scenario';
import { loadDataset } from '../state/dataset-resource';
import { loadMemoryEngine } from '../state/derived';
import { type HistorySeed, outlookKey } from '../state/history-seed';
import { loadPresetConfig } from '../state/model-presets';
import { useAppStore } from '../state/store';
import { App } from './app';

export interface PrerenderedPage {
  /** The markup that goes inside #root. */
  html: string;
  /** The scenario it shows, as its link query (what the boot script compares the address with). */
  query: string;
  /** Its as-of date (the build date), written on #root for hydration (state/hydration.ts). */
  asOf: string;
}

/** Texts a part shows while its data is missing: a pre-render holding one of them is not complete. */
const INCOMPLETE = ['not available yet', 'Loading '];

export async function prerenderPage(): Promise<PrerenderedPage> {
  const scenario = useAppStore.getInitialState().scenario;
  const [dataset, memory, config] = await Promise.all([
    loadDataset(),
    loadMemoryEngine(),
    loadPresetConfig(scenario.modelId),
  ]);
  if (dataset.status === 'failed') throw new Error(dataset.message);
  if (memory.status === 'failed') throw new Error(memory.message);
  if (config.status === 'failed') throw new Error(config.message);
  const { prelude } = await prerender(
    <StrictMode>
      <App />
    </StrictMode>,
    // Every part inline, in page order: no part outlined behind a fallback with a script to reveal it
    // (React outlines parts larger than this, which the CSP would block and the first paint would miss).
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  const html = await new Response(prelude).text();
  const missing = INCOMPLETE.filter((text) => html.includes(text));
  if (missing.length > 0) throw new Error(`the pre-rendered page is incomplete (it says "${missing[0]}")`);
  if (html.includes('<script')) throw new Error('the pre-rendered page has an inline script');
  return { html, query: encodeScenario(scenario), asOf: scenario.asOf };
}

/** The price history the pre-rendered scenario's projection needs (each rig class's history and component
 *  estimates for its target and date), computed by the core on the dataset the browser gets
 *  (scripts/vite-history-seed-plugin.ts ships it; state/class-outlooks.ts uses it). */
export function historySeed(): HistorySeed {
  const s = useAppStore.getInitialState().scenario;
  return {
    outlooks: RIG_CLASSES.map((rigClass) => {
      const { history, components } = classOutlook(shippedDataset, {
        rigClass,
        targetBytes: s.targetMemoryGiB * 2 ** 30,
        asOf: s.asOf,
      });
      return {
        key: outlookKey(rigClass, s.targetMemoryGiB, s.asOf),
        rigClass,
        targetGiB: s.targetMemoryGiB,
        asOf: s.asOf,
        history,
        components,
      };
    }),
  };
}
