// findCheapestRigs: every rig the dataset can build that holds the request, priced as of a date, ranked
// by price, with the Pareto front of price against decode tokens/s. Nothing fits -> a typed 'none' that
// names the binding constraint. Pure and allocation-light: the UI calls it on every slider move.
import type { Dataset, Fp8Support, HardwareItem, PriceObservation } from '../../data/schema';
import {
  BYTES_PER_GB,
  BYTES_PER_GIB,
  CLUSTER_HOP_SECONDS,
  DDR_BYTES_PER_TRANSFER,
  DEFAULT_MAX_RESULTS,
  MAX_CLUSTER_NODES,
  MAX_GPUS_PER_RIG,
  MAX_HYBRID_GPUS,
  PSU_MAX_SUSTAINED_LOAD,
  rigAssumptions,
  STALE_PRICE_DAYS,
  TWO_DPC_SPEED_RATIO,
  UNIFIED_MOE_CHECK_NOTE,
} from './constants';
import { gpuFormFactor, hostFormFactor } from './form-factor';
import { daysBetween, priceAsOf, priceCutoff, purchaseConditionOf } from './pricing';
import {
  CPU_SPEED,
  computeSeconds,
  GPU_SPEED,
  prefillTokensPerSecond,
  type StepBytes,
  stepBytes,
  streamSeconds,
  tensorParallelFactor,
  tokensPerSecond,
  UNIFIED_SPEED,
} from './speed';
import type {
  BindingConstraint,
  PurchaseCondition,
  RigComponent,
  RigComponentRole,
  RigConstraints,
  RigKind,
  RigQuote,
  RigRequest,
  RigSearchResult,
} from './types';
import { unifiedReserveNote, usableGpuBytes, usableUnifiedBytes } from './usable-memory';

interface Priced {
  item: HardwareItem;
  price: PriceObservation;
}

/** A fitting configuration with the numbers the filters need; the full RigQuote is built only for the
 *  few that are returned. */
interface Candidate {
  id: string;
  kind: RigKind;
  totalPriceUsd: number;
  decodeTokensPerSecond: number;
  bandwidthGBps: number;
  powerW: number;
  /** False when a part's power draw is missing from the dataset (powerW then undercounts). */
  powerKnown: boolean;
  fp8: Fp8Support;
  build: () => RigQuote;
}

interface PricedCatalog {
  gpus: Priced[];
  hosts: Priced[]; // cheapest first
  unified: Priced[];
  platforms: Priced[];
  modules: Priced[];
  pricedCount: number;
}

// Pricing the catalog is most of a search's work and depends only on (dataset, asOf, conditions), which
// stay fixed while a user drags the model sliders: keep the last few per dataset.
const catalogCache = new WeakMap<Dataset, Map<string, PricedCatalog>>();
const CATALOG_CACHE_ENTRIES = 32;

function catalog(
  dataset: Dataset,
  asOf: string,
  conditions: readonly PurchaseCondition[],
  notBefore: string,
): PricedCatalog {
  const key = `${asOf}|${notBefore}|${[...conditions].sort().join(',')}`;
  let perDataset = catalogCache.get(dataset);
  if (perDataset === undefined) {
    perDataset = new Map();
    catalogCache.set(dataset, perDataset);
  }
  const cached = perDataset.get(key);
  if (cached !== undefined) return cached;
  const built = buildCatalog(dataset, asOf, conditions, notBefore);
  if (perDataset.size >= CATALOG_CACHE_ENTRIES) {
    const oldest = perDataset.keys().next().value;
    if (oldest !== undefined) perDataset.delete(oldest);
  }
  perDataset.set(key, built);
  return built;
}

