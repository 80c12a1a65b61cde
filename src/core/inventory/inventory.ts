// A tensor inventory: every tensor of a model variant (one GGUF file, the splits of one, or the shards of a
// safetensors checkpoint) with its storage type, shape, exact bytes and role, and the totals by type and
// role. Built from parsed headers only; the numbers are what the files hold, not a prediction.
import { type GgufHeader, ggufNumber, ggufString } from './gguf';
import {
  classifyGgufTensor,
  classifySafetensorsTensor,
  INVENTORY_ROLES,
  type InventoryRole,
  type RoleContext,
} from './roles';
import type { SafetensorsHeader } from './safetensors';

export type InventorySource = 'gguf' | 'safetensors';

export interface InventoryTensor {
  name: string;
  /** Index into TensorInventory.files. */
  file: number;
  /** Storage type as the format names it: GGUF 'Q4_K', 'IQ4_XS', 'F32'; safetensors 'BF16', 'F8_E4M3'. */
  type: string;
  /** Dimensions as the file lists them (GGUF: ne0 first; safetensors: row-major, rows first). */
  shape: number[];
  elements: number;
  bytes: number;
  role: InventoryRole;
  layer: number;
}

export interface InventoryFile {
  path: string;
  /** The file's size from the repository listing, if known. */
  sizeBytes: number | null;
  /** Bytes before the tensor data (GGUF: up to the aligned data offset; safetensors: 8 + JSON). */
  headerBytes: number;
  tensorCount: number;
  tensorBytes: number;
}

export interface TypeTotal {
  type: string;
  bytes: number;
  tensors: number;
  elements: number;
}

export interface RoleTotal {
  role: InventoryRole;
  bytes: number;
  tensors: number;
  elements: number;
}

/** What a GGUF file's metadata says about the model (absent for safetensors, whose config.json says it). */
export interface GgufModelFacts {
  architecture: string | null;
  /** {arch}.block_count (MTP blocks included where the converter stores them). */
  blockCount: number | null;
  /** {arch}.nextn_predict_layers: trailing blocks that are multi-token-prediction heads. */
  nextnLayers: number;
  embeddingLength: number | null;
  expertCount: number | null;
  expertUsedCount: number | null;
  /** general.file_type (llama_ftype). */
  fileType: number | null;
  /** Entries in tokenizer.ggml.tokens. */
  vocabSize: number | null;
  name: string | null;
}

export interface TensorInventory {
  source: InventorySource;
  files: InventoryFile[];
  tensors: InventoryTensor[];
  /** Sum of every tensor's bytes. */
  totalBytes: number;
  /** Sum of the files' sizes from the listing (headers and padding included), when every size is known. */
  fileBytes: number | null;
  /** Totals per storage type, largest first. */
  byType: TypeTotal[];
  /** Totals per role, in INVENTORY_ROLES order, roles with no tensor left out. */
  byRole: RoleTotal[];
  gguf: GgufModelFacts | null;
}

export type InventoryResult = { ok: true; inventory: TensorInventory } | { ok: false; message: string };

export interface HeaderFile<H> {
  path: string;
  sizeBytes?: number | null;
  header: H;
}

function totals(tensors: readonly InventoryTensor[]): { byType: TypeTotal[]; byRole: RoleTotal[] } {
  const types = new Map<string, TypeTotal>();
  const roles = new Map<InventoryRole, RoleTotal>();
  for (const t of tensors) {
    const tt = types.get(t.type) ?? { type: t.type, bytes: 0, tensors: 0, elements: 0 };
    tt.bytes += t.bytes;
    tt.tensors += 1;
    tt.elements += t.elements;
    types.set(t.type, tt);
    const rt = roles.get(t.role) ?? { role: t.role, bytes: 0, tensors: 0, elements: 0 };
    rt.bytes += t.bytes;
    rt.tensors += 1;
    rt.elements += t.elements;
    roles.set(t.role, rt);
  }
  return {
    byType: [...types.values()].sort((a, b) => b.bytes - a.bytes || a.type.localeCompare(b.type)),
    byRole: INVENTORY_ROLES.flatMap((r) => {
      const t = roles.get(r);
      return t ? [t] : [];
    }),
  };
}

function sumSizes(files: readonly { sizeBytes?: number | null }[]): number | null {
  let sum = 0;
  for (const f of files) {
    if (typeof f.sizeBytes !== 'number') return null;
    sum += f.sizeBytes;
  }
  return sum;
}

function ggufFacts(header: GgufHeader): GgufModelFacts {
  const arch = ggufString(header, 'general.architecture') ?? null;
  const num = (key: string) => (arch ? (ggufNumber(header, `${arch}.${key}`) ?? null) : null);
  const tokens = header.metadata['tokenizer.ggml.tokens'];
  return {
    architecture: arch,
    blockCount: num('block_count'),
    nextnLayers: num('nextn_predict_layers') ?? 0,
    embeddingLength: num('embedding_length'),
    expertCount: num('expert_count'),
    expertUsedCount: num('expert_used_count'),
    fileType: ggufNumber(header, 'general.file_type') ?? null,
    vocabSize: typeof tokens === 'object' ? tokens.length : null,
    name: ggufString(header, 'general.name') ?? null,
  };
}

