// The projection per rig class (issue 11): for the chosen target memory, each class's monthly cheapest rig,
// its fitted projection, the component model and the backtest (core: src/core/projection/answer.ts).
//
// The history behind each class is a rig search per month: about half a second per class on a slow
// machine. It is never computed on an input's path: a change of target or as-of date waits until the
// inputs have been still for QUIET_MS, then the classes are computed a few months at a time
// (classOutlookSteps) in the browser's idle time between frames, the chosen class first, and cached per
// dataset, class, target and as-of date. Rate options and thresholds only refit (reprojectOutlook, ~ms).
import { useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ClassOutlook, ComponentProjection, RateAssumption, RigClass, RigCostProjection } from '../core';
import { PUBLISHED_RATES } from '../core/projection/reference-rates';
import { RIG_CLASSES } from '../core/projection/rig-classes';
import type { Dataset } from '../data/schema';
import { projectionClassOf, type RateAssumptionId, type Scenario } from '../scenario';
import { type LoadedDataset, type PriceEngine, useDatasetState } from './dataset-resource';
import type { Derived } from './derived';
import { outlookKey } from './history-seed';
import { useAppStore } from './store';

const GIB = 2 ** 30;
/** How long the target and as-of inputs must be still before the classes are computed. */
const QUIET_MS = 250;
/** Work per slice when the browser has no requestIdleCallback. */
const SLICE_MS = 8;
/** Months searched per step: a step is the longest the page can be busy with this (a few ms). */
const STEP_MONTHS = 3;
/** After an input (a slider drag, a key, a click), the computation waits this long: it never competes with
 *  the frames of an interaction. */
const INPUT_QUIET_MS = 300;

let lastInputAt = Number.NEGATIVE_INFINITY;
if (typeof window !== 'undefined') {
  for (const type of ['input', 'keydown', 'pointerdown'] as const)
    window.addEventListener(
      type,
      () => {
        lastInputAt = performance.now();
      },
      { capture: true, passive: true },
    );
}
const interacting = () => performance.now() - lastInputAt < INPUT_QUIET_MS;

// ---- The scheduler: one job at a time, the latest request's missing classes in order.

interface Job {
  key: string;
  rigClass: RigClass;
  targetGiB: number;
  asOf: string;
}

const cache = new WeakMap<Dataset, Map<string, ClassOutlook>>();
const listeners = new Set<() => void>();
let version = 0;
let wanted: { data: LoadedDataset; jobs: Job[] } | null = null;
let running: { job: Job; steps: Generator<void, ClassOutlook, void> } | null = null;
let quietTimer: ReturnType<typeof setTimeout> | null = null;
let sliceScheduled = false;

const keyOf = outlookKey;
/** A server render (the build's pre-render) computes what it shows at once: nothing runs after it. */
const serverRender = typeof window === 'undefined';

function cacheFor(dataset: Dataset): Map<string, ClassOutlook> {
  let map = cache.get(dataset);
  if (!map) {
    map = new Map();
    cache.set(dataset, map);
  }
  return map;
}

function notify(): void {
  version++;
  for (const l of listeners) l();
}

function scheduleSlice(): void {
  if (sliceScheduled) return;
  sliceScheduled = true;
  if (typeof window !== 'undefined' && typeof window.requestIdleCallback === 'function')
    window.requestIdleCallback((deadline) => runSlice(() => deadline.timeRemaining() > 1), { timeout: 500 });
  else {
    setTimeout(() => {
      const end = performance.now() + SLICE_MS;
      runSlice(() => performance.now() < end);
    }, 0);
  }
}