function buildCatalog(
  dataset: Dataset,
  asOf: string,
  conditions: readonly PurchaseCondition[],
  notBefore: string,
): PricedCatalog {
  const result: PricedCatalog = {
    gpus: [],
    hosts: [],
    unified: [],
    platforms: [],
    modules: [],
    pricedCount: 0,
  };
  for (const item of dataset.items) {
    // A discontinued item can still be bought used, but its last new price no longer applies.
    const sold =
      item.discontinued !== undefined && asOf > item.discontinued.on
        ? conditions.filter((c) => c !== 'new')
        : conditions;
    const price = priceAsOf(dataset.prices[item.id], asOf, sold, notBefore);
    if (price === undefined) continue;
    result.pricedCount++;
    const priced = { item, price };
    switch (item.kind) {
      case 'gpu':
        if (item.memory && item.bandwidthGBps) result.gpus.push(priced);
        break;
      case 'gpu-host':
        result.hosts.push(priced);
        break;
      case 'unified':
        if (item.memory && item.bandwidthGBps) result.unified.push(priced);
        break;
      case 'cpu-platform':
        if (item.memorySystem) result.platforms.push(priced);
        break;
      case 'memory-module':
        if (item.memory && item.module) result.modules.push(priced);
        break;
    }
  }
  result.hosts.sort((a, b) => a.price.priceUsd - b.price.priceUsd);
  return result;
}

function component(p: Priced, role: RigComponentRole, quantity: number): RigComponent {
  return {
    itemId: p.item.id,
    name: p.item.name,
    role,
    quantity,
    unitPriceUsd: p.price.priceUsd,
    observedOn: p.price.observedOn,
    market: p.price.market,
    condition: p.price.condition,
    sourceUrl: p.price.source.url,
  };
}

function priceNotes(parts: readonly Priced[], asOf: string): string[] {
  const notes: string[] = [];
  for (const p of parts) {
    const age = daysBetween(p.price.observedOn, asOf);
    if (age > STALE_PRICE_DAYS / 2) {
      notes.push(
        `${p.item.name}: newest price is ${Math.round(age / 30)} months old (${p.price.observedOn}).`,
      );
    }
    if (purchaseConditionOf(p.price) === 'used') notes.push(`${p.item.name}: ${p.price.condition} price.`);
  }
  return notes;
}

interface QuoteParts {
  id: string;
  kind: RigKind;
  label: string;
  parts: { priced: Priced; role: RigComponentRole; quantity: number }[];
  usableBytes: number;
  gpuUsableBytes?: number;
  bandwidthGBps: number;
  decodeTokensPerSecond: number;
  prefillTokensPerSecond: number | undefined;
  powerW: number;
  fp8: Fp8Support;
  notes: string[];
}

/** Parts whose power the rig's powerW should include (DIMMs are not counted, see the quote notes). */
function missingPower(q: QuoteParts): string[] {
  return q.parts
    .filter((p) => p.role !== 'memory-module' && p.priced.item.powerW === undefined)
    .map((p) => p.priced.item.name);
}

function candidate(q: QuoteParts, request: RigRequest): Candidate {
  let total = 0;
  for (const part of q.parts) total += part.priced.price.priceUsd * part.quantity;
  const unknownPower = missingPower(q);
  return {
    id: q.id,
    kind: q.kind,
    totalPriceUsd: total,
    decodeTokensPerSecond: q.decodeTokensPerSecond,
    bandwidthGBps: q.bandwidthGBps,
    powerW: q.powerW,
    powerKnown: unknownPower.length === 0,
    fp8: q.fp8,
    build: () => {
      const quote: RigQuote = {
        id: q.id,
        kind: q.kind,
        label: q.label,
        components: q.parts.map((p) => component(p.priced, p.role, p.quantity)),
        totalPriceUsd: total,
        usableBytes: q.usableBytes,
        headroomBytes: q.usableBytes - Math.max(0, request.acceleratorBytes),
        bandwidthGBps: q.bandwidthGBps,
        decodeTokensPerSecond: q.decodeTokensPerSecond,
        powerW: q.powerW,
        usdPerTokenPerSecond: total / q.decodeTokensPerSecond,
        fp8: q.fp8,
        notes: [
          ...q.notes,
          ...(unknownPower.length > 0
            ? [`Power draw not in the dataset for: ${unknownPower.join(', ')}; powerW leaves it out.`]
            : []),
          ...priceNotes(
            q.parts.map((p) => p.priced),
            request.constraints.asOf,
          ),
        ],
      };
      if (q.prefillTokensPerSecond !== undefined) quote.prefillTokensPerSecond = q.prefillTokensPerSecond;
      if (q.gpuUsableBytes !== undefined) quote.gpuUsableBytes = q.gpuUsableBytes;
      return quote;
    },
  };
}

