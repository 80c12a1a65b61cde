// Shared timing helper for the benchmark modules: runs fn until minMs has passed, reports per-call figures.
export interface Timing {
  calls: number;
  medianUs: number;
  p95Us: number;
  meanUs: number;
}

export function time(fn: () => unknown, minMs = 300, batch = 1): Timing {
  for (let i = 0; i < 5; i++) fn(); // warm up the JIT
  const samples: number[] = [];
  const start = performance.now();
  while (performance.now() - start < minMs || samples.length < 5) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    samples.push(((performance.now() - t0) * 1000) / batch);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  const meanUs = samples.reduce((s, x) => s + x, 0) / samples.length;
  return { calls: samples.length * batch, medianUs: at(0.5), p95Us: at(0.95), meanUs };
}

export function report(label: string, t: Timing): void {
  const f = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(2)} µs`);
  console.log(`${label}: median ${f(t.medianUs)}, p95 ${f(t.p95Us)}, mean ${f(t.meanUs)} (${t.calls} calls)`);
}