/** Run steps while there is time; a step is a few months of rig searches. */
function runSlice(hasTime: () => boolean): void {
  sliceScheduled = false;
  const want = wanted;
  if (want === null) return;
  if (interacting()) {
    sliceScheduled = true;
    setTimeout(() => {
      sliceScheduled = false;
      scheduleSlice();
    }, INPUT_QUIET_MS);
    return;
  }
  const done = cacheFor(want.data.dataset);
  do {
    if (running === null) {
      const job = want.jobs.find((j) => !done.has(j.key));
      if (!job) {
        wanted = null;
        return;
      }
      running = {
        job,
        steps: want.data.engine.classOutlookSteps(
          want.data.dataset,
          { rigClass: job.rigClass, targetBytes: job.targetGiB * GIB, asOf: job.asOf },
          STEP_MONTHS,
        ),
      };
    }
    const step = running.steps.next();
    if (step.done) {
      done.set(running.job.key, step.value);
      running = null;
      notify();
    }
  } while (hasTime() && !interacting());
  scheduleSlice();
}

/** An outlook that needs no waiting: from the build's seed when it is exactly this request (the page's
 *  pre-rendered scenario, history-seed.ts), or computed at once in the build's pre-render. */
function computeAtOnce(data: LoadedDataset, job: Job): void {
  const done = cacheFor(data.dataset);
  if (done.has(job.key)) return;
  const engine = data.engine;
  const seed =
    data.dataset === engine.dataset
      ? engine.historySeed?.outlooks?.find((o) => o.key === job.key)
      : undefined;
  if (seed) {
    done.set(
      job.key,
      engine.reprojectOutlook(
        {
          rigClass: seed.rigClass,
          targetBytes: seed.history.targetBytes,
          history: seed.history,
          projections: [],
          components: seed.components,
          componentProjection: { fit: null, line: [], crossings: [] },
          componentToRig: null,
          backtest: [],
          fitFloor: null,
        },
        {},
      ),
    );
  } else if (serverRender) {
    const steps = engine.classOutlookSteps(data.dataset, {
      rigClass: job.rigClass,
      targetBytes: job.targetGiB * GIB,
      asOf: job.asOf,
    });
    for (;;) {
      const step = steps.next();
      if (step.done) {
        done.set(job.key, step.value);
        return;
      }
    }
  }
}

/** Ask for these classes (in priority order); the missing ones are computed once the inputs are quiet. A
 *  request for some of what is already wanted (the headline's one class, when the projection section wants
 *  all three) changes nothing. */
function request(data: LoadedDataset, jobs: Job[]): void {
  const done = cacheFor(data.dataset);
  const missing = jobs.filter((j) => !done.has(j.key));
  const covered =
    wanted !== null &&
    wanted.data === data &&
    missing.every((j) => wanted?.jobs.some((w) => w.key === j.key));
  if (missing.length === 0 || covered || serverRender) return;
  wanted = { data, jobs: missing };
  // A job for a target no longer wanted stops; the months it searched stay in the core's month cache.
  if (running !== null && !missing.some((j) => j.key === running?.job.key)) running = null;
  if (quietTimer !== null) clearTimeout(quietTimer);
  quietTimer = setTimeout(() => {
    quietTimer = null;
    scheduleSlice();
  }, QUIET_MS);
}

const getVersion = () => version;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// ---- Refits: cheap, memoized on the computed outlook.

export function rateAssumption(id: RateAssumptionId, customDeclinePercent: number): RateAssumption {
  if (id === 'fitted') return { kind: 'fitted' };
  if (id === 'custom') return { kind: 'custom', annualDeclinePct: customDeclinePercent };
  return { kind: 'published', id };
}

interface RateOptions {
  key: string;
  rate: RateAssumption;
  excludeSpike: boolean;
  fitFromYear?: number;
}

const refits = new WeakMap<ClassOutlook, Map<string, ClassOutlook>>();
function refit(engine: PriceEngine, base: ClassOutlook, options: RateOptions): ClassOutlook {
  let map = refits.get(base);
  if (!map) {
    map = new Map();
    refits.set(base, map);
  }
  let hit = map.get(options.key);
  if (!hit) {
    hit = engine.reprojectOutlook(base, {
      rate: options.rate,
      excludeSpike: options.excludeSpike,
      ...(options.fitFromYear !== undefined ? { fitFromYear: options.fitFromYear } : {}),
    });
    map.set(options.key, hit);
  }
  return hit;
}

