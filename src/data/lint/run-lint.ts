// Runs every rule over the data files. Pure: the caller reads the files and passes today's date.
import type { DataProblem } from '../problems';
import { buildLintContext } from './context';
import { appendOnlyRule } from './rules/append-only';
import { buildableFactsRule } from './rules/buildable-facts';
import { canonicalFormatRule } from './rules/canonical-format';
import { datesRule } from './rules/dates';
import { duplicateObservationsRule } from './rules/duplicate-observations';
import { explainedValuesRule } from './rules/explained-values';
import { farFromMsrpRule } from './rules/far-from-msrp';
import { fp8SourceRule } from './rules/fp8-source';
import { httpsSourcesRule } from './rules/https-sources';
import { idMatchesFileRule } from './rules/id-matches-file';
import { kindFieldsRule } from './rules/kind-fields';
import { priceJumpRule } from './rules/price-jump';
import { pricePolicyRule } from './rules/price-policy';
import { referencesRule } from './rules/references';
import { releaseWindowRule } from './rules/release-window';
import { schemaRule } from './rules/schema';
import { uniqueIdsRule } from './rules/unique-ids';
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
  canonicalFormatRule,
  priceJumpRule,
  farFromMsrpRule,
  fp8SourceRule,
  kindFieldsRule,
  explainedValuesRule,
  buildableFactsRule,
  pricePolicyRule,
  appendOnlyRule,
];

export function runLint(
  inputs: readonly LintInputFile[],
  today: string,
  options: { rules?: readonly LintRule[]; baseFiles?: readonly LintInputFile[] } = {},
): DataProblem[] {
  const rules = options.rules ?? LINT_RULES;
  const ctx = buildLintContext(inputs, today, options.baseFiles);
  const all = rules.flatMap((r) => r.check(ctx));
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
