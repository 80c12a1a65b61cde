// The model presets (their list and configs come from src/data/models.ts) and the state of each config's
// load, with a hook that re-renders when one arrives.
import { use, useSyncExternalStore } from 'react';
import {
  loadedModelPresetFile,
  loadModelPresetConfigs,
  modelPresetConfigsLoaded,
  loadModelPresetFile,
  MODEL_PRESET_ENTRIES,
  type ModelPresetEntry,
} from '../data/models';
import { afterFirstPaint } from './after-first-paint';
import { useHydrating } from './hydration';

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

function readyOrFailed(preset: ModelPreset): PresetConfigState | undefined {
  try {
    const file = loadedModelPresetFile(preset);
    return file ? { status: 'ready', ...file } : undefined;
  } catch (error) {
    return { status: 'failed', message: `The config of ${preset.name} could not be loaded (${String(error)}).` };
  }
}

/** The config of a preset: loaded once, then served from memory. Starts the load when first asked; once the
 *  configs' chunk has arrived, every preset answers at once. */
export function presetConfig(id: string): PresetConfigState {
  const known = configs.get(id);
  if (known && known.status !== 'loading') return known;
  const preset = byId.get(id);
  if (!preset) {
    const failed: PresetConfigState = { status: 'failed', message: `No config file for preset "${id}".` };
    configs.set(id, failed);
    return failed;
  }
  const now = readyOrFailed(preset);
  if (now) {
    configs.set(id, now);
    return now;
  }
  if (known) return known;
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

const getVersion = () => version;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Settles (never rejects) when the configs' chunk has arrived or failed; the load starts after first paint.
let configsSettled: Promise<unknown> | null = null;

/** Re-render when any preset config arrives. While hydrating, wait for the configs (the component suspends;
 *  the pre-rendered HTML stays) and load them after first paint. */
export function usePresetConfigsVersion(): number {
  const hydrating = useHydrating();
  const current = useSyncExternalStore(subscribe, getVersion, getVersion);
  if (hydrating && typeof window !== 'undefined' && !modelPresetConfigsLoaded()) {
    configsSettled ??= afterFirstPaint()
      .then(loadModelPresetConfigs)
      .catch(() => undefined);
    use(configsSettled);
  }
  return current;
}
