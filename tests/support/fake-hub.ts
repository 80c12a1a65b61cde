// A stand-in for the Hugging Face Hub, for tests that must never touch the network: the model API's file list
// (GET /api/models/{repo}/revision/{rev}?blobs=true), config.json served directly, and large files redirected
// from /{repo}/resolve/{rev}/{path} to a storage host (as the Hub redirects LFS/Xet files) that honours
// single-range Range requests. File contents are a real header followed by zeros up to the file size.
export interface FakeFile {
  path: string;
  /** The bytes the file starts with (its header). */
  header: Uint8Array;
  /** The whole file's size. */
  size: number;
}

export interface FakeRepo {
  id: string;
  sha: string;
  files: FakeFile[];
  /** Small files served as they are (config.json). */
  smallFiles?: Record<string, string>;
  baseModels?: string[];
}

export interface FakeHubOptions {
  /** The storage host large files redirect to. */
  cdnOrigin?: string;
  /** Answer Range requests with the whole file (HTTP 200), as a server that does not honour them. */
  ignoreRange?: boolean;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  /** The body; for a whole-file 200 of a large file, only `bodyLength` is set and the body is streamed. */
  body: Uint8Array | null;
  bodyLength: number;
  /** Produce bytes [start, end) of the body on demand. */
  slice: (start: number, end: number) => Uint8Array;
}

export const HUB = 'https://huggingface.co';
export const CDN = 'https://cas-bridge.xethub.hf.co';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Content-Range, Content-Length, Accept-Ranges, ETag, X-Repo-Commit',
};

export function fileBytes(file: FakeFile, start: number, end: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, end - start));
  if (start < file.header.length) out.set(file.header.subarray(start, Math.min(end, file.header.length)), 0);
  return out;
}

function small(status: number, text: string, type = 'text/plain'): FakeResponse {
  const body = new TextEncoder().encode(text);
  return {
    status,
    headers: { ...CORS, 'content-type': type, 'content-length': String(body.length) },
    body,
    bodyLength: body.length,
    slice: (a, b) => body.subarray(a, b),
  };
}

export function createFakeHub(repos: readonly FakeRepo[], options: FakeHubOptions = {}) {
  const cdn = options.cdnOrigin ?? CDN;
  const byId = new Map(repos.map((r) => [r.id, r]));
  const log: { url: string; range: string | null; status: number; bytes: number }[] = [];

  function respond(url: string, range: string | null): FakeResponse {
    const r = route(url, range);
    log.push({ url, range, status: r.status, bytes: r.bodyLength });
    return r;
  }

  function route(url: string, range: string | null): FakeResponse {
    const u = new URL(url);
    if (u.origin === HUB) {
      const api = /^\/api\/models\/([^/]+\/[^/]+)\/revision\/([^/?]+)$/.exec(u.pathname);
      if (api) {
        const repo = byId.get(api[1] as string);
        const rev = decodeURIComponent(api[2] as string);
        if (!repo || (rev !== 'main' && rev !== repo.sha))
          return small(404, JSON.stringify({ error: 'Repository not found' }), 'application/json');
        const siblings = [
          ...Object.entries(repo.smallFiles ?? {}).map(([p, t]) => ({ rfilename: p, size: t.length })),
          ...repo.files.map((f) => ({
            rfilename: f.path,
            size: f.size,
            lfs: { size: f.size, pointerSize: 135 },
          })),
        ];
        return small(
          200,
          JSON.stringify({
            id: repo.id,
            sha: repo.sha,
            siblings,
            cardData: repo.baseModels ? { base_model: repo.baseModels } : {},
          }),
          'application/json',
        );
      }
      const resolve = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(u.pathname);
      if (resolve) {
        const repo = byId.get(resolve[1] as string);
        const rev = decodeURIComponent(resolve[2] as string);
        const path = (resolve[3] as string).split('/').map(decodeURIComponent).join('/');
        if (!repo || (rev !== 'main' && rev !== repo.sha)) return small(404, 'Entry not found');
        const text = repo.smallFiles?.[path];
        if (text !== undefined) return small(200, text, 'application/json');
        if (!repo.files.some((f) => f.path === path)) return small(404, 'Entry not found');
        const location = `${cdn}/xet-bridge-us/${repo.sha}/${encodeURIComponent(path)}?X-Amz-Expires=3600&X-Amz-Signature=test`;
        return { ...small(302, ''), headers: { ...CORS, location, 'content-length': '0' } };
      }
      return small(404, 'not found');
    }
    if (u.origin === cdn) {
      const m = /^\/xet-bridge-us\/([0-9a-f]{40})\/([^/]+)$/.exec(u.pathname);
      const repo = m ? repos.find((r) => r.sha === m[1]) : undefined;
      const path = m ? decodeURIComponent(m[2] as string) : '';
      const file = repo?.files.find((f) => f.path === path);
      if (!file) return small(404, 'not found');
      const whole = (): FakeResponse => ({
        status: 200,
        headers: {
          ...CORS,
          'content-type': 'application/octet-stream',
          'content-length': String(file.size),
          'accept-ranges': 'bytes',
        },
        body: null,
        bodyLength: file.size,
        slice: (a, b) => fileBytes(file, a, b),
      });
      if (options.ignoreRange || range === null) return whole();
      const rm = /^bytes=(\d+)-(\d*)$/.exec(range);
      if (!rm) return whole();
      const start = Number(rm[1]);
      const last = rm[2] === '' ? file.size - 1 : Math.min(Number(rm[2]), file.size - 1);
      if (start >= file.size)
        return { ...small(416, ''), headers: { ...CORS, 'content-range': `bytes */${file.size}` } };
      const body = fileBytes(file, start, last + 1);
      return {
        status: 206,
        headers: {
          ...CORS,
          'content-type': 'application/octet-stream',
          'content-length': String(body.length),
          'content-range': `bytes ${start}-${last}/${file.size}`,
          'accept-ranges': 'bytes',
        },
        body,
        bodyLength: body.length,
        slice: (a, b) => body.subarray(a, b),
      };
    }
    return small(404, 'not found');
  }

  return { respond, log };
}

export type FakeHub = ReturnType<typeof createFakeHub>;

/** A fetch over the fake hub, following one redirect as browsers do (the answer says it was redirected). */
export function fakeFetch(hub: FakeHub): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    const signal = init?.signal;
    let r = hub.respond(url, headers.get('range'));
    let finalUrl = url;
    if (r.status === 302 && r.headers.location) {
      finalUrl = r.headers.location;
      r = hub.respond(finalUrl, headers.get('range'));
    }
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const body =
      r.body !== null
        ? r.body
        : // A whole large file: streamed in 1 MiB chunks, so a reader that stops early never materialises it.
          new ReadableStream<Uint8Array>({
            start() {},
            pull: (() => {
              let at = 0;
              return (controller: ReadableStreamDefaultController<Uint8Array>) => {
                if (signal?.aborted || at >= r.bodyLength) {
                  controller.close();
                  return;
                }
                const end = Math.min(r.bodyLength, at + 2 ** 20);
                controller.enqueue(r.slice(at, end));
                at = end;
              };
            })(),
          });
    const response = new Response(r.status === 204 || r.status === 302 ? null : (body as BodyInit), {
      status: r.status,
      headers: r.headers,
    });
    Object.defineProperty(response, 'url', { value: finalUrl });
    Object.defineProperty(response, 'redirected', { value: finalUrl !== url });
    return response;
  };
}
