// The network layer against a stand-in Hub (no network): requests and bytes per lookup, split GGUFs,
// safetensors shards, and every way a read can fail (404, gated, ranges ignored, cap, timeout, cancel).
import { describe, expect, it } from 'vitest';
import { groupRepoFiles } from '../../src/core/inventory/repo-files';
import { fetchConfigText, fetchRepoListing, readVariantInventory } from '../../src/net/hf-hub';
import { createHttpClient } from '../../src/net/http-range';
import { createFakeHub, fakeFetch } from '../support/fake-hub';
import { GGUF_REPO, hubFixtures, ST_REPO } from '../support/hub-fixtures';

const fixtures = hubFixtures();
const MB = 1e6;

async function lookup(repo: string, pick: (label: string) => boolean, hubOptions = {}) {
  const hub = createFakeHub(fixtures.repos, hubOptions);
  const client = createHttpClient({ fetch: fakeFetch(hub) });
  const listing = await fetchRepoListing(client, repo, 'main');
  if (!listing.ok) throw new Error(listing.error.message);
  const variant = groupRepoFiles(listing.value.files).find((v) => pick(v.label));
  if (!variant) throw new Error('no variant');
  const read = await readVariantInventory(client, repo, listing.value.sha, variant);
  return { hub, client, listing: listing.value, variant, read };
}

describe('a lookup costs', () => {
  it('GGUF with a 151,936-token vocabulary: under 10 requests and under 16 MB', async () => {
    const { client, read, variant, hub } = await lookup(GGUF_REPO, (l) => l === 'Q4_K_M');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.inventory.totalBytes).toBe(fixtures.tensorBytes['Qwen3-30B-A3B-Q4_K_M.gguf']);
    const header = read.value.inventory.files[0]?.headerBytes ?? 0;
    console.log(
      `GGUF lookup: ${client.stats.requests} requests, ${(client.stats.bytes / MB).toFixed(2)} MB read for a ${(header / MB).toFixed(2)} MB header (${variant.files.length} file); ranges: ${hub.log
        .map((l) => l.range)
        .filter(Boolean)
        .join(', ')}`,
    );
    expect(header).toBeGreaterThan(4 * MB); // the vocabulary makes it megabytes long
    expect(client.stats.requests).toBeLessThan(10);
    expect(client.stats.bytes).toBeLessThan(16 * MB);
    // Only what was needed: never more than 1.6x the header (plus the listing).
    expect(client.stats.bytes).toBeLessThan(header * 1.6 + 100_000);
  });

  it('a GGUF split in three: every split read, one inventory', async () => {
    const { client, read, variant } = await lookup(GGUF_REPO, (l) => l === 'UD-Q2_K_XL');
    expect(variant.files).toHaveLength(3);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.inventory.totalBytes).toBe(fixtures.tensorBytes['UD-Q2_K_XL']);
    expect(read.value.inventory.byType.map((t) => t.type)).toEqual(['Q2_K', 'Q6_K', 'Q8_0', 'F32']);
    console.log(
      `split GGUF lookup: ${client.stats.requests} requests, ${(client.stats.bytes / MB).toFixed(2)} MB`,
    );
    expect(client.stats.requests).toBeLessThan(12);
  });

  it('safetensors in 4 shards: under 1 MB', async () => {
    const { client, read } = await lookup(ST_REPO, (l) => l.startsWith('model'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.inventory.totalBytes).toBe(16060522496);
    console.log(
      `safetensors lookup: ${client.stats.requests} requests, ${(client.stats.bytes / 1e3).toFixed(1)} KB`,
    );
    expect(client.stats.bytes).toBeLessThan(1 * MB);
    // listing + one read per shard, each through one redirect hop on its first request.
    expect(client.stats.requests).toBeLessThanOrEqual(1 + 4 * 2);
  });

  it('reads the listing: commit, sizes, base model; config.json when there is one', async () => {
    const hub = createFakeHub(fixtures.repos);
    const client = createHttpClient({ fetch: fakeFetch(hub) });
    const l = await fetchRepoListing(client, GGUF_REPO, 'main');
    expect(l.ok && l.value.sha).toBe('1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d');
    expect(l.ok && l.value.baseModels).toEqual(['Qwen/Qwen3-30B-A3B']);
    const cfg = await fetchConfigText(client, ST_REPO, 'main');
    expect(cfg.ok && JSON.parse(cfg.value ?? '{}').hidden_size).toBe(4096);
    const none = await fetchConfigText(client, GGUF_REPO, 'main');
    expect(none).toEqual({ ok: true, value: null });
  });
});

