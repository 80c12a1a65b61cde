// The model presets in data/models/<id>.json, the one module the app loads them through. Their list (id,
// name, Hugging Face repo, aliases) is in the first-paint bundle (virtual:model-index); the configs load on
// demand as ONE chunk (virtual:model-configs): they share most of their keys, so together they compress to
// far fewer bytes than one small chunk each, and the first model picked brings all the others with it.
// Both modules are built from data/models/ by vite.config.ts. Nothing is fetched from outside.
import presetIndex from 'virtual:model-index';

export interface ModelPresetEntry {
  id: string;
  name: string;
  hfRepo: string;
  aliases: string[];
  /** File name in data/models/. */
  file: string;
  /** Parameters (all, and used per token; three significant digits) and the longest context, computed at
   *  build time from the config (scripts/model-facts.ts); null when the config could not be read or does not
   *  say. */
  totalParameters: number | null;
  activeParameters: number | null;
  maxContextTokens: number | null;
}

/** What a preset file holds besides its listing: the model's config.json and where it was copied from. */
export interface ModelPresetFile {
  config: unknown;
  sourceUrl: string;
  retrievedOn: string;
}

let allConfigs: Promise<
  Record<string, { config?: unknown; sourceUrl?: unknown; retrievedOn?: unknown }>
> | null = null;

/** Every preset, sorted by name. */
export const MODEL_PRESET_ENTRIES: readonly ModelPresetEntry[] = presetIndex
  .map((p) => ({
    id: p.id,
    name: p.name,
    hfRepo: p.hfRepo ?? '',
    aliases: Array.isArray(p.aliases) ? p.aliases.filter((a): a is string => typeof a === 'string') : [],
    file: p.file,
    totalParameters: p.totalParametersB === undefined ? null : p.totalParametersB * 1e9,
    activeParameters: p.activeParametersB === undefined ? null : p.activeParametersB * 1e9,
    maxContextTokens: p.maxContextTokens ?? null,
  }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

/** Load one preset's config (the first call loads them all). Rejects if the chunk fails to load or the
 *  preset has no config. */
export function loadModelPresetFile(entry: ModelPresetEntry): Promise<ModelPresetFile> {
  if (!allConfigs) {
    const pending = import('virtual:model-configs').then((m) => m.default);
    // A failed load (a flaky connection) may be retried by the next call.
    pending.catch(() => {
      allConfigs = null;
    });
    allConfigs = pending;
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return allConfigs.then((configs) => {
    const file = configs[entry.file];
    if (!file || file.config === undefined) throw new Error(`no config in data/models/${entry.file}`);
    return { config: file.config, sourceUrl: text(file.sourceUrl), retrievedOn: text(file.retrievedOn) };
  });
}
