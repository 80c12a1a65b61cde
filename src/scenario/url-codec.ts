// The share-link codec: Scenario <-> a readable, versioned query string (?v=1&model=...&ctx=32768...).
// decodeScenario never throws: each bad field falls back to its default and a notice names it. Old links
// keep decoding forever: every format change adds a migration below and a frozen fixture in
// tests/scenario/link-fixtures.json.
import { isHfRepoId } from '../core/model/hf-repo-id';
import { isIsoDate, todayIso } from '../core/units';
import { defaultScenario } from './defaults';
import {
  CONDITION_SETS,
  CUSTOM_MODEL_ID,
  DEFAULT_PROJECTION_CLASS,
  DEFAULT_UNIFIED_MEMORY_LIMIT,
  ENGINE_IDS,
  KV_FORMAT_IDS,
  LIMITS,
  PROJECTION_CLASSES,
  RATE_ASSUMPTIONS,
  type Scenario,
  UNIFIED_MEMORY_LIMITS,
  WEIGHT_FORMAT_IDS,
} from './scenario';
import { decodeViewFields, encodeViewFields, isValidViewFields, VIEW_LINK_KEYS } from './views-codec';

/** The link format this code writes. */
export const LINK_VERSION = 1;

/** Query keys of the v1 format, in the order they are written. */
export const LINK_KEYS = [
  'v',
  'model',
  'hf',
  'wf',
  'kv',
  'ctx',
  'batch',
  'engine',
  'cond',
  'fp8',
  'mintps',
  'budget',
  'asof',
  'target',
  'threshold',
  'rate',
  'decline',
  'spike',
  'from',
  // Model files read for exact weights (optional; absent in older links).
  'wrepo',
  'wrev',
  'wfile',
  // The quick questions (optional; absent in older links): views-codec.ts.
  ...VIEW_LINK_KEYS,
  // The projection's rig class and the unified-memory limit (optional; absent in older links).
  'class',
  'umem',
] as const;
type LinkKey = (typeof LINK_KEYS)[number];

export interface DecodeOptions {
  /** Today's ISO date (defaults to the real one); a link without `asof` is priced as of today. */
  today?: string;
  /** Known preset model ids; an id outside this list falls back to the default model. When absent, any
   *  well-formed id is accepted. */
  modelIds?: readonly string[];
  /** Old preset ids that were renamed: alias -> current id. */
  modelAliases?: Readonly<Record<string, string>>;
}

export interface DecodeResult {
  scenario: Scenario;
  /** One readable line per field that was dropped or changed, for a dismissible notice. */
  notices: string[];
}

type RawFields = Map<string, string>;

/** Migrations from each old version to the next. Index i migrates version i to version i + 1. */
const MIGRATIONS: ReadonlyArray<(fields: RawFields) => { fields: RawFields; notices: string[] }> = [
  // v0: links written before the format was versioned (no `v`). They used the v1 keys, so the fields pass
  // through unchanged; the migration exists so that the step from "no version" is explicit and tested.
  (fields) => ({ fields, notices: [] }),
];

const MAX_NOTICE_VALUE_CHARS = 40;
const MAX_UNKNOWN_KEYS_NAMED = 5;

function show(value: string): string {
  const clipped =
    value.length > MAX_NOTICE_VALUE_CHARS ? `${value.slice(0, MAX_NOTICE_VALUE_CHARS)}…` : value;
  return JSON.stringify(clipped);
}

function encodeValue(value: string): string {
  // Keep '/' readable in Hugging Face ids; it is allowed unescaped in a query (RFC 3986 section 3.4).
  return encodeURIComponent(value).replace(/%2F/g, '/');
}

/** The query string for a scenario, starting with '?'. Every field is written so the link means the same
 *  thing after defaults change. */
