// What a probe of the page found, done the way a person meets it: a page path that begins with '//', a Hugging
// Face answer that arrives after another model was picked, a failed fetch and its "Try again", a 2,000-character
// id, a 5 MB paste, and a link whose hf field goes with a preset. huggingface.co is intercepted (no network in
// tests); those pages are left out of the "requests stay local" record on purpose.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { serveStatic } from '../../../scripts/serve-static';
import {
  assert,
  type Harness,
  openPage,
  param,
  type Suite,
  scrollThrough,
  settled,
  test,
  text,
  withContext,
} from '../harness';

const TINY_REPO = 'test-org/tiny-llama';
const TINY_URL = `https://huggingface.co/${TINY_REPO}/resolve/main/config.json`;

function presetConfig(h: Harness): unknown {
  return (
    JSON.parse(readFileSync(join(h.root, 'data/models/llama-3-1-8b.json'), 'utf8')) as { config: unknown }
  ).config;
}

/** A page in its own context, with uncaught errors recorded. */
async function hfPage(h: Harness, context: BrowserContext): Promise<Page> {
  const p = await context.newPage();
  p.on('pageerror', (e) => h.consoleProblems.push(`pageerror: ${e.message}`));
  await p.goto(h.url);
  await settled(p);
  await p.getByText('Use your own config.json').click();
  return p;
}

