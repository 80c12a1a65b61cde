import { describe, expect, it } from 'vitest';
import {
  CPU_DECODE_EFFICIENCY,
  CUDA_CONTEXT_RESERVE_BYTES,
  GPU_DECODE_EFFICIENCY,
  GPU_DECODE_FIXED_SECONDS,
  UNIFIED_DECODE_EFFICIENCY,
  UNIFIED_DECODE_FIXED_SECONDS,
} from '../../../src/core/rigs/constants';
import { findCheapestRigs } from '../../../src/core/rigs/find-cheapest-rigs';
import { rigRequestForMemory } from '../../../src/core/rigs/requests';
import type { RigConstraints, RigRequest, RigSearchResult } from '../../../src/core/rigs/types';
import { fixture } from './fixture';

const GiB = 2 ** 30;

// The fixture's prices are a few years old on purpose; the age limit has tests of its own below.
function constraints(extra: Partial<RigConstraints> = {}): RigConstraints {
  return {
    conditions: ['new', 'used'],
    requireFp8: false,
    asOf: '2026-01-01',
    maxPriceAgeDays: Number.POSITIVE_INFINITY,
    ...extra,
  };
}

/** An 8B dense model at 4-bit: ~5 GB of weights read per token. */
function small(extra: Partial<RigConstraints> = {}): RigRequest {
  return {
    acceleratorBytes: 5.5e9,
    offloadableBytes: 0,
    bytesPerToken: 5e9,
    offloadableBytesPerToken: 0,
    kvBytesPerToken: 0.1e9,
    constraints: constraints(extra),
  };
}

/** A 671B MoE at 4-bit: ~404 GB, 380 GB of it routed experts; 22 GB read per token, 16 GB of it experts. */
function moe(extra: Partial<RigConstraints> = {}, more: Partial<RigRequest> = {}): RigRequest {
  return {
    acceleratorBytes: 404e9,
    offloadableBytes: 380e9,
    bytesPerToken: 22e9,
    offloadableBytesPerToken: 16e9,
    kvBytesPerToken: 0.5e9,
    constraints: constraints(extra),
    ...more,
  };
}

function found(r: RigSearchResult) {
  if (r.kind !== 'found') throw new Error(`expected found, got ${r.kind}: ${r.message}`);
  return r;
}