export function encodeScenario(scenario: Scenario): string {
  const values: Record<LinkKey, string | null> = {
    v: String(LINK_VERSION),
    model: scenario.modelId,
    hf: scenario.modelId === CUSTOM_MODEL_ID && scenario.hfRepo ? scenario.hfRepo : null,
    wf: scenario.weightFormat,
    kv: scenario.kvCacheFormat,
    ctx: String(scenario.contextTokens),
    batch: String(scenario.batch),
    engine: scenario.engine,
    cond: scenario.conditions,
    fp8: scenario.requireFp8 ? '1' : '0',
    mintps: String(scenario.minTokensPerSecond),
    budget: String(scenario.budgetUsd),
    asof: scenario.asOf,
    target: String(scenario.targetMemoryGiB),
    threshold: String(scenario.thresholdUsd),
    rate: scenario.rate,
    decline: String(scenario.customDeclinePercent),
    spike: scenario.includeSpike ? '1' : '0',
    from: String(scenario.fitStartYear),
    wrepo: scenario.weights?.repo ?? null,
    wrev: scenario.weights?.revision ?? null,
    wfile: scenario.weights?.file ?? null,
    ...encodeViewFields(scenario),
    // Written once chosen (like the model files): a scenario without them means the defaults, and so does
    // a link without them, so links written before these keys existed decode as they did.
    class: scenario.projectionClass ?? null,
    umem: scenario.unifiedMemoryLimit ?? null,
  };
  const parts: string[] = [];
  for (const key of LINK_KEYS) {
    const value = values[key];
    if (value !== null) parts.push(`${key}=${encodeValue(value)}`);
  }
  return `?${parts.join('&')}`;
}

function parseQuery(query: string): { fields: RawFields; notices: string[] } {
  const fields: RawFields = new Map();
  const notices: string[] = [];
  const ignored = new Map<string, string[]>();
  let text = query;
  const hash = text.indexOf('#');
  if (hash >= 0) text = text.slice(0, hash);
  if (text.startsWith('?')) text = text.slice(1);
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq >= 0 ? part.slice(0, eq) : part;
    const rawValue = eq >= 0 ? part.slice(eq + 1) : '';
    const key = safeDecode(rawKey);
    const value = safeDecode(rawValue);
    if (key === null || value === null) {
      notices.push(`Ignored a part of the link that is not valid URL encoding: ${show(part)}.`);
      continue;
    }
    // The first occurrence wins; later duplicates are ignored, and named.
    if (!fields.has(key)) fields.set(key, value);
    else ignored.set(key, [...(ignored.get(key) ?? []), value]);
  }
  const repeated = [...ignored];
  for (const [key, values] of repeated.slice(0, MAX_UNKNOWN_KEYS_NAMED)) {
    const more = values.length > 1 ? ` and ${values.length - 1} more` : '';
    notices.push(
      `The link gives ${show(key)} more than once; used the first (${show(fields.get(key) ?? '')}), ignored ${show(values[0] ?? '')}${more}.`,
    );
  }
  if (repeated.length > MAX_UNKNOWN_KEYS_NAMED)
    notices.push(
      `…and ${repeated.length - MAX_UNKNOWN_KEYS_NAMED} more fields given more than once (first used).`,
    );
  return { fields, notices };
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

const MODEL_ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const INTEGER = /^\d{1,12}$/;

// Model files named by a link (wrepo, wrev, wfile).
/** A branch, tag or commit of a Hub repository. */
const HF_REVISION = /^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/;
/** A model file in a repository: a relative path to a .gguf or .safetensors file, no '..' segment. */
const HF_WEIGHT_FILE =
  /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))(?!.*\\)[\p{L}\p{N}\p{P}\p{S} ]{1,400}\.(?:gguf|safetensors)$/iu;

function isWeightFilesRef(w: { repo: string; revision: string; file: string }): boolean {
  return isHfRepoId(w.repo) && HF_REVISION.test(w.revision) && HF_WEIGHT_FILE.test(w.file);
}

