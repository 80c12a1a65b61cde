import { describe, expect, it } from 'vitest';
import { browserCandidates, noBrowserMessage, searchBrowser } from '../../scripts/lib/find-browser';

const none = () => false;

describe('searchBrowser', () => {
  it('uses CHROMIUM_PATH when it exists, before any usual location', () => {
    const found = searchBrowser({
      env: { CHROMIUM_PATH: '/opt/my/chrome' },
      platform: 'linux',
      home: '/home/x',
      exists: (p) => p === '/opt/my/chrome' || p === '/usr/bin/chromium',
    });
    expect(found).toEqual({ path: '/opt/my/chrome', probed: ['/opt/my/chrome'] });
  });

  it('does not fall back to another browser when CHROMIUM_PATH points nowhere', () => {
    const env = { CHROMIUM_PATH: '/nowhere/chrome' };
    const found = searchBrowser({
      env,
      platform: 'linux',
      home: '/h',
      exists: (p) => p === '/usr/bin/chromium',
    });
    expect(found.path).toBeUndefined();
    expect(noBrowserMessage(found, env)).toBe(
      'No browser at CHROMIUM_PATH=/nowhere/chrome: point it at a Chromium or Chrome executable.',
    );
  });

  it('an empty CHROMIUM_PATH is ignored', () => {
    const found = searchBrowser({
      env: { CHROMIUM_PATH: '' },
      platform: 'linux',
      home: '/h',
      exists: (p) => p === '/usr/bin/chromium',
    });
    expect(found.path).toBe('/usr/bin/chromium');
  });

  it('on Linux finds Google Chrome when there is no Chromium, after probing the Chromium paths', () => {
    const found = searchBrowser({
      env: {},
      platform: 'linux',
      home: '/h',
      exists: (p) => p === '/usr/bin/google-chrome-stable',
    });
    expect(found.path).toBe('/usr/bin/google-chrome-stable');
    expect(found.probed.indexOf('/usr/bin/chromium')).toBe(0);
    expect(found.probed.at(-1)).toBe('/usr/bin/google-chrome-stable');
  });

  it('on macOS looks in /Applications and ~/Applications', () => {
    const chrome = '/Users/ada/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const found = searchBrowser({
      env: {},
      platform: 'darwin',
      home: '/Users/ada',
      exists: (p) => p === chrome,
    });
    expect(found.path).toBe(chrome);
    expect(found.probed[0]).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
  });

  it('on Windows looks under LOCALAPPDATA and both Program Files', () => {
    const env = {
      LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
    };
    const candidates = browserCandidates('win32', env, 'C:\\Users\\ada');
    expect(candidates).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(candidates).toContain('C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe');
    expect(candidates).toContain('C:\\Users\\ada\\AppData\\Local\\Chromium\\Application\\chrome.exe');
    const found = searchBrowser({ env, platform: 'win32', home: 'C:\\Users\\ada', exists: none });
    expect(found.path).toBeUndefined();
    expect(found.probed).toHaveLength(6);
  });

  it('with nothing installed, says what to install or set in one line', () => {
    const found = searchBrowser({ env: {}, platform: 'linux', home: '/h', exists: none });
    const message = noBrowserMessage(found, {});
    expect(message).not.toContain('\n');
    expect(message).toContain('apt-get install chromium');
    expect(message).toContain('CHROMIUM_PATH');
    expect(message).toContain(`looked in ${found.probed.length} places`);
  });
});