interface AtThreshold {
  projection: RigCostProjection;
  components: ComponentProjection;
}
const atThresholds = new WeakMap<ClassOutlook, Map<number, AtThreshold>>();
function atThreshold(engine: PriceEngine, o: ClassOutlook, options: RateOptions, usd: number): AtThreshold {
  let map = atThresholds.get(o);
  if (!map) {
    map = new Map();
    atThresholds.set(o, map);
  }
  let hit = map.get(usd);
  if (!hit) {
    const index = o.projections.findIndex((p) => p.thresholdUsd === usd);
    const projection =
      o.projections[index] ??
      engine.projectRigCost(o.history.points, {
        thresholdUsd: usd,
        rate: options.rate,
        excludeSpike: options.excludeSpike,
        ...(options.fitFromYear !== undefined ? { fitFromYear: options.fitFromYear } : {}),
        ...(o.fitFloor ? { fitFrom: o.fitFloor } : {}),
      });
    const components = engine.projectComponents(o.components, o.targetBytes, [usd], projection.horizonYear);
    hit = { projection, components };
    map.set(usd, hit);
  }
  return hit;
}

// ---- The hook.

export interface ClassView {
  rigClass: RigClass;
  /** Null while it is being computed. */
  outlook: ClassOutlook | null;
  /** The projection and the component model at the user's threshold. */
  atUser: AtThreshold | null;
}

export interface ProjectionOutlookView {
  targetGiB: number;
  thresholdUsd: number;
  selected: RigClass;
  /** In RIG_CLASSES order. */
  classes: ClassView[];
  /** The answer in words (answerSentence), the selected class first; null until it is computed. */
  sentence: string | null;
  /** Published long-run rates drawn from the selected class's latest price, for comparison. */
  references: { id: string; label: string; points: { year: number; priceUsd: number }[] }[];
  /** Some class is still being computed. */
  pending: boolean;
  /** While the chosen class is computed for a new target or date: the target (GiB) and date being
   *  computed, the view itself still showing the last one computed (so the chart does not vanish). */
  computing: { targetGiB: number; asOf: string } | null;
}

const FIELDS = [
  'targetMemoryGiB',
  'asOf',
  'thresholdUsd',
  'rate',
  'customDeclinePercent',
  'includeSpike',
  'fitStartYear',
  'projectionClass',
] as const;

function useFields(): Pick<Scenario, (typeof FIELDS)[number]> {
  return useAppStore(
    useShallow((state) => {
      const picked = {} as Pick<Scenario, (typeof FIELDS)[number]>;
      for (const k of FIELDS) (picked as Record<string, unknown>)[k] = state.scenario[k];
      return picked;
    }),
  );
}

function sentenceOf(engine: PriceEngine, views: ClassView[], selected: RigClass): string | null {
  const first = views.find((v) => v.rigClass === selected);
  if (!first?.outlook || !first.atUser) return null;
  const user = first.atUser.projection;
  const lead: ClassOutlook = first.outlook.projections.some((p) => p.thresholdUsd === user.thresholdUsd)
    ? first.outlook
    : { ...first.outlook, projections: [...first.outlook.projections, user] };
  const others = views
    .filter((v) => v.rigClass !== selected && v.outlook !== null)
    .map((v) => v.outlook as ClassOutlook);
  return engine.answerSentence([lead, ...others]);
}

let lastView: { inputs: unknown[]; view: ProjectionOutlookView } | null = null;
/** The last view whose chosen class was computed, shown while a new target or date is computed. */
let lastComplete: ProjectionOutlookView | null = null;

/** The projection for the chosen target. `only: 'chosen'` (the headline) asks for the chosen class alone;
 *  the projection section asks for all three, so nothing below the fold is computed before it is shown. */
