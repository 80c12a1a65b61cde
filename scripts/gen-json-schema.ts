// npx tsx scripts/gen-json-schema.ts: regenerates data/schema/*.schema.json from src/data/schema.ts.
// Run it after changing the zod schema; tests/data/json-schema.test.ts fails until you do.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJsonSchemas } from '../src/data/json-schema';
import { REPO_ROOT } from '../src/data/load-node';

const dir = join(REPO_ROOT, 'data', 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(generateJsonSchemas())) {
  writeFileSync(join(dir, name), text);
  console.log(`wrote data/schema/${name}`);
}
