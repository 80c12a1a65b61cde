// Modules made at build time by Vite plugins (vite.config.ts, scripts/vite-dataset-plugin.ts).

// rigcast-model-presets in scripts/vite-model-presets-plugin.ts, from data/models/*.json through the data
// gate: what the model picker lists, the presets left out with why, and every listed preset's config by file
// name (the default preset's in a chunk of its own).
declare module 'virtual:model-index' {
  const index: {
    id: string;
    name: string;
    hfRepo?: string;
    aliases?: string[];
    /** File name in data/models/. */
    file: string;
    /** Its config is in virtual:model-config-default, not virtual:model-configs. */
    inDefaultChunk?: boolean;
    /** Computed at build time (scripts/model-facts.ts); absent when the config cannot be read. */
    totalParametersB?: number;
    activeParametersB?: number;
    maxContextTokens?: number;
  }[];
  export default index;
  export const presetProblems: import('../data/problems').DataProblem[];
}
declare module 'virtual:model-configs' {
  const configs: Record<string, { config?: unknown; sourceUrl?: unknown; retrievedOn?: unknown }>;
  export default configs;
}
// The default scenario's preset only, in the same shape (its own small chunk; not in virtual:model-configs).
declare module 'virtual:model-config-default' {
  const configs: Record<string, { config?: unknown; sourceUrl?: unknown; retrievedOn?: unknown }>;
  export default configs;
}

// rigcast-dataset in scripts/vite-dataset-plugin.ts: data/{hardware,prices,series} parsed and validated,
// each distinct source record stored once (src/data/dataset.ts unpacks it).
declare module 'virtual:rigcast-dataset' {
  export const packedDataset: import('../data/shared-sources').PackedSources;
  export const datasetProblems: import('../data/problems').DataProblem[];
}

// rigcast-history-seed in scripts/vite-history-seed-plugin.ts: the default scenario's price history, computed
// at build time (null when it could not be).
declare module 'virtual:rigcast-history-seed' {
  export const historySeed: import('../state/history-seed').HistorySeed | null;
}