function fp8Of(item: HardwareItem): Fp8Support {
  return item.fp8?.native ?? 'unknown';
}

function needGpus(needBytes: number, perDeviceBytes: number): number {
  if (needBytes <= 0) return 1;
  if (perDeviceBytes <= 0) return Number.POSITIVE_INFINITY;
  return Math.ceil(needBytes / perDeviceBytes);
}

interface HostChoice {
  host: Priced;
  notes: string[];
}

/** The cheapest gpu-host for this GPU's form factor with at least n slots whose PSU carries n GPUs plus itself at <= 80% load. */
function cheapestHost(hosts: readonly Priced[], n: number, gpu: HardwareItem): HostChoice | undefined {
  const gpuPowerW = gpu.powerW;
  const formFactor = gpuFormFactor(gpu);
  for (const host of hosts) {
    const slots = host.item.gpuSlots ?? 0;
    if (slots < n || hostFormFactor(host.item) !== formFactor) continue;
    const psu = host.item.psuW;
    const notes: string[] = [];
    if (psu === undefined || gpuPowerW === undefined) {
      notes.push(`${host.item.name}: PSU load not checked (PSU or GPU power missing from the dataset).`);
    } else {
      const draw = n * gpuPowerW + (host.item.powerW ?? 0);
      if (draw > psu * PSU_MAX_SUSTAINED_LOAD) continue;
    }
    return { host, notes };
  }
  return undefined;
}

function multiGpuCandidates(
  cat: PricedCatalog,
  request: RigRequest,
  step: StepBytes,
  out: Candidate[],
): void {
  const vllm = request.engine === 'vllm';
  const need = request.acceleratorBytes;
  const bytes = step.nonExpertBytes + step.expertBytes;
  for (const gpu of cat.gpus) {
    const per = usableGpuBytes(gpu.item);
    const minN = needGpus(need, per);
    if (minN > MAX_GPUS_PER_RIG) continue;
    const bw = gpu.item.bandwidthGBps as number;
    const tflops = gpu.item.fp16DenseTflops;
    // llama.cpp: more GPUs than needed only cost more (layer split reads at one GPU's speed), so only the
    // minimum count. vLLM: tensor-parallel sizes are powers of two, and more GPUs are faster.
    const counts: number[] = [];
    if (vllm) {
      for (let n = 1; n <= MAX_GPUS_PER_RIG; n *= 2) if (n >= minN) counts.push(n);
    } else {
      counts.push(minN);
    }
    for (const n of counts) {
      const hostChoice = cheapestHost(cat.hosts, n, gpu.item);
      if (hostChoice === undefined) continue;
      const { host } = hostChoice;
      const memSeconds = streamSeconds(bytes, bw, GPU_SPEED);
      const stepSeconds =
        Math.max(memSeconds, computeSeconds(request, step.batch, tflops)) + GPU_SPEED.fixedSeconds;
      const factor = vllm ? tensorParallelFactor(n) : 1;
      const decode = tokensPerSecond(step.batch, stepSeconds) * factor;
      const notes = [...hostChoice.notes];
      if (n > 1) {
        notes.push(
          vllm
            ? `vLLM tensor parallel over ${n} GPUs: ${factor.toFixed(2)}x one GPU.`
            : `llama.cpp layer split over ${n} GPUs: one GPU's bandwidth per token.`,
        );
      }
      const prefillBase = prefillTokensPerSecond(request, tflops);
      out.push(
        candidate(
          {
            id: `multi-gpu:${gpu.item.id}:x${n}:${host.item.id}`,
            kind: 'multi-gpu',
            label: `${n} × ${gpu.item.name} in ${host.item.name}`,
            parts: [
              { priced: gpu, role: 'gpu', quantity: n },
              { priced: host, role: 'gpu-host', quantity: 1 },
            ],
            usableBytes: n * per,
            bandwidthGBps: vllm ? n * bw : bw,
            decodeTokensPerSecond: decode,
            prefillTokensPerSecond: prefillBase === undefined ? undefined : prefillBase * factor,
            powerW: n * (gpu.item.powerW ?? 0) + (host.item.powerW ?? 0),
            fp8: fp8Of(gpu.item),
            notes,
          },
          request,
        ),
      );
    }
  }
}