describe('findCheapestRigs on the fixture', () => {
  it('an 8B model at 4-bit fits a single used 12 GB card in a host', () => {
    const r = found(findCheapestRigs(fixture, small()));
    const best = r.rigs[0];
    expect(best?.kind).toBe('multi-gpu');
    expect(best?.id).toBe('multi-gpu:gpu-12gb:x1:host-4');
    // $200 used card (2025-06-01, the latest used price before 2026-01-01) + $800 host.
    expect(best?.totalPriceUsd).toBe(1000);
    expect(best?.components.find((c) => c.role === 'gpu')).toMatchObject({
      condition: 'used',
      unitPriceUsd: 200,
      observedOn: '2025-06-01',
      quantity: 1,
    });
    expect(best?.usableBytes).toBe(12 * GiB - CUDA_CONTEXT_RESERVE_BYTES);
    // 5e9 B / (0.78 x 360 GB/s) + 1.9 ms = 19.706 ms -> 50.75 t/s.
    expect(best?.decodeTokensPerSecond).toBeCloseTo(1 / (5e9 / (0.78 * 360e9) + 1.9e-3), 6);
    expect(best?.decodeTokensPerSecond).toBeCloseTo(50.75, 1);
    expect(best?.powerW).toBe(170 + 150);
    expect(best?.usdPerTokenPerSecond).toBeCloseTo(1000 / 50.745, 1);
    expect(best?.headroomBytes).toBe(12 * GiB - CUDA_CONTEXT_RESERVE_BYTES - 5.5e9);
    expect(GPU_DECODE_EFFICIENCY).toBe(0.78);
    expect(GPU_DECODE_FIXED_SECONDS).toBe(1.9e-3);
  });

  it('prices as of an earlier date use the price then', () => {
    const r = found(findCheapestRigs(fixture, small({ asOf: '2024-06-01' })));
    // 2024-01-10 used $250 beats the 2021 new $329.
    expect(r.rigs[0]?.totalPriceUsd).toBe(1050);
  });

  it('a 671B MoE at 4-bit is far cheaper on a DDR5 server or a unified machine than on 80 GB cards', () => {
    const r = found(findCheapestRigs(fixture, moe()));
    const cpu = r.rigs.find((q) => q.kind === 'cpu-server');
    const mac = r.rigs.find((q) => q.kind === 'unified');
    const h = found(findCheapestRigs(fixture, moe({ rigKinds: ['multi-gpu'] }))).rigs[0];
    // 12 x 32 GiB is 384 GiB, less 8 GiB for the OS = 376 GiB, just under the 376.3 GiB (404 GB) needed:
    // the next fill is 12 x 64 GiB at $300 on the $3000 platform.
    expect(cpu?.totalPriceUsd).toBe(3000 + 12 * 300);
    expect(cpu?.usableBytes).toBe((768 - 8) * GiB);
    expect(cpu?.bandwidthGBps).toBeCloseTo(460.8, 6);
    expect(cpu?.decodeTokensPerSecond).toBeCloseTo(1 / (22e9 / (CPU_DECODE_EFFICIENCY * 460.8e9)), 6);
    // 512 GiB Mac with the wired limit raised (the default): all but 8 GiB for macOS = 504 GiB.
    expect(mac?.totalPriceUsd).toBe(9499);
    expect(mac?.usableBytes).toBe(504 * GiB);
    expect(mac?.decodeTokensPerSecond).toBeCloseTo(
      1 / (22e9 / (UNIFIED_DECODE_EFFICIENCY * 819e9) + UNIFIED_DECODE_FIXED_SECONDS),
      6,
    );
    // 5 x 80 GB cards (79.5 GiB usable each) in the 8-slot host.
    expect(h?.id).toBe('multi-gpu:gpu-80gb-fp8:x5:host-8');
    expect(h?.totalPriceUsd).toBe(130_000);
    expect((h?.totalPriceUsd ?? 0) / (cpu?.totalPriceUsd ?? 1)).toBeGreaterThan(10);
    expect((h?.totalPriceUsd ?? 0) / (mac?.totalPriceUsd ?? 1)).toBeGreaterThan(10);
    // The $5,200 hybrid (2 x 12 GB cards + 12 x 32 GiB) undercuts the CPU-only server, whose experts must fit
    // beside the attention weights in RAM.
    expect(r.rigs[0]?.kind).toBe('gpu-ram-hybrid');
    expect(r.rigs[0]?.totalPriceUsd).toBe(5200);
  });

  it('prices a GPU+RAM hybrid: non-expert bytes at GPU speed, experts at RAM speed', () => {
    const r = found(findCheapestRigs(fixture, moe({ rigKinds: ['gpu-ram-hybrid'] })));
    const one24 = r.rigs.find((q) => q.id === 'gpu-ram-hybrid:epyc-12ch:rdimm-32:x12:gpu-24gb:x1');
    expect(one24?.totalPriceUsd).toBe(700 + 3000 + 12 * 150);
    // GPU: 5.5e9 non-expert weights + 0.5e9 KV; RAM: 16e9 expert bytes.
    const seconds = 6e9 / (0.78 * 936e9) + 16e9 / (0.52 * 460.8e9) + 1.9e-3;
    expect(one24?.decodeTokensPerSecond).toBeCloseTo(1 / seconds, 6);
    expect(one24?.gpuUsableBytes).toBe(24 * GiB - CUDA_CONTEXT_RESERVE_BYTES);
    // Two 12 GB cards hold the 24 GB GPU share together.
    expect(r.rigs.some((q) => q.id === 'gpu-ram-hybrid:epyc-12ch:rdimm-32:x12:gpu-12gb:x2')).toBe(true);
  });

  it('returns a Pareto front that no rig beats on both price and speed', () => {
    const r = found(findCheapestRigs(fixture, moe({ maxResults: 100 })));
    for (const p of r.pareto) {
      for (const q of r.rigs) {
        const dominates =
          q.totalPriceUsd <= p.totalPriceUsd &&
          q.decodeTokensPerSecond >= p.decodeTokensPerSecond &&
          (q.totalPriceUsd < p.totalPriceUsd || q.decodeTokensPerSecond > p.decodeTokensPerSecond);
        expect(dominates).toBe(false);
      }
    }
    expect(r.pareto.map((q) => q.id)).toContain('multi-gpu:gpu-80gb-fp8:x5:host-8');
  });

  it('vLLM uses power-of-two tensor-parallel sizes and scales speed', () => {
    const r = found(findCheapestRigs(fixture, moe({ rigKinds: ['multi-gpu'] }, { engine: 'vllm' })));
    expect(r.rigs[0]?.id).toBe('multi-gpu:gpu-80gb-fp8:x8:host-8');
    const single = 1 / (22e9 / (0.78 * 2000e9) + 1.9e-3);
    expect(r.rigs[0]?.decodeTokensPerSecond).toBeCloseTo(single * 8 * 0.9 ** 3, 6);
  });

  it('clusters unified machines that document clustering, up to their node limit', () => {
    const r = found(findCheapestRigs(fixture, rigRequestForMemory(1000e9, { constraints: constraints() })));
    const cluster = r.rigs.find((q) => q.kind === 'unified-cluster');
    // 1000 GB / 504 GiB (541.2 GB) per Mac with the raised limit -> 2 nodes.
    expect(cluster?.id).toBe('unified-cluster:mac-512:x2');
    expect(cluster?.totalPriceUsd).toBe(2 * 9499);
    // At the factory limit, 384 GiB (412.3 GB) per Mac -> 3 nodes.
    const factory = found(
      findCheapestRigs(
        fixture,
        rigRequestForMemory(1000e9, { constraints: constraints({ unifiedMemoryLimit: 'factory' }) }),
      ),
    ).rigs.find((q) => q.kind === 'unified-cluster');
    expect(factory?.id).toBe('unified-cluster:mac-512:x3');
    const single = 1000e9 / (0.7 * 819e9) + 3.9e-3;
    expect(factory?.decodeTokensPerSecond).toBeCloseTo(1 / (single + 2 * 300e-6), 6);
  });

  it('a discontinued machine keeps its new price only up to the discontinuation date', () => {
    const gone = {
      ...fixture,
      items: fixture.items.map((i) =>
        i.id === 'mac-512'
          ? {
              ...i,
              discontinued: {
                on: '2025-09-01',
                source: { url: 'https://example.org/pulled', retrievedOn: '2025-09-02' },
              },
            }
          : i,
      ),
    };
    const ids = (asOf: string, data = gone) => {
      const r = findCheapestRigs(
        data,
        rigRequestForMemory(300e9, { constraints: constraints({ asOf, maxResults: 100 }) }),
      );
      return r.kind === 'found' ? r.rigs.map((q) => q.id) : [];
    };
    expect(ids('2025-08-31')).toContain('unified:mac-512');
    expect(ids('2025-09-02')).not.toContain('unified:mac-512');
    // A used observation after the date still prices it.
    const used = {
      ...gone,
      prices: {
        ...gone.prices,
        'mac-512': [
          ...(gone.prices['mac-512'] ?? []),
          {
            observedOn: '2025-10-01',
            priceUsd: 7000,
            market: 'used' as const,
            condition: 'used' as const,
            region: 'us',
            quantity: 1,
            source: { url: 'https://example.org/used-mac', retrievedOn: '2025-10-01' },
          },
        ],
      },
    };
    expect(ids('2025-10-02', used)).toContain('unified:mac-512');
  });

  it('Strix Halo: the BIOS split at the factory limit, the Linux GTT limit raised', () => {
    const unified = (gib: number, limit: 'raised' | 'factory') =>
      found(
        findCheapestRigs(
          fixture,
          rigRequestForMemory(gib * GiB, {
            constraints: constraints({ rigKinds: ['unified'], unifiedMemoryLimit: limit }),
          }),
        ),
      ).rigs[0];
    // Factory: 96 of 128 GiB (AMD's stated split). Exactly 96 GiB fits; one GiB more goes to the Mac.
    expect(unified(96, 'factory')?.id).toBe('unified:halo-128');
    expect(unified(96, 'factory')?.usableBytes).toBe(96 * GiB);
    expect(unified(97, 'factory')?.id).toBe('unified:mac-512');
    // Raised: 128 - 8 GiB = 120 GiB. Exactly 120 fits, 121 does not.
    expect(unified(120, 'raised')?.id).toBe('unified:halo-128');
    expect(unified(120, 'raised')?.usableBytes).toBe(120 * GiB);
    expect(unified(121, 'raised')?.id).toBe('unified:mac-512');
  });

  it('computes prefill from TFLOPS when active parameters are known', () => {
    const r = found(findCheapestRigs(fixture, { ...small(), activeParameters: 8e9 }));
    expect(r.rigs[0]?.prefillTokensPerSecond).toBeCloseTo((0.69 * 50e12) / 16e9, 6);
  });

  it('batching reads weights once per step and KV per sequence', () => {
    const one = found(findCheapestRigs(fixture, small())).rigs[0];
    const eight = found(findCheapestRigs(fixture, { ...small(), batch: 8 })).rigs[0];
    const seconds = (4.9e9 + 8 * 0.1e9) / (0.78 * 360e9) + 1.9e-3;
    expect(eight?.decodeTokensPerSecond).toBeCloseTo(8 / seconds, 6);
    expect(eight?.decodeTokensPerSecond ?? 0).toBeGreaterThan(one?.decodeTokensPerSecond ?? 0);
  });
});

