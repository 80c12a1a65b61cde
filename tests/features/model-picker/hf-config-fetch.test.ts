// The Hugging Face config fetch with a stand-in for fetch: validation before any request, cancel, timeout,
// a streamed size cap, and messages that never echo more than a short piece of the id.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fetchHfConfig,
  HF_CONFIG_TIMEOUT_MS,
  hfConfigUrl,
  MAX_CONFIG_BYTES,
} from '../../../src/features/model-picker/hf-config-fetch';

const CONFIG = { model_type: 'llama', hidden_size: 4096, num_hidden_layers: 32 };

/** A fetch stand-in that records its calls and answers with `respond` (which may ignore the signal, as a
 *  stalled connection does). */
function fakeFetch(respond: (url: string, init: RequestInit) => Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    calls.push({ url, init });
    return respond(url, init);
  };
  return { fn: fn as typeof fetch, calls };
}

/** A body that yields `chunk` bytes per pull, forever (or `count` times), counting the pulls. */
function endlessBody(chunk: number, count = Number.POSITIVE_INFINITY) {
  const stats = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (stats.pulls >= count) {
          controller.close();
          return;
        }
        stats.pulls++;
        controller.enqueue(new Uint8Array(chunk).fill(0x20));
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, stats };
}

const never = () => new Promise<Response>(() => {});

afterEach(() => {
  vi.useRealTimers();
});

describe('fetchHfConfig', () => {
  it('asks huggingface.co for <id>/resolve/main/config.json without credentials and returns the config', async () => {
    const f = fakeFetch(async () => new Response(JSON.stringify(CONFIG), { status: 200 }));
    const r = await fetchHfConfig('Qwen/Qwen3-8B', { fetch: f.fn });
    expect(r).toEqual({ ok: true, config: CONFIG });
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]?.url).toBe('https://huggingface.co/Qwen/Qwen3-8B/resolve/main/config.json');
    expect(hfConfigUrl('gpt2')).toBe('https://huggingface.co/gpt2/resolve/main/config.json');
    expect(f.calls[0]?.init.credentials).toBe('omit');
    expect(f.calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('refuses an id outside the Hugging Face grammar before any request, quoting at most a short piece', async () => {
    const f = fakeFetch(async () => new Response('{}'));
    const long = `org/${'a'.repeat(2000)}`;
    for (const id of [long, 'org/a..b', 'a/b/c', 'org/name?download=x']) {
      const r = await fetchHfConfig(id, { fetch: f.fn });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.reason).toBe('invalid-id');
      expect(r.retry).toBe(false);
      expect(r.message.length).toBeLessThan(260);
    }
    expect(f.calls).toHaveLength(0);
  });

  it('a cancelled request ends as "aborted" at once and aborts the request it made', async () => {
    const f = fakeFetch(never);
    const controller = new AbortController();
    const pending = fetchHfConfig('org/name', { fetch: f.fn, signal: controller.signal });
    controller.abort();
    const r = await pending;
    expect(r).toMatchObject({ ok: false, reason: 'aborted' });
    expect(f.calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('an already cancelled request makes no request', async () => {
    const f = fakeFetch(never);
    const r = await fetchHfConfig('org/name', { fetch: f.fn, signal: AbortSignal.abort() });
    expect(r).toMatchObject({ ok: false, reason: 'aborted' });
    expect(f.calls).toHaveLength(0);
  });

  it('a server that never answers times out with a message that offers a retry', async () => {
    vi.useFakeTimers();
    const f = fakeFetch(never);
    const pending = fetchHfConfig('org/name', { fetch: f.fn });
    await vi.advanceTimersByTimeAsync(HF_CONFIG_TIMEOUT_MS - 1);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const r = await pending;
    expect(r).toMatchObject({ ok: false, reason: 'timeout', retry: true });
    if (!r.ok) expect(r.message).toMatch(new RegExp(`${HF_CONFIG_TIMEOUT_MS / 1000} s`));
    expect(f.calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('a body that stalls after the headers also times out', async () => {
    vi.useFakeTimers();
    const stalled = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    const f = fakeFetch(async () => new Response(stalled, { status: 200 }));
    const pending = fetchHfConfig('org/name', { fetch: f.fn, timeoutMs: 5000 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(await pending).toMatchObject({ ok: false, reason: 'timeout', retry: true });
  });

  it('stops reading a body at the size cap instead of reading it all first', async () => {
    const chunk = 64 * 1024;
    const body = endlessBody(chunk);
    const f = fakeFetch(async () => new Response(body.stream, { status: 200 }));
    const r = await fetchHfConfig('org/name', { fetch: f.fn });
    expect(r).toMatchObject({ ok: false, reason: 'too-large', retry: false });
    // Past the cap by at most one chunk, then the stream is cancelled.
    expect(body.stats.pulls).toBeLessThanOrEqual(Math.ceil(MAX_CONFIG_BYTES / chunk) + 2);
    expect(body.stats.cancelled).toBe(true);
  });

  it('a Content-Length over the cap is refused without reading the body', async () => {
    const body = endlessBody(1024);
    const f = fakeFetch(
      async () =>
        new Response(body.stream, {
          status: 200,
          headers: { 'content-length': String(MAX_CONFIG_BYTES + 1) },
        }),
    );
    const r = await fetchHfConfig('org/name', { fetch: f.fn });
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
    expect(body.stats.pulls).toBeLessThanOrEqual(1);
  });

  it('a body exactly at the cap is read (and fails only as JSON)', async () => {
    const body = endlessBody(1000, MAX_CONFIG_BYTES / 1000);
    const f = fakeFetch(async () => new Response(body.stream, { status: 200 }));
    const r = await fetchHfConfig('org/name', { fetch: f.fn });
    expect(r).toMatchObject({ ok: false, reason: 'not-json' });
  });

  it.each([
    [401, 'gated', false, /gated or private/],
    [403, 'gated', false, /gated or private/],
    [404, 'not-found', false, /HTTP 404/],
    [429, 'http', true, /HTTP 429/],
    [503, 'http', true, /HTTP 503/],
  ] as const)('HTTP %i is "%s" (retry %s)', async (status, reason, retry, text) => {
    const f = fakeFetch(async () => new Response('nope', { status }));
    const r = await fetchHfConfig('org/name', { fetch: f.fn });
    expect(r).toMatchObject({ ok: false, reason, retry });
    if (!r.ok) expect(r.message).toMatch(text);
  });

  it('a network failure is "network" with a retry; invalid JSON is "not-json"', async () => {
    const down = fakeFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchHfConfig('org/name', { fetch: down.fn })).toMatchObject({
      ok: false,
      reason: 'network',
      retry: true,
    });
    const garbled = fakeFetch(async () => new Response('{"model_type": ', { status: 200 }));
    expect(await fetchHfConfig('org/name', { fetch: garbled.fn })).toMatchObject({
      ok: false,
      reason: 'not-json',
    });
  });
});