function unifiedCandidates(cat: PricedCatalog, request: RigRequest, step: StepBytes, out: Candidate[]): void {
  const need = request.acceleratorBytes;
  const bytes = step.nonExpertBytes + step.expertBytes;
  for (const machine of cat.unified) {
    const per = usableUnifiedBytes(machine.item);
    const nodes = needGpus(need, per);
    const cluster = machine.item.cluster;
    const maxNodes = cluster ? Math.min(cluster.maxNodes, MAX_CLUSTER_NODES) : 1;
    if (nodes > maxNodes) continue;
    const bw = machine.item.bandwidthGBps as number;
    const tflops = machine.item.fp16DenseTflops;
    const memSeconds = streamSeconds(bytes, bw, UNIFIED_SPEED);
    const hops = (nodes - 1) * CLUSTER_HOP_SECONDS;
    const stepSeconds =
      Math.max(memSeconds, computeSeconds(request, step.batch, tflops)) + UNIFIED_SPEED.fixedSeconds + hops;
    const notes: string[] = [];
    const reserve = unifiedReserveNote(machine.item);
    if (reserve) notes.push(reserve);
    if (request.offloadableBytesPerToken > 0 && machine.item.vendor.toLowerCase().includes('apple')) {
      notes.push(UNIFIED_MOE_CHECK_NOTE);
    }
    if (nodes > 1 && cluster) {
      notes.push(
        `${nodes} nodes over ${cluster.interconnect} (${cluster.linkGBps} GB/s links), layers split across nodes: one node's speed plus ${CLUSTER_HOP_SECONDS * 1e6} µs per hop.`,
      );
    }
    out.push(
      candidate(
        {
          id: nodes > 1 ? `unified-cluster:${machine.item.id}:x${nodes}` : `unified:${machine.item.id}`,
          kind: nodes > 1 ? 'unified-cluster' : 'unified',
          label: nodes > 1 ? `${nodes} × ${machine.item.name} cluster` : machine.item.name,
          parts: [{ priced: machine, role: 'machine', quantity: nodes }],
          usableBytes: nodes * per,
          bandwidthGBps: bw,
          decodeTokensPerSecond: tokensPerSecond(step.batch, stepSeconds),
          prefillTokensPerSecond: prefillTokensPerSecond(request, tflops),
          powerW: nodes * (machine.item.powerW ?? 0),
          fp8: fp8Of(machine.item),
          notes,
        },
        request,
      ),
    );
  }
}

interface DimmFill {
  module: Priced;
  count: number;
  dimmsPerChannel: number;
  ramBytes: number;
  bandwidthGBps: number;
  priceUsd: number;
  speedMTs: number;
}

/** Ways to fill a platform's channels evenly (1 or 2 DIMMs in every channel) with one module type that
 *  hold needBytes; only fills no other fill beats on both price and bandwidth. */
function dimmFills(platform: HardwareItem, modules: readonly Priced[], needBytes: number): DimmFill[] {
  const ms = platform.memorySystem;
  if (ms === undefined) return [];
  const fills: DimmFill[] = [];
  for (const module of modules) {
    const spec = module.item.module;
    const sizeGiB = module.item.memory?.sizeGiB ?? 0;
    if (spec === undefined || spec.generation !== ms.generation || spec.formFactor !== ms.formFactor)
      continue;
    if (sizeGiB > ms.maxDimmGiB) continue;
    for (let dpc = 1; dpc <= Math.min(2, ms.dimmsPerChannel); dpc++) {
      const count = ms.channels * dpc;
      const ramBytes = count * sizeGiB * BYTES_PER_GIB;
      if (ramBytes < needBytes) continue;
      const platformSpeed = dpc === 2 ? ms.speedMTs * TWO_DPC_SPEED_RATIO : ms.speedMTs;
      const speed = Math.min(spec.speedMTs, platformSpeed);
      fills.push({
        module,
        count,
        dimmsPerChannel: dpc,
        ramBytes,
        bandwidthGBps: (ms.channels * speed * 1e6 * DDR_BYTES_PER_TRANSFER) / BYTES_PER_GB,
        priceUsd: count * module.price.priceUsd,
        speedMTs: speed,
      });
    }
  }
  fills.sort((a, b) => a.priceUsd - b.priceUsd || b.bandwidthGBps - a.bandwidthGBps);
  const front: DimmFill[] = [];
  let bestBw = -1;
  for (const f of fills) {
    if (f.bandwidthGBps > bestBw) {
      front.push(f);
      bestBw = f.bandwidthGBps;
    }
  }
  return front;
}

