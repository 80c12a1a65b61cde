// The controls on the page offer exactly the ranges a share link may carry (src/scenario LIMITS): a link
// can never hold a value the slider cannot show, and the slider can never set one a link would refuse.
// The inputs are rendered to HTML (no browser needed) and each number field's min/max is read back.
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProjectionInputs } from '../../src/features/projection/projection-inputs';
import { MIN_TPS_STOPS, RigConstraints } from '../../src/features/rig-table/rig-constraints';
import { WorkloadInputs } from '../../src/features/workload/workload-inputs';
import { LIMITS } from '../../src/scenario';
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

function numberInputs(component: FunctionComponent): Map<string, { min: number; max: number }> {
  const html = renderToStaticMarkup(createElement(component));
  const out = new Map<string, { min: number; max: number }>();
  for (const tag of html.match(/<input[^>]*type="number"[^>]*>/g) ?? []) {
    const attr = (name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
    const name = attr('data-name');
    if (name) out.set(name, { min: Number(attr('min')), max: Number(attr('max')) });
  }
  return out;
}

describe('control ranges equal the link codec ranges', () => {
  it('every numeric control of the workload, rig and projection inputs', () => {
    // Server rendering reads the store's initial state (zustand's server snapshot), so the custom-decline
    // slider, shown only for rate=custom, is switched on there.
    const initial = useAppStore.getInitialState();
    const saved = initial.scenario;
    initial.scenario = { ...saved, rate: 'custom' };
    let found: Map<string, { min: number; max: number }>;
    try {
      found = new Map([
        ...numberInputs(WorkloadInputs),
        ...numberInputs(RigConstraints),
        ...numberInputs(ProjectionInputs),
      ]);
    } finally {
      initial.scenario = saved;
    }
    expect([...found.keys()].sort()).toEqual(Object.keys(FIELDS).sort());
    for (const [name, range] of found) {
      const key = FIELDS[name];
      expect(key, name).toBeDefined();
      if (key) expect(range, name).toEqual({ min: LIMITS[key].min, max: LIMITS[key].max });
    }
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
