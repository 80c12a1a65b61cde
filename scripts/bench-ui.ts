// npm run bench:ui — builds the app, serves dist/ on 127.0.0.1, drives Chromium and prints:
// - bytes: what first paint needs (index.html, pre-rendered, with its inline stylesheet), the HTML, JS and CSS
//   the default page loads before any interaction (observed at a phone's and a desktop's viewport; charts
//   far below the fold are not loaded), and every chunk built (gzip level 9 and raw);
// - the time from a slider input to the next frame with every chart mounted (median and p95 over 100
//   inputs), the same inputs' main-thread CPU time from a Chromium trace (thread time, so other processes on
//   a busy machine do not inflate it), and the load event time;
// - Lighthouse 12.2.3 (default mobile profile, simulated throttling) on the built app served with gzip and
//   without compression, interleaved, medians of --runs=N (default 3) with each run's machine load, and the
//   audits that did not pass (scripts/lib/lighthouse.ts). --no-lighthouse skips it. The reports are saved
//   in .bench/ (gitignored).
// --dist=<dir> measures that build instead of building (a before/after). Figures, not assertions. The machine's load shows in every timing (the load average is printed with each
// Lighthouse run): run it on an idle machine for figures worth comparing.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { findBrowser, HEADLESS_ARGS, noBrowserMessage } from './lib/find-browser';
import {
  failingAudits,
  LIGHTHOUSE_TABLE_HEADER,
  lighthouseGzipAndPlain,
  lighthouseTable,
} from './lib/lighthouse';
import { serveStatic } from './serve-static';

const ROOT = resolve(import.meta.dirname, '..');
// --dist=<dir> measures a build made elsewhere (e.g. an older commit's, for a before/after) without building.
const GIVEN_DIST = process.argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length);
const DIST = GIVEN_DIST ? resolve(GIVEN_DIST) : join(ROOT, 'dist');
const INPUTS = 100;
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
const LIGHTHOUSE = !process.argv.includes('--no-lighthouse');

const gzipKB = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const rawKB = (file: string) => readFileSync(file).length / 1024;
const kb = (n: number) => n.toFixed(1);

/** Every built chunk (JS and CSS files in dist/assets), gzip and raw. */
function builtChunks(): { file: string; gzipKB: number; rawKB: number }[] {
  return readdirSync(join(DIST, 'assets'))
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => ({ file: f, gzipKB: gzipKB(join(DIST, 'assets', f)), rawKB: rawKB(join(DIST, 'assets', f)) }))
    .sort((a, b) => b.gzipKB - a.gzipKB);
}

/** What first paint needs: index.html and whatever it loads that blocks rendering (stylesheets, classic
 *  scripts without async/defer); for a page that is not pre-rendered, also its module scripts (nothing is on
 *  screen without them). The inline <style> and <script> elements are counted with the HTML. */
function firstPaint(): { htmlGzipKB: number; htmlRawKB: number; inlineCssRawKB: number; blocking: string[] } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const refs = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1] as string);
  const blocking = [
    ...refs(/<link rel="stylesheet"[^>]*href="\.\/([^"]+)"/g),
    ...refs(/<script(?![^>]*\b(?:async|defer|type="module"))[^>]*src="\.\/([^"]+)"/g),
    ...(html.includes('data-prerendered-as-of')
      ? []
      : [
          ...refs(/<script type="module"[^>]*src="\.\/([^"]+)"/g),
          ...refs(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g),
        ]),
  ];
  const inlineCss = [...html.matchAll(/<style>([^<]*)<\/style>/g)].reduce(
    (n, m) => n + (m[1]?.length ?? 0),
    0,
  );
  return {
    htmlGzipKB:
      gzipKB(join(DIST, 'index.html')) + blocking.reduce((sum, f) => sum + gzipKB(join(DIST, f)), 0),
    htmlRawKB: rawKB(join(DIST, 'index.html')),
    inlineCssRawKB: inlineCss / 1024,
    blocking,
  };
}

