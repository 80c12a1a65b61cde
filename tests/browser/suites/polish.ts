// The page's parts as a person uses them (issues 13, 11 and 9): the model combobox by keyboard and by mouse,
// number fields that apply on Enter and refuse with the rule, the rig table's CSV and the charts' SVG/PNG,
// the projection's answer in words with its numbers, the rig class in the link, the context limit from a
// link, the unified-memory limit, the engine's reason when nothing fits, a pasted preset file, chart
// tooltips and tab stops; screenshots at 1280 and 390 px, light and dark.
import { readFileSync } from 'node:fs';
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
  waitForParam,
  waitForParamToBe,
} from '../harness';

const MODEL = 'input[data-name="model-search"]';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), click()]);
  const path = await download.path();
  assert(path, 'the download has no file');
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** The projection's answer once every class is computed (it says "Computing…" until then). */
async function projectionReady(page: Page): Promise<void> {
  await page.locator('[data-name="projection-answer"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-name="class-outcome"]').length === 3,
    null,
    {
      timeout: 20_000,
    },
  );
}

async function chartMounted(page: Page, index: number): Promise<void> {
  const figure = page.locator('figure.chart').nth(index);
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('.recharts-wrapper > svg.recharts-surface').waitFor({ timeout: 15_000 });
}