describe('a lookup fails with a typed error', () => {
  it('an unknown repository, a bad id, an unknown revision', async () => {
    const client = createHttpClient({ fetch: fakeFetch(createFakeHub(fixtures.repos)) });
    const missing = await fetchRepoListing(client, 'test-org/missing', 'main');
    expect(!missing.ok && missing.error.code).toBe('not-found');
    const bad = await fetchRepoListing(client, 'not a repo', 'main');
    expect(!bad.ok && bad.error.code).toBe('not-found');
    const rev = await fetchRepoListing(client, GGUF_REPO, 'v9');
    expect(!rev.ok && rev.error.code).toBe('not-found');
  });

  it('a gated repository', async () => {
    const client = createHttpClient({
      fetch: async () => new Response('{"error":"Access restricted"}', { status: 401 }),
    });
    const r = await fetchRepoListing(client, 'meta-llama/Llama-3.1-8B', 'main');
    expect(!r.ok && r.error.code).toBe('gated');
  });

  it('a server that ignores Range: stopped at once, with a clear message, without downloading the file', async () => {
    const { read, client } = await lookup(GGUF_REPO, (l) => l === 'Q4_K_M', { ignoreRange: true });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.code).toBe('range-ignored');
    expect(read.error.message).toMatch(/does not honour Range requests/);
    expect(client.stats.bytes).toBeLessThan(MB);
  });

  it('a header larger than the cap', async () => {
    const hub = createFakeHub(fixtures.repos);
    const client = createHttpClient({ fetch: fakeFetch(hub), maxBytes: 3 * MB });
    const listing = await fetchRepoListing(client, GGUF_REPO, 'main');
    if (!listing.ok) throw new Error('listing');
    const v = groupRepoFiles(listing.value.files).find((x) => x.label === 'Q4_K_M');
    if (!v) throw new Error('variant');
    const r = await readVariantInventory(client, GGUF_REPO, listing.value.sha, v);
    expect(!r.ok && r.error.code).toBe('cap');
  });

  it('a server that never answers times out; a cancelled lookup says so', async () => {
    const never: typeof fetch = (_u, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const slow = createHttpClient({ fetch: never, timeoutMs: 20 });
    const t = await fetchRepoListing(slow, GGUF_REPO, 'main');
    expect(!t.ok && t.error.code).toBe('timeout');
    const controller = new AbortController();
    const pending = fetchRepoListing(
      createHttpClient({ fetch: never }),
      GGUF_REPO,
      'main',
      controller.signal,
    );
    controller.abort();
    const c = await pending;
    expect(!c.ok && c.error.code).toBe('aborted');
  });

  it('an incomplete split set is refused before any read', async () => {
    const hub = createFakeHub(fixtures.repos);
    const client = createHttpClient({ fetch: fakeFetch(hub) });
    const r = await readVariantInventory(client, GGUF_REPO, 'main', {
      id: 'x-00001-of-00002.gguf',
      kind: 'gguf',
      label: 'X',
      quant: null,
      files: [{ path: 'x-00001-of-00002.gguf', size: 10 }],
      totalBytes: 10,
      complete: false,
      projector: false,
    });
    expect(!r.ok && r.error.code).toBe('not-found');
    expect(client.stats.requests).toBe(0);
  });

  it('a file that is not what its name says', async () => {
    const repo = {
      id: 'test-org/bad',
      sha: 'b'.repeat(40),
      files: [
        { path: 'model.gguf', header: new TextEncoder().encode('<html>not a model</html>'), size: 1000 },
      ],
    };
    const hub = createFakeHub([repo]);
    const client = createHttpClient({ fetch: fakeFetch(hub) });
    const v = groupRepoFiles([{ path: 'model.gguf', size: 1000 }])[0];
    if (!v) throw new Error('variant');
    const r = await readVariantInventory(client, repo.id, repo.sha, v);
    expect(!r.ok && r.error.code).toBe('header');
    expect(!r.ok && r.error.message).toMatch(/not a GGUF file/);
  });
});