/** Every part on or near the screen is live (rendered by the app in the browser, not only pre-rendered;
 *  parts far below hydrate when they approach the viewport) and nothing says it is loading (a build
 *  without pre-rendered parts: only the latter). */
const settled = (page: Page) =>
  page.waitForFunction(
    () =>
      document.querySelector('[data-name="memory-total"]') !== null &&
      [...document.querySelectorAll('.part')]
        .filter((p) => p.getBoundingClientRect().top < window.innerHeight + 600)
        .every((p) => p.hasAttribute('data-live')) &&
      !/Loading the |not available yet/.test(document.body.textContent ?? ''),
    null,
    { timeout: 30_000 },
  );

/** The files a fresh page load fetches from dist/ at a viewport, until the network is idle and every part
 *  is live (no interaction, no scrolling). */
async function loadedFiles(browser: Browser, url: string, width: number, height: number): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width, height } });
  try {
    const page = await context.newPage();
    const base = new URL(url).pathname;
    const files = new Set<string>();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith(base)) files.add(path.slice(base.length) || 'index.html');
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await settled(page);
    await page.waitForLoadState('networkidle');
    return [...files].sort();
  } finally {
    await context.close();
  }
}

function describeLoad(label: string, files: string[]): string[] {
  const rows = files.map((f) => ({ f, gz: gzipKB(join(DIST, f)), raw: rawKB(join(DIST, f)) }));
  const code = rows.filter((r) => /\.(js|css)$/.test(r.f));
  const sum = (list: typeof rows, pick: (r: (typeof rows)[number]) => number) =>
    list.reduce((t, r) => t + pick(r), 0);
  return [
    `${label}: ${kb(sum(rows, (r) => r.gz))} KB gzip (${kb(sum(rows, (r) => r.raw))} KB raw) in ${rows.length} files; JS+CSS files ${kb(sum(code, (r) => r.gz))} KB gzip (${kb(sum(code, (r) => r.raw))} KB raw)`,
    ...rows.map((r) => `    ${r.f} ${kb(r.gz)} KB gzip, ${kb(r.raw)} KB raw`),
  ];
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: excludes time the thread waited for a core, so a busy machine does not inflate it. */
  tdur?: number;
  args?: { data?: { type?: string } };
}

/** A second run of slider inputs under a Chromium trace: the main thread's CPU time from one input to the
 *  next (the input's JavaScript, then style, layout, paint, and any task it caused), per input. */
