// The browser tests' shared pieces: a test runner that records outcomes, assertions, and page helpers that
// record every request and console problem. Suites (tests/browser/suites/*.ts) get a Harness and register
// their tests with it; tests/browser/run.ts builds, serves, launches the browser and runs the suites.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export interface Outcome {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface Harness {
  browser: Browser;
  /** The built app's URL, e.g. http://127.0.0.1:43123/rigcast/ */
  url: string;
  origin: string;
  /** The repository root. */
  root: string;
  /** Where screenshots go (gitignored), for a person to look at. */
  screenshots: string;
  /** Every request a recorded page made. */
  requests: string[];
  /** Console errors and warnings and uncaught exceptions of recorded pages. */
  consoleProblems: string[];
  outcomes: Outcome[];
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Runs one test, records and prints its outcome; never throws. */
export async function test(h: Harness, name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
    h.outcomes.push({ name, ok: true });
    console.log(`ok   ${name}`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    h.outcomes.push({ name, ok: false, detail });
    console.log(`FAIL ${name}\n     ${detail.split('\n').join('\n     ')}`);
  }
}

/** Records a page's requests and console problems into the harness. */
export function record(h: Harness, page: Page): Page {
  page.on('request', (r) => h.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') h.consoleProblems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => h.consoleProblems.push(`pageerror: ${e.message}`));
  return page;
}

/** A recorded page at url, once the answer is on screen. */
export async function openPage(h: Harness, context: BrowserContext, url: string): Promise<Page> {
  const page = record(h, await context.newPage());
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('[data-name="answer"]');
  return page;
}

/** A fresh browser context for fn, always closed afterwards (before any of the test's files are removed),
 *  so no page of it still has requests in flight. */
export async function withContext<T>(
  h: Harness,
  options: BrowserContextOptions,
  fn: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await h.browser.newContext(options);
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}

/** Wait until the memory total is on screen (the memory model ran) and the dataset chunk has arrived. */
export async function settled(page: Page): Promise<void> {
  await page.waitForSelector('[data-name="memory-total"]', { timeout: 10_000 });
  await page.waitForFunction(() => !document.body.textContent?.includes('Loading the price dataset'), null, {
    timeout: 15_000,
  });
  // The pre-rendered HTML is there before React is: a control used before its part hydrates would lose
  // the input (on a loaded machine hydration can take seconds), so wait until the parts on screen are live.
  await visiblePartsLive(page);
}

/** The parts on or near the screen are live (hydrated by the app); the ones far below wait until they
 *  approach the viewport (app/app.tsx). */
export const visiblePartsLive = (page: Page, timeout = 30_000) =>
  page.waitForFunction(
    () => {
      const near = [...document.querySelectorAll('.part')].filter(
        (p) => p.getBoundingClientRect().top < window.innerHeight + 600,
      );
      return near.length > 0 && near.every((p) => p.hasAttribute('data-live'));
    },
    null,
    { timeout },
  );

/** Scrolls down the page a screen at a time and back to the top: the parts and charts that wait for the
 *  viewport (pre-rendered parts hydrate, charts mount when they approach it) all come alive. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
    }
    window.scrollTo(0, 0);
  });
}

export const text = (page: Page, selector: string): Promise<string> =>
  page
    .locator(selector)
    .first()
    .textContent()
    .then((t) => t ?? '');
export const query = (page: Page): Promise<string> => page.evaluate(() => window.location.search);
export const param = async (page: Page, key: string): Promise<string | null> =>
  new URLSearchParams(await query(page)).get(key);

/** Waits (up to 10 s, for a loaded machine) until the link's `key` is no longer `notEqual`; returns its value. */
export async function waitForParam(page: Page, key: string, notEqual: string | null): Promise<string | null> {
  await page.waitForFunction(
    ([k, v]) => new URLSearchParams(window.location.search).get(k as string) !== v,
    [key, notEqual],
    { timeout: 10_000 },
  );
  return param(page, key);
}

/**
 * Waits (up to 10 s) until the link's `key` is `expected`, and returns the value it has then: after several
 * steps (two key presses), "changed" can be seen at the first step, so a test of the last one waits for it.
 */
export async function waitForParamToBe(page: Page, key: string, expected: string): Promise<string | null> {
  await page
    .waitForFunction(
      ([k, v]) => new URLSearchParams(window.location.search).get(k as string) === v,
      [key, expected],
      { timeout: 10_000 },
    )
    .catch(() => {});
  return param(page, key);
}

/** A suite: a named group of tests run in order against one build. */
export interface Suite {
  name: string;
  run: (h: Harness) => Promise<void>;
}
