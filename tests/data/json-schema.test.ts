import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateJsonSchemas } from '../../src/data/json-schema';
import { REPO_ROOT } from '../../src/data/load-node';

describe('data/schema/*.schema.json', () => {
  const generated = generateJsonSchemas();
  it('covers the three data folders', () => {
    expect(Object.keys(generated).sort()).toEqual([
      'hardware.schema.json',
      'price-file.schema.json',
      'series.schema.json',
    ]);
  });
  for (const [name, text] of Object.entries(generated)) {
    it(`${name} is committed exactly as generated (run npx tsx scripts/gen-json-schema.ts if this fails)`, () => {
      expect(readFileSync(join(REPO_ROOT, 'data', 'schema', name), 'utf8')).toBe(text);
    });
  }
  it('lets a person leave out quantity (it defaults to 1) but not priceUsd', () => {
    const schema = JSON.parse(generated['price-file.schema.json'] ?? '{}');
    const required: string[] = schema.properties.observations.items.required;
    expect(required).toContain('priceUsd');
    expect(required).not.toContain('quantity');
  });
});
