// Builds the LintContext: classifies each file by folder and parses it with its schema once, so rules can
// work on typed content (rules that must see invalid values too walk the raw JSON instead).
import { classifyDataPath } from '../files.ts';
import { HardwareItemSchema, PriceFileSchema, SeriesFileSchema } from '../schema.ts';
import { ModelPresetEnvelopeSchema } from './model-envelope.ts';
import type { LintContext, LintFile, LintInputFile } from './types';

const SCHEMAS = {
  hardware: HardwareItemSchema,
  prices: PriceFileSchema,
  series: SeriesFileSchema,
  models: ModelPresetEnvelopeSchema,
} as const;

export function schemaFor(folder: string) {
  return folder in SCHEMAS ? SCHEMAS[folder as keyof typeof SCHEMAS] : undefined;
}

export function toLintFile(input: LintInputFile): LintFile {
  const ref = classifyDataPath(input.path);
  const schema = input.syntaxError === undefined ? schemaFor(ref.folder) : undefined;
  const parsed = schema?.safeParse(input.json);
  return { ...input, ...ref, data: parsed?.success ? parsed.data : undefined } as LintFile;
}

const byPath = (a: LintFile, b: LintFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export function buildLintContext(
  inputs: readonly LintInputFile[],
  today: string,
  baseInputs?: readonly LintInputFile[],
): LintContext {
  return {
    files: inputs.map(toLintFile).sort(byPath),
    today,
    ...(baseInputs ? { baseFiles: baseInputs.map(toLintFile).sort(byPath) } : {}),
  };
}

/** Every value under a key in `keys`, anywhere in the JSON, with its path. */
export function findKeyed(
  json: unknown,
  keys: ReadonlySet<string>,
): { path: PropertyKey[]; value: unknown }[] {
  const out: { path: PropertyKey[]; value: unknown }[] = [];
  const visit = (v: unknown, path: PropertyKey[]) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) visit(x, [...path, i]);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (keys.has(k)) out.push({ path: [...path, k], value: x });
        // A model's config is its publisher's, not ours: do not walk into it.
        if (k !== 'config') visit(x, [...path, k]);
      }
    }
  };
  visit(json, []);
  return out;
}
