// The model presets in data/models/<id>.json, the one module the app loads them through. Their list (id,
// name, Hugging Face repo, aliases) is in the first-paint bundle (virtual:model-index). The default
// scenario's preset config loads right after first paint in a small chunk of its own
// (virtual:model-config-default); every other config loads on demand as ONE chunk (virtual:model-configs):
// they share most of their keys, so together they compress to far fewer bytes than one small chunk each,
// and the first other model picked brings all the others with it. The modules are built from data/models/ by
// scripts/vite-model-presets-plugin.ts, through the data gate: a preset that fails it is left out of the list and
// named in MODEL_PRESET_PROBLEMS. Nothing is fetched from outside.
import presetIndex, { presetProblems } from 'virtual:model-index';
import type { DataProblem } from './problems';

export interface ModelPresetEntry {
  id: string;
  name: string;
  hfRepo: string;
  aliases: string[];
  /** File name in data/models/. */
  file: string;
  /** Its config is in the default scenario's small chunk (virtual:model-config-default). */
  inDefaultChunk: boolean;
  /** Parameters (all, and used per token; three significant digits) and the longest context, computed at
   *  build time from the config (scripts/model-facts.ts); null when the config could not be read or does not
   *  say. */
  totalParameters: number | null;
  activeParameters: number | null;
  maxContextTokens: number | null;
}

/** What a preset file holds besides its listing: the model's config.json and where it was copied from. */
export interface ModelPresetFile {
  config: unknown;
  sourceUrl: string;
  retrievedOn: string;
}

type PresetConfigs = Record<string, { config?: unknown; sourceUrl?: unknown; retrievedOn?: unknown }>;

/** One chunk of configs: loaded once (a failed load may be retried), then answered synchronously. */
function configChunk(importChunk: () => Promise<{ default: PresetConfigs }>) {
  let pending: Promise<PresetConfigs> | null = null;
  let loaded: PresetConfigs | null = null;
  return {
    load(): Promise<PresetConfigs> {
      if (!pending) {
        const p = importChunk().then((m) => {
          loaded = m.default;
          return m.default;
        });
        p.catch(() => {
          pending = null;
        });
        pending = p;
      }
      return pending;
    },
    loaded: () => loaded,
  };
}
const defaultChunk = configChunk(() => import('virtual:model-config-default'));
const othersChunk = configChunk(() => import('virtual:model-configs'));
const chunkOf = (entry: ModelPresetEntry) => (entry.inDefaultChunk ? defaultChunk : othersChunk);

/** Presets left out at build time (a broken envelope or a config the memory model cannot read), each
 *  naming its file: the page shows them in its data notice. */
export const MODEL_PRESET_PROBLEMS: readonly DataProblem[] = presetProblems;

/** Every preset, sorted by name. */
export const MODEL_PRESET_ENTRIES: readonly ModelPresetEntry[] = presetIndex
  .map((p) => ({
    id: p.id,
    name: p.name,
    hfRepo: p.hfRepo ?? '',
    aliases: Array.isArray(p.aliases) ? p.aliases.filter((a): a is string => typeof a === 'string') : [],
    file: p.file,
    inDefaultChunk: p.inDefaultChunk === true,
    totalParameters: p.totalParametersB === undefined ? null : p.totalParametersB * 1e9,
    activeParameters: p.activeParametersB === undefined ? null : p.activeParametersB * 1e9,
    maxContextTokens: p.maxContextTokens ?? null,
  }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

function fileOf(configs: PresetConfigs, entry: ModelPresetEntry): ModelPresetFile {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const file = configs[entry.file];
  if (!file || file.config === undefined) throw new Error(`no config in data/models/${entry.file}`);
  return { config: file.config, sourceUrl: text(file.sourceUrl), retrievedOn: text(file.retrievedOn) };
}

/** Load one preset's config (with the others in its chunk). Rejects if the chunk fails to load or the preset
 *  has no config. */
export function loadModelPresetFile(entry: ModelPresetEntry): Promise<ModelPresetFile> {
  return chunkOf(entry)
    .load()
    .then((configs) => fileOf(configs, entry));
}

/** One preset's config if its chunk has arrived (undefined before); throws like loadModelPresetFile. */
export function loadedModelPresetFile(entry: ModelPresetEntry): ModelPresetFile | undefined {
  const configs = chunkOf(entry).loaded();
  return configs ? fileOf(configs, entry) : undefined;
}
