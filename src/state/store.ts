// The one store: the scenario (every input) plus the custom model config a person pasted, uploaded or
// fetched, and the notices waiting to be read. Nothing derived lives here: results come from the hooks in
// derived.ts, which call the pure core with memoization. Only src/state imports zustand.
import { create } from 'zustand';
import { CUSTOM_MODEL_ID, defaultScenario, type Scenario } from '../scenario';
import { prerenderedAsOf } from './hydration';

/** A config.json that is not a preset. The raw config is kept: the model spec is derived from it. */
export interface CustomModel {
  name: string;
  config: unknown;
  /** Hugging Face repo it was fetched from, when it was. */
  hfRepo: string | null;
}

export interface Notice {
  id: string;
  kind: 'link' | 'data';
  text: string;
  /** One line per item (each dropped link field, each data problem). */
  details: string[];
}

interface AppState {
  scenario: Scenario;
  customModel: CustomModel | null;
  notices: Notice[];
}

// The initial state is what the page was pre-rendered with (its as-of date is the build's): zustand hydrates
// the pre-rendered HTML with it, then renders the scenario main.tsx decodes from the link (see hydration.ts).
export const useAppStore = create<AppState>(() => ({
  scenario: defaultScenario(prerenderedAsOf()),
  customModel: null,
  notices: [],
}));

export function setScenario(patch: Partial<Scenario>): void {
  useAppStore.setState((s) => ({ scenario: { ...s.scenario, ...patch } }));
}

export function replaceScenario(scenario: Scenario): void {
  useAppStore.setState({ scenario });
}

/** Use a custom config (already validated by the caller) and switch the scenario to it. */
export function applyCustomModel(model: CustomModel): void {
  useAppStore.setState((s) => ({
    customModel: model,
    scenario: { ...s.scenario, modelId: CUSTOM_MODEL_ID, hfRepo: model.hfRepo },
  }));
}

export function selectPreset(modelId: string): void {
  setScenario({ modelId, hfRepo: null });
}

export function addNotices(notices: readonly Notice[]): void {
  if (notices.length === 0) return;
  useAppStore.setState((s) => ({ notices: [...s.notices, ...notices] }));
}

export function dismissNotice(id: string): void {
  useAppStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

export function useScenario(): Scenario {
  return useAppStore((s) => s.scenario);
}

export function useScenarioField<K extends keyof Scenario>(key: K): Scenario[K] {
  return useAppStore((s) => s.scenario[key]);
}

export function useNotices(): Notice[] {
  return useAppStore((s) => s.notices);
}

export function useCustomModelState(): CustomModel | null {
  return useAppStore((s) => s.customModel);
}
