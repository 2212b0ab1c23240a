import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, siteUrl } from './browser';
import { pointCentre, waitForArrows, waitForFit } from './uiHelpers';

const DOCS = resolve(import.meta.dirname, '../../docs');

const LAYOUTS = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  phone: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
} as const;

async function settle(page: Page): Promise<void> {
  await waitForArrows(page);
  await page.evaluate(() => document.fonts.ready);
  // The landscape renders after the arrows (a deferred update): give it a frame or two.
  await page.waitForTimeout(300);
}

/** Screenshots of the layouts for the README, taken from the production build. */
describe('screenshots', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const [name, options] of Object.entries(LAYOUTS)) {
    it(`${name} layout, light`, async () => {
      const context = await browser.newContext({ ...options, colorScheme: 'light' });
      const page = await context.newPage();
      await page.goto(siteUrl('/'));
      await settle(page);
      const path = resolve(DOCS, `screenshot-${name}.png`);
      await page.screenshot({ path });
      // The plot is the hero: it starts within the first screenful.
      const plot = await page.locator('#explorer-plot').boundingBox();
      expect(plot?.y ?? Infinity).toBeLessThan(options.viewport.height / 2);
      await context.close();
    });
  }

  it('desktop layout, dark, mid-drag (prediction and trail)', async () => {
    const context = await browser.newContext({ ...LAYOUTS.desktop, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(siteUrl('/'));
    await settle(page);
    const start = await pointCentre(page, 7);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x, start.y - 36, { steps: 6 });
    await waitForFit(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(DOCS, 'screenshot-desktop-dark-drag.png') });
    await page.mouse.up();
    expect(await page.locator('[data-testid=predicted-lengthscale]').count()).toBe(1);
    await context.close();
  });
});
