// The model presets in data/models/*.json, as three virtual modules read by src/data/models.ts:
// - virtual:model-index, what the picker lists (id, name, repo, aliases, parameters and context limit) and the presets that were left out
//   (`presetProblems`): in the first-paint bundle;
// - virtual:model-config-default, the default scenario's preset config (with its source URL and date), which
//   the default page needs right after first paint (under 1 KB gzip instead of all of them);
// - virtual:model-configs, every other listed preset's config.json with its source URL and date, loaded on
//   demand as ONE chunk when another model is picked. The configs share most of their keys, so together they gzip to about a quarter of the bytes
//   of one chunk per config (measured: 45 chunks, 40 KB -> 10.5 KB). The configs are kept whole; the files'
//   notes and licence lines, which the app does not show, stay in data/.
// The presets pass the same gate as the dataset (src/data/gate.ts: the lint's envelope rules and the memory
// model's own parser): a broken preset is left out of the list and named on the page, never silently missing.
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadGatedData, REPO_ROOT, readDataFiles } from '../src/data/load-node.ts';
import type { DataProblem } from '../src/data/problems';
import { defaultScenario } from '../src/scenario/defaults.ts';
import { type PresetFacts, presetFacts } from './model-facts.ts';

/** What the picker lists for a preset; its figures (PresetFacts) are computed here so the configs can stay lazy. */
export interface PresetIndexEntry extends PresetFacts {
  id: string;
  name: string;
  hfRepo: string;
  aliases: string[];
  /** File name in data/models/. */
  file: string;
  /** Its config is in the default scenario's small chunk (virtual:model-config-default). */
  inDefaultChunk: boolean;
}

type PresetConfigs = Record<string, { config: unknown; sourceUrl: string; retrievedOn: string }>;

export interface PresetsForBundle {
  index: PresetIndexEntry[];
  /** Every listed preset but the default scenario's. */
  configs: PresetConfigs;
  /** The default scenario's preset alone. */
  defaultConfig: PresetConfigs;
  problems: DataProblem[];
}

/** The presets as the browser gets them: those that passed the gate, and the problems of those that did not. */
export function presetsForBundle(root: string = REPO_ROOT, today?: string): PresetsForBundle {
  const gated = loadGatedData(root, today);
  const defaultModelId = defaultScenario().modelId;
  const index: PresetIndexEntry[] = [];
  const configs: PresetConfigs = {};
  const defaultConfig: PresetConfigs = {};
  for (const m of gated.models) {
    // The gate checked the envelope (src/data/lint/model-envelope.ts), so these fields are there.
    const p = m.json as PresetIndexEntry & { config: unknown; sourceUrl: string; retrievedOn: string };
    const file = m.path.slice('data/models/'.length);
    const inDefaultChunk = p.id === defaultModelId;
    index.push({
      id: p.id,
      name: p.name,
      hfRepo: p.hfRepo,
      aliases: p.aliases ?? [],
      file,
      inDefaultChunk,
      ...presetFacts(p.config, p.name),
    });
    (inDefaultChunk ? defaultConfig : configs)[file] = {
      config: p.config,
      sourceUrl: p.sourceUrl,
      retrievedOn: p.retrievedOn,
    };
  }
  const problems = gated.problems.filter((p) => p.file.startsWith('data/models/'));
  return { index, configs, defaultConfig, problems };
}

// JSON.parse of a string: V8 parses JSON faster than the same object literal
// (https://v8.dev/blog/cost-of-javascript-2019#json).
const jsonModule = (name: string, value: unknown) =>
  `export ${name === 'default' ? 'default' : `const ${name} =`} JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

/** The source of each virtual module. */
export function presetModuleSource(
  which: 'index' | 'configs' | 'default',
  root: string = REPO_ROOT,
  today?: string,
): string {
  const presets = presetsForBundle(root, today);
  if (which === 'index') {
    return [jsonModule('default', presets.index), jsonModule('presetProblems', presets.problems)].join('\n');
  }
  return jsonModule('default', which === 'default' ? presets.defaultConfig : presets.configs);
}

export function modelPresetsPlugin(options: { root?: string } = {}): Plugin {
  const root = options.root ?? REPO_ROOT;
  const modules = {
    'virtual:model-index': 'index',
    'virtual:model-configs': 'configs',
    'virtual:model-config-default': 'default',
  } as const;
  return {
    name: 'rigcast-model-presets',
    resolveId: (id) => (id in modules ? `\0${id}` : null),
    load(id) {
      const which = id.startsWith('\0') ? modules[id.slice(1) as keyof typeof modules] : undefined;
      if (!which) return null;
      // In dev, an edit to any data file rebuilds the module (the gate reads them all: an item's id clash
      // can involve another folder).
      for (const f of readDataFiles(root)) this.addWatchFile(f.absolutePath);
      this.addWatchFile(join(root, 'data/models'));
      return presetModuleSource(which, root);
    },
  };
}
