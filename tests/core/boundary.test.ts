// The core may use the dataset's types but no value from src/data/schema.ts: a value import would bundle zod
// (about 25 KB gzip) into the app's price-engine chunk, which the build otherwise keeps zod-free.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Import or re-export statements of a file that bring in values (not `import type` / `export type`). */
function valueImportsOf(source: string, module: RegExp): string[] {
  const statements = source.match(/^(?:import|export)\s[^;]*?from\s+'[^']+';/gms) ?? [];
  return statements.filter((s) => {
    const from = /from\s+'([^']+)'/.exec(s)?.[1] ?? '';
    if (!module.test(from)) return false;
    if (/^(?:import|export)\s+type\s/.test(s)) return false;
    const names = /\{([^}]*)\}/s.exec(s)?.[1];
    // `import { type A, type B }` brings in no value either.
    return names === undefined || names.split(',').some((n) => n.trim() !== '' && !/^type\s/.test(n.trim()));
  });
}

describe('src/core boundary', () => {
  it('takes only types from the dataset schema (no zod in the core)', () => {
    const offenders = tsFiles('src/core').flatMap((f) =>
      valueImportsOf(readFileSync(f, 'utf8'), /data\/schema$/).map((s) => `${f}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the check catches a value re-export', () => {
    const bad = "export { GPU_FORM_FACTORS, type GpuFormFactor } from '../../data/schema';";
    expect(valueImportsOf(bad, /data\/schema$/)).toHaveLength(1);
    expect(valueImportsOf("import type { Dataset } from '../../data/schema';", /data\/schema$/)).toEqual([]);
  });
});
