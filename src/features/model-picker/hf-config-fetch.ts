// Fetches a model's config.json from Hugging Face in the reader's browser. Every way it can end is a typed
// result, never an exception: the id is checked against Hugging Face's grammar before any request, the
// caller can cancel (a newer choice does), a stalled connection times out, and the body is read in chunks
// and dropped as soon as it passes the size cap. Messages quote at most a short piece of the id.
import { isHfRepoId, shortenForMessage } from '../../core/model/hf-repo-id';
import { MAX_CONFIG_BYTES } from './config-text';

export { MAX_CONFIG_BYTES };

/** How long a fetch may take, headers and body together. A config.json is a few KB; 15 s is far beyond a
 *  slow connection's time for it and short enough that a stalled one does not look like "still working". */
export const HF_CONFIG_TIMEOUT_MS = 15_000;

export const HF_CONFIG_FAILURES = [
  'invalid-id',
  'aborted',
  'timeout',
  'network',
  'gated',
  'not-found',
  'http',
  'too-large',
  'not-json',
] as const;
export type HfConfigFailure = (typeof HF_CONFIG_FAILURES)[number];

export type HfConfigResult =
  | { ok: true; config: unknown }
  | {
      ok: false;
      reason: HfConfigFailure;
      message: string;
      /** Trying the same id again may work (a timeout, a network error, a server error). */
      retry: boolean;
    };

export interface FetchHfConfigOptions {
  /** Cancels the request (a newer choice of model). */
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
  /** The fetch to use (tests pass a stand-in). */
  fetch?: typeof fetch;
}

export function hfConfigUrl(repo: string): string {
  return `https://huggingface.co/${repo}/resolve/main/config.json`;
}

class SizeCapExceeded extends Error {}

/** Reads a body chunk by chunk, cancelling the stream once it passes maxBytes or the signal aborts. */
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new SizeCapExceeded();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => {});
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new SizeCapExceeded();
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export async function fetchHfConfig(
  repo: string,
  options: FetchHfConfigOptions = {},
): Promise<HfConfigResult> {
  const shown = shortenForMessage(repo);
  if (!isHfRepoId(repo)) {
    return {
      ok: false,
      reason: 'invalid-id',
      retry: false,
      message: `"${shown}" is not a Hugging Face model id: expected org/name (e.g. Qwen/Qwen3-8B), letters, digits, '-', '_' and '.', at most 96 characters in the name.`,
    };
  }
  const fail = (reason: HfConfigFailure, message: string, retry = false): HfConfigResult => ({
    ok: false,
    reason,
    message,
    retry,
  });
  const outer = options.signal;
  if (outer?.aborted) return fail('aborted', `The request for ${shown} was cancelled.`);
  const timeoutMs = options.timeoutMs ?? HF_CONFIG_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_CONFIG_BYTES;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = () => controller.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  // The request itself may ignore its signal (a stalled connection): the result settles on abort anyway.
  const abortedWait = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')), {
      once: true,
    });
  });
  abortedWait.catch(() => {});
  try {
    const response = await Promise.race([
      doFetch(hfConfigUrl(repo), {
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      }),
      abortedWait,
    ]);
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel().catch(() => {});
      return fail(
        'gated',
        `Hugging Face refused ${shown} (HTTP ${response.status}): the model is gated or private. Download its config.json after accepting the licence and upload it here.`,
      );
    }
    if (response.status === 404) {
      await response.body?.cancel().catch(() => {});
      return fail(
        'not-found',
        `Hugging Face has no config.json for ${shown} (HTTP 404). Check the id, or upload the file.`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return fail(
        'http',
        `Hugging Face answered HTTP ${response.status} for ${shown}. Try again, or upload the config.json.`,
        true,
      );
    }
    const text = await readCapped(response, maxBytes, controller.signal);
    try {
      return { ok: true, config: JSON.parse(text) as unknown };
    } catch (error) {
      return fail('not-json', `${shown}: the config.json is not valid JSON (${(error as Error).message}).`);
    }
  } catch (error) {
    if (error instanceof SizeCapExceeded) {
      return fail(
        'too-large',
        `${shown}: the file is larger than ${maxBytes / 1_000_000} MB, which no config.json is; it was not used.`,
      );
    }
    if (timedOut) {
      return fail(
        'timeout',
        `Hugging Face did not answer for ${shown} within ${timeoutMs / 1000} s. Try again, or upload the config.json.`,
        true,
      );
    }
    if (outer?.aborted) return fail('aborted', `The request for ${shown} was cancelled.`);
    return fail(
      'network',
      `Could not reach huggingface.co for ${shown} (offline, blocked, or a network error). Try again, or upload the config.json.`,
      true,
    );
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}
