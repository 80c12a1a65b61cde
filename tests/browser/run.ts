// Browser tests: build the app, serve dist/ on 127.0.0.1 under a sub-path, and drive Debian's Chromium
// with playwright-core the way a person would: load, drag a slider (keyboard and mouse), copy a link and
// reload it, break the link, paste a broken config.json, check every request stayed local, 360 px width,
// dark theme. Screenshots go to tests/browser/screenshots/ (gitignored) for a person to look at.
// Prints "N passed, N failed" last and exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { serveStatic } from '../../scripts/serve-static';
import { BROKEN_SYNTAX_JSON } from './fixtures/broken-data/broken-syntax';

const ROOT = resolve(import.meta.dirname, '../..');
const SCREENSHOTS = join(ROOT, 'tests/browser/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Outcome {
  name: string;
  ok: boolean;
  detail?: string;
}
const outcomes: Outcome[] = [];
const requests: string[] = [];
const consoleProblems: string[] = [];

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function test(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
    outcomes.push({ name, ok: true });
    console.log(`ok   ${name}`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    outcomes.push({ name, ok: false, detail });
    console.log(`FAIL ${name}\n     ${detail.split('\n').join('\n     ')}`);
  }
}

/** A page that records every request and every console error or uncaught exception. */
async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleProblems.push(`pageerror: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('[data-name="answer"]');
  return page;
}

/** Wait until the memory total is on screen (the memory model ran) and the dataset chunk has arrived. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('[data-name="memory-total"]', { timeout: 10_000 });
  await page.waitForFunction(() => !document.body.textContent?.includes('Loading the price dataset'), null, {
    timeout: 15_000,
  });
}

const text = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .textContent()
    .then((t) => t ?? '');
const query = (page: Page) => page.evaluate(() => window.location.search);
const param = async (page: Page, key: string) => new URLSearchParams(await query(page)).get(key);

async function waitForParam(page: Page, key: string, notEqual: string | null): Promise<string | null> {
  await page.waitForFunction(
    ([k, v]) => new URLSearchParams(window.location.search).get(k as string) !== v,
    [key, notEqual],
    { timeout: 3000 },
  );
  return param(page, key);
}

async function main(): Promise<void> {
  console.log('building…');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const server = await serveStatic(join(ROOT, 'dist'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  let browser: Browser | null = null;
  try {
    // launch() gives every run a fresh temporary profile (a new user-data-dir), removed on close.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const origin = new URL(server.url).origin;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      colorScheme: 'light',
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });

    let page: Page | null = null;

    await test('loads with the default scenario and no console errors', async () => {
      page = await openPage(context, server.url);
      await settled(page);
      const answer = await text(page, '[data-name="answer"]');
      assert(answer.includes('Llama 3.1 70B'), `answer does not name the default model: ${answer}`);
      assert(/\d+(\.\d)? GiB/.test(answer), `answer has no memory figure: ${answer}`);
      assert((await param(page, 'v')) === '1', `URL was not written: ${await query(page)}`);
      assert((await param(page, 'ctx')) === '32768', 'default context is not 32768 in the URL');
      assert(consoleProblems.length === 0, `console: ${consoleProblems.join(' | ')}`);
    });

    await test('keyboard on the context slider changes the numbers and the URL', async () => {
      assert(page, 'no page');
      const p: Page = page;
      const before = await text(p, '[data-name="memory-total"]');
      const beforeCtx = await param(p, 'ctx');
      await p.locator('input[data-name="context"]').focus();
      for (let i = 0; i < 4; i++) await p.keyboard.press('ArrowRight');
      assert(beforeCtx === '32768', `context did not start at 32K: ${beforeCtx}`);
      // The URL is written at most every ~200 ms while keys repeat; wait for the final value.
      const ctx = await p
        .waitForFunction(() => new URLSearchParams(window.location.search).get('ctx') === '131072', null, {
          timeout: 3000,
        })
        .then(
          () => '131072',
          () => param(p, 'ctx'),
        );
      assert(ctx === '131072', `4 steps right of 32K should be 128K, URL has ctx=${ctx}`);
      const after = await text(p, '[data-name="memory-total"]');
      assert(after !== before, `memory total did not change (${before})`);
      const number = await p.locator('input[data-name="context-number"]').inputValue();
      assert(number === '131072', `number field shows ${number}`);
    });

    await test('a context slider move changes the memory figures and leaves both charts untouched', async () => {
      assert(page, 'no page');
      const p: Page = page;
      await p.waitForFunction(
        () => document.querySelectorAll('figure.chart .recharts-surface').length >= 2,
        null,
        {
          timeout: 15_000,
        },
      );
      await p.evaluate(() => {
        const w = window as unknown as { chartMutations: number };
        w.chartMutations = 0;
        const observer = new MutationObserver((records) => {
          w.chartMutations += records.length;
        });
        for (const figure of document.querySelectorAll('figure.chart'))
          observer.observe(figure, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      const before = await text(p, '[data-name="memory-total"]');
      await p.locator('input[data-name="context"]').focus();
      for (let i = 0; i < 3; i++) await p.keyboard.press('ArrowLeft');
      await p.waitForFunction(
        (b) => document.querySelector('[data-name="memory-total"]')?.textContent !== b,
        before,
        { timeout: 3000 },
      );
      await p.waitForTimeout(300);
      const mutations = await p.evaluate(
        () => (window as unknown as { chartMutations: number }).chartMutations,
      );
      assert(mutations === 0, `the charts' DOM changed ${mutations} times on a context move`);
      // Back to where the next test expects the slider.
      for (let i = 0; i < 3; i++) await p.keyboard.press('ArrowRight');
    });

    await test('dragging the batch slider with the mouse changes the numbers and the URL', async () => {
      assert(page, 'no page');
      const p: Page = page;
      const before = await text(p, '[data-name="memory-total"]');
      const slider = p.locator('input[data-name="batch"]');
      const box = await slider.boundingBox();
      assert(box, 'batch slider not visible');
      await slider.scrollIntoViewIfNeeded();
      const b = (await slider.boundingBox()) ?? box;
      const y = b.y + b.height / 2;
      await p.mouse.move(b.x + 4, y);
      await p.mouse.down();
      for (let i = 1; i <= 10; i++) await p.mouse.move(b.x + 4 + (b.width * 0.5 * i) / 10, y);
      await p.mouse.up();
      const batch = await waitForParam(p, 'batch', '1');
      assert(batch !== null && Number(batch) > 1, `batch in URL is ${batch}`);
      const after = await text(p, '[data-name="memory-total"]');
      assert(after !== before, `memory total did not change (${before})`);
    });

    await test('Copy link, then opening the copied link, gives the same scenario', async () => {
      assert(page, 'no page');
      const p: Page = page;
      await p.locator('select[data-name="weight-format"]').selectOption('q8_0');
      await p.locator('select[data-name="engine"]').selectOption('vllm');
      await waitForParam(p, 'engine', 'llama.cpp');
      await p.locator('[data-name="copy-link"]').click();
      await p.getByText('Link copied').waitFor({ timeout: 3000 });
      const copied = await p.evaluate(() => navigator.clipboard.readText());
      assert(copied.startsWith(server.url), `copied link is not on this server: ${copied}`);
      const expectedQuery = await query(p);
      assert(copied.endsWith(expectedQuery), 'copied link differs from the address bar');
      const total = await text(p, '[data-name="memory-total"]');
      const other = await openPage(context, copied);
      await settled(other);
      assert(
        (await query(other)) === expectedQuery,
        `reloaded query differs:\n${await query(other)}\n${expectedQuery}`,
      );
      assert(
        (await text(other, '[data-name="memory-total"]')) === total,
        'memory total differs after reload',
      );
      assert(
        (await other.locator('select[data-name="weight-format"]').inputValue()) === 'q8_0',
        'weight format lost',
      );
      assert(
        (await other.locator('[data-notice-kind="link"]').count()) === 0,
        'a clean link showed a notice',
      );
      await other.close();
    });

    await test('every form control has a label, and the page has its landmarks', async () => {
      const p = await openPage(context, server.url);
      await settled(p);
      // Keyboard: Tab from the top reaches the Copy link button first, then the theme toggle.
      await p.keyboard.press('Tab');
      assert(
        (await p.evaluate(() => document.activeElement?.getAttribute('data-name'))) === 'copy-link',
        'focus order',
      );
      await p.keyboard.press('Tab');
      assert(
        (await p.evaluate(() => document.activeElement?.getAttribute('data-name'))) === 'theme-toggle',
        'focus order after Copy link',
      );
      await p.getByText('Use your own config.json').click();
      const unlabelled = await p.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
          .filter((el) => {
            const labels = (el as HTMLInputElement).labels;
            const named =
              (labels && labels.length > 0) ||
              el.getAttribute('aria-label') ||
              el.getAttribute('aria-labelledby') ||
              (el.tagName === 'BUTTON' && el.textContent?.trim());
            return !named;
          })
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      assert(unlabelled.length === 0, `controls without a label: ${unlabelled.join(' | ')}`);
      assert((await p.locator('h1').count()) === 1, 'expected exactly one h1');
      assert((await p.locator('header, main, footer').count()) === 3, 'missing header/main/footer landmarks');
      await p.close();
    });

    await test('a garbage link shows a notice naming the fields and falls back to the defaults', async () => {
      const bad = await openPage(
        context,
        `${server.url}?v=1&model=no-such-model&wf=zz9&ctx=banana&junk=%E0%A4%A&batch=-3`,
      );
      await settled(bad);
      const notice = bad.locator('[data-notice-kind="link"]');
      await notice.waitFor({ timeout: 3000 });
      const noticeText = await notice.textContent().then((t) => t ?? '');
      for (const field of ['(model)', '(wf)', '(ctx)', '(batch)']) {
        assert(noticeText.includes(field), `notice does not name ${field}: ${noticeText}`);
      }
      assert(
        (await bad.locator('select[data-name="weight-format"]').inputValue()) === 'q4_k_m',
        'wf not default',
      );
      assert(
        (await bad.locator('input[data-name="context-number"]').inputValue()) === '32768',
        'ctx not default',
      );
      assert((await text(bad, '[data-name="answer"]')).includes('Llama 3.1 70B'), 'model not default');
      await notice.getByRole('button').click();
      assert((await bad.locator('[data-notice-kind="link"]').count()) === 0, 'notice did not dismiss');
      await bad.close();
    });

    await test('a malformed config.json shows an error and keeps the previous model', async () => {
      const p = await openPage(context, server.url);
      await settled(p);
      const before = await text(p, '[data-name="memory-total"]');
      await p.getByText('Use your own config.json').click();
      const paste = p.locator('textarea[data-name="config-paste"]');
      await paste.fill('{"model_type": "llama", "hidden_size": -4096, "num_hidden_layers": 80}');
      await p.locator('[data-name="config-use"]').click();
      const error = p.locator('[data-name="model-error"]');
      await error.getByText('has not changed').waitFor({ timeout: 3000 });
      const message = await error.textContent().then((t) => t ?? '');
      assert(
        /hidden_size|num_|intermediate|vocab|heads/.test(message),
        `error does not name a field: ${message}`,
      );
      await paste.fill('{"model_type": "llama", ');
      await p.locator('[data-name="config-use"]').click();
      await error.getByText('not valid JSON').waitFor({ timeout: 3000 });
      assert((await text(p, '[data-name="model-current"]')).includes('Llama 3.1 70B'), 'model changed');
      assert((await text(p, '[data-name="memory-total"]')) === before, 'memory total changed');
      assert((await param(p, 'model')) === 'llama-3-1-70b', 'model in URL changed');
      await p.close();
    });

    await test('fetching a config by Hugging Face id uses it, and a missing repo gives a clear message', async () => {
      // huggingface.co is intercepted here (no network in tests): one repo answers with a real preset's
      // config, any other with 404. This page is left out of the "requests stay local" record on purpose.
      const hfContext = await browser?.newContext({ viewport: { width: 1280, height: 900 } });
      assert(hfContext, 'no context');
      const preset = JSON.parse(readFileSync(join(ROOT, 'data/models/llama-3-1-8b.json'), 'utf8')) as {
        config: unknown;
      };
      const asked: string[] = [];
      await hfContext.route('https://huggingface.co/**', (route) => {
        asked.push(route.request().url());
        return route.request().url() === 'https://huggingface.co/test-org/tiny-llama/resolve/main/config.json'
          ? route.fulfill({
              status: 200,
              contentType: 'application/json',
              body: JSON.stringify(preset.config),
            })
          : route.fulfill({ status: 404, body: 'not found' });
      });
      const p = await hfContext.newPage();
      p.on('pageerror', (e) => consoleProblems.push(`pageerror: ${e.message}`));
      await p.goto(server.url);
      await settled(p);
      const before = await text(p, '[data-name="memory-total"]');
      await p.getByText('Use your own config.json').click();
      await p.locator('input[data-name="hf-id"]').fill('test-org/missing');
      await p.locator('[data-name="hf-fetch"]').click();
      await p.locator('[data-name="model-error"]').getByText('HTTP 404').waitFor({ timeout: 5000 });
      assert((await text(p, '[data-name="memory-total"]')) === before, 'a failed fetch changed the estimate');
      await p.locator('input[data-name="hf-id"]').fill('test-org/tiny-llama');
      await p.locator('[data-name="hf-fetch"]').click();
      await p.waitForFunction(
        () => new URLSearchParams(window.location.search).get('hf') === 'test-org/tiny-llama',
        null,
        {
          timeout: 5000,
        },
      );
      assert((await param(p, 'model')) === 'custom', 'model is not custom in the URL');
      const after = await text(p, '[data-name="memory-total"]');
      assert(after !== before, `the fetched 8B config did not change the 70B estimate (${after})`);
      assert(asked.length === 2, `expected 2 requests to huggingface.co, saw ${asked.length}`);
      await hfContext.close();
    });

    await test('at 360 px wide there is no horizontal scroll', async () => {
      const narrow = await browser?.newContext({ viewport: { width: 360, height: 800 } });
      assert(narrow, 'no context');
      const p = await openPage(narrow, server.url);
      await settled(p);
      await p.waitForTimeout(500);
      const width = await p.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 360, `page is ${width}px wide`);
      await narrow.close();
    });

    await test('dark theme applies from the system setting and the toggle', async () => {
      const dark = await browser?.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
      assert(dark, 'no context');
      const p = await openPage(dark, server.url);
      await settled(p);
      const bg = () => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert((await bg()) === 'rgb(17, 20, 24)', `dark background expected, got ${await bg()}`);
      await p.locator('[data-name="theme-toggle"]').click();
      assert((await bg()) === 'rgb(255, 255, 255)', `toggle to light failed: ${await bg()}`);
      await p.locator('[data-name="theme-toggle"]').click();
      assert((await bg()) === 'rgb(17, 20, 24)', 'toggle back to dark failed');
      await dark.close();
    });

    await test('screenshots at 1280 and 360 px, light and dark', async () => {
      for (const width of [1280, 360]) {
        for (const scheme of ['light', 'dark'] as const) {
          const ctx = await browser?.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
          assert(ctx, 'no context');
          const p = await openPage(ctx, server.url);
          await settled(p);
          await p.waitForSelector('.recharts-surface', { timeout: 10_000 });
          await p.waitForTimeout(400);
          await p.screenshot({ path: join(SCREENSHOTS, `default-${width}-${scheme}.png`), fullPage: true });
          await ctx.close();
        }
      }
    });

    await test('every request stayed on 127.0.0.1 and nothing logged an error', async () => {
      const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
      assert(requests.length > 0, 'no requests were recorded');
      assert(outside.length === 0, `requests left 127.0.0.1: ${outside.join(', ')}`);
      assert(consoleProblems.length === 0, `console: ${consoleProblems.join(' | ')}`);
    });

    await test('a broken data file does not break the build; the page names it in the data notice', async () => {
      // Build again with the dataset read from tests/browser/fixtures/broken-data (one good GPU, one file
      // that is not JSON, one that fails the schema) and serve that build.
      const work = mkdtempSync(join(tmpdir(), 'rigcast-broken-data-'));
      const outDir = join(work, 'dist');
      const dataRoot = join(work, 'root');
      cpSync(join(ROOT, 'tests/browser/fixtures/broken-data'), dataRoot, { recursive: true });
      // A trailing comma: not JSON (kept out of the repository, where the linter parses every .json file).
      writeFileSync(join(dataRoot, 'data/prices/broken-syntax.json'), BROKEN_SYNTAX_JSON);
      try {
        execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
          cwd: ROOT,
          stdio: 'inherit',
          env: { ...process.env, RIGCAST_DATA_ROOT: dataRoot },
        });
        const broken = await serveStatic(outDir);
        const ctx = await browser?.newContext({ viewport: { width: 1280, height: 900 } });
        assert(ctx, 'no context');
        try {
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
        } finally {
          await ctx.close();
          await broken.close();
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });

    await context.close();
  } finally {
    await browser?.close();
    await server.close();
  }
}

main()
  .catch((error) => {
    outcomes.push({ name: 'test harness', ok: false, detail: String(error) });
    console.log(`FAIL test harness\n     ${String(error)}`);
  })
  .finally(() => {
    const passed = outcomes.filter((o) => o.ok).length;
    const failed = outcomes.length - passed;
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
  });
