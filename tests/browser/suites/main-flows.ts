// The page's main flows as a person does them: load, keyboard and mouse on sliders, copy a link and open it,
// labels and landmarks, a garbage link, a malformed config.json, a Hugging Face fetch (intercepted), a narrow
// screen, the dark theme, and screenshots for a person to look at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  assert,
  type Harness,
  openPage,
  param,
  query,
  scrollThrough,
  type Suite,
  settled,
  test,
  text,
  waitForParam,
} from '../harness';

async function run(h: Harness): Promise<void> {
  const context = await h.browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
  });
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
    let page: Page | null = null;

    await test(h, 'loads with the default scenario and no console errors', async () => {
      page = await openPage(h, context, h.url);
      await settled(page);
      const answer = await text(page, '[data-name="answer"]');
      assert(answer.includes('Llama 3.1 70B'), `answer does not name the default model: ${answer}`);
      assert(/\d+(\.\d)? GiB/.test(answer), `answer has no memory figure: ${answer}`);
      assert((await param(page, 'v')) === '1', `URL was not written: ${await query(page)}`);
      assert((await param(page, 'ctx')) === '32768', 'default context is not 32768 in the URL');
      assert(h.consoleProblems.length === 0, `console: ${h.consoleProblems.join(' | ')}`);
    });

    await test(h, 'keyboard on the context slider changes the numbers and the URL', async () => {
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

    await test(
      h,
      'a context slider move changes the memory figures and leaves both charts untouched',
      async () => {
        assert(page, 'no page');
        const p: Page = page;
        // The charts mount when they approach the viewport: scroll past both, then back.
        await scrollThrough(p);
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
            observer.observe(figure, {
              subtree: true,
              childList: true,
              attributes: true,
              characterData: true,
            });
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
      },
    );

    await test(h, 'dragging the batch slider with the mouse changes the numbers and the URL', async () => {
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

    await test(h, 'Copy link, then opening the copied link, gives the same scenario', async () => {
      assert(page, 'no page');
      const p: Page = page;
      await p.locator('select[data-name="weight-format"]').selectOption('q8_0');
      await p.locator('select[data-name="engine"]').selectOption('vllm');
      await waitForParam(p, 'engine', 'llama.cpp');
      await p.locator('[data-name="copy-link"]').click();
      await p.getByText('Link copied').waitFor({ timeout: 3000 });
      const copied = await p.evaluate(() => navigator.clipboard.readText());
      assert(copied.startsWith(h.url), `copied link is not on this server: ${copied}`);
      const expectedQuery = await query(p);
      assert(copied.endsWith(expectedQuery), 'copied link differs from the address bar');
      const total = await text(p, '[data-name="memory-total"]');
      const other = await openPage(h, context, copied);
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

    await test(h, 'every form control has a label, and the page has its landmarks', async () => {
      const p = await openPage(h, context, h.url);
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

    await test(
      h,
      'a garbage link shows a notice naming the fields and falls back to the defaults',
      async () => {
        const bad = await openPage(
          h,
          context,
          `${h.url}?v=1&model=no-such-model&wf=zz9&ctx=banana&junk=%E0%A4%A&batch=-3`,
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
      },
    );

    await test(h, 'a malformed config.json shows an error and keeps the previous model', async () => {
      const p = await openPage(h, context, h.url);
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

    await test(
      h,
      'fetching a config by Hugging Face id uses it, and a missing repo gives a clear message',
      async () => {
        // huggingface.co is intercepted here (no network in tests): one repo answers with a real preset's
        // config, any other with 404. This page is left out of the "requests stay local" record on purpose.
        const hfContext = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
        assert(hfContext, 'no context');
        const preset = JSON.parse(readFileSync(join(h.root, 'data/models/llama-3-1-8b.json'), 'utf8')) as {
          config: unknown;
        };
        const asked: string[] = [];
        await hfContext.route('https://huggingface.co/**', (route) => {
          asked.push(route.request().url());
          return route.request().url() ===
            'https://huggingface.co/test-org/tiny-llama/resolve/main/config.json'
            ? route.fulfill({
                status: 200,
                contentType: 'application/json',
                body: JSON.stringify(preset.config),
              })
            : route.fulfill({ status: 404, body: 'not found' });
        });
        const p = await hfContext.newPage();
        p.on('pageerror', (e) => h.consoleProblems.push(`pageerror: ${e.message}`));
        await p.goto(h.url);
        await settled(p);
        const before = await text(p, '[data-name="memory-total"]');
        await p.getByText('Use your own config.json').click();
        await p.locator('input[data-name="hf-id"]').fill('test-org/missing');
        await p.locator('[data-name="hf-fetch"]').click();
        await p.locator('[data-name="model-error"]').getByText('HTTP 404').waitFor({ timeout: 5000 });
        assert(
          (await text(p, '[data-name="memory-total"]')) === before,
          'a failed fetch changed the estimate',
        );
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
      },
    );

    await test(h, 'at 360 px wide there is no horizontal scroll', async () => {
      const narrow = await h.browser.newContext({ viewport: { width: 360, height: 800 } });
      assert(narrow, 'no context');
      const p = await openPage(h, narrow, h.url);
      await settled(p);
      await p.waitForTimeout(500);
      const width = await p.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 360, `page is ${width}px wide`);
      await narrow.close();
    });

    await test(h, 'dark theme applies from the system setting and the toggle', async () => {
      const dark = await h.browser.newContext({
        viewport: { width: 1280, height: 900 },
        colorScheme: 'dark',
      });
      assert(dark, 'no context');
      const p = await openPage(h, dark, h.url);
      await settled(p);
      const bg = () => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert((await bg()) === 'rgb(17, 20, 24)', `dark background expected, got ${await bg()}`);
      await p.locator('[data-name="theme-toggle"]').click();
      assert((await bg()) === 'rgb(255, 255, 255)', `toggle to light failed: ${await bg()}`);
      await p.locator('[data-name="theme-toggle"]').click();
      assert((await bg()) === 'rgb(17, 20, 24)', 'toggle back to dark failed');
      await dark.close();
    });

    await test(h, 'screenshots at 1280 and 360 px, light and dark', async () => {
      for (const width of [1280, 360]) {
        for (const scheme of ['light', 'dark'] as const) {
          const ctx = await h.browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
          assert(ctx, 'no context');
          const p = await openPage(h, ctx, h.url);
          await settled(p);
          await scrollThrough(p);
          await p.waitForFunction(() => document.querySelectorAll('.recharts-surface').length >= 2, null, {
            timeout: 10_000,
          });
          await p.waitForTimeout(400);
          await p.screenshot({ path: join(h.screenshots, `default-${width}-${scheme}.png`), fullPage: true });
          await ctx.close();
        }
      }
    });
  } finally {
    await context.close();
  }
}

export const mainFlows: Suite = { name: 'main flows', run };
