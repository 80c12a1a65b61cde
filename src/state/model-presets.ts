// The model presets (their list and configs come from src/data/models.ts) and the state of each config's
// load, with a hook that re-renders when one arrives.
import { useSyncExternalStore } from 'react';
import {
  loadModelPresetFile,
  MODEL_PRESET_ENTRIES,
  MODEL_PRESET_PROBLEMS,
  type ModelPresetEntry,
} from '../data/models';

export { MODEL_PRESET_PROBLEMS };

export type ModelPreset = ModelPresetEntry;
export const MODEL_PRESETS: readonly ModelPreset[] = MODEL_PRESET_ENTRIES;

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
  if (!preset) {
    const failed: PresetConfigState = { status: 'failed', message: `No config file for preset "${id}".` };
    configs.set(id, failed);
    return failed;
  }
  const loading: PresetConfigState = { status: 'loading' };
  configs.set(id, loading);
  loadModelPresetFile(preset).then(
    (file) => {
      configs.set(id, { status: 'ready', ...file });
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
