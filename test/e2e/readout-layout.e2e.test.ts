/**
 * θ̂'s readout rows in real Chromium: a drag adds the arrows' prediction beside each value, and
 * the rows keep their height, so the plot above does not move under the pointer.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { pointCentre, waitForArrows } from './uiHelpers';

describe('the readout during a drag', () => {
  const browser = useBrowser();

  it("keeps θ̂'s rows the same height when a drag shows the arrows' prediction, in both languages", async () => {
    for (const language of ['en', 'es']) {
      const { page, context } = await browser.open(`/?lang=${language}`);
      await page.setViewportSize({ width: 1280, height: 800 });
      await waitForArrows(page);
      const rows = page.locator('.readout-row');
      const heights = () => rows.evaluateAll((nodes) => nodes.map((node) => node.clientHeight));
      // A name's lines, counted from its height in its own line height.
      const nameLines = () =>
        page.locator('.readout-name').evaluateAll((nodes) =>
          nodes.map((node) => {
            const lineHeight = parseFloat(getComputedStyle(node).lineHeight);
            return Math.round(node.getBoundingClientRect().height / lineHeight);
          }),
        );
      const atRest = await heights();
      expect(await nameLines(), language).toEqual([1, 1, 1]);
      const start = await pointCentre(page, 12);
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(start.x, start.y - 50, { steps: 8 });
      await expect
        .poll(() => page.locator('[data-testid^=readout-predicted-]').count(), { timeout: 20_000 })
        .toBe(3);
      expect(await heights(), language).toEqual(atRest);
      expect(await nameLines(), language).toEqual([1, 1, 1]);
      await page.mouse.up();
      await context.close();
    }
  });
});
