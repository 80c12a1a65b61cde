// The Hugging Face Hub, read from the browser on the person's request only: a repository's file list with
// sizes (one API call), and the headers of the files of one variant (HTTP Range requests on the resolve
// URLs, which redirect large files to the Hub's storage CDN). Parsing and the inventory are pure core code
// (src/core/inventory); this file only moves bytes, counts them and caps them.
import { type GgufHeader, parseGgufHeader } from '../core/inventory/gguf';
import type { HeaderParseResult } from '../core/inventory/header-types';
import {
  type HeaderFile,
  inventoryFromGguf,
  inventoryFromSafetensors,
  type TensorInventory,
} from '../core/inventory/inventory';
import type { RepoFile, RepoVariant } from '../core/inventory/repo-files';
import { parseSafetensorsHeader, type SafetensorsHeader } from '../core/inventory/safetensors';
import {
  fail,
  type HttpClient,
  type NetResult,
  RemotePrefix,
  readBody,
  request,
  settle,
  statusError,
} from './http-range';

export const HF_ORIGIN = 'https://huggingface.co';

/** org/name as the Hub spells repository ids. */
export const HF_REPO_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
/** A branch, tag or commit: no spaces, no '..', no leading '/'. */
export const HF_REVISION = /^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/;

// Read sizes. The first GGUF read holds a typical header (a 32K-token vocabulary, a few hundred tensors);
// the parser's estimate from the counts it has seen sets the next one.
export const GGUF_FIRST_READ_BYTES = 2 * 2 ** 20;
/** Later splits of a split GGUF carry only split.* keys and their tensor infos. */
export const GGUF_SPLIT_FIRST_READ_BYTES = 256 * 2 ** 10;
/** A GGUF header past this is refused (huggingface.js' gguf reader stops at 50 MB). */
export const GGUF_MAX_HEADER_BYTES = 48 * 2 ** 20;
export const SAFETENSORS_FIRST_READ_BYTES = 32 * 2 ** 10;
/** A safetensors header past this is refused (huggingface.js stops at 25 MB; the format allows 100 MB). */
export const SAFETENSORS_MAX_HEADER_BYTES = 16 * 2 ** 20;
/** Shard headers read at once. */
export const PARALLEL_READS = 6;

export interface RepoListing {
  repo: string;
  /** The commit the revision resolved to: a link built from it reads the same files forever. */
  sha: string;
  files: RepoFile[];
  /** cardData.base_model: where a quantized repo's config.json can be found. */
  baseModels: string[];
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function listingUrl(repo: string, revision: string, origin = HF_ORIGIN): string {
  // huggingface_hub model_info(files_metadata=True): GET /api/models/{repo}/revision/{rev}?blobs=true
  // (https://github.com/huggingface/huggingface_hub/blob/main/src/huggingface_hub/hf_api.py).
  return `${origin}/api/models/${repo}/revision/${encodeURIComponent(revision)}?blobs=true`;
}

export function resolveUrl(repo: string, revision: string, path: string, origin = HF_ORIGIN): string {
  return `${origin}/${repo}/resolve/${encodeURIComponent(revision)}/${encodePath(path)}`;
}

const MAX_LISTING_BYTES = 16 * 2 ** 20;
const MAX_CONFIG_BYTES = 2 ** 20;

/** The repository's files with their sizes, at a revision (default main), resolved to its commit. */
export function fetchRepoListing(
  client: HttpClient,
  repo: string,
  revision: string,
  signal?: AbortSignal,
  origin = HF_ORIGIN,
): Promise<NetResult<RepoListing>> {
  return settle(async () => {
    if (!HF_REPO_ID.test(repo))
      fail('not-found', `"${repo}" is not a Hugging Face model id of the form org/name.`);
    if (!HF_REVISION.test(revision)) fail('not-found', `"${revision}" is not a branch, tag or commit.`);
    const what = `the file list of ${repo}`;
    const { response, controller, release } = await request(
      client,
      listingUrl(repo, revision, origin),
      { headers: { Accept: 'application/json' } },
      signal,
      what,
    );
    try {
      if (!response.ok) {
        controller.abort();
        statusError(response.status, what);
      }
      const body = await readBody(client, response, controller, MAX_LISTING_BYTES, what);
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(body));
      } catch {
        fail('bad-response', `${what}: the answer is not JSON.`);
      }
      return parseListing(repo, json);
    } finally {
      release();
    }
  });
}

/** The API answer, checked field by field. */
export function parseListing(repo: string, json: unknown): RepoListing {
  if (typeof json !== 'object' || json === null) fail('bad-response', 'the file list is not an object.');
  const o = json as Record<string, unknown>;
  const sha = o.sha;
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha))
    fail('bad-response', 'the file list has no commit id.');
  const siblings = Array.isArray(o.siblings) ? o.siblings : [];
  const files: RepoFile[] = [];
  for (const s of siblings) {
    if (typeof s !== 'object' || s === null) continue;
    const e = s as Record<string, unknown>;
    const path = e.rfilename;
    const lfs = e.lfs as Record<string, unknown> | undefined;
    const size = typeof e.size === 'number' ? e.size : typeof lfs?.size === 'number' ? lfs.size : null;
    if (typeof path === 'string' && size !== null && Number.isSafeInteger(size) && size >= 0)
      files.push({ path, size });
  }
  const card = (o.cardData ?? {}) as Record<string, unknown>;
  const base = card.base_model;
  const baseModels = (Array.isArray(base) ? base : [base]).filter(
    (b): b is string => typeof b === 'string' && HF_REPO_ID.test(b),
  );
  return { repo, sha, files, baseModels };
}

