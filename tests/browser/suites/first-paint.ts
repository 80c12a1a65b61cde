// The answer at first paint (issue 12): the build pre-renders the default page, the browser paints it from
// the HTML alone, and the app's code, the data and the charts arrive after it without moving anything.
// Pages with their scripts blocked show exactly what first paint shows.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  assert,
  type Harness,
  record,
  type Suite,
  scrollThrough,
  test,
  text,
  visiblePartsLive,
  withContext,
} from '../harness';

const PHONE = { width: 412, height: 823 };
const DESKTOP = { width: 1280, height: 900 };

/** Lighthouse's mobile profile: 4x slower CPU, 150 ms round trips, 1.6 Mbps down. */
async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6e6 / 8) * 0.9,
    uploadThroughput: (750e3 / 8) * 0.9,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** A page that never runs the app's code (every .js request fails): what first paint shows. Not recorded
 *  (the failed requests are logged as console errors on purpose). */
async function firstPaintPage(context: BrowserContext, url: string): Promise<Page> {
  await context.route('**/*.js', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Scrolls down the page a screen at a time (every part and chart comes near the viewport), waits until all
 *  parts are live, and goes back to the top. */
async function everyPartLive(page: Page, timeout = 30_000): Promise<void> {
  await visiblePartsLive(page, timeout);
  await scrollThrough(page);
  await page.waitForFunction(
    () => [...document.querySelectorAll('.part')].every((p) => p.hasAttribute('data-live')),
    null,
    { timeout },
  );
}

/** Records the layout shifts not caused by input (the CLS definition) from the start of the page: when, how
 *  much, and which elements moved from where to where. */
const collectShifts = (context: BrowserContext) =>
  context.addInitScript(() => {
    const w = window as unknown as { shifts: { at: number; value: number; sources: string[] }[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as {
        startTime: number;
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      }[]) {
        if (e.hadRecentInput) continue;
        const rect = (r: DOMRectReadOnly) => `${r.x},${r.y} ${r.width}x${r.height}`;
        w.shifts.push({
          at: Math.round(e.startTime),
          value: e.value,
          sources: (e.sources ?? []).map(
            (s) =>
              `${s.node instanceof Element ? s.node.outerHTML.slice(0, 60) : String(s.node?.nodeName)} ${rect(s.previousRect)} -> ${rect(s.currentRect)}`,
          ),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
const shifts = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { shifts: { at: number; value: number; sources: string[] }[] }).shifts,
  );

/** Where the section headings sit: nothing above them may change height as the page comes alive. */
const headingTops = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('h2')].map((h) =>
      Math.round(h.getBoundingClientRect().top + window.scrollY),
    ),
  );

// The answer's text as the page reads it: the setup, then its three figures (label, value, detail) side by side.
const ANSWER =
  /^Llama 3\.1 70B .+ at Q4_K_M with 32K context, on llama\.cppMemory needed[\d.]+ GiBrange [\d.]+ GiB–[\d.]+ GiB\.Cheapest rig that holds it\$[\d,]+.+, [\d.]+ tok\/s decode \(prices as of \d{4}-\d{2}-\d{2}\)\.A 512 GiB rig with good fp8 at \$3,000.+\.$/;

async function run(h: Harness): Promise<void> {
  let prerendered = '';

  await test(h, 'the complete answer is in the HTML before any script runs', async () => {
    const html = await (await fetch(h.url)).text();
    const paragraph = /<section class="answer"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    prerendered = paragraph
      .replace(/<!-- -->/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&');
    assert(ANSWER.test(prerendered), `the answer in index.html is not complete: "${prerendered}"`);
    for (const missing of ['not available yet', 'Loading ']) {
      assert(!html.includes(missing), `index.html says "${missing}"`);
    }
    await withContext(h, { viewport: DESKTOP }, async (context) => {
      const page = await firstPaintPage(context, h.url);
      const shown = await text(page, '[data-name="answer"]');
      assert(shown === prerendered, `without scripts the page shows "${shown}"`);
      assert(
        /^[\d.]+ GiB$/.test(await text(page, '[data-name="memory-total"]')),
        'no memory total at first paint',
      );
      assert((await page.locator('[data-name="rig-row"]').count()) > 0, 'no rig rows at first paint');
    });
  });

  await test(h, 'the pre-rendered numbers are the ones the app computes in the browser', async () => {
    await withContext(h, { viewport: DESKTOP }, async (context) => {
      const blocked = await firstPaintPage(context, h.url);
      const before = {
        total: await text(blocked, '[data-name="memory-total"]'),
        rig: await text(blocked, '[data-name="rig-row"]'),
        outcome: await text(blocked, '[data-name="projection-answer"]'),
      };
      await context.unrouteAll();
      const page = record(h, await context.newPage());
      await page.goto(`${h.url}`, { waitUntil: 'load' });
      await everyPartLive(page);
      // Changing an input and back makes every part compute again in the browser.
      await page.locator('input[data-name="context"]').focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() =>
        document.querySelector('[data-name="answer"]')?.textContent?.includes('48K'),
      );
      await page.keyboard.press('ArrowLeft');
      // The memory figures follow the slider at once; the rig search and the projection answer a moment later
      // (on a loaded machine, seconds later). Each part is read once it has settled on the pre-rendered text, or
      // after 20 s, when the assertion names what it shows instead.
      const settledOn = async (selector: string, expected: string): Promise<string> => {
        await page
          .waitForFunction(
            ([sel, want]) => document.querySelector(sel as string)?.textContent === want,
            [selector, expected],
            { timeout: 20_000 },
          )
          .catch(() => {});
        return text(page, selector);
      };
      const answer = await settledOn('[data-name="answer"]', prerendered);
      assert(answer === prerendered, `the browser computes another answer: "${answer}"`);
      const total = await settledOn('[data-name="memory-total"]', before.total);
      assert(total === before.total, `memory total ${total}, pre-rendered ${before.total}`);
      const rig = await settledOn('[data-name="rig-row"]', before.rig);
      assert(rig === before.rig, `first rig "${rig}", pre-rendered "${before.rig}"`);
      const outcome = await settledOn('[data-name="projection-answer"]', before.outcome);
      assert(outcome === before.outcome, `projection "${outcome}", pre-rendered "${before.outcome}"`);
    });
  });

  await test(
    h,
    'the policy allows each inline element by its hash, and the browser reports no violation',
    async () => {
      const html = await (await fetch(h.url)).text();
      const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
      assert(policy !== '' && !policy.includes('unsafe-inline'), `policy: ${policy}`);
      const inline = [...html.matchAll(/<(script|style)>([\s\S]*?)<\/\1>/g)];
      assert(inline.length === 2, `expected one inline script and one inline style, found ${inline.length}`);
      for (const [, tag, body] of inline) {
        const hash = `'sha256-${createHash('sha256')
          .update(body ?? '')
          .digest('base64')}'`;
        const directive = policy
          .split(';')
          .find((d) => d.trim().startsWith(`${tag === 'script' ? 'script' : 'style'}-src`));
        assert(directive?.includes(hash), `the ${tag} element's hash is not in ${directive}`);
      }
      assert(
        !/<[a-z][^>]* style="/.test(html),
        'the pre-rendered HTML has a style attribute (blocked by the policy)',
      );
      await withContext(h, { viewport: DESKTOP }, async (context) => {
        await context.addInitScript(() => {
          const w = window as unknown as { violations: string[] };
          w.violations = [];
          document.addEventListener('securitypolicyviolation', (e) =>
            w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
          );
        });
        const page = record(h, await context.newPage());
        await page.goto(h.url, { waitUntil: 'load' });
        await everyPartLive(page);
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await page.waitForFunction(() => document.querySelectorAll('.recharts-wrapper').length >= 2);
        const violations = await page.evaluate(
          () => (window as unknown as { violations: string[] }).violations,
        );
        assert(violations.length === 0, `CSP violations: ${violations.join(' | ')}`);
      });
    },
  );

  await test(
    h,
    'nothing but the HTML loads before first paint; the charts and the parts far below wait for the viewport',
    async () => {
      await withContext(h, { viewport: PHONE }, async (context) => {
        const page = record(h, await context.newPage());
        await page.goto(h.url, { waitUntil: 'load' });
        await visiblePartsLive(page);
        await page.waitForLoadState('networkidle');
        const live = await page.evaluate(() =>
          [...document.querySelectorAll('.part[data-live]')].map((p) => p.getAttribute('data-part')),
        );
        assert(
          !live.includes('the data sources'),
          `parts far below the fold were hydrated at load: ${live.join(', ')}`,
        );
        const timing = await page.evaluate(() => ({
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
          resources: performance
            .getEntriesByType('resource')
            .map((r) => ({ name: r.name.split('/').pop() ?? '', start: r.startTime })),
        }));
        assert(Number.isFinite(timing.fcp), 'no first-contentful-paint entry');
        const early = timing.resources.filter((r) => /\.(js|css)$/.test(r.name) && r.start < timing.fcp);
        assert(early.length === 0, `requested before first paint: ${early.map((r) => r.name).join(', ')}`);
        const charts = timing.resources.filter((r) => /chart|log-scale/.test(r.name));
        assert(
          charts.length === 0,
          `chart code loaded without a chart in view: ${charts.map((r) => r.name).join(', ')}`,
        );
        assert((await page.locator('.recharts-wrapper').count()) === 0, 'a chart mounted far below the fold');
        const box = page.locator('.projection-chart-box');
        const heightBefore = (await box.boundingBox())?.height;
        await box.scrollIntoViewIfNeeded();
        await page.locator('.projection-chart-box .recharts-wrapper').waitFor({ timeout: 15_000 });
        const heightAfter = (await box.boundingBox())?.height;
        assert(heightBefore === 340 && heightAfter === 340, `chart box ${heightBefore} -> ${heightAfter} px`);
      });
    },
  );

  for (const viewport of [PHONE, DESKTOP]) {
    await test(
      h,
      `no layout shift while the lazy parts load, throttled, at ${viewport.width} px`,
      async () => {
        let firstPaintTops: number[] = [];
        await withContext(h, { viewport }, async (context) => {
          firstPaintTops = await headingTops(await firstPaintPage(context, h.url));
        });
        await withContext(h, { viewport }, async (context) => {
          await collectShifts(context);
          // The first frame's animation callback runs just before the first paint; a render-blocked page
          // runs none. It records whether the end of the pre-rendered page had been parsed by then.
          await context.addInitScript(() => {
            requestAnimationFrame(() => {
              (window as unknown as { __endAtFirstFrame: boolean }).__endAtFirstFrame =
                document.getElementById('prerendered-end') !== null;
            });
          });
          const page = record(h, await context.newPage());
          await throttle(page);
          await page.goto(h.url, { waitUntil: 'load' });
          await visiblePartsLive(page, 60_000);
          await page.waitForLoadState('networkidle');
          const tops = await headingTops(page);
          assert(
            JSON.stringify(tops) === JSON.stringify(firstPaintTops),
            `headings moved: ${firstPaintTops.join(',')} -> ${tops.join(',')}`,
          );
          // Scrolling down hydrates the parts below and mounts the charts in boxes of their final size.
          await everyPartLive(page, 60_000);
          for (const box of await page.locator('.chart-box').all()) {
            await box.scrollIntoViewIfNeeded();
            await box.locator('.recharts-wrapper').waitFor({ timeout: 60_000 });
          }
          assert(
            JSON.stringify(await headingTops(page)) === JSON.stringify(firstPaintTops),
            'headings moved when the charts mounted',
          );
          // First paint waits for the whole pre-rendered document (no half-parsed part is drawn at another
          // height): the first frame came after its last element was parsed. (The navigation timing's
          // domInteractive comes a little later, after the trailing <noscript>: on a loaded machine a paint
          // can fall in between, which is not a half-parsed page.)
          const endAtFirstFrame = await page.evaluate(
            () => (window as unknown as { __endAtFirstFrame?: boolean }).__endAtFirstFrame,
          );
          assert(
            endAtFirstFrame === true,
            `the first frame was drawn before the page end was parsed (${endAtFirstFrame})`,
          );
          const found = await shifts(page);
          const marks = await page.evaluate(() => ({
            fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1),
            now: Math.round(performance.now()),
          }));
          const cls = found.reduce((t, s) => t + s.value, 0);
          assert(
            cls === 0,
            `layout shifts (${cls.toFixed(6)}; first paint at ${marks.fcp} ms, checked at ${marks.now} ms): ${JSON.stringify(found).slice(0, 800)}`,
          );
        });
      },
    );
  }

  await test(h, 'a slider works right after load, before the data has arrived (throttled)', async () => {
    await withContext(h, { viewport: PHONE }, async (context) => {
      // The dataset arrives late (held until the input has been handled).
      let releaseData: () => void = () => {};
      const dataHeld = new Promise<void>((done) => {
        releaseData = done;
      });
      await context.route('**/price-engine-*.js', async (route) => {
        await dataHeld;
        await route.continue();
      });
      const page = record(h, await context.newPage());
      await throttle(page);
      await page.goto(h.url, { waitUntil: 'commit' });
      const slider = page.locator('input[data-name="context"]');
      // Interactive: React has attached to the slider.
      await page.waitForFunction(
        () => {
          const input = document.querySelector('input[data-name="context"]');
          return input !== null && Object.keys(input).some((k) => k.startsWith('__reactFiber'));
        },
        null,
        { timeout: 30_000 },
      );
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(
        () =>
          (document.querySelector('input[data-name="context-number"]') as HTMLInputElement | null)?.value ===
          '49152',
        null,
        { timeout: 5000 },
      );
      // While the data is missing, the parts still showing the pre-rendered scenario hide their numbers.
      const hidden = await page.evaluate(() =>
        document.documentElement.getAttribute('data-prerender') === 'stale'
          ? getComputedStyle(document.querySelector('.part[data-part="the answer"]') as Element).visibility
          : 'not marked stale',
      );
      assert(hidden === 'hidden', `the stale answer is ${hidden}`);
      releaseData();
      await visiblePartsLive(page, 60_000);
      await page.waitForFunction(
        () => new URLSearchParams(window.location.search).get('ctx') === '49152',
        null,
        { timeout: 10_000 },
      );
      const answer = await text(page, '[data-name="answer"]');
      assert(answer.includes('48K context'), `the answer did not follow the slider: ${answer}`);
      const visible = await page.evaluate(
        () => getComputedStyle(document.querySelector('.part[data-part="the answer"]') as Element).visibility,
      );
      assert(visible === 'visible', `the answer is ${visible} once live`);
    });
  });

  await test(h, 'a shared link hides the pre-rendered numbers until it shows its own', async () => {
    // Qwen3 8B's own limit is 40,960 tokens (max_position_embeddings): a link within it.
    const link = `${h.url}?v=1&model=qwen3-8b&ctx=16384&batch=4`;
    await withContext(h, { viewport: DESKTOP }, async (context) => {
      const blocked = await firstPaintPage(context, link);
      const state = await blocked.evaluate(() => ({
        stale: document.documentElement.getAttribute('data-prerender'),
        answer: getComputedStyle(document.querySelector('.part[data-part="the answer"]') as Element)
          .visibility,
      }));
      assert(
        state.stale === 'stale' && state.answer === 'hidden',
        `first paint of a link: ${JSON.stringify(state)}`,
      );
      const plain = await firstPaintPage(context, h.url);
      assert(
        (await plain.evaluate(() => document.documentElement.getAttribute('data-prerender'))) === null,
        'the default address was marked stale',
      );
    });
    await withContext(h, { viewport: DESKTOP }, async (context) => {
      const page = record(h, await context.newPage());
      await page.goto(link, { waitUntil: 'load' });
      await visiblePartsLive(page);
      const answer = await text(page, '[data-name="answer"]');
      assert(answer.startsWith('Qwen3 8B') && answer.includes('16K context × 4'), `answer: ${answer}`);
      const visible = await page.evaluate(
        () => getComputedStyle(document.querySelector('.part[data-part="the answer"]') as Element).visibility,
      );
      assert(visible === 'visible', `the answer is ${visible}`);
    });
  });

  await test(h, 'screenshots at first paint, throttled, at 1280 and 390 px, light and dark', async () => {
    for (const width of [1280, 390]) {
      for (const scheme of ['light', 'dark'] as const) {
        await withContext(h, { viewport: { width, height: 900 }, colorScheme: scheme }, async (context) => {
          const page = record(h, await context.newPage());
          await throttle(page);
          await page.goto(h.url, { waitUntil: 'commit' });
          await page.waitForFunction(
            () => performance.getEntriesByName('first-contentful-paint').length > 0,
            null,
            {
              timeout: 30_000,
              polling: 16,
            },
          );
          const answer = await text(page, '[data-name="answer"]');
          await page.screenshot({ path: join(h.screenshots, `first-paint-${width}-${scheme}.png`) });
          assert(ANSWER.test(answer), `at first paint the answer is "${answer}"`);
          await visiblePartsLive(page, 60_000);
        });
      }
    }
  });
}

export const firstPaint: Suite = { name: 'first paint', run };