/** Read a scenario from a query string. Never throws; see DecodeResult. */
export function decodeScenario(query: string, options: DecodeOptions = {}): DecodeResult {
  const today = options.today && isIsoDate(options.today) ? options.today : todayIso();
  const defaults = defaultScenario(today);
  const scenario: Scenario = { ...defaults };
  let notices: string[] = [];
  let fields: RawFields;
  try {
    const parsed = parseQuery(typeof query === 'string' ? query : '');
    fields = parsed.fields;
    notices.push(...parsed.notices);
  } catch {
    return { scenario, notices: ['The link could not be read; showing the defaults.'] };
  }
  if (fields.size === 0) return { scenario, notices };

  // Version and migrations.
  const rawVersion = fields.get('v');
  let version: number;
  if (rawVersion === undefined) {
    version = 0;
  } else if (INTEGER.test(rawVersion) && Number(rawVersion) <= LINK_VERSION) {
    version = Number(rawVersion);
  } else if (INTEGER.test(rawVersion)) {
    version = LINK_VERSION;
    notices.push(
      `This link was made by a newer rigcast (v=${Number(rawVersion)}); the fields this version understands were read.`,
    );
  } else {
    version = LINK_VERSION;
    notices.push(`Link version v=${show(rawVersion)} is not a number; read it as v=${LINK_VERSION}.`);
  }
  for (let from = version; from < LINK_VERSION; from++) {
    const migrate = MIGRATIONS[from];
    if (!migrate) break;
    const migrated = migrate(fields);
    fields = migrated.fields;
    notices = notices.concat(migrated.notices);
  }

  const fallback = (label: string, value: string, why: string, used: string): void => {
    notices.push(`${label}: ${show(value)} ${why}; using ${used}.`);
  };

  const readEnum = <T extends string>(
    key: LinkKey,
    label: string,
    allowed: readonly T[],
    apply: (value: T) => void,
    defaultLabel: string,
  ): void => {
    const raw = fields.get(key);
    if (raw === undefined) return;
    if ((allowed as readonly string[]).includes(raw)) apply(raw as T);
    else fallback(label, raw, 'is not a known option', `the default (${defaultLabel})`);
  };

  const readInteger = (
    key: LinkKey,
    label: string,
    limits: { min: number; max: number },
    apply: (value: number) => void,
    defaultValue: number,
    allowZero = false,
  ): void => {
    const raw = fields.get(key);
    if (raw === undefined) return;
    if (!INTEGER.test(raw)) {
      fallback(label, raw, 'is not a whole number', `the default (${defaultValue})`);
      return;
    }
    const value = Number(raw);
    if ((allowZero && value === 0) || (value >= limits.min && value <= limits.max)) apply(value);
    else fallback(label, raw, `is outside ${limits.min}–${limits.max}`, `the default (${defaultValue})`);
  };

  const readFlag = (key: LinkKey, label: string, apply: (value: boolean) => void, defaultValue: boolean) => {
    const raw = fields.get(key);
    if (raw === undefined) return;
    if (raw === '1' || raw === '0') apply(raw === '1');
    else fallback(label, raw, 'is not 0 or 1', `the default (${defaultValue ? 1 : 0})`);
  };

  // Model.
  const rawModel = fields.get('model');
  const rawHf = fields.get('hf');
  if (rawModel !== undefined) {
    const aliases = options.modelAliases;
    // Own keys only: a link's model=constructor must not find Object.prototype's members.
    const aliased = aliases && Object.hasOwn(aliases, rawModel) ? (aliases[rawModel] ?? rawModel) : rawModel;
    if (aliased !== CUSTOM_MODEL_ID && rawHf !== undefined) {
      notices.push(
        `Hugging Face id (hf) ${show(rawHf)} was ignored: it goes with model=custom, and this link names the model ${show(rawModel)}.`,
      );
    }
    if (aliased === CUSTOM_MODEL_ID) {
      if (rawHf !== undefined && isHfRepoId(rawHf)) {
        scenario.modelId = CUSTOM_MODEL_ID;
        scenario.hfRepo = rawHf;
      } else {
        if (rawHf !== undefined)
          notices.push(`Hugging Face id (hf): ${show(rawHf)} is not a Hugging Face model id (org/name).`);
        notices.push(
          `This link used a custom config.json, which a link cannot carry; showing ${defaults.modelId}. Paste or upload the config to reproduce it.`,
        );
      }
    } else if (!MODEL_ID.test(aliased) || (options.modelIds && !options.modelIds.includes(aliased))) {
      fallback('Model (model)', rawModel, 'is not a known preset', `the default (${defaults.modelId})`);
    } else {
      scenario.modelId = aliased;
    }
  } else if (rawHf !== undefined) {
    notices.push(`Hugging Face id (hf) ${show(rawHf)} was ignored because the link has no model=custom.`);
  }

  readEnum(
    'wf',
    'Weight format (wf)',
    WEIGHT_FORMAT_IDS,
    (v) => {
      scenario.weightFormat = v;
    },
    defaults.weightFormat,
  );
  readEnum(
    'kv',
    'KV cache format (kv)',
    KV_FORMAT_IDS,
    (v) => {
      scenario.kvCacheFormat = v;
    },
    defaults.kvCacheFormat,
  );
  readInteger(
    'ctx',
    'Context (ctx)',
    LIMITS.contextTokens,
    (v) => {
      scenario.contextTokens = v;
    },
    defaults.contextTokens,
  );
  readInteger(
    'batch',
    'Concurrent sequences (batch)',
    LIMITS.batch,
    (v) => {
      scenario.batch = v;
    },
    defaults.batch,
  );
  readEnum(
    'engine',
    'Engine (engine)',
    ENGINE_IDS,
    (v) => {
      scenario.engine = v;
    },
    defaults.engine,
  );
  readEnum(
    'cond',
    'Condition (cond)',
    CONDITION_SETS,
    (v) => {
      scenario.conditions = v;
    },
    defaults.conditions,
  );
  readFlag(
    'fp8',
    'Native fp8 (fp8)',
    (v) => {
      scenario.requireFp8 = v;
    },
    defaults.requireFp8,
  );
  readInteger(
    'mintps',
    'Minimum tokens/s (mintps)',
    LIMITS.minTokensPerSecond,
    (v) => {
      scenario.minTokensPerSecond = v;
    },
    defaults.minTokensPerSecond,
  );
  readInteger(
    'budget',
    'Budget (budget)',
    LIMITS.budgetUsd,
    (v) => {
      scenario.budgetUsd = v;
    },
    defaults.budgetUsd,
  );

  const rawAsOf = fields.get('asof');
  if (rawAsOf !== undefined) {
    if (!isIsoDate(rawAsOf))
      fallback('As-of date (asof)', rawAsOf, 'is not a date YYYY-MM-DD', `today (${today})`);
    else if (rawAsOf > today) fallback('As-of date (asof)', rawAsOf, 'is in the future', `today (${today})`);
    else if (rawAsOf < '2000-01-01')
      fallback('As-of date (asof)', rawAsOf, 'is before 2000', `today (${today})`);
    else scenario.asOf = rawAsOf;
  }

  readInteger(
    'target',
    'Target memory (target)',
    LIMITS.targetMemoryGiB,
    (v) => {
      scenario.targetMemoryGiB = v;
    },
    defaults.targetMemoryGiB,
  );
  readInteger(
    'threshold',
    'Price threshold (threshold)',
    LIMITS.thresholdUsd,
    (v) => {
      scenario.thresholdUsd = v;
    },
    defaults.thresholdUsd,
  );
  readEnum(
    'rate',
    'Rate assumption (rate)',
    RATE_ASSUMPTIONS,
    (v) => {
      scenario.rate = v;
    },
    defaults.rate,
  );
  readInteger(
    'decline',
    'Custom decline (decline)',
    LIMITS.customDeclinePercent,
    (v) => {
      scenario.customDeclinePercent = v;
    },
    defaults.customDeclinePercent,
  );
  readFlag(
    'spike',
    'Include the DRAM spike (spike)',
    (v) => {
      scenario.includeSpike = v;
    },
    defaults.includeSpike,
  );
  readInteger(
    'from',
    'Fit window start (from)',
    LIMITS.fitStartYear,
    (v) => {
      scenario.fitStartYear = v;
    },
    defaults.fitStartYear,
    true,
  );

  const rawRepo = fields.get('wrepo');
  const rawRev = fields.get('wrev');
  const rawFile = fields.get('wfile');
  if (rawRepo !== undefined || rawRev !== undefined || rawFile !== undefined) {
    const ref = { repo: rawRepo ?? '', revision: rawRev ?? 'main', file: rawFile ?? '' };
    if (isWeightFilesRef(ref)) scenario.weights = ref;
    else
      notices.push(
        `Model files (wrepo, wrev, wfile): ${show(`${ref.repo}@${ref.revision}:${ref.file}`)} is not a repo and a .gguf or .safetensors file; using predicted weights.`,
      );
  }

  decodeViewFields(fields, scenario, fallback, notices);
  readEnum(
    'class',
    'Projection rig class (class)',
    PROJECTION_CLASSES,
    (v) => {
      scenario.projectionClass = v;
    },
    DEFAULT_PROJECTION_CLASS,
  );
  readEnum(
    'umem',
    'Unified-memory limit (umem)',
    UNIFIED_MEMORY_LIMITS,
    (v) => {
      scenario.unifiedMemoryLimit = v;
    },
    DEFAULT_UNIFIED_MEMORY_LIMIT,
  );

  const unknown = [...fields.keys()].filter((key) => !(LINK_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    const named = unknown.slice(0, MAX_UNKNOWN_KEYS_NAMED).map(show).join(', ');
    const more =
      unknown.length > MAX_UNKNOWN_KEYS_NAMED ? ` and ${unknown.length - MAX_UNKNOWN_KEYS_NAMED} more` : '';
    notices.push(`Ignored unknown link field${unknown.length > 1 ? 's' : ''} ${named}${more}.`);
  }

  return { scenario, notices };
}

/** True when every field of a scenario is within what the codec accepts (used by tests and the store). */
export function isValidScenario(s: Scenario): boolean {
  const inRange = (v: number, l: { min: number; max: number }) =>
    Number.isInteger(v) && v >= l.min && v <= l.max;
  return (
    (s.modelId === CUSTOM_MODEL_ID ? s.hfRepo === null || isHfRepoId(s.hfRepo) : MODEL_ID.test(s.modelId)) &&
    (WEIGHT_FORMAT_IDS as readonly string[]).includes(s.weightFormat) &&
    (KV_FORMAT_IDS as readonly string[]).includes(s.kvCacheFormat) &&
    inRange(s.contextTokens, LIMITS.contextTokens) &&
    inRange(s.batch, LIMITS.batch) &&
    (ENGINE_IDS as readonly string[]).includes(s.engine) &&
    (CONDITION_SETS as readonly string[]).includes(s.conditions) &&
    typeof s.requireFp8 === 'boolean' &&
    inRange(s.minTokensPerSecond, LIMITS.minTokensPerSecond) &&
    inRange(s.budgetUsd, LIMITS.budgetUsd) &&
    isIsoDate(s.asOf) &&
    inRange(s.targetMemoryGiB, LIMITS.targetMemoryGiB) &&
    inRange(s.thresholdUsd, LIMITS.thresholdUsd) &&
    (RATE_ASSUMPTIONS as readonly string[]).includes(s.rate) &&
    inRange(s.customDeclinePercent, LIMITS.customDeclinePercent) &&
    typeof s.includeSpike === 'boolean' &&
    (s.fitStartYear === 0 || inRange(s.fitStartYear, LIMITS.fitStartYear)) &&
    (s.weights === undefined || isWeightFilesRef(s.weights)) &&
    (s.projectionClass === undefined ||
      (PROJECTION_CLASSES as readonly string[]).includes(s.projectionClass)) &&
    (s.unifiedMemoryLimit === undefined ||
      (UNIFIED_MEMORY_LIMITS as readonly string[]).includes(s.unifiedMemoryLimit)) &&
    isValidViewFields(s)
  );
}
