// The figures the model picker shows for each preset (parameters total/active, max context), computed at
// build time by vite.config.ts from the same core the app runs: the configs themselves load lazily, so the
// picker can show these on first paint without them.
import { countParameters } from '../src/core/model/count-parameters.ts';
import { modelFromHfConfig } from '../src/core/model/from-hf-config.ts';

export interface PresetFacts {
  /** All parameters of the language model (every expert), in billions to three significant digits. */
  totalParametersB?: number;
  /** Parameters used per token (differs from total for a mixture of experts), billions likewise. */
  activeParametersB?: number;
  /** ModelSpec.maxContextTokens; absent when the config does not say. */
  maxContextTokens?: number;
}

/** A preset's figures, or {} when its config cannot be read (npm run lint:data reports that). */
export function presetFacts(config: unknown, name: string): PresetFacts {
  try {
    const spec = modelFromHfConfig(config, name);
    const { total, active } = countParameters(spec);
    // Billions to three significant digits: the picker shows "70.6B"; the exact counts come with the config.
    const billions = (n: number) => Number((n / 1e9).toPrecision(3));
    return {
      totalParametersB: billions(total),
      activeParametersB: billions(active),
      ...(spec.maxContextTokens !== null ? { maxContextTokens: spec.maxContextTokens } : {}),
    };
  } catch {
    return {};
  }
}
