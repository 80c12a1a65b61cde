// The newest choice of model wins: a Hugging Face fetch that answers after the person picked a preset (or
// started another fetch, or used a pasted config) must not replace that choice.
import { beforeEach, describe, expect, it } from 'vitest';
import { CUSTOM_MODEL_ID, defaultScenario } from '../../src/scenario';
import {
  applyCustomModel,
  beginModelRequest,
  replaceScenario,
  selectPreset,
  useAppStore,
} from '../../src/state/store';

const CONFIG = { model_type: 'llama' };

beforeEach(() => {
  replaceScenario(defaultScenario('2026-12-03'));
  useAppStore.setState({ customModel: null });
});

describe('model choice: the newest wins', () => {
  it('a fetch that answers after a preset was picked is dropped, and its request was cancelled', () => {
    const request = beginModelRequest();
    selectPreset('qwen3-8b');
    expect(request.aborted).toBe(true);
    const applied = applyCustomModel({ name: 'org/late', config: CONFIG, hfRepo: 'org/late' }, request);
    expect(applied).toBe(false);
    const s = useAppStore.getState();
    expect(s.scenario.modelId).toBe('qwen3-8b');
    expect(s.scenario.hfRepo).toBeNull();
    expect(s.customModel).toBeNull();
  });

  it('a second fetch cancels the first; only the second may apply', () => {
    const first = beginModelRequest();
    const second = beginModelRequest();
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
    expect(applyCustomModel({ name: 'org/one', config: CONFIG, hfRepo: 'org/one' }, first)).toBe(false);
    expect(applyCustomModel({ name: 'org/two', config: CONFIG, hfRepo: 'org/two' }, second)).toBe(true);
    expect(useAppStore.getState().scenario).toMatchObject({ modelId: CUSTOM_MODEL_ID, hfRepo: 'org/two' });
  });

  it('a pasted config cancels a pending fetch', () => {
    const request = beginModelRequest();
    expect(applyCustomModel({ name: 'Pasted config', config: CONFIG, hfRepo: null })).toBe(true);
    expect(request.aborted).toBe(true);
    expect(applyCustomModel({ name: 'org/late', config: CONFIG, hfRepo: 'org/late' }, request)).toBe(false);
    expect(useAppStore.getState().customModel?.name).toBe('Pasted config');
  });

  it('a fetch that answers in time applies', () => {
    const request = beginModelRequest();
    expect(applyCustomModel({ name: 'org/ok', config: CONFIG, hfRepo: 'org/ok' }, request)).toBe(true);
    expect(useAppStore.getState().scenario).toMatchObject({ modelId: CUSTOM_MODEL_ID, hfRepo: 'org/ok' });
    // Its request is finished, so a later preset pick has nothing to cancel and still applies.
    selectPreset('qwen3-8b');
    expect(useAppStore.getState().scenario.modelId).toBe('qwen3-8b');
  });
});
