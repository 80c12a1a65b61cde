// Lighthouse (12.2.3, default mobile profile with simulated throttling) against a built static app, served
// by scripts/serve-static.ts twice: with gzip, as static hosts serve it, and without compression. Runs are
// interleaved (gzip, plain, gzip, plain, …) in a fresh headless Chromium each, so a change in the machine's
// load hits both sides alike; the figures are the medians. Used by scripts/bench-ui.ts; also a command to
// compare builds on the same machine, interleaved across builds (the base path each is served under and a
// label are optional):
//   npx tsx scripts/lib/lighthouse.ts [--runs=3] [--save=dir] dist=after /tmp/old/dist=before \
//     /tmp/peer/dist@/peer-base/=peer
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import { serveStatic } from '../serve-static';
import { findBrowser, HEADLESS_ARGS, noBrowserMessage } from './find-browser';

export interface LighthouseRun {
  /** Category scores, 0–100. */
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Bytes over the wire (as served: gzip or not) for the whole load, and for its scripts and styles. */
  transferKB: number;
  jsCssTransferKB: number;
  /** Audits in the four categories that did not pass, "id (score)", for reading what to fix. */
  failing: string[];
  /** The machine's 1-minute load average when the run ended. */
  load: number;
}

interface Browser {
  port: number;
  close: () => Promise<void>;
}

/** A headless Chromium with a DevTools port, in a throwaway profile. */
async function launchBrowser(): Promise<Browser> {
  const found = findBrowser();
  if (found.path === undefined) throw new Error(noBrowserMessage(found, process.env));
  const profile = mkdtempSync(join(tmpdir(), 'rigcast-lighthouse-'));
  const child: ChildProcess = spawn(
    found.path,
    [...HEADLESS_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // The profile is removed once the browser has exited (it writes to it until then).
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    const port = await new Promise<number>((done, fail) => {
      let seen = '';
      const timer = setTimeout(() => fail(new Error(`no DevTools port from ${found.path}`)), 30_000);
      child.stderr?.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
        if (m) {
          clearTimeout(timer);
          done(Number(m[1]));
        }
      });
      child.once('exit', (code) => fail(new Error(`${found.path} exited (${code}): ${seen.slice(-500)}`)));
    });
    return { port, close };
  } catch (error) {
    await close();
    throw error;
  }
}

type Lhr = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    {
      score: number | null;
      scoreDisplayMode: string;
      numericValue?: number;
      details?: { items?: { resourceType?: string; transferSize?: number }[] };
    }
  >;
};

function summarize(lhr: Lhr): LighthouseRun {
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const kb = (items: typeof requests) => items.reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024;
  const failing = new Set<string>();
  for (const category of Object.values(lhr.categories)) {
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 0.9) continue;
      if (audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'manual') continue;
      failing.add(`${ref.id} (${audit.score})`);
    }
  }
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcpMs: value('first-contentful-paint'),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    speedIndexMs: value('speed-index'),
    transferKB: kb(requests),
    jsCssTransferKB: kb(
      requests.filter((r) => r.resourceType === 'Script' || r.resourceType === 'Stylesheet'),
    ),
    failing: [...failing].sort(),
    load: loadavg()[0] ?? Number.NaN,
  };
}

/** One Lighthouse run (default mobile config, simulated throttling) in a fresh browser. With saveAs, the
 *  full report (JSON) is written there, to read the long tasks and requests behind the figures. */
