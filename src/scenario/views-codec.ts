// The share-link keys of the quick questions (issues 13 and 17), read and written here so url-codec.ts only
// calls in. Each group is optional: a link without its keys leaves the field absent (it reads as the default),
// so every link written before these keys existed decodes exactly as before.
//   ask=budget|hardware                              which question is open
//   abudget, actx, atps                              the sweep: budget USD, context tokens, minimum tok/s
//   own=gpus|unified|cpu, ogpu, on, ovram, obw,       what a person owns: GPU id (or manual, its GiB and GB/s),
//   omac, oram, oramcfg, orambw                       count, unified machine, RAM GiB and setup (or manual GB/s)
//   ngl | ncmoe                                      the offload slider (-ngl, or --n-cpu-moe)
import {
  ASK_VIEWS,
  type BudgetView,
  DEFAULT_BUDGET_VIEW,
  DEFAULT_OWNED_HARDWARE,
  LIMITS,
  OWNED_KINDS,
  type OwnedHardwareChoice,
  type Scenario,
  VIEW_LIMITS,
} from './scenario';

export const VIEW_LINK_KEYS = [
  'ask',
  'abudget',
  'actx',
  'atps',
  'own',
  'ogpu',
  'on',
  'ovram',
  'obw',
  'omac',
  'oram',
  'oramcfg',
  'orambw',
  'ngl',
  'ncmoe',
] as const;
export type ViewLinkKey = (typeof VIEW_LINK_KEYS)[number];

const BUDGET_KEYS: readonly ViewLinkKey[] = ['abudget', 'actx', 'atps'];
const OWNED_KEYS: readonly ViewLinkKey[] = VIEW_LINK_KEYS.filter(
  (k) => k !== 'ask' && !BUDGET_KEYS.includes(k),
);

/** A dataset item id (kebab-case slug). */
const ITEM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const INTEGER = /^\d{1,12}$/;
const DECIMAL = /^\d{1,9}(?:\.\d{1,3})?$/;

/** Values of the view keys for a scenario; null = not written. */
export function encodeViewFields(s: Scenario): Record<ViewLinkKey, string | null> {
  const b = s.budgetView;
  const o = s.ownedHardware;
  return {
    ask: s.ask ?? null,
    abudget: b ? String(b.budgetUsd) : null,
    actx: b ? String(b.contextTokens) : null,
    atps: b ? String(b.minTokensPerSecond) : null,
    own: o ? o.kind : null,
    ogpu: o ? o.gpuId : null,
    on: o ? String(o.gpuCount) : null,
    ovram: o ? String(o.gpuMemoryGiB) : null,
    obw: o ? String(o.gpuBandwidthGBps) : null,
    omac: o ? o.unifiedId : null,
    oram: o ? String(o.ramGiB) : null,
    oramcfg: o ? o.ramId : null,
    orambw: o ? String(o.ramBandwidthGBps) : null,
    ngl: o?.offload?.mode === 'layers' ? String(o.offload.nGpuLayers) : null,
    ncmoe: o?.offload?.mode === 'experts' ? String(o.offload.nCpuMoe) : null,
  };
}

type Fallback = (label: string, value: string, why: string, used: string) => void;

const inRange = (v: number, l: { min: number; max: number }) => v >= l.min && v <= l.max;

