import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, siteUrl } from './browser';
import { waitForArrows } from './uiHelpers';

/**
 * One Chromium for a file of layout tests: `open(options, path)` opens the explorer in a fresh
 * context with those options (a viewport, touch, a zoom) in the light scheme, waits for its arrows
 * and its fonts, and collects the page's errors.
 */
export function useLayoutBrowser() {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
  return async function open(options: BrowserContextOptions, path = '/') {
    if (!browser)
      throw new Error('useLayoutBrowser(): the browser is not running outside of tests.');
    const context = await browser.newContext({ colorScheme: 'light', ...options });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(siteUrl(path));
    await waitForArrows(page);
    await page.evaluate(() => document.fonts.ready);
    return { context, page, errors };
  };
}
