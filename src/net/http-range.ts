// Reading the start of a remote file with HTTP Range requests: only the bytes asked for, counted, capped,
// with a timeout, cancellable, and a clear error when the server answers with the whole file instead
// (status 200) - a header read must never turn into a 40 GB download. Used by hf-hub.ts; no DOM beyond fetch.

export const NET_ERROR_CODES = [
  'not-found',
  'gated',
  'http',
  'network',
  'timeout',
  'aborted',
  'range-ignored',
  'cap',
  'bad-response',
  'header',
] as const;
export type NetErrorCode = (typeof NET_ERROR_CODES)[number];

export interface NetError {
  code: NetErrorCode;
  message: string;
}

export type NetResult<T> = { ok: true; value: T } | { ok: false; error: NetError };

/** Requests and bytes of one lookup, for the person (and the tests) to see what it cost. */
export interface NetStats {
  /** HTTP requests, redirect hops included. */
  requests: number;
  /** Body bytes received. */
  bytes: number;
}

export interface HttpClient {
  fetch: typeof fetch;
  /** Per request. */
  timeoutMs: number;
  /** Bytes this client may receive in all (a lookup's budget). */
  maxBytes: number;
  stats: NetStats;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function createHttpClient(options: Partial<Omit<HttpClient, 'stats'>> = {}): HttpClient {
  return {
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? 128 * 2 ** 20,
    stats: { requests: 0, bytes: 0 },
  };
}

/** Thrown inside this folder only, and turned into a NetResult at its public functions. */
export class NetFailure extends Error {
  constructor(readonly error: NetError) {
    super(error.message);
  }
}

export function fail(code: NetErrorCode, message: string): never {
  throw new NetFailure({ code, message });
}

/** Run fn and turn a NetFailure (or anything thrown) into a typed result. */
export async function settle<T>(fn: () => Promise<T>): Promise<NetResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (e instanceof NetFailure) return { ok: false, error: e.error };
    return { ok: false, error: { code: 'network', message: `unexpected failure (${String(e)})` } };
  }
}

/** fetch with the client's timeout (covering the body too, until release()) and the caller's signal;
 *  counts the request and, when the answer came through a redirect, the hop. */
