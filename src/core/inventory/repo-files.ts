// A repository's file listing grouped into the variants a person can pick: each GGUF quantization (one file,
// or the splits gguf-split writes as name-00001-of-00003.gguf) and each safetensors checkpoint (one file, or
// the shards transformers writes as model-00001-of-00030.safetensors). The file sizes of a variant are
// already its exact bytes on disk; the headers then say what they hold.

export interface RepoFile {
  path: string;
  /** Bytes, from the Hub's listing (the LFS/Xet object's size for large files). */
  size: number;
}

export type VariantKind = 'gguf' | 'safetensors';

export interface RepoVariant {
  /** The first file's path: how a share link names the variant. */
  id: string;
  kind: VariantKind;
  /** e.g. 'Q4_K_M', 'UD-Q2_K_XL', 'model (30 shards)'. */
  label: string;
  /** The quantization named in a GGUF file name, upper case ('Q4_K_M'), if one is recognised. */
  quant: string | null;
  files: RepoFile[];
  totalBytes: number;
  /** Every split or shard the names promise is listed. */
  complete: boolean;
  /** A vision/audio projector (mmproj) rather than a language model. */
  projector: boolean;
}

/** huggingface.js parseSafetensorsShardFilename (packages/hub/src/lib/parse-safetensors-metadata.ts). */
const SAFETENSORS_SHARD = /^(.*?)[_-](\d{5,6})-of-(\d{5,6})\.safetensors$/;
/** gguf-split names: <prefix>-00001-of-00003.gguf (llama.cpp tools/gguf-split). */
const GGUF_SPLIT = /^(.*)-(\d{5})-of-(\d{5})\.gguf$/i;
const QUANT_TOKEN = /^(I?Q\d(?:_[A-Z0-9]+)*|BF16|F16|F32|MXFP4(?:_MOE)?|NVFP4|TQ\d_\d)$/i;

function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}

/** The quantization named in a GGUF file name, e.g. 'Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf' -> 'Q4_K_M',
 *  'DeepSeek-V3-0324-UD-Q2_K_XL-00001-of-00006.gguf' -> 'UD-Q2_K_XL'. */
export function quantFromFileName(path: string): string | null {
  const stem = basename(path)
    .replace(/\.gguf$/i, '')
    .replace(/-\d{5}-of-\d{5}$/, '');
  const tokens = stem.split(/[-.]/);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] as string;
    if (QUANT_TOKEN.test(t)) {
      const upper = t.toUpperCase();
      return tokens[i - 1]?.toUpperCase() === 'UD' ? `UD-${upper}` : upper;
    }
  }
  return null;
}

interface Group {
  kind: VariantKind;
  files: { file: RepoFile; index: number }[];
  count: number;
  label: string;
  quant: string | null;
  projector: boolean;
}

/** Group a listing into variants: safetensors checkpoints first, then GGUF files from the smallest. */
export function groupRepoFiles(files: readonly RepoFile[]): RepoVariant[] {
  const groups = new Map<string, Group>();
  const add = (key: string, make: () => Omit<Group, 'files'>, file: RepoFile, index: number) => {
    let g = groups.get(key);
    if (!g) {
      g = { ...make(), files: [] };
      groups.set(key, g);
    }
    g.files.push({ file, index });
  };
  for (const file of files) {
    if (typeof file.path !== 'string' || typeof file.size !== 'number' || !Number.isFinite(file.size))
      continue;
    const name = basename(file.path);
    const dir = file.path.slice(0, file.path.length - name.length);
    if (/\.gguf$/i.test(name)) {
      const projector = /mmproj/i.test(name);
      const split = GGUF_SPLIT.exec(name);
      const quant = quantFromFileName(name);
      if (split) {
        const count = Number(split[3]);
        add(
          `gguf:${dir}${split[1]}:${count}`,
          () => ({ kind: 'gguf', count, label: quant ?? `${split[1]} (${count} splits)`, quant, projector }),
          file,
          Number(split[2]),
        );
      } else {
        add(
          `gguf:${file.path}`,
          () => ({ kind: 'gguf', count: 1, label: quant ?? name, quant, projector }),
          file,
          1,
        );
      }
    } else if (/\.safetensors$/i.test(name)) {
      const shard = SAFETENSORS_SHARD.exec(name);
      if (shard) {
        const count = Number(shard[3]);
        add(
          `st:${dir}${shard[1]}:${count}`,
          () => ({
            kind: 'safetensors',
            count,
            label: `${dir}${shard[1]} (${count} shards)`,
            quant: null,
            projector: false,
          }),
          file,
          Number(shard[2]),
        );
      } else {
        add(
          `st:${file.path}`,
          () => ({ kind: 'safetensors', count: 1, label: file.path, quant: null, projector: false }),
          file,
          1,
        );
      }
    }
  }
  const variants: RepoVariant[] = [];
  for (const g of groups.values()) {
    g.files.sort((a, b) => a.index - b.index);
    const indices = new Set(g.files.map((f) => f.index));
    let complete = indices.size === g.count && g.files.length === g.count;
    for (let i = 1; i <= g.count && complete; i++) if (!indices.has(i)) complete = false;
    const list = g.files.map((f) => f.file);
    variants.push({
      id: (list[0] as RepoFile).path,
      kind: g.kind,
      label: g.label,
      quant: g.quant,
      files: list,
      totalBytes: list.reduce((s, f) => s + f.size, 0),
      complete,
      projector: g.projector,
    });
  }
  // Two GGUF variants may carry the same quant label (a folder and a single file): name them by path then.
  const byLabel = new Map<string, number>();
  for (const v of variants)
    byLabel.set(`${v.kind}:${v.label}`, (byLabel.get(`${v.kind}:${v.label}`) ?? 0) + 1);
  for (const v of variants)
    if ((byLabel.get(`${v.kind}:${v.label}`) ?? 0) > 1) v.label = `${v.label} (${v.id})`;
  return variants.sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'safetensors' ? -1 : 1) ||
      Number(a.projector) - Number(b.projector) ||
      a.totalBytes - b.totalBytes ||
      a.id.localeCompare(b.id),
  );
}