function dimmNote(platform: HardwareItem, fill: DimmFill): string {
  const ms = platform.memorySystem;
  const base = `${fill.count} × ${fill.module.item.name} (${fill.dimmsPerChannel} per channel on ${ms?.channels} channels) at ${Math.round(fill.speedMTs)} MT/s = ${fill.bandwidthGBps.toFixed(0)} GB/s peak.`;
  if ((platform.sockets ?? 1) < 2) return base;
  return `${base} Bandwidth adds both sockets' channels; llama.cpp gains well under 2x from a second socket (NUMA), so this speed is optimistic.`;
}

function cpuServerCandidates(
  cat: PricedCatalog,
  request: RigRequest,
  step: StepBytes,
  out: Candidate[],
): void {
  const bytes = step.nonExpertBytes + step.expertBytes;
  for (const platform of cat.platforms) {
    const tflops = platform.item.fp16DenseTflops;
    for (const fill of dimmFills(platform.item, cat.modules, request.acceleratorBytes)) {
      const memSeconds = streamSeconds(bytes, fill.bandwidthGBps, CPU_SPEED);
      const stepSeconds =
        Math.max(memSeconds, computeSeconds(request, step.batch, tflops)) + CPU_SPEED.fixedSeconds;
      out.push(
        candidate(
          {
            id: `cpu-server:${platform.item.id}:${fill.module.item.id}:x${fill.count}`,
            kind: 'cpu-server',
            label: `${platform.item.name} with ${fill.count} × ${fill.module.item.memory?.sizeGiB} GiB`,
            parts: [
              { priced: platform, role: 'cpu-platform', quantity: 1 },
              { priced: fill.module, role: 'memory-module', quantity: fill.count },
            ],
            usableBytes: fill.ramBytes,
            bandwidthGBps: fill.bandwidthGBps,
            decodeTokensPerSecond: tokensPerSecond(step.batch, stepSeconds),
            prefillTokensPerSecond: prefillTokensPerSecond(request, tflops),
            powerW: platform.item.powerW ?? 0,
            fp8: platform.item.fp8?.native ?? 'no',
            notes: [
              dimmNote(platform.item, fill),
              'DIMM power not counted; the OS and runtime RAM (a few GB) are not deducted from usable memory.',
            ],
          },
          request,
        ),
      );
    }
  }
}

