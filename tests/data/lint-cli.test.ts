// The lint as a command: real clock, exit codes, --fix. Runs scripts/lint-data.ts on copies of the fixture.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/data/load-node';

const GOOD = join(import.meta.dirname, 'fixtures', 'good');
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPT = join(REPO_ROOT, 'scripts', 'lint-data.ts');
const dirs: string[] = [];

function copyOfGood(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rigcast-lint-'));
  dirs.push(dir);
  cpSync(GOOD, dir, { recursive: true });
  return dir;
}

function lint(root: string, ...flags: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(TSX, [SCRIPT, `--root=${root}`, ...flags], { encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, out: err.stdout };
  }
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm run lint:data', () => {
  it('exits 0 on a clean dataset and 1 on an observation dated tomorrow by the real clock', () => {
    const dir = copyOfGood();
    expect(lint(dir).code).toBe(0);
    const path = join(dir, 'data', 'prices', 'nvidia-rtx-3090-24gb.json');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('"observedOn": "2023-01-15"', `"observedOn": "${tomorrow}"`),
    );
    const { code, out } = lint(dir);
    expect(code).toBe(1);
    expect(out).toContain(`data/prices/nvidia-rtx-3090-24gb.json $.observations[0].observedOn [dates]`);
    expect(out).toContain('in the future');
  }, 30_000);

  it('names a file nested 20,000 levels deep instead of overflowing the stack, also under --fix', () => {
    const dir = copyOfGood();
    const depth = 20_000;
    writeFileSync(
      join(dir, 'data', 'prices', 'deep.json'),
      `{"itemId": "nvidia-rtx-3090-24gb", "observations": ${'['.repeat(depth)}${']'.repeat(depth)}}\n`,
    );
    // --fix first skips the file it cannot rewrite, then lints: both paths in one run.
    const { code, out } = lint(dir, '--fix');
    expect(code).toBe(1);
    expect(out).toContain('error data/prices/deep.json $ [json-depth] nested more than');
    expect(out).toMatch(/lint:data: \d+ files, 1 error/);
  }, 30_000);

  it('--fix rewrites formatting and key order without changing a value', () => {
    const dir = copyOfGood();
    const path = join(dir, 'data', 'hardware', 'nvidia-rtx-3090-24gb.json');
    const original = JSON.parse(readFileSync(path, 'utf8'));
    const { $schema: _, ...withoutSchema } = original;
    writeFileSync(path, JSON.stringify({ note: original.note, ...withoutSchema }, null, 4));
    expect(lint(dir).code).toBe(1);
    const fixed = lint(dir, '--fix');
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain('fixed data/hardware/nvidia-rtx-3090-24gb.json');
    expect(readFileSync(path, 'utf8')).toBe(
      readFileSync(join(GOOD, 'data', 'hardware', 'nvidia-rtx-3090-24gb.json'), 'utf8'),
    );
  }, 30_000);
});
