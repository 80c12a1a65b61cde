// The controls on the page offer exactly the ranges a share link may carry (src/scenario LIMITS): a link
// can never hold a value the slider cannot show, and the slider can never set one a link would refuse.
// The inputs are rendered to HTML (no browser needed) and each number field's min/max is read back.
import { createElement, type FunctionComponent } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { describe, expect, it } from 'vitest';
import { ProjectionInputs } from '../../src/features/projection/projection-inputs';
import { MIN_TPS_STOPS, RigConstraints } from '../../src/features/rig-table/rig-constraints';
import { WorkloadInputs } from '../../src/features/workload/workload-inputs';
import { defaultScenario, LIMITS } from '../../src/scenario';
import { findPreset } from '../../src/state/model-presets';
import { useAppStore } from '../../src/state/store';

/** data-name of each number field -> the LIMITS entry of the link field it sets. */
const FIELDS: Record<string, keyof typeof LIMITS> = {
  'context-number': 'contextTokens',
  'batch-number': 'batch',
  'min-tps-number': 'minTokensPerSecond',
  budget: 'budgetUsd',
  'target-number': 'targetMemoryGiB',
  'threshold-number': 'thresholdUsd',
  'decline-number': 'customDeclinePercent',
};

/** The component's HTML once everything it waits for (the model preset's config, read for the context
 *  limit) has arrived. */
async function renderWhole(component: FunctionComponent): Promise<string> {
  const { prelude } = await prerenderToNodeStream(createElement(component));
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}

async function numberInputs(component: FunctionComponent): Promise<Map<string, { min: number; max: number }>> {
  const html = await renderWhole(component);
  const out = new Map<string, { min: number; max: number }>();
  // The number fields are text inputs with the spinbutton role: their range is in aria-valuemin/max.
  for (const tag of html.match(/<input[^>]*role="spinbutton"[^>]*>/g) ?? []) {
    const attr = (name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
    const name = attr('data-name');
    if (name) out.set(name, { min: Number(attr('aria-valuemin')), max: Number(attr('aria-valuemax')) });
  }
  return out;
}

describe('control ranges equal the link codec ranges', () => {
  it('every numeric control of the workload, rig and projection inputs', async () => {
    // Server rendering reads the store's initial state (zustand's server snapshot), so the custom-decline
    // slider, shown only for rate=custom, is switched on there.
    const initial = useAppStore.getInitialState();
    const saved = initial.scenario;
    initial.scenario = { ...saved, rate: 'custom' };
    let found: Map<string, { min: number; max: number }>;
    try {
      found = new Map([
        ...(await numberInputs(WorkloadInputs)),
        ...(await numberInputs(RigConstraints)),
        ...(await numberInputs(ProjectionInputs)),
      ]);
    } finally {
      initial.scenario = saved;
    }
    expect([...found.keys()].sort()).toEqual(Object.keys(FIELDS).sort());
    for (const [name, range] of found) {
      const key = FIELDS[name];
      expect(key, name).toBeDefined();
      if (key === 'contextTokens') continue;
      if (key) expect(range, name).toEqual({ min: LIMITS[key].min, max: LIMITS[key].max });
    }
    // The context field ends at the model's own limit (its config's max_position_embeddings or RoPE
    // scaling), within the link's range: a link asking for more is brought down with a notice.
    const modelLimit = findPreset(defaultScenario().modelId)?.maxContextTokens;
    expect(modelLimit).toBeGreaterThan(LIMITS.contextTokens.min);
    expect(found.get('context-number')).toEqual({
      min: LIMITS.contextTokens.min,
      max: Math.min(LIMITS.contextTokens.max, modelLimit as number),
    });
  });
});

describe('the minimum-speed slider', () => {
  it('its stops run from the link minimum to the link maximum, in order', () => {
    const { min, max } = LIMITS.minTokensPerSecond;
    expect(MIN_TPS_STOPS[0]).toBe(min);
    expect(MIN_TPS_STOPS[MIN_TPS_STOPS.length - 1]).toBe(max);
    expect([...MIN_TPS_STOPS].sort((a, b) => a - b)).toEqual([...MIN_TPS_STOPS]);
  });
});
