// Modules made at build time by Vite plugins (vite.config.ts, scripts/vite-dataset-plugin.ts).

// rigcast-model-presets in vite.config.ts, from data/models/*.json: what the model picker lists, and every
// preset's config by file name.
declare module 'virtual:model-index' {
  const index: {
    id: string;
    name: string;
    hfRepo?: string;
    aliases?: string[];
    /** File name in data/models/. */
    file: string;
    /** Computed at build time (scripts/model-facts.ts); absent when the config cannot be read. */
    totalParametersB?: number;
    activeParametersB?: number;
    maxContextTokens?: number;
  }[];
  export default index;
}
declare module 'virtual:model-configs' {
  const configs: Record<string, { config?: unknown; sourceUrl?: unknown; retrievedOn?: unknown }>;
  export default configs;
}

// rigcast-dataset in scripts/vite-dataset-plugin.ts: data/{hardware,prices,series} parsed and validated.
declare module 'virtual:rigcast-dataset' {
  export const dataset: import('../data/schema').Dataset;
  export const datasetProblems: import('../data/problems').DataProblem[];
}