export async function runLighthouse(url: string, saveAs?: string): Promise<LighthouseRun> {
  const browser = await launchBrowser();
  try {
    const result = await lighthouse(url, {
      port: browser.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (saveAs) writeFileSync(saveAs, JSON.stringify(result.lhr));
    return summarize(result.lhr as unknown as Lhr);
  } finally {
    await browser.close();
  }
}

export const median = (values: number[]): number => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export interface LighthouseSummary {
  runs: number;
  gzip: LighthouseRun[];
  plain: LighthouseRun[];
}

export interface Target {
  /** A label for the tables. */
  label: string;
  dir: string;
  /** The sub-path the build expects to be served under (default /rigcast/). */
  basePath?: string;
}

/** Serves each build with and without gzip and runs Lighthouse `runs` times on each, interleaved across
 *  builds and compression (run 1 of every side, then run 2, …), so a change in the machine's load is shared
 *  by all. */
export async function lighthouseCompare(
  targets: readonly Target[],
  options: { runs?: number; log?: (line: string) => void; saveDir?: string } = {},
): Promise<LighthouseSummary[]> {
  const runs = options.runs ?? 3;
  const served = [];
  try {
    for (const t of targets) {
      const basePath = t.basePath ?? '/rigcast/';
      served.push({
        target: t,
        gzip: await serveStatic(t.dir, { basePath, gzip: true }),
        plain: await serveStatic(t.dir, { basePath, gzip: false }),
        summary: { runs, gzip: [], plain: [] } as LighthouseSummary,
      });
    }
    if (options.saveDir) mkdirSync(options.saveDir, { recursive: true });
    for (let i = 0; i < runs; i++) {
      for (const s of served) {
        for (const kind of ['gzip', 'plain'] as const) {
          const name = `lighthouse-${s.target.label.replace(/[^\w.-]+/g, '_')}-${kind}-${i + 1}.json`;
          const run = await runLighthouse(
            s[kind].url,
            options.saveDir ? join(options.saveDir, name) : undefined,
          );
          s.summary[kind].push(run);
          options.log?.(`  ${s.target.label} run ${i + 1}/${runs} ${kind}: ${formatRun(run)}`);
        }
      }
    }
  } finally {
    for (const s of served) {
      await s.gzip.close();
      await s.plain.close();
    }
  }
  return served.map((s) => s.summary);
}

/** One build, with and without gzip (see lighthouseCompare). */
export async function lighthouseGzipAndPlain(
  dir: string,
  options: { runs?: number; basePath?: string; log?: (line: string) => void; saveDir?: string } = {},
): Promise<LighthouseSummary> {
  const [summary] = await lighthouseCompare(
    [{ label: 'rigcast', dir, ...(options.basePath ? { basePath: options.basePath } : {}) }],
    options,
  );
  if (!summary) throw new Error('no Lighthouse summary');
  return summary;
}

export function formatRun(r: LighthouseRun): string {
  return `perf ${r.performance}, FCP ${(r.fcpMs / 1000).toFixed(2)} s, LCP ${(r.lcpMs / 1000).toFixed(2)} s, TBT ${r.tbtMs.toFixed(0)} ms, CLS ${r.cls.toFixed(3)}, SI ${(r.speedIndexMs / 1000).toFixed(2)} s, a11y ${r.accessibility}, best practices ${r.bestPractices}, SEO ${r.seo}, ${r.transferKB.toFixed(1)} KB transferred (JS+CSS ${r.jsCssTransferKB.toFixed(1)}), load avg ${r.load.toFixed(2)}`;
}

/** The medians of each side as table rows (markdown), with the runs' load averages. */
export function lighthouseTable(label: string, s: LighthouseSummary): string[] {
  const m = (runs: LighthouseRun[], pick: (r: LighthouseRun) => number) => median(runs.map(pick));
  const row = (side: 'gzip' | 'plain') => {
    const runs = s[side];
    return `| ${label} | ${side} | ${m(runs, (r) => r.performance)} | ${(m(runs, (r) => r.fcpMs) / 1000).toFixed(2)} s | ${(m(runs, (r) => r.lcpMs) / 1000).toFixed(2)} s | ${m(runs, (r) => r.tbtMs).toFixed(0)} ms | ${m(runs, (r) => r.cls).toFixed(3)} | ${(m(runs, (r) => r.speedIndexMs) / 1000).toFixed(2)} s | ${m(runs, (r) => r.accessibility)} / ${m(runs, (r) => r.bestPractices)} / ${m(runs, (r) => r.seo)} | ${m(runs, (r) => r.transferKB).toFixed(1)} KB (JS+CSS ${m(runs, (r) => r.jsCssTransferKB).toFixed(1)}) | ${runs.map((r) => r.load.toFixed(1)).join(', ')} |`;
  };
  return [row('gzip'), row('plain')];
}

export const LIGHTHOUSE_TABLE_HEADER = [
  '| app | served | perf | FCP | LCP | TBT | CLS | SI | a11y / BP / SEO | transferred | load avg per run |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];

/** The audits that failed in any run, with how many runs. */
export function failingAudits(s: LighthouseSummary): string[] {
  const counts = new Map<string, number>();
  for (const r of [...s.gzip, ...s.plain]) {
    for (const f of r.failing)
      counts.set(f.replace(/ \(.*\)$/, ''), (counts.get(f.replace(/ \(.*\)$/, '')) ?? 0) + 1);
  }
  return [...counts].map(([id, n]) => `${id} (${n}/${s.gzip.length + s.plain.length} runs)`);
}

// npx tsx scripts/lib/lighthouse.ts [--runs=3] [--save=dir] <dir>[@/base/][=label] …
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
  const saveDir = process.argv.find((a) => a.startsWith('--save='))?.slice(7);
  const targets: Target[] = process.argv
    .slice(2)
    .filter((a) => !a.startsWith('--'))
    .map((arg) => {
      const [where = arg, label] = arg.split('=');
      const [dir = where, basePath] = where.split('@');
      return { dir, label: label ?? dir, ...(basePath ? { basePath } : {}) };
    });
  (async () => {
    const summaries = await lighthouseCompare(targets, {
      runs,
      log: console.log,
      ...(saveDir ? { saveDir } : {}),
    });
    const lines: string[] = [];
    summaries.forEach((s, i) => {
      const label = targets[i]?.label ?? '?';
      lines.push(...lighthouseTable(label, s));
      const failing = failingAudits(s);
      if (failing.length > 0) console.log(`${label}: audits below 0.9: ${failing.join(', ')}`);
    });
    console.log([...LIGHTHOUSE_TABLE_HEADER, ...lines].join('\n'));
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
