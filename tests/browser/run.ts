// Browser tests: build the app, serve dist/ on 127.0.0.1 under a sub-path, and drive an installed Chromium
// or Chrome with playwright-core the way a person would (the suites are in tests/browser/suites/).
// Screenshots go to tests/browser/screenshots/ (gitignored) for a person to look at.
// Prints "N passed, N failed" last and exits non-zero on any failure. With no browser found it prints one
// line saying what to install or set and exits non-zero: a run without a browser never counts as passing.
// `npm run test:browser -- --only=<suite name part>` runs the matching suites only.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { findBrowser, HEADLESS_ARGS, noBrowserMessage } from '../../scripts/lib/find-browser';
import { type StaticServer, serveStatic } from '../../scripts/serve-static';
import { assert, type Harness, type Outcome, test } from './harness';
import { SUITES } from './suites';

const ROOT = resolve(import.meta.dirname, '../..');

async function main(outcomes: Outcome[]): Promise<void> {
  const found = findBrowser();
  if (found.path === undefined) {
    console.log(`FAIL browser: ${noBrowserMessage(found, process.env)}`);
    outcomes.push({ name: 'find a browser', ok: false });
    return;
  }
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  console.log(`browser: ${found.path}`);
  console.log('building…');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const screenshots = join(ROOT, 'tests/browser/screenshots');
  mkdirSync(screenshots, { recursive: true });
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await serveStatic(join(ROOT, 'dist'));
    // launch() gives every run a fresh temporary profile (a new user-data-dir), removed on close.
    browser = await chromium.launch({ executablePath: found.path, args: [...HEADLESS_ARGS] });
    shimKeepNames(browser);
    const h: Harness = {
      browser,
      url: server.url,
      origin: new URL(server.url).origin,
      root: ROOT,
      screenshots,
      requests: [],
      consoleProblems: [],
      outcomes,
    };
    for (const suite of SUITES) {
      if (only !== undefined && !suite.name.includes(only)) continue;
      await suite.run(h);
    }
    const servedBy = server;
    await test(h, 'every request stayed on 127.0.0.1 and nothing logged an error', async () => {
      const outside = h.requests.filter((u) => !u.startsWith(`${h.origin}/`) && !u.startsWith('data:'));
      assert(only !== undefined || h.requests.length > 0, 'no requests were recorded');
      assert(outside.length === 0, `requests left 127.0.0.1: ${outside.join(', ')}`);
      assert(h.consoleProblems.length === 0, `console: ${h.consoleProblems.join(' | ')}`);
      assert(servedBy.readErrors().length === 0, `read errors: ${servedBy.readErrors().join(' | ')}`);
    });
  } finally {
    // The browser first (no page can request anything after this), then the server and its connections.
    await browser?.close();
    await server?.close();
  }
}

const outcomes: Outcome[] = [];
main(outcomes)
  .catch((error) => {
    outcomes.push({ name: 'test harness', ok: false, detail: String(error) });
    console.log(`FAIL test harness\n     ${String(error)}`);
  })
  .finally(() => {
    const passed = outcomes.filter((o) => o.ok).length;
    const failed = outcomes.length - passed;
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  });

/** tsx compiles these tests with esbuild's keepNames, which wraps a named function declared inside code we hand
 *  the page (page.evaluate, waitForFunction, addInitScript) in `__name(fn, "name")`. The page has no __name, so
 *  such code threw "__name is not defined" whenever its branch ran: a stress run at load 10.7 hit it in the
 *  layout-shift observer, which names a helper and runs only when something shifts. Every context defines a
 *  no-op __name before any page script; the app's own bundle never calls it. */
function shimKeepNames(browser: Browser): void {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    return context;
  };
}