describe('nothing fits: the binding constraint', () => {
  it('names the budget and offers the cheapest rig without it', () => {
    const r = findCheapestRigs(fixture, moe({ maxBudgetUsd: 1000 }));
    expect(r.kind).toBe('none');
    if (r.kind !== 'none') return;
    expect(r.binding).toBe('budget');
    // The cheapest rig is a hybrid: 2 used 12 GB cards ($200 each in 2026) hold the 24 GB non-expert share,
    // 12 x 32 GiB RAM (376 GiB after the OS) the 380 GB of experts, on the $3000 platform.
    expect(r.closest?.totalPriceUsd).toBe(2 * 200 + 3000 + 12 * 150);
    expect(r.closest?.kind).toBe('gpu-ram-hybrid');
  });

  it('names tokens/s, power, bandwidth and fp8', () => {
    const tps = findCheapestRigs(fixture, moe({ minTokensPerSecond: 1000 }));
    expect(tps.kind === 'none' && tps.binding).toBe('tokens-per-second');
    const power = findCheapestRigs(fixture, moe({ maxPowerW: 100 }));
    expect(power.kind === 'none' && power.binding).toBe('power');
    const bw = findCheapestRigs(fixture, moe({ minBandwidthGBps: 10_000 }));
    expect(bw.kind === 'none' && bw.binding).toBe('bandwidth');
    const fp8 = findCheapestRigs(fixture, moe({ requireFp8: true, rigKinds: ['cpu-server', 'unified'] }));
    // Relaxing fp8 finds the CPU server; relaxing rig kinds finds the fp8 hybrid. fp8 comes first.
    expect(fp8.kind === 'none' && fp8.binding).toBe('fp8');
  });

  it('names the condition when the other condition would fit', () => {
    const r = findCheapestRigs(fixture, small({ conditions: ['used'] }));
    expect(r.kind === 'none' && r.binding).toBe('condition');
    // Prices in messages read as the table shows them: "$7,377", not "$7377".
    expect(r.kind === 'none' && r.message).toMatch(/ at \$(\d{1,3})(,\d{3})*\.$/);
    const empty = findCheapestRigs(fixture, small({ conditions: [] }));
    expect(empty.kind === 'none' && empty.binding).toBe('condition');
  });

  it('no prices before the date', () => {
    const r = findCheapestRigs(fixture, small({ asOf: '2000-01-01' }));
    expect(r.kind === 'none' && r.binding).toBe('no-prices');
  });

  it('an absurd need (100 TB) is a typed none, not an exception', () => {
    const r = findCheapestRigs(fixture, rigRequestForMemory(100e12, { constraints: constraints() }));
    expect(r.kind === 'none' && r.binding).toBe('memory');
  });

  it('zero need finds the cheapest rig with finite numbers', () => {
    const r = found(
      findCheapestRigs(fixture, rigRequestForMemory(0, { constraints: constraints({ maxResults: 100 }) })),
    );
    expect(r.rigs[0]?.totalPriceUsd).toBe(1000);
    for (const q of r.rigs) {
      expect(Number.isFinite(q.decodeTokensPerSecond)).toBe(true);
      expect(Number.isFinite(q.usdPerTokenPerSecond)).toBe(true);
    }
  });

  it('an empty dataset is no-prices', () => {
    const r = findCheapestRigs({ items: [], prices: {}, series: [] }, small());
    expect(r.kind === 'none' && r.binding).toBe('no-prices');
  });
});