/** A config.json (small, not an LFS file): its text, or null when the repository has none. */
export function fetchConfigText(
  client: HttpClient,
  repo: string,
  revision: string,
  signal?: AbortSignal,
  origin = HF_ORIGIN,
): Promise<NetResult<string | null>> {
  return settle(async () => {
    const what = `config.json of ${repo}`;
    const { response, controller, release } = await request(
      client,
      resolveUrl(repo, revision, 'config.json', origin),
      {},
      signal,
      what,
    );
    try {
      if (response.status === 404) return null;
      if (!response.ok) {
        controller.abort();
        statusError(response.status, what);
      }
      return new TextDecoder().decode(await readBody(client, response, controller, MAX_CONFIG_BYTES, what));
    } finally {
      release();
    }
  });
}

/** Grow a file's prefix until its header parses: the parser says how many bytes it needs at least and how
 *  many it expects the header to take; the next read goes a quarter past that estimate, and at least twice
 *  as far as the last one when it had no estimate beyond what it needed. */
async function readHeader<H>(
  prefix: RemotePrefix,
  first: number,
  parse: (bytes: Uint8Array) => HeaderParseResult<H>,
  signal: AbortSignal | undefined,
): Promise<H> {
  await prefix.readTo(first, signal);
  for (;;) {
    const r = parse(prefix.bytes());
    if (r.status === 'complete') return r.header;
    if (r.status === 'error') fail('header', `${prefix.what}: ${r.error.message}`);
    if (prefix.size !== null && prefix.length >= prefix.size)
      fail('header', `${prefix.what}: the file ends inside its header.`);
    const before = prefix.length;
    const next = Math.max(r.needed, Math.ceil(r.estimate * 1.25), before + 64 * 2 ** 10);
    await prefix.readTo(next, signal);
    if (prefix.length <= before) fail('bad-response', `${prefix.what}: the server sent no more bytes.`);
  }
}

async function pool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface VariantRead {
  inventory: TensorInventory;
  /** Headers as parsed, for the files that were read. */
  headers: number;
}

/** Read the headers of every file of a variant and build its inventory. */
export function readVariantInventory(
  client: HttpClient,
  repo: string,
  sha: string,
  variant: RepoVariant,
  options: { signal?: AbortSignal; origin?: string; mainLayers?: number } = {},
): Promise<NetResult<VariantRead>> {
  const { signal, origin = HF_ORIGIN } = options;
  return settle(async () => {
    if (!variant.complete)
      fail('not-found', `${variant.label}: not every split or shard of it is in the repository.`);
    const prefixOf = (f: RepoFile, max: number) =>
      new RemotePrefix(client, resolveUrl(repo, sha, f.path, origin), f.size, max, f.path);
    if (variant.kind === 'gguf') {
      const headers = await pool(variant.files, PARALLEL_READS, (f, i) =>
        readHeader(
          prefixOf(f, GGUF_MAX_HEADER_BYTES),
          i === 0 ? GGUF_FIRST_READ_BYTES : GGUF_SPLIT_FIRST_READ_BYTES,
          (b) => parseGgufHeader(b, { fileSize: f.size }),
          signal,
        ),
      );
      const files: HeaderFile<GgufHeader>[] = variant.files.map((f, i) => ({
        path: f.path,
        sizeBytes: f.size,
        header: headers[i] as GgufHeader,
      }));
      const inv = inventoryFromGguf(files);
      if (!inv.ok) fail('header', inv.message);
      return { inventory: inv.inventory, headers: files.length };
    }
    // Safetensors: the first shard tells how large the others' headers are likely to be (shards of one
    // checkpoint hold similar tensor counts), so each of them is usually one request of a few KB.
    const [head, ...rest] = variant.files as [RepoFile, ...RepoFile[]];
    const parse = (f: RepoFile) => (b: Uint8Array) => parseSafetensorsHeader(b, { fileSize: f.size });
    const firstHeader = await readHeader(
      prefixOf(head, SAFETENSORS_MAX_HEADER_BYTES),
      SAFETENSORS_FIRST_READ_BYTES,
      parse(head),
      signal,
    );
    const guess = Math.min(
      256 * 2 ** 10,
      Math.max(4096, Math.ceil((firstHeader.headerBytes * 1.5) / 4096) * 4096),
    );
    const others = await pool(rest, PARALLEL_READS, (f) =>
      readHeader(prefixOf(f, SAFETENSORS_MAX_HEADER_BYTES), guess, parse(f), signal),
    );
    const headers = [firstHeader, ...others];
    const files: HeaderFile<SafetensorsHeader>[] = variant.files.map((f, i) => ({
      path: f.path,
      sizeBytes: f.size,
      header: headers[i] as SafetensorsHeader,
    }));
    const inv = inventoryFromSafetensors(
      files,
      options.mainLayers !== undefined ? { mainLayers: options.mainLayers } : {},
    );
    if (!inv.ok) fail('header', inv.message);
    return { inventory: inv.inventory, headers: files.length };
  });
}
