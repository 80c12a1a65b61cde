// The model presets in data/models/<id>.json, the one module that loads them. Their list (id, name, Hugging
// Face repo, aliases) is in the first-paint bundle (virtual:model-index, built by vite.config.ts); the
// configs themselves load on demand. vite.config.ts puts every config in ONE chunk: the configs share most
// of their keys, so together they compress to far fewer bytes than one small chunk each, and the first
// model picked brings all the others with it. Nothing is fetched from outside: the chunk is part of the build.
import presetIndex from 'virtual:model-index';

export interface ModelPresetEntry {
  id: string;
  name: string;
  hfRepo: string;
  aliases: string[];
  /** File name in data/models/. */
  file: string;
}

/** What a preset file holds besides its listing: the model's config.json and where it was copied from. */
export interface ModelPresetFile {
  config: unknown;
  sourceUrl: string;
  retrievedOn: string;
}

const loaders = import.meta.glob('../../data/models/*.json', { import: 'default' }) as Record<
  string,
  () => Promise<Record<string, unknown>>
>;

/** Every preset, sorted by name. */
export const MODEL_PRESET_ENTRIES: readonly ModelPresetEntry[] = presetIndex
  .map((p) => ({
    id: p.id,
    name: p.name,
    hfRepo: p.hfRepo ?? '',
    aliases: Array.isArray(p.aliases) ? p.aliases.filter((a): a is string => typeof a === 'string') : [],
    file: p.file,
  }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

/** Load one preset's config; undefined when the preset has no file. Rejects if the chunk fails to load. */
export function loadModelPresetFile(entry: ModelPresetEntry): Promise<ModelPresetFile> | undefined {
  const load = loaders[`../../data/models/${entry.file}`];
  if (!load) return undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return load().then((file) => ({
    config: file.config,
    sourceUrl: text(file.sourceUrl),
    retrievedOn: text(file.retrievedOn),
  }));
}
