// Where a Chromium-family browser lives, for the browser tests and bench:ui (playwright-core drives an
// installed browser; it never downloads one). CHROMIUM_PATH wins; then the usual install locations of
// Chromium and Google Chrome on Linux, macOS and Windows, in that order. Pure given its inputs, so the
// search order is unit-tested without touching the disk.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface BrowserSearch {
  /** The executable found, or undefined. */
  path: string | undefined;
  /** Every path looked at, in order (the env variable first when set). */
  probed: string[];
}

export interface BrowserSearchInput {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  exists: (path: string) => boolean;
}

/** Install locations per platform, most common first. */
export function browserCandidates(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  home: string,
): string[] {
  if (platform === 'darwin') {
    const apps = ['/Applications', join(home, 'Applications')];
    return apps.flatMap((dir) => [
      `${dir}/Chromium.app/Contents/MacOS/Chromium`,
      `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`,
      `${dir}/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`,
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(
      (r): r is string => typeof r === 'string' && r.length > 0,
    );
    // Windows paths are joined with a backslash whatever the host running this function.
    return roots.flatMap((root) => [
      `${root}\\Chromium\\Application\\chrome.exe`,
      `${root}\\Google\\Chrome\\Application\\chrome.exe`,
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/lib/chromium/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
  ];
}

export function searchBrowser(input: BrowserSearchInput): BrowserSearch {
  const probed: string[] = [];
  const fromEnv = input.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    probed.push(fromEnv);
    // An explicit path is used or reported, never silently replaced by another browser.
    return { path: input.exists(fromEnv) ? fromEnv : undefined, probed };
  }
  for (const candidate of browserCandidates(input.platform, input.env, input.home)) {
    probed.push(candidate);
    if (input.exists(candidate)) return { path: candidate, probed };
  }
  return { path: undefined, probed };
}

/** The one line printed when no browser is found: what to install or set. */
export function noBrowserMessage(search: BrowserSearch, env: Record<string, string | undefined>): string {
  if (env.CHROMIUM_PATH) {
    return `No browser at CHROMIUM_PATH=${env.CHROMIUM_PATH}: point it at a Chromium or Chrome executable.`;
  }
  return `No Chromium or Chrome found (looked in ${search.probed.length} places: ${search.probed.join(', ')}). Install Chromium (Debian/Ubuntu: apt-get install chromium) or Google Chrome, or set CHROMIUM_PATH to its executable.`;
}

export function findBrowser(): BrowserSearch {
  return searchBrowser({ env: process.env, platform: process.platform, home: homedir(), exists: existsSync });
}

/** Flags for a headless run on a machine without network: no first-run UI, no background connections. */
export const HEADLESS_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;
