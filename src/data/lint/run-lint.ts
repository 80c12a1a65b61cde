// Runs every rule over the data files. Pure: the caller reads the files and passes today's date.
import type { DataProblem } from '../problems';
import { buildLintContext } from './context.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.ts';
import { appendOnlyRule } from './rules/append-only.ts';
import { buildableFactsRule } from './rules/buildable-facts.ts';
import { canonicalFormatRule } from './rules/canonical-format.ts';
import { datesRule } from './rules/dates.ts';
import { duplicateObservationsRule } from './rules/duplicate-observations.ts';
import { explainedValuesRule } from './rules/explained-values.ts';
import { farFromMsrpRule } from './rules/far-from-msrp.ts';
import { fp8SourceRule } from './rules/fp8-source.ts';
import { httpsSourcesRule } from './rules/https-sources.ts';
import { idMatchesFileRule } from './rules/id-matches-file.ts';
import { kindFieldsRule } from './rules/kind-fields.ts';
import { modelConfigRule } from './rules/model-config.ts';
import { priceBoundsRule } from './rules/price-bounds.ts';
import { priceJumpRule } from './rules/price-jump.ts';
import { pricePolicyRule } from './rules/price-policy.ts';
import { referencesRule } from './rules/references.ts';
import { releaseWindowRule } from './rules/release-window.ts';
import { schemaRule } from './rules/schema.ts';
import { uniqueIdsRule } from './rules/unique-ids.ts';
import type { LintInputFile, LintRule } from './types';

export const LINT_RULES: readonly LintRule[] = [
  schemaRule,
  idMatchesFileRule,
  uniqueIdsRule,
  referencesRule,
  datesRule,
  releaseWindowRule,
  httpsSourcesRule,
  duplicateObservationsRule,
  priceBoundsRule,
  canonicalFormatRule,
  priceJumpRule,
  farFromMsrpRule,
  fp8SourceRule,
  kindFieldsRule,
  explainedValuesRule,
  buildableFactsRule,
  pricePolicyRule,
  appendOnlyRule,
  modelConfigRule,
];

/** A file the rules cannot walk: nested deeper than MAX_JSON_DEPTH. Named here and kept from every rule. */
function tooDeep(f: LintInputFile): DataProblem {
  return {
    file: f.path,
    jsonPath: '$',
    severity: 'error',
    rule: 'json-depth',
    message: `nested more than ${MAX_JSON_DEPTH} levels deep, so no rule could read it (a data file needs about five)`,
    fix: 'rewrite the file by hand or from a template in data/README.md; a generator or paste has gone wrong',
  };
}

export function runLint(
  inputs: readonly LintInputFile[],
  today: string,
  options: { rules?: readonly LintRule[]; baseFiles?: readonly LintInputFile[] } = {},
): DataProblem[] {
  const rules = options.rules ?? LINT_RULES;
  const deep = inputs.filter((f) => f.json !== undefined && nestsDeeperThan(f.json));
  const walkable = (files: readonly LintInputFile[]) => files.filter((f) => !deep.includes(f));
  const baseFiles = options.baseFiles?.filter((f) => f.json === undefined || !nestsDeeperThan(f.json));
  const ctx = buildLintContext(walkable(inputs), today, baseFiles);
  const all = [...deep.map(tooDeep), ...rules.flatMap((r) => r.check(ctx))];
  // A bad date or URL fails the schema too; keep only the more specific message for that spot.
  const specific = new Set(all.filter((p) => p.rule !== 'schema').map((p) => `${p.file}\u0000${p.jsonPath}`));
  const kept = all.filter((p) => p.rule !== 'schema' || !specific.has(`${p.file}\u0000${p.jsonPath}`));
  return kept.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.jsonPath < b.jsonPath ? -1 : a.jsonPath > b.jsonPath ? 1 : 0),
  );
}
