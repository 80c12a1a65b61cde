// A model preset's config must be one the memory model can read: a preset the picker lists but cannot
// estimate is a broken promise. Runs the app's own parser (src/core/model/from-hf-config.ts) on it.
import { ModelConfigError, modelFromHfConfig } from '../../../core/model/from-hf-config.ts';
import type { DataProblem } from '../../problems';
import type { LintRule } from '../types';

export const modelConfigRule: LintRule = {
  id: 'model-config',
  description: "a model preset's config is read by the memory model without error",
  check({ files }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.folder !== 'models' || !f.data) continue;
      try {
        modelFromHfConfig(f.data.config, f.data.id);
      } catch (error) {
        const field = error instanceof ModelConfigError ? error.field : '';
        out.push({
          file: f.path,
          jsonPath: field && /^[\w.[\]]+$/.test(field) ? `$.config.${field}` : '$.config',
          severity: 'error',
          rule: 'model-config',
          message: `the memory model cannot read this config: ${error instanceof Error ? error.message : String(error)}`,
          fix: "copy the model's config.json again from its page (sourceUrl), unchanged; if the architecture is new, it needs support in src/core/model/from-hf-config.ts first",
        });
      }
    }
    return out;
  },
};