async function run(h: Harness): Promise<void> {
  const context = await h.browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    acceptDownloads: true,
  });
  try {
    await test(h, 'combobox by keyboard: "deepseek r1" then Enter picks DeepSeek-R1', async () => {
      const p = await openPage(h, context, h.url);
      await settled(p);
      const field = p.locator(MODEL);
      await field.click();
      await p.keyboard.press('ControlOrMeta+a');
      await p.keyboard.type('deepseek r1');
      const options = p.locator('[data-name="model-list"] [role="option"]');
      await options.first().waitFor();
      assert((await field.getAttribute('aria-expanded')) === 'true', 'the list is not announced as open');
      // Nothing looks chosen but the model in use, which "deepseek r1" does not list.
      const selected = await p.locator('[data-name="model-list"] [aria-selected="true"]').count();
      assert(selected === 0, `${selected} options look selected while Llama 3.1 70B is in use`);
      assert(
        (await options.first().textContent())?.includes('DeepSeek-R1'),
        'DeepSeek-R1 is not the top match',
      );
      assert(
        (await options.first().textContent())?.includes('160K context'),
        'the option shows no max context',
      );
      await p.keyboard.press('Enter');
      assert(
        (await waitForParam(p, 'model', 'llama-3-1-70b')) === 'deepseek-r1',
        'Enter did not pick DeepSeek-R1',
      );
      assert(
        (await text(p, '[data-name="model-current"]')).includes('DeepSeek-R1'),
        'model-current not updated',
      );
      assert((await field.getAttribute('aria-expanded')) === 'false', 'the list stayed open');
      assert((await field.inputValue()) === 'DeepSeek-R1', `the field shows ${await field.inputValue()}`);
      // Arrow keys move an outline through the options (aria-activedescendant); Escape closes.
      await field.focus();
      await p.keyboard.press('ArrowDown');
      const activeId = await field.getAttribute('aria-activedescendant');
      assert(activeId, 'ArrowDown set no active option');
      assert(
        (await p.locator(`[id="${activeId}"]`).getAttribute('aria-selected')) === 'true',
        'ArrowDown on a closed list should start at the model in use',
      );
      await p.keyboard.press('ArrowDown');
      await p.keyboard.press('Escape');
      assert((await field.getAttribute('aria-expanded')) === 'false', 'Escape did not close the list');
      assert((await param(p, 'model')) === 'deepseek-r1', 'Escape changed the model');
      await p.close();
    });

    await test(
      h,
      'combobox by mouse: open the list and click Qwen3 32B; no match offers paste and fetch',
      async () => {
        const p = await openPage(h, context, h.url);
        await settled(p);
        await p.locator('[data-name="model-list-toggle"]').click();
        const option = p.locator('[data-name="model-list"] [data-model-id="qwen3-32b"]');
        await option.scrollIntoViewIfNeeded();
        await option.click();
        assert(
          (await waitForParam(p, 'model', 'llama-3-1-70b')) === 'qwen3-32b',
          'the click did not pick Qwen3 32B',
        );
        await p.locator(MODEL).fill('zzz no such model');
        await p.locator('[data-name="model-no-match"]').waitFor();
        await p.locator('[data-name="no-match-paste"]').click();
        await p.locator('textarea[data-name="config-paste"]').waitFor();
        await p.waitForFunction(() => document.activeElement?.getAttribute('data-name') === 'config-paste');
        await p.close();
      },
    );

    await test(h, 'a pasted data/models preset file is used and named by its preset name', async () => {
      const p = await openPage(h, context, h.url);
      await settled(p);
      await p.getByText('Use your own config.json').click();
      const file = readFileSync(join(h.root, 'data/models/llama-3-1-8b.json'), 'utf8');
      await p.locator('textarea[data-name="config-paste"]').fill(file);
      await p.locator('[data-name="config-use"]').click();
      await p.waitForFunction(() => new URLSearchParams(location.search).get('model') === 'custom');
      const current = await text(p, '[data-name="model-current"]');
      assert(current.includes('Llama 3.1 8B Instruct'), `pasted preset not named: ${current}`);
      // A bare config is named by its _name_or_path.
      const config = JSON.parse(file).config;
      await p
        .locator('textarea[data-name="config-paste"]')
        .fill(JSON.stringify({ ...config, _name_or_path: 'acme/tiny-llama' }));
      await p.locator('[data-name="config-use"]').click();
      await p.getByText('acme/tiny-llama').first().waitFor({ timeout: 5000 });
      await p.close();
    });

    await test(
      h,
      'number fields: 15000 in the threshold gives $15,000 on Enter; out of range shows the rule',
      async () => {
        const p = await openPage(h, context, h.url);
        await settled(p);
        const field = p.locator('input[data-name="threshold-number"]');
        await field.fill('15000');
        // Nothing applies while typing.
        await p.waitForTimeout(400);
        assert((await param(p, 'threshold')) === '3000', `typing applied ${await param(p, 'threshold')}`);
        await field.press('Enter');
        assert((await waitForParam(p, 'threshold', '3000')) === '15000', 'Enter did not apply 15000');
        assert(
          (await text(p, '[data-name="threshold-hint"]')) === '$15,000',
          'the hint does not read $15,000',
        );
        await field.fill('500000');
        await field.press('Enter');
        const hint = await text(p, '[data-name="threshold-hint"]');
        assert(hint.includes('from $1,000 to $100,000'), `the error does not state the range: ${hint}`);
        assert(hint.includes('multiple of 100'), `the error does not state the step: ${hint}`);
        assert(hint.includes('Still using $15,000'), `the error does not keep the value: ${hint}`);
        assert((await field.getAttribute('aria-invalid')) === 'true', 'the field is not marked invalid');
        assert((await param(p, 'threshold')) === '15000', 'an out-of-range value was applied');
        // Leaving the field applies too: the context, typed and blurred.
        const ctx = p.locator('input[data-name="context-number"]');
        await ctx.fill('65536');
        await p.locator(MODEL).focus();
        assert((await waitForParam(p, 'ctx', '32768')) === '65536', 'leaving the field did not apply 65536');
        await ctx.fill('2000000');
        await ctx.press('Enter');
        const ctxHint = await text(p, '[data-name="context-hint"]');
        assert(
          ctxHint.includes('above the maximum') && ctxHint.includes('131,072'),
          `context error: ${ctxHint}`,
        );
        assert((await param(p, 'ctx')) === '65536', 'an over-limit context was applied');
        await p.close();
      },
    );

    await test(
      h,
      'the context slider ends at the model limit; a link asking for more is clamped with a notice',
      async () => {
        const p = await openPage(h, context, `${h.url}?v=1&model=gpt-oss-120b&ctx=1048576`);
        await settled(p);
        const notice = p.locator('[data-notice-kind="link"]');
        await notice.waitFor({ timeout: 5000 });
        const noticeText = (await notice.textContent()) ?? '';
        assert(noticeText.includes('131,072'), `the notice does not give the limit: ${noticeText}`);
        assert((await waitForParam(p, 'ctx', '1048576')) === '131072', 'the context was not clamped');
        const range = p.locator('input[data-name="context"]');
        assert(
          (await range.inputValue()) === (await range.getAttribute('max')),
          'the slider does not end at the limit',
        );
        assert(
          (await text(p, '[data-name="context-hint"]')).includes('takes up to 128K'),
          'no limit in the hint',
        );
        await p.close();
      },
    );

    await test(h, 'the rig table downloads as CSV with one row per rig', async () => {
      const p = await openPage(h, context, h.url);
      await settled(p);
      await p.locator('[data-name="rig-table"]').waitFor({ timeout: 15_000 });
      const { name, bytes } = await downloaded(p, () => p.locator('[data-name="export-rigs-csv"]').click());
      const csv = bytes.toString('utf8');
      assert(/^rigcast-rigs-\d{4}-\d{2}-\d{2}\.csv$/.test(name), `file name ${name}`);
      assert(csv.startsWith('rank,rig,full_name,kind,total_usd,'), `CSV header: ${csv.slice(0, 80)}`);
      const firstName = (await text(p, '[data-name="rig-name"]'))
        .replace(' ★', '')
        .replace(' Pareto front', '');
      const firstRow = csv.split('\r\n')[1] ?? '';
      assert(
        firstRow.startsWith('1,') && firstRow.includes(firstName.trim()),
        `first row ${firstRow.slice(0, 120)} vs ${firstName}`,
      );
      const button = (await text(p, '[data-name="export-rigs-csv"]')).match(/(\d+) rigs/)?.[1];
      assert(
        button && csv.split('\r\n').filter((l) => /^\d+,/.test(l)).length === Number(button),
        'row count',
      );
      await p.close();
    });

    await test(h, 'each chart downloads as SVG and PNG', async () => {
      const p = await openPage(h, context, h.url);
      await settled(p);
      await projectionReady(p);
      for (const index of [0, 1]) {
        await chartMounted(p, index);
        const figure = p.locator('figure.chart').nth(index);
        const svg = await downloaded(p, () => figure.locator('[data-name="export-svg"]').click());
        const svgText = svg.bytes.toString('utf8');
        assert(svg.name.endsWith('.svg') && svgText.includes('<svg'), `not an SVG: ${svg.name}`);
        assert(!svgText.includes('var(--'), 'the SVG still refers to the page CSS variables');
        assert(svgText.includes('rigcast:'), 'the SVG has no title');
        // The whole chart, not one of the legend's 14 px icons.
        const width = Number(svgText.match(/<svg[^>]* width="(\d+)"/)?.[1]);
        assert(width >= 300, `the SVG is ${width} px wide`);
        if (index === 0)
          assert(svgText.includes('Threshold $3,000'), 'the projection SVG lacks its threshold line');
        const legend = (await figure.locator('.recharts-legend-item').first().textContent())?.trim() ?? '';
        assert(
          legend !== '' && svgText.includes(legend.replace(/&/g, '&amp;')),
          `legend "${legend}" not drawn`,
        );
        const valid = await p.evaluate(
          (t) => new DOMParser().parseFromString(t, 'image/svg+xml').querySelector('parsererror') === null,
          svgText,
        );
        assert(valid, 'the SVG does not parse');
        const png = await downloaded(p, () => figure.locator('[data-name="export-png"]').click());
        assert(png.name.endsWith('.png'), png.name);
        assert(png.bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])), 'not a PNG');
        assert(png.bytes.length > 10_000, `the PNG is only ${png.bytes.length} bytes`);
      }
      await p.close();
    });

    await test(h, 'the projection answers in words with the numbers the class cards show', async () => {
      const p = await openPage(h, context, h.url);
      await settled(p);
      await projectionReady(p);
      const sentence = await text(p, '[data-name="projection-answer"]');
      const lead = sentence.match(
        /^A (\d+) GB rig of VRAM\/unified memory with good fp8 costs (\$[\d,]+) as of (\d{4}-\d{2})/,
      );
      assert(lead, `the answer does not lead with the good-fp8 class: ${sentence.slice(0, 160)}`);
      const card = p.locator('[data-name="class-card"][data-class="good-fp8"]');
      assert((await card.getAttribute('aria-current')) === 'true', 'class (a) is not the one on the chart');
      const cardText = (await card.textContent()) ?? '';
      assert(
        cardText.includes(`${lead[2]} in ${lead[3]}`),
        `card (a) shows another price: ${cardText.slice(0, 120)}`,
      );
      for (const t of ['$3,000', '$5,000']) assert(sentence.includes(t), `the answer does not mention ${t}`);
      assert(/tokens\/s/.test(sentence), 'the answer gives no speed');
      assert(sentence.includes('any memory, CPU RAM included costs $'), 'the CPU-memory class is not given');
      assert(
        (await text(p, '[data-name="answer-projection"]')).includes('at $3,000'),
        'headline lacks the class',
      );
      // The assumptions hold the backtest, with its figures or why there are none.
      await p.getByText('Assumptions and backtest').click();
      const backtest = await text(p, '[data-name="backtest"]');
      assert(/fit to 2023-12-31/.test(backtest), `no backtest: ${backtest.slice(0, 100)}`);
      assert(/% off|too little data|no later months/.test(backtest), 'the backtest has no figure');
      await p.close();
    });

    await test(
      h,
      'a new target is computed after the slider: the chart stays meanwhile, then 1 TB is answered',
      async () => {
        const p = await openPage(h, context, h.url);
        await settled(p);
        await projectionReady(p);
        await chartMounted(p, 0);
        const target = p.locator('input[data-name="target"]');
        await target.focus();
        // 512 -> 768 -> 1024 GiB: each key applies at once (the link follows), the projection later.
        for (let i = 0; i < 2; i++) await p.keyboard.press('ArrowRight');
        const reached = await waitForParamToBe(p, 'target', '1024');
        assert(reached === '1024', `the target did not reach 1024 (the link has ${reached})`);
        await p.locator('[data-name="projection-computing"]').waitFor({ timeout: 5000 });
        assert(
          (await p.locator('figure.chart').count()) === 2,
          'the projection chart vanished while computing',
        );
        await p.waitForFunction(
          () =>
            document.querySelector('[data-name="projection-answer"]')?.textContent?.startsWith('A 1 TB rig'),
          null,
          { timeout: 30_000 },
        );
        assert((await p.locator('[data-name="projection-computing"]').count()) === 0, 'still says computing');
        await p.close();
      },
    );

    await test(h, 'the rig class switch is in the link and comes back from it', async () => {
      const p = await openPage(h, context, h.url);
      await settled(p);
      await p.locator('input[data-name="class-any"]').check();
      assert((await waitForParam(p, 'class', null)) === 'any', 'class=any not in the link');
      await projectionReady(p);
      // The projection part hydrates as it nears the viewport: until then it is the pre-rendered default.
      const marked = await p
        .waitForFunction(
          () =>
            document
              .querySelector('[data-name="class-card"][data-class="any"]')
              ?.getAttribute('aria-current') === 'true',
          null,
          { timeout: 20_000 },
        )
        .then(() => true)
        .catch(() => false);
      assert(marked, 'card (c) is not marked as on the chart');
      const url = p.url();
      const again = await openPage(h, context, url);
      await settled(again);
      assert(
        await again.locator('input[data-name="class-any"]').isChecked(),
        'the link did not bring class (c) back',
      );
      await projectionReady(again);
      // The pre-rendered page shows the default class until the link's scenario is live.
      await again.waitForFunction(
        () =>
          document
            .querySelector('[data-name="projection-answer"]')
            ?.textContent?.startsWith('A 512 GB rig of any memory, CPU RAM included costs'),
        null,
        { timeout: 20_000 },
      );
      await again.close();
      await p.close();
    });

    await test(
      h,
      'the unified-memory limit is a control and in the link; its rule is in the assumptions',
      async () => {
        const p = await openPage(h, context, h.url);
        await settled(p);
        await p.locator('select[data-name="unified-limit"]').selectOption('factory');
        assert((await waitForParam(p, 'umem', null)) === 'factory', 'umem=factory not in the link');
        await p.locator('[data-name="rig-assumptions"] summary').click();
        // The link changes at once; the search with the new limit and the list (rendered on open) follow it
        // a frame or more later (a fresh-clone CI run read the list before it had the new rule).
        await p
          .waitForFunction(
            () =>
              document.querySelector('[data-name="rig-assumptions"]')?.textContent?.includes('factory limit'),
            null,
            { timeout: 10_000 },
          )
          .catch(() => {});
        const assumptions = await text(p, '[data-name="rig-assumptions"]');
        assert(
          assumptions.includes('factory limit'),
          `the assumptions do not follow the option: ${assumptions.slice(0, 200)}`,
        );
        await p.close();
      },
    );

    await test(h, 'nothing fits: the engine reason is shown, with the rig named once', async () => {
      const p = await openPage(h, context, `${h.url}?v=1&model=llama-3-1-8b&wf=fp8&engine=llama.cpp`);
      await settled(p);
      const none = p.locator('[data-name="rig-none"]');
      await none.waitFor({ timeout: 15_000 });
      assert((await none.getAttribute('data-binding')) === 'engine', 'the binding is not the engine');
      const message = (await none.textContent()) ?? '';
      assert(message.includes('GGUF'), `no engine reason: ${message}`);
      assert(!message.includes('Closest once that is relaxed'), 'the closest rig is named twice');
      await p.close();
    });

    await test(
      h,
      'chart tooltips name the month and the rig; charts add no unlabelled tab stops',
      async () => {
        const p = await openPage(h, context, h.url);
        await settled(p);
        await projectionReady(p);
        await chartMounted(p, 0);
        const point = p.locator('figure.chart').first().locator('.recharts-scatter-symbol').nth(3);
        // The chart's surface can mount before its points are drawn (a stress run at load 10.7 read none).
        await point.waitFor({ timeout: 15_000 }).catch(() => {});
        const box = await point.boundingBox();
        assert(box, 'no history point on the chart');
        await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        const tip = p.locator('[data-name="chart-tooltip"]');
        await tip.waitFor({ timeout: 3000 });
        const tipText = (await tip.textContent()) ?? '';
        assert(/^\d{4}-\d{2}\$[\d,]+: .+tok\/s decode/.test(tipText), `tooltip: ${tipText}`);
        await chartMounted(p, 1);
        const stops = await p.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('figure.chart *')]
            .filter((el) => el.tabIndex >= 0 && !(el instanceof HTMLButtonElement))
            .map((el) => el.outerHTML.slice(0, 60)),
        );
        assert(stops.length === 0, `tab stops in the charts: ${stops.join(' | ')}`);
        await p.close();
      },
    );

    await test(h, 'screenshots at 1280 and 390 px, light and dark; no horizontal scroll at 390', async () => {
      for (const width of [1280, 390]) {
        for (const scheme of ['light', 'dark'] as const) {
          const ctx = await h.browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
          try {
            const p = await openPage(h, ctx, h.url);
            await settled(p);
            await projectionReady(p);
            await chartMounted(p, 0);
            await chartMounted(p, 1);
            await p.evaluate(() => window.scrollTo(0, 0));
            await p.waitForTimeout(300);
            const scroll = await p.evaluate(() => document.documentElement.scrollWidth);
            assert(scroll <= width, `the page is ${scroll} px wide at ${width}`);
            await p.screenshot({
              path: join(h.screenshots, `polish-${width}-${scheme}.png`),
              fullPage: true,
            });
            // The combobox open, for a look at its popup.
            await p.locator(MODEL).click();
            await p.keyboard.type('llama 70b');
            await p
              .locator('.model-picker')
              .screenshot({ path: join(h.screenshots, `polish-combobox-${width}-${scheme}.png`) });
          } finally {
            await ctx.close();
          }
        }
      }
    });
  } finally {
    await context.close();
  }
}

export const polish: Suite = { name: 'polish', run };
