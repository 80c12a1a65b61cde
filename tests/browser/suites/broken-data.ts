// A broken data file must not break the build: the page names it in its data notice. Builds the app again
// with the dataset read from tests/browser/fixtures/broken-data and serves that build.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../../scripts/serve-static';
import { BROKEN_SYNTAX_JSON } from '../fixtures/broken-data/broken-syntax';
import { assert, type Harness, type Suite, test, withContext } from '../harness';

async function run(h: Harness): Promise<void> {
  await test(
    h,
    'a broken data file does not break the build; the page names it in the data notice',
    async () => {
      // Build again with the dataset read from tests/browser/fixtures/broken-data (one good GPU, one file
      // that is not JSON, one that fails the schema) and serve that build.
      const work = mkdtempSync(join(tmpdir(), 'rigcast-broken-data-'));
      const outDir = join(work, 'dist');
      const dataRoot = join(work, 'root');
      cpSync(join(h.root, 'tests/browser/fixtures/broken-data'), dataRoot, { recursive: true });
      // A trailing comma: not JSON (kept out of the repository, where the linter parses every .json file).
      writeFileSync(join(dataRoot, 'data/prices/broken-syntax.json'), BROKEN_SYNTAX_JSON);
      try {
        execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
          cwd: h.root,
          stdio: 'inherit',
          env: { ...process.env, RIGCAST_DATA_ROOT: dataRoot },
        });
        const broken = await serveStatic(outDir);
        try {
          // The context is closed (withContext) and then the server (its connections ended) before the
          // build is removed, so no late request for a lazy chunk can find the files gone.
          await withContext(h, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
            const p = await ctx.newPage();
            await p.goto(broken.url, { waitUntil: 'load' });
            const notice = p.locator('[data-notice-kind="data"]');
            await notice.waitFor({ timeout: 10_000 });
            const shown = (await notice.textContent()) ?? '';
            assert(/problems? in the data files/.test(shown), `data notice text: ${shown}`);
            assert(
              shown.includes('data/prices/broken-syntax.json'),
              `notice does not name the bad JSON: ${shown}`,
            );
            assert(
              shown.includes('data/hardware/broken-schema.json'),
              `notice does not name the bad item: ${shown}`,
            );
            // The build ran the lint's rules: the observation dated 2099 is named, exactly it.
            assert(
              shown.includes('data/prices/nvidia-rtx-3090-24gb.json $.observations[2]'),
              `notice does not name the future-dated observation: ${shown}`,
            );
            await p.locator('[data-name="data-problems"]').waitFor({ timeout: 10_000 });
            assert(
              (await p.locator('[data-name="data-clean"]').count()) === 0,
              'the page calls data clean that it did not get',
            );
          });
        } finally {
          await broken.close();
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  );
}

export const brokenData: Suite = { name: 'broken data', run };