function hybridCandidates(cat: PricedCatalog, request: RigRequest, step: StepBytes, out: Candidate[]): void {
  const ramNeed = request.offloadableBytes;
  if (ramNeed <= 0) return;
  const gpuNeed = Math.max(0, request.acceleratorBytes - ramNeed);
  for (const platform of cat.platforms) {
    const fills = dimmFills(platform.item, cat.modules, ramNeed);
    if (fills.length === 0) continue;
    const maxGpus = Math.min(MAX_HYBRID_GPUS, platform.item.gpuSlots ?? MAX_HYBRID_GPUS);
    for (const gpu of cat.gpus) {
      if (gpuFormFactor(gpu.item) !== 'pcie') continue; // a cpu-platform takes PCIe cards
      const per = usableGpuBytes(gpu.item);
      const n = needGpus(gpuNeed, per);
      if (n > maxGpus) continue;
      const gpuBw = gpu.item.bandwidthGBps as number;
      const tflops = gpu.item.fp16DenseTflops;
      const draw = n * (gpu.item.powerW ?? 0) + (platform.item.powerW ?? 0);
      const psu = platform.item.psuW;
      if (psu !== undefined && draw > psu * PSU_MAX_SUSTAINED_LOAD) continue;
      const gpuSeconds = Math.max(
        streamSeconds(step.nonExpertBytes, gpuBw, GPU_SPEED),
        computeSeconds(request, step.batch, tflops),
      );
      for (const fill of fills) {
        const ramSeconds = streamSeconds(step.expertBytes, fill.bandwidthGBps, CPU_SPEED);
        const stepSeconds = gpuSeconds + ramSeconds + GPU_SPEED.fixedSeconds;
        const notes = [
          `Routed experts (${(ramNeed / BYTES_PER_GIB).toFixed(0)} GiB) in system RAM, the rest on ${n} GPU(s), as llama.cpp -ot exps=CPU.`,
          dimmNote(platform.item, fill),
        ];
        if (psu === undefined)
          notes.push(`${platform.item.name}: PSU capacity not in the dataset; check it carries the GPU(s).`);
        out.push(
          candidate(
            {
              id: `gpu-ram-hybrid:${platform.item.id}:${fill.module.item.id}:x${fill.count}:${gpu.item.id}:x${n}`,
              kind: 'gpu-ram-hybrid',
              label: `${n} × ${gpu.item.name} + ${platform.item.name} with ${fill.count} × ${fill.module.item.memory?.sizeGiB} GiB`,
              parts: [
                { priced: gpu, role: 'gpu', quantity: n },
                { priced: platform, role: 'cpu-platform', quantity: 1 },
                { priced: fill.module, role: 'memory-module', quantity: fill.count },
              ],
              usableBytes: n * per + fill.ramBytes,
              gpuUsableBytes: n * per,
              bandwidthGBps: fill.bandwidthGBps,
              decodeTokensPerSecond: tokensPerSecond(step.batch, stepSeconds),
              prefillTokensPerSecond: prefillTokensPerSecond(request, tflops),
              powerW: draw,
              fp8: fp8Of(gpu.item),
              notes,
            },
            request,
          ),
        );
      }
    }
  }
}

type FilterKey = Exclude<BindingConstraint, 'memory' | 'no-prices' | 'condition'>;
/** The order in which a failing search names its binding constraint. */
const FILTER_ORDER: readonly FilterKey[] = [
  'budget',
  'tokens-per-second',
  'power',
  'bandwidth',
  'fp8',
  'rig-kind',
];

function passes(c: Candidate, constraints: RigConstraints, key: FilterKey): boolean {
  switch (key) {
    case 'budget':
      return constraints.maxBudgetUsd === undefined || c.totalPriceUsd <= constraints.maxBudgetUsd;
    case 'tokens-per-second':
      return (
        constraints.minTokensPerSecond === undefined ||
        c.decodeTokensPerSecond >= constraints.minTokensPerSecond
      );
    case 'power':
      // A rig whose power is not fully known cannot be shown to meet a power limit.
      return constraints.maxPowerW === undefined || (c.powerKnown && c.powerW <= constraints.maxPowerW);
    case 'bandwidth':
      return constraints.minBandwidthGBps === undefined || c.bandwidthGBps >= constraints.minBandwidthGBps;
    case 'fp8':
      return !constraints.requireFp8 || c.fp8 === 'yes';
    case 'rig-kind':
      return constraints.rigKinds === undefined || constraints.rigKinds.includes(c.kind);
  }
}

function failing(c: Candidate, constraints: RigConstraints): FilterKey[] {
  return FILTER_ORDER.filter((key) => !passes(c, constraints, key));
}

function byPrice(a: Candidate, b: Candidate): number {
  return a.totalPriceUsd - b.totalPriceUsd || b.decodeTokensPerSecond - a.decodeTokensPerSecond;
}

function enumerate(
  dataset: Dataset,
  request: RigRequest,
  conditions: readonly PurchaseCondition[],
): { candidates: Candidate[]; pricedCount: number } {
  const { asOf, maxPriceAgeDays = STALE_PRICE_DAYS } = request.constraints;
  const cat = catalog(dataset, asOf, conditions, priceCutoff(asOf, maxPriceAgeDays));
  const step = stepBytes(request);
  const candidates: Candidate[] = [];
  multiGpuCandidates(cat, request, step, candidates);
  unifiedCandidates(cat, request, step, candidates);
  cpuServerCandidates(cat, request, step, candidates);
  hybridCandidates(cat, request, step, candidates);
  return { candidates, pricedCount: cat.pricedCount };
}

