// The inverse questions: for a budget (or a fixed rig), which of several scenarios is the most demanding
// one that still fits? The caller builds the candidates (e.g. one per quantization or context length,
// each from estimateMemory), so this file knows nothing about the memory model's internals.
import type { Dataset } from '../../data/schema';
import type { MemoryEstimate } from '../memory/estimate-types';
import { findCheapestRigs } from './find-cheapest-rigs';
import { acceleratorNeedBytes, rigRequestFromEstimate } from './requests';
import type { RigConstraints, RigEngine, RigQuote, RigRequest } from './types';

export interface FitCandidate<T> {
  label: string;
  /** Whatever the caller wants back (a quantization id, a context length). */
  value: T;
  request: RigRequest;
}

export type BestFitResult<T> =
  | { kind: 'found'; label: string; value: T; rig: RigQuote; index: number }
  | { kind: 'none'; message: string };

/** The most demanding candidate (latest in the list: order candidates from least to most demanding) for
 *  which findCheapestRigs finds a rig under the candidate's own constraints. Scans from the top, so the
 *  list needn't be monotone. */
export function bestFit<T>(dataset: Dataset, candidates: readonly FitCandidate<T>[]): BestFitResult<T> {
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i] as FitCandidate<T>;
    const result = findCheapestRigs(dataset, c.request);
    if (result.kind === 'found' && result.rigs[0] !== undefined) {
      return { kind: 'found', label: c.label, value: c.value, rig: result.rigs[0], index: i };
    }
  }
  return { kind: 'none', message: 'None of the candidates fits a rig under these constraints.' };
}

export interface EstimateFitOptions {
  constraints: RigConstraints;
  batch?: number;
  engine?: RigEngine;
}

/** The best quantization (or any other option) for a budget: `options` from least to most demanding,
 *  `estimate` the caller's memory model (e.g. (q) => estimateMemory(model, { ...scenario, quant: q })). */
export function bestOptionForBudget<T>(
  dataset: Dataset,
  options: readonly { label: string; value: T }[],
  estimate: (value: T) => MemoryEstimate | undefined,
  opts: EstimateFitOptions,
): BestFitResult<T> {
  const candidates: FitCandidate<T>[] = [];
  for (const o of options) {
    const e = estimate(o.value);
    if (e === undefined) continue;
    const request: Parameters<typeof rigRequestFromEstimate>[1] = { constraints: opts.constraints };
    if (opts.batch !== undefined) request.batch = opts.batch;
    if (opts.engine !== undefined) request.engine = opts.engine;
    candidates.push({ label: o.label, value: o.value, request: rigRequestFromEstimate(e, request) });
  }
  return bestFit(dataset, candidates);
}

/** The largest context (tokens) in [minTokens, maxTokens] whose estimate still finds a rig under the
 *  constraints, by bisection (memory grows with context). Undefined when even minTokens does not fit. */
export function largestContextThatFits(
  dataset: Dataset,
  estimateAt: (contextTokens: number) => MemoryEstimate | undefined,
  opts: EstimateFitOptions & { minTokens: number; maxTokens: number; stepTokens?: number },
): { contextTokens: number; rig: RigQuote } | undefined {
  const step = Math.max(1, Math.floor(opts.stepTokens ?? 256));
  const fits = (tokens: number): RigQuote | undefined => {
    const e = estimateAt(tokens);
    if (e === undefined) return undefined;
    const request: Parameters<typeof rigRequestFromEstimate>[1] = { constraints: opts.constraints };
    if (opts.batch !== undefined) request.batch = opts.batch;
    if (opts.engine !== undefined) request.engine = opts.engine;
    const r = findCheapestRigs(dataset, rigRequestFromEstimate(e, request));
    return r.kind === 'found' ? r.rigs[0] : undefined;
  };
  let lo = Math.floor(opts.minTokens / step);
  let hi = Math.floor(opts.maxTokens / step);
  let bestRig = fits(lo * step);
  if (bestRig === undefined) return undefined;
  let best = lo;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const rig = fits(mid * step);
    if (rig !== undefined) {
      lo = mid;
      best = mid;
      bestRig = rig;
    } else {
      hi = mid - 1;
    }
  }
  return { contextTokens: best * step, rig: bestRig };
}

/** Does an estimate fit one given rig's memory? For "what fits on the rig I have". On a hybrid the
 *  non-expert part must fit the GPUs and the routed experts the RAM. */
export function fitsRig(estimate: MemoryEstimate, rig: RigQuote): boolean {
  const need = acceleratorNeedBytes(estimate);
  if (rig.gpuUsableBytes === undefined) return need <= rig.usableBytes;
  const onGpu = need - estimate.routedExpertWeights;
  return onGpu <= rig.gpuUsableBytes && estimate.routedExpertWeights <= rig.usableBytes - rig.gpuUsableBytes;
}

/** The most demanding option (list from least to most demanding) whose estimate fits a chosen rig. */
export function bestOptionOnRig<T>(
  rig: RigQuote,
  options: readonly { label: string; value: T }[],
  estimate: (value: T) => MemoryEstimate | undefined,
): { label: string; value: T } | undefined {
  for (let i = options.length - 1; i >= 0; i--) {
    const o = options[i] as { label: string; value: T };
    const e = estimate(o.value);
    if (e !== undefined && fitsRig(e, rig)) return o;
  }
  return undefined;
}

/** The largest context (a multiple of stepTokens in [minTokens, maxTokens]) whose estimate fits a chosen
 *  rig, by bisection; undefined when even minTokens does not fit. */
export function largestContextOnRig(
  rig: RigQuote,
  estimateAt: (contextTokens: number) => MemoryEstimate | undefined,
  opts: { minTokens: number; maxTokens: number; stepTokens?: number },
): number | undefined {
  const step = Math.max(1, Math.floor(opts.stepTokens ?? 256));
  const fits = (tokens: number) => {
    const e = estimateAt(tokens);
    return e !== undefined && fitsRig(e, rig);
  };
  let lo = Math.floor(opts.minTokens / step);
  let hi = Math.floor(opts.maxTokens / step);
  if (!fits(lo * step)) return undefined;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid * step)) lo = mid;
    else hi = mid - 1;
  }
  return lo * step;
}
