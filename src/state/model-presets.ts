// The model presets in data/models/<id>.json, inlined at build time (no runtime fetch). Each holds the
// real config.json of a published model and the URL it was copied from.

export interface ModelPreset {
  id: string;
  name: string;
  hfRepo: string;
  sourceUrl: string;
  retrievedOn: string;
  config: unknown;
  aliases?: string[];
}

const modules: Record<string, unknown> = import.meta.glob('../../data/models/*.json', {
  eager: true,
  import: 'default',
});

function asPreset(value: unknown): ModelPreset | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || typeof v.name !== 'string' || typeof v.config !== 'object') return null;
  return {
    id: v.id,
    name: v.name,
    hfRepo: typeof v.hfRepo === 'string' ? v.hfRepo : '',
    sourceUrl: typeof v.sourceUrl === 'string' ? v.sourceUrl : '',
    retrievedOn: typeof v.retrievedOn === 'string' ? v.retrievedOn : '',
    config: v.config,
    ...(Array.isArray(v.aliases)
      ? { aliases: v.aliases.filter((a): a is string => typeof a === 'string') }
      : {}),
  };
}

export const MODEL_PRESETS: readonly ModelPreset[] = Object.values(modules)
  .map(asPreset)
  .filter((p): p is ModelPreset => p !== null)
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

export const MODEL_PRESET_IDS: readonly string[] = MODEL_PRESETS.map((p) => p.id);

export const MODEL_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  MODEL_PRESETS.flatMap((p) => (p.aliases ?? []).map((alias) => [alias, p.id] as const)),
);

const byId = new Map(MODEL_PRESETS.map((p) => [p.id, p]));
export function findPreset(id: string): ModelPreset | undefined {
  return byId.get(id);
}
