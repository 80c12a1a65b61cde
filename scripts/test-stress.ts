// npm run test:stress -- [N] — runs the browser tests N times in a row (default 10) while the CPUs are
// busy: a loop of production builds into a temporary folder plus one busy-spinning worker per remaining
// core, as a loaded CI machine would be. Prints each run's result and time, then passes/failures; exits
// non-zero if any run failed. Not part of npm test.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const runs = Math.max(1, Number.parseInt(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? '10', 10));

function startLoad(): { stop: () => void; builds: () => number } {
  const children: ChildProcess[] = [];
  let stopped = false;
  let builds = 0;
  const out = mkdtempSync(join(tmpdir(), 'rigcast-stress-build-'));
  const buildLoop = () => {
    if (stopped) return;
    const child = spawn('npx', ['vite', 'build', '--logLevel', 'silent', '--outDir', out, '--emptyOutDir'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    children.push(child);
    child.on('exit', () => {
      builds++;
      buildLoop();
    });
  };
  buildLoop();
  for (let i = 1; i < cpus().length; i++) {
    children.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
  }
  return {
    builds: () => builds,
    stop: () => {
      stopped = true;
      for (const c of children) c.kill('SIGKILL');
      rmSync(out, { recursive: true, force: true });
    },
  };
}

function runBrowserTests(): Promise<{ ok: boolean; seconds: number; tail: string; output: string }> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn('npx', ['tsx', 'tests/browser/run.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => {
      output += c;
    });
    child.stderr.on('data', (c) => {
      output += c;
    });
    child.on('exit', (code) => {
      const lines = output.trim().split('\n');
      const failures = lines.filter((l) => l.startsWith('FAIL') || /Error|ENOENT/.test(l));
      done({
        ok: code === 0,
        seconds: (Date.now() - started) / 1000,
        tail: [...failures.slice(0, 5), lines.at(-1) ?? ''].join('\n     '),
        output,
      });
    });
  });
}

async function main(): Promise<void> {
  console.log(`stress: ${runs} runs of the browser tests under load (${cpus().length} CPUs)`);
  const load = startLoad();
  let passed = 0;
  try {
    for (let i = 1; i <= runs; i++) {
      const r = await runBrowserTests();
      if (r.ok) passed++;
      // A failed run's whole output is kept, so its cause can be read after the loop.
      let kept = '';
      if (!r.ok) {
        const dir = join(ROOT, 'reports', 'stress');
        mkdirSync(dir, { recursive: true });
        kept = join(dir, `run-${i}.log`);
        writeFileSync(kept, r.output);
      }
      console.log(
        `run ${i}/${runs}: ${r.ok ? 'pass' : 'FAIL'} in ${r.seconds.toFixed(0)} s, load average ${loadavg()[0]?.toFixed(1)}${r.ok ? '' : `\n     ${r.tail}\n     full output: ${kept}`}`,
      );
    }
  } finally {
    load.stop();
  }
  console.log(
    `${passed} of ${runs} passed, ${runs - passed} failed (${load.builds()} background builds ran)`,
  );
  process.exit(passed === runs ? 0 : 1);
}

main();
