import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, siteUrl } from './browser';
import {
  counts,
  DEFAULT_COUNT,
  EMPTY_SPOT,
  dataToPage,
  pointCentre,
  readArrows,
  readTheta,
  waitForArrows,
  waitForFit,
} from './uiHelpers';

/** A phone: portrait viewport, touch input, high-density screen. */
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0) {
  await cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
  });
}

describe('the explorer on a touch screen', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  async function openPhone() {
    context = await browser.newContext(PHONE);
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
    await page.goto(siteUrl('/'));
    await waitForArrows(page);
  }

  it('drags a point by touch without scrolling the page, and θ̂ and the arrows follow', async () => {
    await openPhone();
    await page.evaluate(() => window.scrollTo(0, 60));
    const scrollBefore = await page.evaluate(() => window.scrollY);
    const thetaBefore = await readTheta(page);
    const arrowsBefore = await readArrows(page);
    const start = await pointCentre(page, 6);
    await touch(cdp, 'touchStart', start.x, start.y);
    for (let step = 1; step <= 8; step++)
      await touch(cdp, 'touchMove', start.x, start.y - step * 6);
    await touch(cdp, 'touchEnd');
    await waitForFit(page);

    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    const thetaAfter = await readTheta(page);
    expect(thetaAfter.lengthscale).not.toBe(thetaBefore.lengthscale);
    const arrowsAfter = await readArrows(page);
    expect(
      [...arrowsAfter].some(([index, dy]) => Math.abs(dy - (arrowsBefore.get(index) ?? 0)) > 1e-4),
    ).toBe(true);
    const moved = await pointCentre(page, 6);
    expect(start.y - moved.y).toBeGreaterThan(30);
    await context.close();
  });

  it('adds a point with a tap and removes one with a long press', async () => {
    await openPhone();
    // Well away from every point, beyond every point's touch target.
    const spot = await dataToPage(page, EMPTY_SPOT.x, EMPTY_SPOT.y);
    await page.touchscreen.tap(spot.x, spot.y);
    await waitForArrows(page);
    expect(await counts(page)).toEqual({ points: DEFAULT_COUNT + 1, arrows: DEFAULT_COUNT + 1 });

    const target = await pointCentre(page, DEFAULT_COUNT);
    await touch(cdp, 'touchStart', target.x, target.y);
    await page.waitForTimeout(900);
    await touch(cdp, 'touchEnd');
    await waitForArrows(page);
    expect(await counts(page)).toEqual({ points: DEFAULT_COUNT, arrows: DEFAULT_COUNT });
    await context.close();
  });
});