const FILTER_WORDS: Record<FilterKey, string> = {
  budget: 'the budget',
  'tokens-per-second': 'the minimum tokens/s',
  power: 'the power limit',
  bandwidth: 'the minimum bandwidth',
  fp8: 'native fp8',
  'rig-kind': 'the chosen rig kinds',
};

/** Finds the cheapest rigs that hold the request as of constraints.asOf. Never throws. */
export function findCheapestRigs(dataset: Dataset, request: RigRequest): RigSearchResult {
  const { constraints } = request;
  const assumptions = rigAssumptions();
  const conditions = [...new Set(constraints.conditions)];
  if (conditions.length === 0) {
    return {
      kind: 'none',
      binding: 'condition',
      message: 'No purchase condition is accepted: choose new, used or both.',
      consideredCount: 0,
      assumptions,
    };
  }
  const { candidates, pricedCount } = enumerate(dataset, request, conditions);
  const fits = candidates.filter((c) => FILTER_ORDER.every((key) => passes(c, constraints, key)));
  if (fits.length > 0) {
    fits.sort(byPrice);
    const maxResults = Math.max(1, Math.floor(constraints.maxResults ?? DEFAULT_MAX_RESULTS));
    const pareto: Candidate[] = [];
    let best = -1;
    for (const c of fits) {
      if (c.decodeTokensPerSecond > best) {
        pareto.push(c);
        best = c.decodeTokensPerSecond;
      }
    }
    return {
      kind: 'found',
      rigs: fits.slice(0, maxResults).map((c) => c.build()),
      pareto: pareto.map((c) => c.build()),
      consideredCount: candidates.length,
      assumptions,
    };
  }

  // Nothing passes: find which single constraint, relaxed, lets a rig through.
  candidates.sort(byPrice);
  for (const key of FILTER_ORDER) {
    const others = FILTER_ORDER.filter((k) => k !== key);
    const closest = candidates.find(
      (c) => !passes(c, constraints, key) && others.every((k) => passes(c, constraints, k)),
    );
    if (closest !== undefined) {
      return {
        kind: 'none',
        binding: key,
        message: `No rig meets ${FILTER_WORDS[key]}; the cheapest rig without it is ${closest.build().label} at $${Math.round(closest.totalPriceUsd)}.`,
        closest: closest.build(),
        consideredCount: candidates.length,
        assumptions,
      };
    }
  }
  const first = candidates[0];
  if (first !== undefined) {
    const failed = failing(first, constraints);
    const binding = failed[0] ?? 'budget';
    return {
      kind: 'none',
      binding,
      message: `No rig meets ${failed.map((k) => FILTER_WORDS[k]).join(' and ')} together; relaxing one alone is not enough.`,
      closest: first.build(),
      consideredCount: candidates.length,
      assumptions,
    };
  }
  // No rig holds the need with these conditions. Would the other condition help?
  if (conditions.length < 2) {
    const all = enumerate(dataset, request, ['new', 'used']);
    const withOther = all.candidates.filter((c) => FILTER_ORDER.every((key) => passes(c, constraints, key)));
    if (withOther.length > 0) {
      withOther.sort(byPrice);
      const closest = (withOther[0] as Candidate).build();
      return {
        kind: 'none',
        binding: 'condition',
        message: `Nothing fits when bought ${conditions[0]}; accepting ${conditions[0] === 'new' ? 'used' : 'new'} parts finds ${closest.label} at $${Math.round(closest.totalPriceUsd)}.`,
        closest,
        consideredCount: all.candidates.length,
        assumptions,
      };
    }
  }
  if (pricedCount === 0) {
    return {
      kind: 'none',
      binding: 'no-prices',
      message: `No hardware in the dataset has a price in the ${constraints.maxPriceAgeDays ?? STALE_PRICE_DAYS} days up to ${constraints.asOf} in the accepted condition.`,
      consideredCount: 0,
      assumptions,
    };
  }
  return {
    kind: 'none',
    binding: 'memory',
    message: `No rig the dataset can build as of ${constraints.asOf} holds ${(request.acceleratorBytes / BYTES_PER_GIB).toFixed(1)} GiB.`,
    consideredCount: 0,
    assumptions,
  };
}
