// The JSON Schemas in data/schema/ are generated from the zod schemas (src/data/schema.ts), so the two never
// disagree; data files point to them with "$schema" for editor autocomplete and checks while typing.
// scripts/gen-json-schema.ts writes them; tests/data/json-schema.test.ts fails when they drift.
import { z } from 'zod';
import { JSON_SCHEMA_FILES, ZOD_SCHEMAS } from './canonical';

const TITLES = {
  hardware: 'rigcast hardware item (data/hardware/<id>.json)',
  prices: 'rigcast price file (data/prices/<item-id>.json)',
  series: 'rigcast $/GB series (data/series/<id>.json)',
} as const;

/** File name in data/schema/ -> its text (2-space JSON with a trailing newline). */
export function generateJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const folder of Object.keys(JSON_SCHEMA_FILES) as (keyof typeof JSON_SCHEMA_FILES)[]) {
    // io 'input': the shape a person writes (quantity may be left out; it defaults to 1).
    const generated = z.toJSONSchema(ZOD_SCHEMAS[folder], { io: 'input', target: 'draft-2020-12' });
    const schema = {
      ...generated,
      title: TITLES[folder],
      description:
        'Generated from src/data/schema.ts by scripts/gen-json-schema.ts; do not edit by hand. Units and rules: data/README.md.',
    };
    out[JSON_SCHEMA_FILES[folder]] = `${JSON.stringify(schema, null, 2)}\n`;
  }
  return out;
}
