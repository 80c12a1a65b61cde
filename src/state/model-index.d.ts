// Built by the rigcast-model-index plugin in vite.config.ts from data/models/*.json.
declare module 'virtual:model-index' {
  const index: {
    id: string;
    name: string;
    hfRepo?: string;
    aliases?: string[];
    /** File name in data/models/. */
    file: string;
  }[];
  export default index;
}
