/**
 * The README's screenshots, taken as `npm run screenshots` takes them
 * (scripts/readme-screenshots.ts) but written to test-results/screenshots/ (ignored by git), so
 * that a test run leaves the repository untouched; each shot's layout is checked.
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYOUTS, openScreenshotState, README_SCREENSHOTS } from '../../scripts/readme-screenshots';
import { launchChromium, siteUrl } from './browser';

const CAPTURES = resolve(import.meta.dirname, '../../test-results/screenshots');

describe('the README screenshots', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const shot of README_SCREENSHOTS) {
    it(`${shot.file}: ${shot.layout}, ${shot.colorScheme}${shot.dragging ? ', mid-drag' : ''}`, async () => {
      const { page, close } = await openScreenshotState(browser, siteUrl('/'), shot);
      await page.screenshot({ path: resolve(CAPTURES, shot.file) });
      // The plot is the hero: it starts within the first screenful.
      const plot = await page.locator('#explorer-plot').boundingBox();
      expect(plot?.y ?? Infinity).toBeLessThan(LAYOUTS[shot.layout].viewport.height / 2);
      // Mid-drag, the first-order prediction stands beside the refit, under θ̂.
      const predicted = page.locator('[data-testid=readout-predicted-lengthscale]');
      expect(await predicted.count()).toBe(shot.dragging ? 1 : 0);
      await close();
    });
  }
});