describe('GPU and host form factors', () => {
  it('puts an SXM2 module only in an SXM2 host and a PCIe card only in a PCIe host', () => {
    const sxmCard = {
      ...(fixture.items.find((i) => i.id === 'gpu-24gb') as (typeof fixture.items)[number]),
      id: 'card-sxm2-32gb',
      name: 'Card SXM2 32 GB',
      formFactor: 'sxm2' as const,
      memory: { sizeGiB: 32, type: 'dedicated' as const },
    };
    const sxmHost = {
      ...(fixture.items.find((i) => i.id === 'host-4') as (typeof fixture.items)[number]),
      id: 'host-sxm2',
      name: 'Host with SXM2 board',
      formFactor: 'sxm2' as const,
    };
    const data = {
      ...fixture,
      items: [...fixture.items, sxmCard, sxmHost],
      prices: {
        ...fixture.prices,
        'card-sxm2-32gb': [
          { ...(fixture.prices['gpu-24gb']?.[0] as (typeof fixture.prices)[string][number]), priceUsd: 100 },
        ],
        'host-sxm2': [
          { ...(fixture.prices['host-4']?.[0] as (typeof fixture.prices)[string][number]), priceUsd: 100 },
        ],
      },
    };
    const r = found(findCheapestRigs(data, { ...small({ maxResults: 100 }), acceleratorBytes: 30e9 }));
    const ids = r.rigs.map((q) => q.id);
    expect(ids).toContain('multi-gpu:card-sxm2-32gb:x1:host-sxm2');
    expect(ids.filter((id) => id.includes('card-sxm2') && !id.endsWith('host-sxm2'))).toEqual([]);
    expect(ids.filter((id) => !id.includes('card-sxm2') && id.endsWith('host-sxm2'))).toEqual([]);
  });
});

