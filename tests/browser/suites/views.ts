// The quick questions as a person asks them: "what can I run for $3,000" (set the budget, read the ranked list,
// click a row, the scenario changes), "what does 2 x RTX 3090 + 64 GB run", and "Llama 3.3 70B Q4_K_M on one
// RTX 3090 + 64 GB DDR4" answered with a layer count, the flag, bytes per device and a speed, with the layer
// slider moving the bytes. Plus labels, keyboard, a bad link, and screenshots at 1280 and 390 px.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  assert,
  type Harness,
  openPage,
  param,
  type Suite,
  settled,
  test,
  text,
  withContext,
} from '../harness';

const GIB_NUMBER = /([\d.]+) GiB/;

/** Prices shown in the budget rows, in USD. */
async function rowPrices(p: Page): Promise<number[]> {
  const texts = await p.locator('[data-name="budget-row"] [data-name="row-price"]').allTextContents();
  return texts.map((t) => Number(t.replace(/[$,]/g, '')));
}

async function waitForRows(p: Page, name: 'budget-rows' | 'hardware-rows'): Promise<void> {
  await p.waitForSelector(`[data-name="${name}"]`, { timeout: 30_000 });
}

/** Every input and select in the open view has a label a screen reader reads. */
async function unlabelledControls(p: Page): Promise<string[]> {
  return p.evaluate(() =>
    [...document.querySelectorAll('#quick-view input, #quick-view select')]
      .filter((el) => {
        const e = el as HTMLInputElement;
        return (
          (e.labels?.length ?? 0) === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')
        );
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

async function run(h: Harness): Promise<void> {
  await withContext(h, { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }, async (context) => {
    let page: Page | null = null;

    await test(
      h,
      'what can I run for $3,000: set the budget, read the ranked list, click a row',
      async () => {
        page = await openPage(h, context, h.url);
        const p: Page = page;
        await settled(p);
        await p.click('[data-name="ask-budget"]');
        assert(
          (await p.getAttribute('[data-name="ask-budget"]', 'aria-expanded')) === 'true',
          'not expanded',
        );
        await waitForRows(p, 'budget-rows');
        // Start from $1,000 with a chip, then type $3,000: the field applies on Enter only.
        await p.click('[data-name="budget-chip-1000"]');
        await p.waitForFunction(() => new URLSearchParams(location.search).get('abudget') === '1000', null, {
          timeout: 3000,
        });
        const at1000 = await rowPrices(p);
        const first1000 = await p.getAttribute('[data-name="budget-row"]', 'data-model');
        assert(at1000.length > 0 && at1000.every((x) => x <= 1000), `rows over $1,000: ${at1000.join(', ')}`);
        const field = p.locator('input[data-name="budget-usd"]');
        await field.fill('3000');
        await p.waitForTimeout(300);
        assert((await param(p, 'abudget')) === '1000', 'the budget applied before Enter');
        await field.press('Enter');
        await p.waitForFunction(() => new URLSearchParams(location.search).get('abudget') === '3000', null, {
          timeout: 3000,
        });
        const summary = await text(p, '[data-name="budget-summary"]');
        assert(
          /\d+ models\s+run at 5 tokens\/s or faster with 8K tokens of context for \$3,000/.test(summary),
          summary,
        );
        const at3000 = await rowPrices(p);
        assert(
          at3000.every((x) => x <= 3000),
          `rows over $3,000: ${at3000.join(', ')}`,
        );
        assert(
          at3000.length >= at1000.length,
          `fewer rows for more money: ${at3000.length} < ${at1000.length}`,
        );
        const first3000 = await p.getAttribute('[data-name="budget-row"]', 'data-model');
        assert(first3000 !== null && first1000 !== null, 'rows have no model ids');
        // Click the third row: it becomes the scenario (model, quantization, the sweep's context).
        const row = p.locator('[data-name="budget-row"]').nth(2);
        const model = (await row.getAttribute('data-model')) as string;
        const format = (await row.getAttribute('data-format')) as string;
        const name = ((await row.locator('strong').textContent()) ?? '').trim();
        await row.click();
        await p.waitForFunction((m) => new URLSearchParams(location.search).get('model') === m, model, {
          timeout: 3000,
        });
        assert((await param(p, 'wf')) === format, `wf=${await param(p, 'wf')}, expected ${format}`);
        assert((await param(p, 'ctx')) === '8192', `ctx=${await param(p, 'ctx')}`);
        assert((await param(p, 'budget')) === '3000', 'the rig search did not get the budget');
        await p.waitForFunction(
          (n) => document.querySelector('[data-name="answer"]')?.textContent?.includes(n),
          name,
          {
            timeout: 5000,
          },
        );
        assert((await row.getAttribute('aria-current')) === 'true', 'the chosen row is not marked in use');
        const timing = await text(p, '[data-name="budget-timing"]');
        console.log(`     budget sweep: ${timing.split(';')[0]}`);
      },
    );

    await test(
      h,
      'the budget view: labelled controls, a row works from the keyboard, a bad entry says the rule',
      async () => {
        assert(page, 'no page');
        const p: Page = page;
        const missing = await unlabelledControls(p);
        assert(missing.length === 0, `unlabelled: ${missing.join(' | ')}`);
        const field = p.locator('input[data-name="budget-usd"]');
        await field.fill('3,00x');
        await field.press('Enter');
        const invalid = await field.getAttribute('aria-invalid');
        const hint = await p.locator('input[data-name="budget-usd"] ~ p').textContent();
        assert(invalid === 'true' && /whole number from 0 to 10,000,000/.test(hint ?? ''), `hint: ${hint}`);
        assert((await param(p, 'abudget')) === '3000', 'a bad entry changed the budget');
        await field.press('Escape');
        // Keyboard: focus the first row, Enter makes it the scenario; the focus ring shows.
        const first = p.locator('[data-name="budget-row"]').first();
        const model = (await first.getAttribute('data-model')) as string;
        await first.focus();
        await p.keyboard.press('Enter');
        await p.waitForFunction((m) => new URLSearchParams(location.search).get('model') === m, model, {
          timeout: 3000,
        });
        const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
        assert(outline !== 'none', 'no visible focus on a row');
      },
    );

    await test(h, 'the link carries the budget question and reopens it', async () => {
      assert(page, 'no page');
      const q = await page.evaluate(() => location.search);
      const again = await openPage(h, context, `${h.url}${q}`);
      await waitForRows(again, 'budget-rows');
      const summary = await text(again, '[data-name="budget-summary"]');
      assert(summary.includes('$3,000'), `reopened summary: ${summary}`);
      await again.close();
    });
  });

  await withContext(h, { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }, async (context) => {
    await test(h, 'what does 2 x RTX 3090 + 64 GB run: one step after opening the view', async () => {
      const p = await openPage(h, context, h.url);
      await settled(p);
      await p.click('[data-name="ask-hardware"]');
      await p.waitForSelector('select[data-name="own-gpu-count"]', { timeout: 15_000 });
      // The default is one RTX 3090 and 64 GB of dual-channel DDR4-3200; the step is the count.
      await p.selectOption('select[data-name="own-gpu-count"]', '2');
      await p.waitForFunction(
        () => document.querySelector('[data-name="owned-title"]')?.textContent?.startsWith('2 ×'),
        null,
        { timeout: 5000 },
      );
      const title = await text(p, '[data-name="owned-title"]');
      assert(title.includes('2 × NVIDIA GeForce RTX 3090 + 64 GiB DDR4-3200'), title);
      await p.waitForFunction(() => document.querySelector('[data-name="hardware-summary"]') !== null, null, {
        timeout: 30_000,
      });
      const summary = await text(p, '[data-name="hardware-summary"]');
      const count = Number(/^(\d+) models run/.exec(summary)?.[1] ?? 0);
      assert(count >= 20, `only ${count} models: ${summary}`);
      const models = await p
        .locator('[data-name="hardware-row"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-model')));
      // The default model, Llama 3.1 70B Q4_K_M at 32K: about 40 GiB of weights and 10 GiB of f16 KV cache, more
      // than two 24 GB cards hold, so a few layers stay in RAM.
      const verdict = await p.getAttribute('[data-name="owned-verdict"]', 'data-mode');
      assert(verdict === 'offload', `70B Q4_K_M at 32K on 2 x 3090: ${verdict}`);
      const flags = await text(p, '[data-name="offload-flags"]');
      assert(/^-ngl (\d+) --tensor-split 24,24$/.test(flags), `flags: ${flags}`);
      assert(models.length >= 10, `rows: ${models.join(', ')}`);
      assert((await param(p, 'on')) === '2' && (await param(p, 'ogpu')) === 'nvidia-rtx-3090-24gb', 'link');
      const missing = await unlabelledControls(p);
      assert(missing.length === 0, `unlabelled: ${missing.join(' | ')}`);
      // A row becomes the scenario.
      const row = p.locator('[data-name="hardware-row"]').first();
      const model = (await row.getAttribute('data-model')) as string;
      await row.click();
      await p.waitForFunction((m) => new URLSearchParams(location.search).get('model') === m, model, {
        timeout: 3000,
      });
      console.log(`     hardware sweep: ${await text(p, '[data-name="hardware-timing"]')}`);
    });
  });

  await withContext(h, { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }, async (context) => {
    await test(
      h,
      'Llama 3.3 70B Q4_K_M on one RTX 3090 + 64 GB DDR4: layers, the flag, bytes per device, a speed; the slider moves the bytes',
      async () => {
        const link = `${h.url}?v=1&model=llama-3-3-70b&wf=q4_k_m&ctx=8192&ask=hardware&own=gpus&ogpu=nvidia-rtx-3090-24gb&on=1&oram=64&oramcfg=ddr4-3200-2ch`;
        const p = await openPage(h, context, link);
        await p.waitForSelector('[data-name="offload-sentence"]', { timeout: 20_000 });
        const sentence = await text(p, '[data-name="offload-sentence"]');
        const m = /^(\d+) of 81 layers on the RTX 3090, ([\d.]+) GiB; ([\d.]+) GiB in RAM\.$/.exec(sentence);
        assert(m, `sentence: ${sentence}`);
        const layers = Number(m[1]);
        assert(layers > 30 && layers < 81, `layers ${layers}`);
        const flags = await text(p, '[data-name="offload-flags"]');
        assert(flags === `-ngl ${layers}`, `flags ${flags} for ${layers} layers`);
        assert(Number(m[2]) <= 24, `GPU holds ${m[2]} GiB of 24`);
        const speed = await text(p, '[data-name="offload-speed"]');
        const tps = Number(/Decode ([\d.]+) tokens\/s/.exec(speed)?.[1]);
        assert(tps > 0.5 && tps < 5, `speed: ${speed}`);
        // The list of models this hardware runs is swept once; moving the slider must not sweep it again.
        await p.waitForSelector('[data-name="hardware-timing"]', { timeout: 30_000 });
        const sweptBefore = await text(p, '[data-name="hardware-timing"]');
        const gpuBefore = Number(GIB_NUMBER.exec(await text(p, '[data-name="gpu-total"]'))?.[1]);
        const ramBefore = Number(GIB_NUMBER.exec(await text(p, '[data-name="ram-total"]'))?.[1]);
        // Five layers fewer with the keyboard: GPU bytes fall, RAM bytes rise, decode slows, the link has ngl.
        await p.locator('input[data-name="offload-slider"]').focus();
        for (let i = 0; i < 5; i++) await p.keyboard.press('ArrowLeft');
        await p.waitForFunction(
          (f) => document.querySelector('[data-name="offload-flags"]')?.textContent === f,
          `-ngl ${layers - 5}`,
          { timeout: 3000 },
        );
        const gpuAfter = Number(GIB_NUMBER.exec(await text(p, '[data-name="gpu-total"]'))?.[1]);
        const ramAfter = Number(GIB_NUMBER.exec(await text(p, '[data-name="ram-total"]'))?.[1]);
        assert(
          gpuAfter < gpuBefore && ramAfter > ramBefore,
          `GPU ${gpuBefore} -> ${gpuAfter}, RAM ${ramBefore} -> ${ramAfter}`,
        );
        const slower = Number(
          /Decode ([\d.]+) tokens\/s/.exec(await text(p, '[data-name="offload-speed"]'))?.[1],
        );
        assert(slower < tps, `decode ${tps} -> ${slower} with fewer layers on the GPU`);
        await p.waitForFunction(
          (n) => new URLSearchParams(location.search).get('ngl') === n,
          String(layers - 5),
          { timeout: 3000 },
        );
        await p.waitForTimeout(200);
        assert(
          (await p.locator('[data-name="hardware-progress"]').count()) === 0 &&
            (await text(p, '[data-name="hardware-timing"]')) === sweptBefore,
          'the slider started a new sweep of the models',
        );
        // Past the largest that fits: the page says it does not fit.
        for (let i = 0; i < 10; i++) await p.keyboard.press('ArrowRight');
        await p.waitForSelector('[data-name="offload-over"]', { timeout: 3000 });
        await p.click('[data-name="offload-reset"]');
        await p.waitForFunction(() => !new URLSearchParams(location.search).has('ngl'), null, {
          timeout: 3000,
        });
        assert(
          (await text(p, '[data-name="offload-flags"]')) === `-ngl ${layers}`,
          'reset did not restore the fit',
        );
        await p.screenshot({ path: join(h.screenshots, 'views-offload-1280-light.png'), fullPage: false });
      },
    );

    await test(
      h,
      'a link naming hardware the dataset does not have shows the default with a warning',
      async () => {
        const p = await openPage(h, context, `${h.url}?v=1&ask=hardware&own=gpus&ogpu=not-a-real-gpu&on=2`);
        await p.waitForSelector('[data-name="owned-title"]', { timeout: 20_000 });
        const warn = await text(p, '.my-hardware .warn-text');
        assert(warn.includes('not-a-real-gpu') && warn.includes('not in the dataset'), `warning: ${warn}`);
        assert(
          (await text(p, '[data-name="owned-title"]')).startsWith('2 × NVIDIA GeForce RTX 3090'),
          'fallback',
        );
      },
    );
  });

  await test(h, 'screenshots of both views at 1280 and 390 px, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        await withContext(h, { viewport: { width, height: 900 }, colorScheme: scheme }, async (ctx) => {
          for (const [view, query] of [
            ['budget', '?v=1&ask=budget&abudget=3000'],
            ['hardware', '?v=1&model=llama-3-3-70b&wf=q4_k_m&ctx=8192&ask=hardware&on=1'],
          ] as const) {
            const p = await openPage(h, ctx, `${h.url}${query}`);
            await waitForRows(p, view === 'budget' ? 'budget-rows' : 'hardware-rows');
            const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert(overflow <= 0, `${view} at ${width} px scrolls sideways by ${overflow} px`);
            await p
              .locator('.quick-questions')
              .screenshot({ path: join(h.screenshots, `views-${view}-${width}-${scheme}.png`) });
            await p.close();
          }
        });
      }
    }
  });
}

export const views: Suite = { name: 'views', run };
