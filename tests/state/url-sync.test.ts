// The address bar is rewritten with an absolute URL on the page's own origin, whatever the path looks like.
import { describe, expect, it } from 'vitest';
import { sameDocumentUrl } from '../../src/state/url-sync';

describe('sameDocumentUrl', () => {
  it.each([
    ['https://example.org', '/rigcast/', '', 'https://example.org/rigcast/?v=1'],
    ['http://127.0.0.1:4173', '//evil.example/x/', '#top', 'http://127.0.0.1:4173//evil.example/x/?v=1#top'],
    ['http://127.0.0.1:4173', '///', '', 'http://127.0.0.1:4173///?v=1'],
  ])('%s + %s stays on %s', (origin, pathname, hash, expected) => {
    const url = sameDocumentUrl({ origin, pathname, hash }, '?v=1');
    expect(url).toBe(expected);
    // Resolved against the page itself, it is the same origin and the same path (replaceState's rule).
    const resolved = new URL(url, `${origin}${pathname}`);
    expect(resolved.origin).toBe(origin);
    expect(resolved.pathname).toBe(pathname);
  });
});
