// npm run bench:ui — builds the app, serves dist/ on 127.0.0.1, drives Chromium and prints:
// first-paint JS+CSS (gzip KB: index.html's own scripts and styles, what the page needs before it can paint),
// total JS+CSS (gzip KB, every chunk), the time from a slider input to the next frame with every chart
// on screen (median and p95 over 100 inputs), the same inputs' main-thread CPU time from a Chromium trace
// (thread time, so other processes on a busy machine do not inflate it), and the load event time. Figures,
// not assertions. The machine's load shows in the wall-clock timings: run it idle for figures worth comparing.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { findBrowser, HEADLESS_ARGS, noBrowserMessage } from './lib/find-browser';
import { serveStatic } from './serve-static';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const INPUTS = 100;

const gzipKB = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

function bundleSizes(): {
  firstPaintKB: number;
  totalKB: number;
  chunks: { file: string; gzipKB: number }[];
} {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  // What index.html loads itself (entry script, modulepreloads, stylesheets) is first paint; the rest loads later.
  const referenced = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] as string,
  );
  const all = readdirSync(join(DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const chunks = all.map((f) => ({ file: f, gzipKB: gzipKB(join(DIST, 'assets', f)) }));
  return {
    firstPaintKB: referenced.reduce((sum, f) => sum + gzipKB(join(DIST, f)), 0),
    totalKB: chunks.reduce((sum, c) => sum + c.gzipKB, 0),
    chunks,
  };
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
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const sizes = bundleSizes();
  const server = await serveStatic(DIST);
  // No vsync or frame-rate cap, so "the next frame" starts as soon as the work for the input is done.
  const found = findBrowser();
  if (found.path === undefined) throw new Error(noBrowserMessage(found, process.env));
  const browser = await chromium.launch({
    executablePath: found.path,
    args: [...HEADLESS_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
    const fetched = new Set<string>();
    page.on('request', (r) => {
      const m = /\/(assets\/[^?#]+\.(?:js|css))$/.exec(new URL(r.url()).pathname);
      if (m?.[1]) fetched.add(m[1]);
    });
    await page.goto(server.url, { waitUntil: 'load' });
    const loadMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return nav ? nav.loadEventStart - nav.startTime : Number.NaN;
    });
    await page.waitForSelector('[data-name="memory-total"]');
    await page.waitForFunction(() => document.querySelectorAll('.recharts-wrapper').length >= 2, null, {
      timeout: 30_000,
    });
    const chartCount = await page.locator('.recharts-wrapper').count();
    const loadedKB = [...fetched].reduce((sum, f) => sum + gzipKB(join(DIST, f)), 0);
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
    console.log(`first-paint JS+CSS: ${sizes.firstPaintKB.toFixed(1)} KB gzip (budget 85)`);
    console.log(`total JS+CSS: ${sizes.totalKB.toFixed(1)} KB gzip (budget 220)`);
    console.log(
      `  of which the default page loads: ${loadedKB.toFixed(1)} KB gzip in ${fetched.size} files (the rest: views and charts it did not open)`,
    );
    for (const c of sizes.chunks.filter((c) => c.gzipKB >= 2))
      console.log(`  ${c.file} ${c.gzipKB.toFixed(1)} KB`);
    const small = sizes.chunks.filter((c) => c.gzipKB < 2);
    console.log(
      `  ${small.length} chunks under 2 KB (small views): ${small.reduce((t, c) => t + c.gzipKB, 0).toFixed(1)} KB`,
    );
    console.log(
      `slider input -> next frame, main-thread work (${INPUTS} inputs, ${chartCount} charts on screen): median ${quantile(work, 0.5).toFixed(1)} ms, p95 ${quantile(work, 0.95).toFixed(1)} ms (budget 8 / 16)`,
    );
    console.log(
      `  of which the input's JavaScript (core + React render and commit): median ${quantile(js, 0.5).toFixed(1)} ms, p95 ${quantile(js, 0.95).toFixed(1)} ms`,
    );
    console.log(
      `slider input -> next frame, wall time incl. waiting for vsync: median ${quantile(wall, 0.5).toFixed(1)} ms, p95 ${quantile(wall, 0.95).toFixed(1)} ms`,
    );
    console.log(
      `slider input, main-thread CPU time from a Chromium trace (${cpu.inputs} inputs; other processes' load does not count): median ${cpu.medianMs.toFixed(1)} ms, p95 ${cpu.p95Ms.toFixed(1)} ms`,
    );
    console.log(
      `  mean per input: input event ${cpu.mean.input.toFixed(1)}, style ${cpu.mean.style.toFixed(1)}, layout ${cpu.mean.layout.toFixed(1)}, pre-paint ${cpu.mean.prePaint.toFixed(1)}, paint ${cpu.mean.paint.toFixed(1)}, GC ${cpu.mean.gc.toFixed(1)} ms`,
    );
    console.log(`load event: ${loadMs.toFixed(0)} ms`);
    console.log(`machine load average (1 min): ${loadavg()[0]?.toFixed(2)} on ${cpus().length} CPUs`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
