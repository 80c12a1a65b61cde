// findCheapestRigs: every rig the dataset can build, that its engine runs and that holds the request,
// priced as of a date, ranked by price, with the Pareto front of price against decode tokens/s. Nothing
// fits -> a typed 'none' that names the binding constraint. Pure and allocation-light: the UI calls it on
// every slider move. Each rig kind has its own module (kinds/); what decides whether parts go together is
// in host-fit.ts, engine-support.ts and usable-memory.ts.
import type { Dataset } from '../../data/schema';
import type { Candidate } from './candidate';
import { catalog } from './catalog';
import { BYTES_PER_GIB, CARRY_FORWARD_MAX_DAYS, DEFAULT_MAX_RESULTS, rigAssumptions } from './constants';
import { engineName } from './engine-support';
import { cpuServerCandidates } from './kinds/cpu-server';
import { denseHybridCandidates } from './kinds/dense-hybrid';
import { hybridCandidates } from './kinds/hybrid';
import { multiGpuCandidates } from './kinds/multi-gpu';
import { unifiedCandidates } from './kinds/unified';
import { priceCutoff } from './pricing';
import { shortComponentName, shortRigName } from './short-name';
import { stepBytes } from './speed';
import type {
  BindingConstraint,
  PurchaseCondition,
  RigConstraints,
  RigRequest,
  RigSearchResult,
} from './types';

type FilterKey = Exclude<BindingConstraint, 'memory' | 'no-prices' | 'condition'>;
/** The order in which a failing search names its binding constraint. */
const FILTER_ORDER: readonly FilterKey[] = [
  'budget',
  'tokens-per-second',
  'prefill-tokens-per-second',
  'power',
  'bandwidth',
  'fp8',
  'rig-kind',
  'engine',
];

function passes(c: Candidate, constraints: RigConstraints, key: FilterKey): boolean {
  switch (key) {
    case 'engine':
      return c.engineBlock === undefined;
    case 'budget':
      return constraints.maxBudgetUsd === undefined || c.totalPriceUsd <= constraints.maxBudgetUsd;
    case 'tokens-per-second':
      return (
        constraints.minTokensPerSecond === undefined ||
        c.decodeTokensPerSecond >= constraints.minTokensPerSecond
      );
    case 'prefill-tokens-per-second':
      return (
        constraints.minPrefillTokensPerSecond === undefined ||
        (c.prefillTokensPerSecond ?? 0) >= constraints.minPrefillTokensPerSecond
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
  const { asOf, maxPriceAgeDays = CARRY_FORWARD_MAX_DAYS } = request.constraints;
  const cat = catalog(dataset, asOf, conditions, priceCutoff(asOf, maxPriceAgeDays));
  const step = stepBytes(request);
  const candidates: Candidate[] = [];
  multiGpuCandidates(cat, request, step, candidates);
  unifiedCandidates(cat, request, step, candidates);
  cpuServerCandidates(cat, request, step, candidates);
  hybridCandidates(cat, request, step, candidates);
  denseHybridCandidates(cat, request, step, candidates);
  return { candidates, pricedCount: cat.pricedCount };
}

const FILTER_WORDS: Record<FilterKey, string> = {
  budget: 'the budget',
  'tokens-per-second': 'the minimum tokens/s',
  'prefill-tokens-per-second': 'the minimum prompt-processing tokens/s',
  power: 'the power limit',
  bandwidth: 'the minimum bandwidth',
  fp8: 'native fp8',
  'rig-kind': 'the chosen rig kinds',
  engine: 'the engine',
};

/** The 'none' message when a single constraint binds: for the engine, why the cheapest rigs cannot run it. */
function bindingMessage(key: FilterKey, closest: Candidate, request: RigRequest): string {
  const quote = closest.build();
  // Short names: the message is read in one go, the full names are in the quote's parts.
  const label = shortRigName(quote);
  const price = `$${Math.round(closest.totalPriceUsd).toLocaleString('en-US')}`;
  if (key === 'engine') {
    const format = request.weightFormat ? ` with ${request.weightFormat} weights` : '';
    // The block names the part that cannot run it ("<item name>: <reason>"): by its short name.
    const block = closest.engineBlock ?? '';
    const part = quote.components.find((c) => block.startsWith(`${c.name}: `));
    const reason = part ? `${shortComponentName(part)}: ${block.slice(part.name.length + 2)}` : block;
    return `No rig that holds this runs ${engineName(request.engine)}${format}. The cheapest that holds it, ${label} at ${price}, cannot: ${reason}.`;
  }
  return `No rig meets ${FILTER_WORDS[key]}; the cheapest rig without it is ${label} at ${price}.`;
}

/** Finds the cheapest rigs that hold the request as of constraints.asOf. Never throws. */
export function findCheapestRigs(dataset: Dataset, request: RigRequest): RigSearchResult {
  const { constraints } = request;
  const assumptions = rigAssumptions(constraints.unifiedMemoryLimit);
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
        message: bindingMessage(key, closest, request),
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
        message: `Nothing fits when bought ${conditions[0]}; accepting ${conditions[0] === 'new' ? 'used' : 'new'} parts finds ${shortRigName(closest)} at $${Math.round(closest.totalPriceUsd).toLocaleString('en-US')}.`,
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
      message: `No hardware in the dataset has a price in the ${constraints.maxPriceAgeDays ?? CARRY_FORWARD_MAX_DAYS} days up to ${constraints.asOf} in the accepted condition.`,
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