/** The inventory of one GGUF model: a single file, or the splits of one in order (gguf-split writes the
 *  model's metadata into the first split and split.no / split.count / split.tensors.count into each). */
export function inventoryFromGguf(files: readonly HeaderFile<GgufHeader>[]): InventoryResult {
  if (files.length === 0) return { ok: false, message: 'no GGUF file was read.' };
  const first = (files[0] as HeaderFile<GgufHeader>).header;
  if (files.length > 1) {
    const count = ggufNumber(first, 'split.count');
    if (count !== files.length)
      return {
        ok: false,
        message: `the first split says split.count = ${count ?? 'nothing'}, but ${files.length} files were read.`,
      };
    for (let i = 0; i < files.length; i++) {
      const f = files[i] as HeaderFile<GgufHeader>;
      const no = ggufNumber(f.header, 'split.no');
      if (no !== i)
        return { ok: false, message: `${f.path} says split.no = ${no ?? 'nothing'}, expected ${i}.` };
    }
    const expected = ggufNumber(first, 'split.tensors.count');
    const found = files.reduce((n, f) => n + f.header.tensors.length, 0);
    if (expected !== undefined && expected !== found)
      return {
        ok: false,
        message: `the splits list ${found} tensors, but split.tensors.count says ${expected}.`,
      };
  }
  const facts = ggufFacts(first);
  const context: RoleContext =
    facts.blockCount !== null && facts.nextnLayers > 0
      ? { mainLayers: facts.blockCount - facts.nextnLayers }
      : {};
  const tensors: InventoryTensor[] = [];
  const seen = new Set<string>();
  const inventoryFiles: InventoryFile[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as HeaderFile<GgufHeader>;
    for (const t of f.header.tensors) {
      if (seen.has(t.name)) return { ok: false, message: `tensor ${t.name} appears in two splits.` };
      seen.add(t.name);
      const { role, layer } = classifyGgufTensor(t.name, context);
      tensors.push({
        name: t.name,
        file: i,
        type: t.type.toUpperCase(),
        shape: t.dims,
        elements: t.elements,
        bytes: t.bytes,
        role,
        layer,
      });
    }
    inventoryFiles.push({
      path: f.path,
      sizeBytes: f.sizeBytes ?? null,
      headerBytes: f.header.dataOffset,
      tensorCount: f.header.tensors.length,
      tensorBytes: f.header.tensorBytes,
    });
  }
  return { ok: true, inventory: finish('gguf', inventoryFiles, tensors, sumSizes(files), facts) };
}

export interface SafetensorsInventoryOptions {
  /** config.json num_hidden_layers: blocks at or past it are multi-token-prediction blocks. */
  mainLayers?: number;
}

/** The inventory of a safetensors checkpoint: one file or all shards of one. */
export function inventoryFromSafetensors(
  files: readonly HeaderFile<SafetensorsHeader>[],
  options: SafetensorsInventoryOptions = {},
): InventoryResult {
  if (files.length === 0) return { ok: false, message: 'no safetensors file was read.' };
  const context: RoleContext = options.mainLayers !== undefined ? { mainLayers: options.mainLayers } : {};
  const tensors: InventoryTensor[] = [];
  const seen = new Set<string>();
  const inventoryFiles: InventoryFile[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as HeaderFile<SafetensorsHeader>;
    let fileTensorBytes = 0;
    for (const t of f.header.tensors) {
      if (seen.has(t.name)) return { ok: false, message: `tensor ${t.name} appears in two shards.` };
      seen.add(t.name);
      const { role, layer } = classifySafetensorsTensor(t.name, context);
      tensors.push({
        name: t.name,
        file: i,
        type: t.dtype,
        shape: t.shape,
        elements: t.elements,
        bytes: t.bytes,
        role,
        layer,
      });
      fileTensorBytes += t.bytes;
    }
    inventoryFiles.push({
      path: f.path,
      sizeBytes: f.sizeBytes ?? null,
      headerBytes: f.header.headerBytes,
      tensorCount: f.header.tensors.length,
      tensorBytes: fileTensorBytes,
    });
  }
  return { ok: true, inventory: finish('safetensors', inventoryFiles, tensors, sumSizes(files), null) };
}

function finish(
  source: InventorySource,
  files: InventoryFile[],
  tensors: InventoryTensor[],
  fileBytes: number | null,
  gguf: GgufModelFacts | null,
): TensorInventory {
  const { byType, byRole } = totals(tensors);
  const totalBytes = tensors.reduce((s, t) => s + t.bytes, 0);
  return { source, files, tensors, totalBytes, fileBytes, byType, byRole, gguf };
}

/** The bytes of one role (0 when the inventory has none). */
export function roleBytes(inventory: TensorInventory, role: InventoryRole): number {
  return inventory.byRole.find((r) => r.role === role)?.bytes ?? 0;
}