describe('quote notes and unknown power', () => {
  it('flags a price more than a year old and used parts', () => {
    // As of 2026-01-01 the host's only price is from 2020-06-01.
    const r = found(findCheapestRigs(fixture, small()));
    const notes = r.rigs[0]?.notes.join(' ') ?? '';
    expect(notes).toMatch(/Host 4 slots: newest price is \d+ months old \(2020-06-01\)/);
  });

  it('by default ignores prices older than STALE_PRICE_DAYS, so today is not priced from 2020', () => {
    // The fixture's hosts were last priced in 2020: with the default limit no multi-GPU rig can be built.
    const limited = findCheapestRigs(fixture, small({ maxPriceAgeDays: undefined, maxResults: 100 }));
    const rigs = limited.kind === 'found' ? limited.rigs : [];
    expect(rigs.some((q) => q.kind === 'multi-gpu')).toBe(false);
    for (const q of rigs) {
      for (const c of q.components) expect(c.observedOn >= '2025-01-01').toBe(true);
    }
    const unlimited = found(findCheapestRigs(fixture, small({ maxResults: 100 })));
    expect(unlimited.rigs.some((q) => q.kind === 'multi-gpu')).toBe(true);
  });

  it('an age limit of 0 days keeps only prices observed on the as-of date', () => {
    const r = findCheapestRigs(fixture, small({ maxPriceAgeDays: 0, asOf: '2025-06-02' }));
    expect(r.kind).toBe('none');
    const sameDay = findCheapestRigs(
      fixture,
      small({ maxPriceAgeDays: 0, asOf: '2025-06-01', maxResults: 100 }),
    );
    const parts = sameDay.kind === 'found' ? sameDay.rigs.flatMap((q) => q.components) : [];
    for (const c of parts) expect(c.observedOn).toBe('2025-06-01');
  });

  it('a card whose power is unknown is not put in a host (its PSU load cannot be checked)', () => {
    const noPower = {
      ...fixture,
      items: fixture.items.map((i) => (i.id === 'gpu-12gb' ? { ...i, powerW: undefined } : i)),
    };
    const all = found(findCheapestRigs(noPower, small({ maxResults: 100 })));
    expect(all.rigs.some((x) => x.id.includes('gpu-12gb'))).toBe(false);
    expect(all.rigs[0]?.id).toBe('multi-gpu:gpu-24gb:x1:host-4');
  });

  it('a machine whose power is unknown is quoted with powerKnown false and fails a power limit', () => {
    const noPower = {
      ...fixture,
      items: fixture.items.map((i) => (i.id === 'mac-512' ? { ...i, powerW: undefined } : i)),
    };
    const req = (extra: Partial<RigConstraints>) =>
      rigRequestForMemory(200 * GiB, { constraints: constraints({ rigKinds: ['unified'], ...extra }) });
    const mac = found(findCheapestRigs(noPower, req({}))).rigs[0];
    expect(mac?.id).toBe('unified:mac-512');
    expect(mac?.powerKnown).toBe(false);
    expect(mac?.notes.join(' ')).toMatch(/Power draw not in the dataset for: Mac 512 GB/);
    expect(findCheapestRigs(noPower, req({ maxPowerW: 10_000 })).kind).toBe('none');
  });
});

