import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium-path.mjs';

export { CHROMIUM_ARGS };

/**
 * Extra flags that take WebGL away, to exercise the CPU fallback. `--disable-webgl` alone leaves
 * WebGL in workers (OffscreenCanvas); without a GPU process nor a software rasteriser, no context
 * can be made anywhere.
 */
export const NO_WEBGL_ARGS: readonly string[] = [
  '--disable-webgl',
  '--disable-3d-apis',
  '--disable-gpu',
  '--disable-software-rasterizer',
];

export interface LaunchOptions {
  /** `false` launches Chromium without WebGL. Default `true`. */
  webgl?: boolean;
}

/** Launches the Chromium at CHROMIUM_PATH (default /usr/bin/chromium); never downloads one. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const webgl = options.webgl ?? true;
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: webgl ? [...CHROMIUM_ARGS] : [...CHROMIUM_ARGS, ...NO_WEBGL_ARGS],
  });
}

/** What went wrong in a page: `console.error` messages and uncaught exceptions. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Filled as the page runs; assert `toEqual({ consoleErrors: [], pageErrors: [] })` at the end. */
  problems: PageProblems;
}

/** Absolute URL of `path` (e.g. `/`, `/?embed=1`) on the site served for this test run. */
export function siteUrl(path: string): string {
  return new URL(path.replace(/^\//, ''), inject('baseUrl')).href;
}

/**
 * Opens `path` of the served site in a fresh browser context (no shared storage between pages),
 * recording console errors and page errors from before the first script runs, and waits for `load`.
 */
export async function openPage(browser: Browser, path: string): Promise<OpenedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(`${error.name}: ${error.message}`));
  await page.goto(siteUrl(path), { waitUntil: 'load' });
  return { page, context, problems };
}

/**
 * Launches one Chromium for the calling test file (in `beforeAll`) and closes it with every page it
 * opened (in `afterAll`). Call at the top level of a test file.
 *
 * @example
 *   const browser = useBrowser();
 *   it('loads', async () => {
 *     const { page, problems } = await browser.open('/');
 *     ...
 *   });
 */
export function useBrowser(options: LaunchOptions = {}): {
  open(path: string): Promise<OpenedPage>;
} {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(options);
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
  return {
    open(path: string) {
      if (!browser) throw new Error('useBrowser(): the browser is not running outside of tests.');
      return openPage(browser, path);
    },
  };
}
