// The model presets in data/models/<id>.json. Their list (id, name, source) is in the first-paint bundle
// (virtual:model-index, built by vite.config.ts); each config.json is its own small chunk, loaded when the
// model is picked. Nothing is fetched from outside: the chunks are part of the build.
import { useSyncExternalStore } from 'react';
import presetIndex from 'virtual:model-index';

export interface ModelPreset {
  id: string;
  name: string;
  hfRepo: string;
  aliases: string[];
  file: string;
}

const presetLoaders = import.meta.glob('../../data/models/*.json', { import: 'default' }) as Record<
  string,
  () => Promise<Record<string, unknown>>
>;

export const MODEL_PRESETS: readonly ModelPreset[] = presetIndex
  .map((p) => ({
    id: p.id,
    name: p.name,
    hfRepo: p.hfRepo ?? '',
    aliases: Array.isArray(p.aliases) ? p.aliases.filter((a): a is string => typeof a === 'string') : [],
    file: p.file,
  }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

export const MODEL_PRESET_IDS: readonly string[] = MODEL_PRESETS.map((p) => p.id);

export const MODEL_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  MODEL_PRESETS.flatMap((p) => p.aliases.map((alias) => [alias, p.id] as const)),
);

const byId = new Map(MODEL_PRESETS.map((p) => [p.id, p]));
export function findPreset(id: string): ModelPreset | undefined {
  return byId.get(id);
}

export type PresetConfigState =
  | { status: 'loading' }
  | { status: 'ready'; config: unknown; sourceUrl: string; retrievedOn: string }
  | { status: 'failed'; message: string };

const configs = new Map<string, PresetConfigState>();
const listeners = new Set<() => void>();
let version = 0;

function notify(): void {
  version++;
  for (const l of listeners) l();
}

/** The config of a preset: loaded once, then served from memory. Starts the load when first asked. */
export function presetConfig(id: string): PresetConfigState {
  const known = configs.get(id);
  if (known) return known;
  const preset = byId.get(id);
  const load = preset ? presetLoaders[`../../data/models/${preset.file}`] : undefined;
  if (!preset || !load) {
    const failed: PresetConfigState = { status: 'failed', message: `No config file for preset "${id}".` };
    configs.set(id, failed);
    return failed;
  }
  const loading: PresetConfigState = { status: 'loading' };
  configs.set(id, loading);
  load().then(
    (file) => {
      const text = (v: unknown) => (typeof v === 'string' ? v : '');
      configs.set(id, {
        status: 'ready',
        config: file.config,
        sourceUrl: text(file.sourceUrl),
        retrievedOn: text(file.retrievedOn),
      });
      notify();
    },
    (error: unknown) => {
      configs.set(id, {
        status: 'failed',
        message: `The config of ${preset.name} could not be loaded (${String(error)}).`,
      });
      notify();
    },
  );
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-render when any preset config arrives. */
export function usePresetConfigsVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
