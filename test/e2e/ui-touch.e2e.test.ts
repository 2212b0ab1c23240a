import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, siteUrl } from './browser';
import { DEFAULT_VIEW_OPTIONS, encodeSharedState } from '../../src/state';
import {
  counts,
  DEFAULT_COUNT,
  EMPTY_SPOT,
  dataToPage,
  pointCentre,
  readArrows,
  readPoints,
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

  it('gives a touch to the nearest point, whichever point is drawn on top', async () => {
    // Points 0 and 1 half a unit apart: their 44-pixel touch areas overlap, point 1 on top.
    const points = [
      { x: 4, y: 0 },
      { x: 4.5, y: 0.1 },
      { x: 8, y: 1 },
      { x: 1, y: -1 },
      { x: 6.5, y: -0.5 },
    ];
    const link = encodeSharedState({ points, kernel: 'rbf', options: DEFAULT_VIEW_OPTIONS });
    context = await browser.newContext(PHONE);
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
    await page.goto(siteUrl(`/#${link}`));
    await waitForFit(page);
    const a = await pointCentre(page, 0);
    const b = await pointCentre(page, 1);
    const gap = Math.hypot(b.x - a.x, b.y - a.y);
    expect(gap).toBeLessThan(30);
    // A quarter of the way from 0 towards 1: inside both touch areas, nearer to point 0.
    const start = { x: a.x + (b.x - a.x) / 4, y: a.y + (b.y - a.y) / 4 };
    const topmost = await page.evaluate(
      ({ x, y }) =>
        document.elementFromPoint(x, y)?.closest('[data-testid=point]')?.getAttribute('data-index'),
      start,
    );
    expect(topmost).toBe('1');
    await touch(cdp, 'touchStart', start.x, start.y);
    for (let step = 1; step <= 6; step++)
      await touch(cdp, 'touchMove', start.x, start.y - step * 8);
    await touch(cdp, 'touchEnd');
    await waitForFit(page);
    const moved = await readPoints(page);
    expect(moved[0]!.y).toBeGreaterThan(0.5);
    expect(moved[1]).toEqual({ x: 4.5, y: 0.1 });
    await context.close();
  });

  it('selects the tapped point, not a neighbour whose touch area is drawn over it', async () => {
    await openPhone();
    const selected = () => page.evaluate(() => window.gpExplorer!.store.getState().selectedIndex);
    for (const index of [5, 12, 15]) {
      const centre = await pointCentre(page, index);
      // The page's points are closer than 44 px: a later neighbour's touch area covers this one.
      const topmost = await page.evaluate(
        ({ x, y }) =>
          document
            .elementFromPoint(x, y)
            ?.closest('[data-testid=point]')
            ?.getAttribute('data-index'),
        centre,
      );
      await page.touchscreen.tap(centre.x, centre.y);
      await expect.poll(selected, { message: `tapped ${index}, on top ${topmost}` }).toBe(index);
      // The focus, which the keyboard's arrows move, is on the same point.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe(
        String(index),
      );
      await page.waitForTimeout(300);
      expect(await selected()).toBe(index);
    }
    expect(await counts(page)).toEqual({ points: DEFAULT_COUNT, arrows: DEFAULT_COUNT });
    await context.close();
  });
});