async function tracedInputCpu(browser: Browser, page: Page) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  await page.evaluate(async (n) => {
    const range = document.querySelector<HTMLInputElement>('input[data-name="context"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    if (!range) throw new Error('no context slider');
    for (let i = 0; i < n; i++) {
      await new Promise<void>((done) => setTimeout(done, 20));
      setValue?.call(range, String((Number(range.value) + 1) % (Number(range.max) + 1)));
      range.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    }
    await new Promise<void>((done) => setTimeout(done, 20));
  }, INPUTS);
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] })
    .traceEvents;
  const inputs = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input');
  const mainThread = inputs[0] ? `${inputs[0].pid}:${inputs[0].tid}` : '';
  const onMain = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === mainThread);
  const cpuMs = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const starts = inputs.map((e) => e.ts).sort((a, b) => a - b);
  // Each task counts for one input: the input it dispatches, else the last input before it started.
  const perInput = starts.map(() => 0);
  for (const t of tasks) {
    const end = t.ts + (t.dur ?? 0);
    let i = starts.findIndex((start) => start >= t.ts && start <= end);
    if (i < 0) i = starts.findLastIndex((start) => start < t.ts);
    if (i >= 0) perInput[i] = (perInput[i] ?? 0) + cpuMs(t);
  }
  // Chromium nests some events in one of the same name (Paint in Paint): count the outermost only.
  const mean = (names: string[]) => {
    let total = 0;
    let outerEnd = Number.NEGATIVE_INFINITY;
    for (const e of onMain.filter((x) => names.includes(x.name)).sort((a, b) => a.ts - b.ts)) {
      if (e.ts < outerEnd) continue;
      outerEnd = e.ts + (e.dur ?? 0);
      total += cpuMs(e);
    }
    return total / starts.length;
  };
  const sorted = [...perInput].sort((a, b) => a - b);
  return {
    inputs: starts.length,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    mean: {
      input: inputs.reduce((sum, e) => sum + cpuMs(e), 0) / starts.length,
      style: mean(['UpdateLayoutTree']),
      layout: mean(['Layout']),
      prePaint: mean(['PrePaint']),
      paint: mean(['Paint']),
      gc: mean(['MinorGC', 'MajorGC']),
    },
  };
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  if (!GIVEN_DIST)
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const chunks = builtChunks();
  const paint = firstPaint();
  const server = await serveStatic(DIST);
  // No vsync or frame-rate cap, so "the next frame" starts as soon as the work for the input is done.
  const found = findBrowser();
  if (found.path === undefined) throw new Error(noBrowserMessage(found, process.env));
  const browser = await chromium.launch({
    executablePath: found.path,
    args: [...HEADLESS_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  const lines: string[] = [];
  try {
    const phone = await loadedFiles(browser, server.url, 412, 823);
    const desktop = await loadedFiles(browser, server.url, 1280, 900);
    const inlineCssGzipKB =
      gzipSync(
        [...readFileSync(join(DIST, 'index.html'), 'utf8').matchAll(/<style>([^<]*)<\/style>/g)]
          .map((m) => m[1])
          .join(''),
        { level: 9 },
      ).length / 1024;
    const beforeInteraction = (files: string[]) =>
      files.filter((f) => /\.(js|css)$/.test(f)).reduce((t, f) => t + gzipKB(join(DIST, f)), 0) +
      inlineCssGzipKB;

    const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
    await page.goto(server.url, { waitUntil: 'load' });
    const loadMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return nav ? nav.loadEventStart - nav.startTime : Number.NaN;
    });
    await page.waitForSelector('[data-name="memory-total"]');
    // The parts far below and the charts come alive when they approach the viewport: scroll to the bottom so
    // all are, then back to the sliders, and time the inputs with every chart on the page.
    await settled(page);
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
      }
    });
    await settled(page);
    await page.waitForFunction(() => document.querySelectorAll('.recharts-wrapper').length >= 2, null, {
      timeout: 30_000,
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    const chartCount = await page.locator('.recharts-wrapper').count();
    // In the page: set the context slider to the next stop and dispatch 'input' as a drag does. Two timings
    // per input: main-thread work (the input's JS, then the next frame's style, layout and paint, measured
    // from the frame's requestAnimationFrame callback to a task queued from it, which runs after the frame
    // is produced) and wall time to that point, which also includes waiting for the display's next vsync.
    const samples = await page.evaluate(async (n) => {
      const range = document.querySelector<HTMLInputElement>('input[data-name="context"]');
      if (!range) throw new Error('no context slider');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      const work: number[] = [];
      const wall: number[] = [];
      const js: number[] = [];
      const max = Number(range.max);
      for (let i = 0; i < n; i++) {
        // Start at a random point of a frame, as a real pointer move does.
        await new Promise<void>((done) => setTimeout(done, Math.random() * 16));
        const next = (Number(range.value) + 1) % (max + 1);
        const t0 = performance.now();
        setValue?.call(range, String(next));
        range.dispatchEvent(new Event('input', { bubbles: true }));
        await Promise.resolve(); // React flushes the update in a microtask queued before this one
        const tJs = performance.now();
        const tFrame = await new Promise<number>((done) =>
          requestAnimationFrame(() => done(performance.now())),
        );
        const tEnd = await new Promise<number>((done) => setTimeout(() => done(performance.now()), 0));
        work.push(tJs - t0 + (tEnd - tFrame));
        js.push(tJs - t0);
        wall.push(tEnd - t0);
      }
      return { work, wall, js };
    }, INPUTS);
    const cpu = await tracedInputCpu(browser, page);
    const work = [...samples.work].sort((a, b) => a - b);
    const wall = [...samples.wall].sort((a, b) => a - b);
    const js = [...samples.js].sort((a, b) => a - b);
    const small = chunks.filter((c) => c.gzipKB < 2);
    lines.push(
      '## Bytes (gzip level 9; raw in brackets)',
      `first paint needs ${kb(paint.htmlGzipKB)} KB gzip: index.html (${kb(paint.htmlRawKB)} KB raw, inline CSS ${kb(paint.inlineCssRawKB)} KB raw)${paint.blocking.length > 0 ? ` and ${paint.blocking.join(', ')}` : ' alone'} (budget 85)`,
      `JS+CSS before any interaction (the app's code after first paint, then the data and engines; inline CSS counted): phone ${kb(beforeInteraction(phone))} KB, desktop ${kb(beforeInteraction(desktop))} KB gzip (budget 160)`,
      ...describeLoad('  the default page at 412x823 loads', phone),
      ...describeLoad('  the default page at 1280x900 loads', desktop),
      `total JS+CSS built: ${kb(chunks.reduce((t, c) => t + c.gzipKB, 0))} KB gzip (${kb(chunks.reduce((t, c) => t + c.rawKB, 0))} KB raw) (budget 220)`,
      ...chunks
        .filter((c) => c.gzipKB >= 2)
        .map((c) => `    ${c.file} ${kb(c.gzipKB)} KB gzip, ${kb(c.rawKB)} KB raw`),
      `    ${small.length} chunks under 2 KB gzip: ${kb(small.reduce((t, c) => t + c.gzipKB, 0))} KB`,
      '',
      '## Slider input -> next frame',
      `main-thread work (${INPUTS} inputs, ${chartCount} charts mounted): median ${quantile(work, 0.5).toFixed(1)} ms, p95 ${quantile(work, 0.95).toFixed(1)} ms (budget 8 / 16)`,
      `  of which the input's JavaScript (core + React render and commit): median ${quantile(js, 0.5).toFixed(1)} ms, p95 ${quantile(js, 0.95).toFixed(1)} ms`,
      `wall time incl. waiting for vsync: median ${quantile(wall, 0.5).toFixed(1)} ms, p95 ${quantile(wall, 0.95).toFixed(1)} ms`,
      `main-thread CPU time from a Chromium trace (${cpu.inputs} inputs; other processes' load does not count): median ${cpu.medianMs.toFixed(1)} ms, p95 ${cpu.p95Ms.toFixed(1)} ms`,
      `  mean per input: input event ${cpu.mean.input.toFixed(1)}, style ${cpu.mean.style.toFixed(1)}, layout ${cpu.mean.layout.toFixed(1)}, pre-paint ${cpu.mean.prePaint.toFixed(1)}, paint ${cpu.mean.paint.toFixed(1)}, GC ${cpu.mean.gc.toFixed(1)} ms`,
      `load event (unthrottled): ${loadMs.toFixed(0)} ms`,
    );
    for (const line of lines) console.log(line);
  } finally {
    await browser.close();
    await server.close();
  }
  if (LIGHTHOUSE) {
    console.log(
      `\n## Lighthouse 12.2.3, mobile, simulated throttling: ${RUNS} runs each, interleaved (medians)`,
    );
    const summary = await lighthouseGzipAndPlain(DIST, {
      runs: RUNS,
      log: console.log,
      saveDir: join(ROOT, '.bench'),
    });
    console.log(
      [...LIGHTHOUSE_TABLE_HEADER, ...lighthouseTable(GIVEN_DIST ? DIST : 'rigcast', summary)].join('\n'),
    );
    const failing = failingAudits(summary);
    console.log(`audits below 0.9: ${failing.length > 0 ? failing.join(', ') : 'none'}`);
  }
  console.log(
    `machine load average (1 min): ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0]?.toFixed(2)} at the end, on ${cpus().length} CPUs`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