export function useProjectionOutlook(only?: 'chosen'): Derived<ProjectionOutlookView> {
  const data = useDatasetState();
  const s = useFields();
  useSyncExternalStore(subscribe, getVersion, getVersion);
  if (data.status === 'loading') return { status: 'unavailable', reason: 'Loading the price dataset…' };
  if (data.status === 'failed') return { status: 'error', message: data.message };
  const selected = projectionClassOf(s);
  const order = only === 'chosen' ? [selected] : [selected, ...RIG_CLASSES.filter((c) => c !== selected)];
  const jobs = order.map((c) => ({
    key: keyOf(c, s.targetMemoryGiB, s.asOf),
    rigClass: c,
    targetGiB: s.targetMemoryGiB,
    asOf: s.asOf,
  }));
  // At once where the build's seed has them (or in the build's pre-render): the pre-rendered page and its
  // hydration show the same numbers.
  for (const job of jobs) computeAtOnce(data.value, job);
  request(data.value, jobs);
  const done = cacheFor(data.value.dataset);
  const bases = RIG_CLASSES.map((c) => done.get(keyOf(c, s.targetMemoryGiB, s.asOf)) ?? null);
  const inputs = [
    data.value,
    ...bases,
    s.thresholdUsd,
    s.rate,
    s.customDeclinePercent,
    s.includeSpike,
    s.fitStartYear,
    selected,
  ];
  if (
    lastView &&
    lastView.inputs.length === inputs.length &&
    lastView.inputs.every((v, i) => Object.is(v, inputs[i]))
  )
    return { status: 'ok', value: lastView.view };
  const engine = data.value.engine;
  const options: RateOptions = {
    key: `${s.rate}|${s.customDeclinePercent}|${s.includeSpike}|${s.fitStartYear}`,
    rate: rateAssumption(s.rate, s.customDeclinePercent),
    excludeSpike: !s.includeSpike,
    ...(s.fitStartYear > 0 ? { fitFromYear: s.fitStartYear } : {}),
  };
  const classes: ClassView[] = RIG_CLASSES.map((rigClass, i) => {
    const base = bases[i] ?? null;
    const outlook = base ? refit(engine, base, options) : null;
    return {
      rigClass,
      outlook,
      atUser: outlook ? atThreshold(engine, outlook, options, s.thresholdUsd) : null,
    };
  });
  const chosen = classes.find((c) => c.rigClass === selected);
  const latest = chosen?.outlook?.history.points.at(-1);
  const horizon = chosen?.atUser?.projection.horizonYear ?? 2036;
  const references =
    latest && chosen?.outlook
      ? PUBLISHED_RATES.filter((r) => r.id === 'dram-since-2010' || r.id === 'gpu-flops-per-usd-epoch').map(
          (r) => ({
            id: r.id,
            label: r.label,
            points: engine.referenceLine(
              r.annualChange,
              { year: isoToYear(latest.date), priceUsd: latest.priceUsd },
              horizon + 1,
            ),
          }),
        )
      : [];
  const fresh: ProjectionOutlookView = {
    targetGiB: s.targetMemoryGiB,
    thresholdUsd: s.thresholdUsd,
    selected,
    classes,
    sentence: sentenceOf(engine, classes, selected),
    references,
    pending: bases.some((b) => b === null),
    computing: null,
  };
  const chosenReady = chosen?.outlook != null;
  if (chosenReady) lastComplete = fresh;
  const view: ProjectionOutlookView =
    !chosenReady && lastComplete !== null && lastComplete.selected === selected
      ? { ...lastComplete, pending: true, computing: { targetGiB: s.targetMemoryGiB, asOf: s.asOf } }
      : fresh;
  lastView = { inputs, view };
  return { status: 'ok', value: view };
}

export function isoToYear(iso: string): number {
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  const y = new Date(t).getUTCFullYear();
  const start = Date.UTC(y, 0, 1);
  return y + (t - start) / (Date.UTC(y + 1, 0, 1) - start);
}