/** Read the view keys into the scenario; each bad value keeps its default and adds a notice via `fallback`. */
export function decodeViewFields(
  fields: ReadonlyMap<string, string>,
  scenario: Scenario,
  fallback: Fallback,
  notices: string[],
): void {
  const number = (
    key: ViewLinkKey,
    label: string,
    limits: { min: number; max: number },
    defaultValue: number | string,
    apply: (v: number) => void,
    pattern: RegExp = INTEGER,
  ) => {
    const raw = fields.get(key);
    if (raw === undefined) return;
    const used = typeof defaultValue === 'number' ? `the default (${defaultValue})` : defaultValue;
    if (!pattern.test(raw)) {
      const what = pattern === INTEGER ? 'a whole number' : 'a number';
      fallback(label, raw, `is not ${what}`, used);
    } else if (!inRange(Number(raw), limits)) {
      fallback(label, raw, `is outside ${limits.min}–${limits.max}`, used);
    } else apply(Number(raw));
  };
  const id = (key: ViewLinkKey, label: string, defaultValue: string, apply: (v: string) => void) => {
    const raw = fields.get(key);
    if (raw === undefined) return;
    if (ITEM_ID.test(raw) && raw.length <= 120) apply(raw);
    else fallback(label, raw, 'is not an item id', `the default (${defaultValue})`);
  };

  const rawAsk = fields.get('ask');
  if (rawAsk !== undefined) {
    if ((ASK_VIEWS as readonly string[]).includes(rawAsk)) scenario.ask = rawAsk as Scenario['ask'];
    else fallback('Open question (ask)', rawAsk, 'is not budget or hardware', 'neither');
  }

  if (BUDGET_KEYS.some((k) => fields.has(k))) {
    const b: BudgetView = { ...DEFAULT_BUDGET_VIEW };
    const d = DEFAULT_BUDGET_VIEW;
    number('abudget', 'Budget question (abudget)', VIEW_LIMITS.budgetUsd, d.budgetUsd, (v) => {
      b.budgetUsd = v;
    });
    number('actx', 'Budget question context (actx)', LIMITS.contextTokens, d.contextTokens, (v) => {
      b.contextTokens = v;
    });
    number(
      'atps',
      'Budget question speed (atps)',
      VIEW_LIMITS.minTokensPerSecond,
      d.minTokensPerSecond,
      (v) => {
        b.minTokensPerSecond = v;
      },
    );
    scenario.budgetView = b;
  }

  if (OWNED_KEYS.some((k) => fields.has(k))) {
    const o: OwnedHardwareChoice = { ...DEFAULT_OWNED_HARDWARE };
    const d = DEFAULT_OWNED_HARDWARE;
    const rawKind = fields.get('own');
    if (rawKind !== undefined) {
      if ((OWNED_KINDS as readonly string[]).includes(rawKind))
        o.kind = rawKind as OwnedHardwareChoice['kind'];
      else fallback('Hardware kind (own)', rawKind, 'is not gpus, unified or cpu', `the default (${d.kind})`);
    }
    id('ogpu', 'GPU (ogpu)', d.gpuId, (v) => {
      o.gpuId = v;
    });
    number('on', 'GPU count (on)', VIEW_LIMITS.gpuCount, d.gpuCount, (v) => {
      o.gpuCount = v;
    });
    number('ovram', 'GPU memory (ovram)', VIEW_LIMITS.gpuMemoryGiB, d.gpuMemoryGiB, (v) => {
      o.gpuMemoryGiB = v;
    });
    number(
      'obw',
      'GPU bandwidth (obw)',
      VIEW_LIMITS.bandwidthGBps,
      d.gpuBandwidthGBps,
      (v) => {
        o.gpuBandwidthGBps = v;
      },
      DECIMAL,
    );
    id('omac', 'Unified machine (omac)', d.unifiedId, (v) => {
      o.unifiedId = v;
    });
    number('oram', 'System RAM (oram)', VIEW_LIMITS.ramGiB, d.ramGiB, (v) => {
      o.ramGiB = v;
    });
    id('oramcfg', 'RAM setup (oramcfg)', d.ramId, (v) => {
      o.ramId = v;
    });
    number(
      'orambw',
      'RAM bandwidth (orambw)',
      VIEW_LIMITS.bandwidthGBps,
      d.ramBandwidthGBps,
      (v) => {
        o.ramBandwidthGBps = v;
      },
      DECIMAL,
    );
    number('ngl', 'GPU layers (ngl)', VIEW_LIMITS.offloadLayers, 'the largest that fits', (v) => {
      o.offload = { mode: 'layers', nGpuLayers: v };
    });
    if (fields.has('ncmoe')) {
      if (o.offload) {
        notices.push('CPU-MoE layers (ncmoe) was ignored: the link also sets GPU layers (ngl).');
      } else {
        number('ncmoe', 'CPU-MoE layers (ncmoe)', VIEW_LIMITS.offloadLayers, 'the largest that fits', (v) => {
          o.offload = { mode: 'experts', nCpuMoe: v };
        });
      }
    }
    scenario.ownedHardware = o;
  }
}

/** True when the view fields are within what decodeViewFields accepts. */
export function isValidViewFields(s: Scenario): boolean {
  const int = (v: number, l: { min: number; max: number }) => Number.isInteger(v) && inRange(v, l);
  const dec = (v: number, l: { min: number; max: number }) =>
    Number.isFinite(v) && DECIMAL.test(String(v)) && inRange(v, l);
  const b = s.budgetView;
  const o = s.ownedHardware;
  return (
    (s.ask === undefined || (ASK_VIEWS as readonly string[]).includes(s.ask)) &&
    (b === undefined ||
      (int(b.budgetUsd, VIEW_LIMITS.budgetUsd) &&
        int(b.contextTokens, LIMITS.contextTokens) &&
        int(b.minTokensPerSecond, VIEW_LIMITS.minTokensPerSecond))) &&
    (o === undefined ||
      ((OWNED_KINDS as readonly string[]).includes(o.kind) &&
        ITEM_ID.test(o.gpuId) &&
        int(o.gpuCount, VIEW_LIMITS.gpuCount) &&
        int(o.gpuMemoryGiB, VIEW_LIMITS.gpuMemoryGiB) &&
        dec(o.gpuBandwidthGBps, VIEW_LIMITS.bandwidthGBps) &&
        ITEM_ID.test(o.unifiedId) &&
        int(o.ramGiB, VIEW_LIMITS.ramGiB) &&
        ITEM_ID.test(o.ramId) &&
        dec(o.ramBandwidthGBps, VIEW_LIMITS.bandwidthGBps) &&
        (o.offload === undefined ||
          int(
            o.offload.mode === 'layers' ? o.offload.nGpuLayers : o.offload.nCpuMoe,
            VIEW_LIMITS.offloadLayers,
          ))))
  );
}
