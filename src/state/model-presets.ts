// The model presets (their list and configs come from src/data/models.ts) and the state of each config's
// load, with a hook that re-renders when one arrives.
import { use, useSyncExternalStore } from 'react';
import {
  loadedModelPresetFile,
  loadModelPresetFile,
  MODEL_PRESET_ENTRIES,
  type ModelPresetEntry,
} from '../data/models';
import { afterFirstPaint } from './after-first-paint';
import { fulfilled, tracked, useHydrating } from './hydration';
import { useAppStore } from './store';

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
    return {
      status: 'failed',
      message: `The config of ${preset.name} could not be loaded (${String(error)}).`,
    };
  }
}

const settling = new Map<string, Promise<PresetConfigState>>();

function startLoad(preset: ModelPreset): Promise<PresetConfigState> {
  let pending = settling.get(preset.id);
  if (!pending) {
    pending = loadModelPresetFile(preset)
      .then(
        (file): PresetConfigState => ({ status: 'ready', ...file }),
        (error: unknown): PresetConfigState => ({
          status: 'failed',
          message: `The config of ${preset.name} could not be loaded (${String(error)}).`,
        }),
      )
      .then((state) => {
        configs.set(preset.id, state);
        // A failed load may be retried by the next call.
        if (state.status === 'failed') settling.delete(preset.id);
        notify();
        return state;
      });
    settling.set(preset.id, pending);
  }
  return pending;
}

/** The config of a preset if it is known without loading anything (undefined while it is not). */
function knownConfig(id: string): PresetConfigState | undefined {
  const known = configs.get(id);
  if (known && known.status !== 'loading') return known;
  const preset = byId.get(id);
  if (!preset) {
    const failed: PresetConfigState = { status: 'failed', message: `No config file for preset "${id}".` };
    configs.set(id, failed);
    return failed;
  }
  const now = readyOrFailed(preset);
  if (now) configs.set(id, now);
  return now;
}

/** The config of a preset: loaded once, then served from memory. Starts the load when first asked; once its
 *  chunk has arrived, every preset in that chunk answers at once. */
export function presetConfig(id: string): PresetConfigState {
  const known = knownConfig(id);
  if (known) return known;
  const preset = byId.get(id);
  if (preset) void startLoad(preset);
  const loading: PresetConfigState = configs.get(id) ?? { status: 'loading' };
  configs.set(id, loading);
  return loading;
}

/** Load a preset's config; settles (never rejects) with its final state. */
export function loadPresetConfig(id: string): Promise<PresetConfigState> {
  const now = presetConfig(id);
  const preset = byId.get(id);
  return now.status === 'loading' && preset ? startLoad(preset) : Promise.resolve(now);
}

const getVersion = () => version;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// What hydration waits for: the pre-rendered model's config, loaded after first paint.
let hydrationConfig: Promise<PresetConfigState> | null = null;

/** Re-render when any preset config arrives. While hydrating, wait for the config of the model the page was
 *  pre-rendered with (the component suspends; the pre-rendered HTML stays) and load it after first paint. */
export function usePresetConfigsVersion(): number {
  const hydrating = useHydrating();
  const current = useSyncExternalStore(subscribe, getVersion, getVersion);
  if (hydrating && typeof window !== 'undefined') {
    const id = useAppStore.getInitialState().scenario.modelId;
    const known = knownConfig(id);
    hydrationConfig ??= known
      ? fulfilled(known)
      : tracked(afterFirstPaint().then(() => loadPresetConfig(id)));
    use(hydrationConfig);
  }
  return current;
}