async function run(h: Harness): Promise<void> {
  await test(
    h,
    'a page path beginning with // starts, writes its link, and stays on its origin',
    async () => {
      const server = await serveStatic(join(h.root, 'dist'), { basePath: '//rigcast/', log: () => {} });
      try {
        await withContext(h, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
          const errors: string[] = [];
          const p = await ctx.newPage();
          p.on('pageerror', (e) => errors.push(e.message));
          await p.goto(`${server.url}?v=1&ctx=8192`, { waitUntil: 'load' });
          await p.waitForSelector('[data-name="answer"]', { timeout: 10_000 });
          assert(errors.length === 0, `page errors: ${errors.join(' | ')}`);
          assert(new URL(p.url()).origin === new URL(server.url).origin, `left the origin: ${p.url()}`);
          assert(new URL(p.url()).pathname === '//rigcast/', `path changed: ${p.url()}`);
          assert((await param(p, 'ctx')) === '8192', `ctx not kept: ${p.url()}`);
          assert((await param(p, 'model')) !== null, 'the link was not written');
        });
      } finally {
        await server.close();
      }
    },
  );

  await test(
    h,
    'a Hugging Face answer that arrives after a preset was picked does not replace it',
    async () => {
      await withContext(h, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
        let release: () => void = () => {};
        const answered = new Promise<void>((resolve) => {
          release = resolve;
        });
        await ctx.route('https://huggingface.co/**', async (route) => {
          await answered;
          await route
            .fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(presetConfig(h)) })
            .catch(() => {}); // the page may have cancelled the request meanwhile
        });
        const p = await hfPage(h, ctx);
        await p.locator('input[data-name="hf-id"]').fill(TINY_REPO);
        await p.locator('[data-name="hf-fetch"]').click();
        await p.getByText('Fetching…').waitFor({ timeout: 3000 });
        await p.locator('input[data-name="model-search"]').fill('Qwen3 8B');
        await p.locator('[data-name="model-list"] [data-model-id="qwen3-8b"]').click();
        release();
        await p.waitForTimeout(1500);
        assert((await param(p, 'model')) === 'qwen3-8b', `model in URL is ${await param(p, 'model')}`);
        assert((await param(p, 'hf')) === null, 'hf appeared in the URL');
        assert(
          (await text(p, '[data-name="model-current"]')).includes('Qwen3 8B'),
          'the preset is not in use',
        );
        assert(!(await p.locator('[data-name="hf-fetch"]').isDisabled()), 'Fetch stayed disabled');
      });
    },
  );

  await test(h, 'a failed fetch says so and offers "Try again", which then works', async () => {
    await withContext(h, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
      let failNext = true;
      await ctx.route('https://huggingface.co/**', (route) => {
        if (failNext) {
          failNext = false;
          return route.abort('connectionreset');
        }
        return route.request().url() === TINY_URL
          ? route.fulfill({
              status: 200,
              contentType: 'application/json',
              body: JSON.stringify(presetConfig(h)),
            })
          : route.fulfill({ status: 404, body: 'not found' });
      });
      const p = await hfPage(h, ctx);
      await p.locator('input[data-name="hf-id"]').fill(TINY_REPO);
      await p.locator('[data-name="hf-fetch"]').click();
      const retry = p.locator('[data-name="hf-retry"]');
      await retry.waitFor({ timeout: 5000 });
      assert(
        (await text(p, '[data-name="model-error"]')).includes('Could not reach huggingface.co'),
        `error: ${await text(p, '[data-name="model-error"]')}`,
      );
      await retry.click();
      await p.waitForFunction(
        () => new URLSearchParams(window.location.search).get('hf') === 'test-org/tiny-llama',
        null,
        {
          timeout: 5000,
        },
      );
      assert((await param(p, 'model')) === 'custom', 'model is not custom after the retry');
      assert((await p.locator('[data-name="hf-retry"]').count()) === 0, 'the retry button stayed');
    });
  });

  await test(
    h,
    'a 2,000-character id is refused before any request, in a short message, without widening the page',
    async () => {
      await withContext(h, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
        const asked: string[] = [];
        await ctx.route('https://huggingface.co/**', (route) => {
          asked.push(route.request().url());
          return route.fulfill({ status: 404, body: 'not found' });
        });
        const p = await hfPage(h, ctx);
        await p.locator('input[data-name="hf-id"]').fill(`org/${'a'.repeat(2000)}`);
        await p.locator('[data-name="hf-fetch"]').click();
        const error = p.locator('[data-name="model-error"]');
        await error.getByText('is not a Hugging Face model id').waitFor({ timeout: 3000 });
        const message = await error.textContent().then((t) => t ?? '');
        assert(message.length < 400, `message is ${message.length} characters`);
        const width = await p.evaluate(() => document.documentElement.scrollWidth);
        assert(width <= 1280, `page is ${width}px wide`);
        assert(asked.length === 0, `requests were made: ${asked.length}`);
      });
    },
  );

  await test(h, 'a 5 MB paste is refused before it reaches the box, and the model is kept', async () => {
    await withContext(h, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
      await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
      const p = await hfPage(h, ctx);
      const before = await text(p, '[data-name="memory-total"]');
      await p.evaluate(() =>
        navigator.clipboard.writeText(`{"model_type": "llama", "x": "${'y'.repeat(5_000_000)}"}`),
      );
      const box = p.locator('textarea[data-name="config-paste"]');
      await box.focus();
      await p.keyboard.press('ControlOrMeta+V');
      const error = p.locator('[data-name="model-error"]');
      await error.getByText('not put in the box').waitFor({ timeout: 5000 });
      const inBox = await box.evaluate((el) => (el as HTMLTextAreaElement).value.length);
      assert(inBox === 0, `the box holds ${inBox} characters`);
      assert((await error.textContent())?.includes('5.0 MB'), 'the message does not give the size');
      assert((await text(p, '[data-name="memory-total"]')) === before, 'the estimate changed');
      // A config of ordinary size still pastes.
      await p.evaluate((config) => navigator.clipboard.writeText(JSON.stringify(config)), presetConfig(h));
      await box.focus();
      await p.keyboard.press('ControlOrMeta+V');
      await p.locator('[data-name="config-use"]').click();
      await p.waitForFunction(
        () => new URLSearchParams(window.location.search).get('model') === 'custom',
        null,
        {
          timeout: 5000,
        },
      );
    });
  });

  await test(h, 'a link with an hf id beside a preset model names the dropped id in its notice', async () => {
    await withContext(h, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
      const p = await openPage(h, ctx, `${h.url}?v=1&model=llama-3-1-8b&hf=Qwen/Qwen3-8B&ctx=8192&ctx=4096`);
      const notice = p.locator('[data-notice-kind="link"]');
      await notice.waitFor({ timeout: 3000 });
      const shown = (await notice.textContent()) ?? '';
      assert(shown.includes('(hf)') && shown.includes('Qwen/Qwen3-8B'), `notice: ${shown}`);
      assert(shown.includes('"ctx" more than once'), `notice does not name the repeated ctx: ${shown}`);
      assert((await param(p, 'ctx')) === '8192', 'the first ctx was not used');
      // The repository's data passes every check, and the page says so (only then). The data sources part
      // is far below: it comes alive as it approaches the viewport.
      await scrollThrough(p);
      await p.locator('[data-name="data-clean"]').waitFor({ timeout: 15_000 });
    });
  });
}

export const hardening: Suite = { name: 'hardening', run };