describe('dense GPU + RAM layer split', () => {
  // A 70B dense model at 4-bit: 40 GB, all of it read per token.
  const dense = (extra: Partial<RigConstraints> = {}): RigRequest => ({
    acceleratorBytes: 40e9,
    offloadableBytes: 0,
    bytesPerToken: 40e9,
    offloadableBytesPerToken: 0,
    kvBytesPerToken: 0,
    constraints: constraints(extra),
  });

  it('is offered only with a speed floor, and then splits bytes between the card and RAM', () => {
    const none = found(findCheapestRigs(fixture, dense({ maxResults: 200 })));
    expect(none.rigs.some((q) => q.id.startsWith('dense-hybrid:'))).toBe(false);
    const r = found(findCheapestRigs(fixture, dense({ maxResults: 200, minTokensPerSecond: 1 })));
    const split = r.rigs.find((q) => q.id === 'dense-hybrid:epyc-12ch:rdimm-32:x12:gpu-24gb:x1');
    expect(split).toBeDefined();
    // 24 GiB less the CUDA context on the card; the remaining bytes from RAM at the platform's bandwidth.
    const gpuBytes = 24 * GiB - CUDA_CONTEXT_RESERVE_BYTES;
    const f = gpuBytes / 40e9;
    const seconds = (40e9 * f) / (0.78 * 936e9) + (40e9 * (1 - f)) / (0.52 * 460.8e9) + 1.9e-3;
    expect(split?.decodeTokensPerSecond).toBeCloseTo(1 / seconds, 6);
    expect(split?.gpuUsableBytes).toBe(gpuBytes);
  });

  it('is faster than the same platform without the GPU, so a floor between the two picks it', () => {
    const cpuOnly = 1 / (40e9 / (0.52 * 460.8e9));
    const f = (24 * GiB - CUDA_CONTEXT_RESERVE_BYTES) / 40e9;
    const hybrid = 1 / ((40e9 * f) / (0.78 * 936e9) + (40e9 * (1 - f)) / (0.52 * 460.8e9) + 1.9e-3);
    expect(hybrid).toBeGreaterThan(cpuOnly);
    const floor = (cpuOnly + hybrid) / 2;
    const r = found(
      findCheapestRigs(
        fixture,
        dense({ minTokensPerSecond: floor, rigKinds: ['cpu-server', 'gpu-ram-hybrid'] }),
      ),
    );
    expect(r.rigs[0]?.id.startsWith('dense-hybrid:')).toBe(true);
  });
});
