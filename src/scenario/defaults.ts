import { todayIso } from '../core/units.ts';
import type { Scenario } from './scenario';

/** The scenario a first visit shows: a 70B model most people ask about, at the most common local quant. */
export function defaultScenario(today: string = todayIso()): Scenario {
  return {
    modelId: 'llama-3-1-70b',
    hfRepo: null,
    weightFormat: 'q4_k_m',
    kvCacheFormat: 'f16',
    contextTokens: 32_768,
    batch: 1,
    engine: 'llama.cpp',
    conditions: 'any',
    requireFp8: false,
    minTokensPerSecond: 0,
    budgetUsd: 0,
    asOf: today,
    targetMemoryGiB: 512,
    thresholdUsd: 3000,
    rate: 'fitted',
    customDeclinePercent: 20,
    includeSpike: true,
    fitStartYear: 0,
  };
}