export async function request(
  client: HttpClient,
  url: string,
  init: RequestInit,
  signal: AbortSignal | undefined,
  what: string,
): Promise<{ response: Response; controller: AbortController; release: () => void }> {
  if (signal?.aborted) fail('aborted', 'cancelled.');
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, client.timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const release = () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  };
  const why = () => {
    if (signal?.aborted) return fail('aborted', 'cancelled.');
    if (timedOut) return fail('timeout', `${what}: no answer within ${client.timeoutMs / 1000} s.`);
    return fail('network', `${what}: the request failed (offline, blocked by the browser, or refused).`);
  };
  try {
    client.stats.requests += 1;
    const response = await client.fetch(url, {
      ...init,
      signal: controller.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    if (response.redirected) client.stats.requests += 1;
    return { response, controller, release: () => release() };
  } catch {
    release();
    return why();
  }
}

export function statusError(status: number, what: string): never {
  if (status === 401 || status === 403)
    fail(
      'gated',
      `${what}: Hugging Face refused access (HTTP ${status}); the repository is gated or private.`,
    );
  if (status === 404) fail('not-found', `${what}: not found (HTTP 404).`);
  fail('http', `${what}: Hugging Face answered HTTP ${status}.`);
}

/** Read a body up to `limit` bytes; more than that is an error (and the rest is not downloaded). */
export async function readBody(
  client: HttpClient,
  response: Response,
  controller: AbortController,
  limit: number,
  what: string,
): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) {
    const buf = new Uint8Array(await response.arrayBuffer());
    client.stats.bytes += buf.length;
    if (buf.length > limit) fail('cap', `${what}: the answer is larger than the ${limit} bytes asked for.`);
    return buf;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      client.stats.bytes += value.length;
      if (total > limit || client.stats.bytes > client.maxBytes) {
        controller.abort();
        fail(
          'cap',
          total > limit
            ? `${what}: the server sent more than the ${limit} bytes asked for; stopped.`
            : `${what}: this lookup read more than ${(client.maxBytes / 2 ** 20).toFixed(0)} MiB; stopped.`,
        );
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof NetFailure) throw e;
    fail('network', `${what}: the download broke off.`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The bytes [start, end) of a file. A 206 is required; a 200 is accepted only when it is the whole file and
 *  no longer than asked for (a small file), otherwise the download is cancelled with 'range-ignored'. */
export async function readRange(
  client: HttpClient,
  url: string,
  start: number,
  end: number,
  signal: AbortSignal | undefined,
  what: string,
): Promise<{ bytes: Uint8Array; finalUrl: string }> {
  const { response, controller, release } = await request(
    client,
    url,
    // A single "bytes=a-b" range is a CORS-safelisted request header (no preflight).
    { headers: { Range: `bytes=${start}-${end - 1}` } },
    signal,
    what,
  );
  try {
    const finalUrl = response.url || url;
    if (response.status === 200) {
      const length = Number(response.headers.get('content-length'));
      if (start === 0 && Number.isFinite(length) && length > 0 && length <= end - start) {
        const bytes = await readBody(client, response, controller, end - start, what);
        return { bytes, finalUrl };
      }
      controller.abort();
      fail(
        'range-ignored',
        `${what}: the server does not honour Range requests (it answered HTTP 200 with the whole file instead of bytes ${start}-${end - 1}); the download was stopped.`,
      );
    }
    if (response.status === 416)
      fail('bad-response', `${what}: bytes ${start}-${end - 1} are past the end of the file.`);
    if (response.status !== 206) {
      controller.abort();
      statusError(response.status, what);
    }
    const contentRange = response.headers.get('content-range');
    if (contentRange) {
      const m = /^bytes (\d+)-(\d+)\//.exec(contentRange);
      if (!m || Number(m[1]) !== start) {
        controller.abort();
        fail(
          'range-ignored',
          `${what}: the server answered bytes "${contentRange}" instead of ${start}-${end - 1}.`,
        );
      }
    }
    const bytes = await readBody(client, response, controller, end - start, what);
    return { bytes, finalUrl };
  } finally {
    release();
  }
}

/** The start of one remote file, grown on demand: readTo(n) fetches only the bytes not yet read. After the
 *  first answer, later reads go to the URL the first one was redirected to (the CDN), saving a hop. */
export class RemotePrefix {
  private chunks: Uint8Array[] = [];
  private have = 0;
  private url: string;

  constructor(
    private readonly client: HttpClient,
    url: string,
    readonly size: number | null,
    readonly maxBytes: number,
    readonly what: string,
  ) {
    this.url = url;
  }

  get length(): number {
    return this.have;
  }

  bytes(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0] as Uint8Array;
    const out = new Uint8Array(this.have);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.chunks = [out];
    return out;
  }

  /** Make at least the first `end` bytes available (fewer if the file is shorter). */
  async readTo(end: number, signal: AbortSignal | undefined): Promise<void> {
    let target = Math.ceil(end);
    if (this.size !== null) target = Math.min(target, this.size);
    if (target <= this.have) return;
    if (target > this.maxBytes)
      fail(
        'cap',
        `${this.what}: the header needs more than ${(this.maxBytes / 2 ** 20).toFixed(0)} MiB; stopped (no published model's header is that large).`,
      );
    const { bytes, finalUrl } = await readRange(this.client, this.url, this.have, target, signal, this.what);
    if (bytes.length === 0) fail('bad-response', `${this.what}: the server sent no bytes.`);
    this.url = finalUrl;
    this.chunks.push(bytes);
    this.have += bytes.length;
  }
}
