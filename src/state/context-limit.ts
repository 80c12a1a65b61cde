// The longest context the model in use was built for (ModelSpec.maxContextTokens: max_position_embeddings,
// or a stretching RoPE scaling's length), and keeping the scenario within it: the context slider ends
// there, and a larger context (from a link, or left over from a model with a longer limit) is brought down
// to it. A link that asked for more gets a notice saying so.
import { useEffect } from 'react';
import { CUSTOM_MODEL_ID, LIMITS } from '../scenario';
import { useModelInUse } from './derived';
import { findPreset } from './model-presets';
import { addNotices, setScenario, useAppStore } from './store';

export interface ContextLimit {
  /** Tokens, within the link's range (LIMITS.contextTokens). */
  maxTokens: number;
  modelName: string;
}

/** The model's context limit; null while it is not known (a custom config still loading, or a config that
 *  does not say). Presets' limits are known at first paint (computed at build time). */
export function useContextLimit(): ContextLimit | null {
  const modelId = useAppStore((s) => s.scenario.modelId);
  const model = useModelInUse();
  let max: number | null = null;
  let name = '';
  if (modelId !== CUSTOM_MODEL_ID) {
    const preset = findPreset(modelId);
    max = preset?.maxContextTokens ?? null;
    name = preset?.name ?? modelId;
  } else if (model.status === 'ok') {
    max = model.value.spec.maxContextTokens;
    name = model.value.name;
  }
  if (max === null) return null;
  const { min, max: linkMax } = LIMITS.contextTokens;
  return { maxTokens: Math.max(min, Math.min(linkMax, max)), modelName: name };
}

// The link the page was opened with: a context it asked for beyond the model's limit gets a notice. (The
// first render may be the pre-rendered default scenario, hydrating, before the link's scenario is shown.)
const opened =
  typeof window === 'undefined' ? new URLSearchParams() : new URLSearchParams(window.location.search);
const linkContext = Number(opened.get('ctx'));
let linkNoticeShown = false;

const grouped = new Intl.NumberFormat('en-US');

/** Bring the scenario's context down to the limit when it is above it. When that context is the one the
 *  page's link asked for, a notice says so (once). */
export function useClampContext(contextTokens: number, limit: ContextLimit | null): void {
  useEffect(() => {
    if (limit === null || contextTokens <= limit.maxTokens) return;
    const fromLink = !linkNoticeShown && contextTokens === linkContext;
    setScenario({ contextTokens: limit.maxTokens });
    if (fromLink) {
      linkNoticeShown = true;
      addNotices([
        {
          id: 'context-limit',
          kind: 'link',
          text: `This link asks for a context of ${grouped.format(contextTokens)} tokens; ${limit.modelName} was built for at most ${grouped.format(limit.maxTokens)} (its config's max_position_embeddings or RoPE scaling), so ${grouped.format(limit.maxTokens)} is used.`,
          details: [],
        },
      ]);
    }
  }, [contextTokens, limit]);
}
