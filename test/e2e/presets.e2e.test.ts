/**
 * The data menu in Chromium: every preset loads with a fit and its verdict drawn on the arrows,
 * and Reset returns to the preset last loaded.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { counts, readPoints, readTheta, waitForArrows, waitForFit } from './uiHelpers';

describe('the data menu in Chromium', () => {
  const browser = useBrowser();

  it('loads every preset with a fit, and says so when the arrows cannot be trusted', async () => {
    const { page, problems } = await browser.open('/');
    await waitForArrows(page);
    const options = await page
      .locator('[data-testid=preset] option')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
    expect(options).toEqual(['sine', 'outlier', 'clusters', 'step', 'noise']);
    for (const preset of options) {
      await page.locator('[data-testid=preset]').selectOption(preset);
      await waitForFit(page);
      const { points, arrows } = await counts(page);
      const status = await page.locator('[data-testid=trust]').getAttribute('data-status');
      expect(['shown', 'caution', 'untrusted', 'hidden']).toContain(status);
      if (status === 'hidden') {
        expect(arrows).toBe(0);
        expect(await page.locator('[data-testid=trust-reasons] li').count()).toBeGreaterThan(0);
      } else {
        expect(arrows).toBe(points);
      }
      if (status === 'untrusted' || status === 'caution') {
        expect(await page.locator('[data-testid=trust-reasons] li').count()).toBeGreaterThan(0);
      }
      // The arrows carry the verdict themselves: dashed (in colour for caution, grey when
      // untrusted), solid when trusted; the legend marks the row that reads them.
      if (arrows > 0) {
        const dashes = await page
          .locator('[data-testid=arrows] .shaft')
          .first()
          .evaluate((shaft) => getComputedStyle(shaft).strokeDasharray);
        expect(dashes === 'none', `${preset}: ${status} arrows dashed ${dashes}`).toBe(
          status === 'shown',
        );
        expect(await page.getByTestId('legend-caution').getAttribute('data-current')).toBe(
          String(status === 'caution'),
        );
      }
      const theta = await readTheta(page);
      for (const value of Object.values(theta)) expect(Number.isFinite(value)).toBe(true);
      // No NaN ever reaches the drawing.
      expect(await page.locator('svg [d*="NaN"], svg [transform*="NaN"]').count()).toBe(0);
    }
    expect(problems.pageErrors).toEqual([]);
  });

  it('resets to the preset last loaded, as it was loaded', async () => {
    const { page } = await browser.open('/');
    await waitForArrows(page);
    await page.locator('[data-testid=preset]').selectOption('outlier');
    await waitForFit(page);
    const loaded = await readPoints(page);
    await page.locator('[data-testid=point][data-index="0"]').focus();
    await page.keyboard.press('Shift+ArrowUp');
    await waitForFit(page);
    expect((await readPoints(page))[0]!.y).not.toBeCloseTo(loaded[0]!.y, 2);
    const reset = page.getByTestId('reset');
    expect(await reset.getAttribute('title')).toContain('as last loaded');
    await reset.click();
    await waitForArrows(page);
    expect(await page.locator('[data-testid=preset]').inputValue()).toBe('outlier');
    const after = await readPoints(page);
    expect(after).toHaveLength(loaded.length);
    after.forEach((point, i) => {
      expect(point.x).toBeCloseTo(loaded[i]!.x, 6);
      expect(point.y).toBeCloseTo(loaded[i]!.y, 6);
    });
  });

  it('numbers the points a note names, and the point selected, beside them', async () => {
    const { page, problems } = await browser.open('/');
    await waitForArrows(page);
    const numbers = page.getByTestId('point-numbers').locator('.point-number');
    // The default note names no point, and nothing is selected.
    expect(await numbers.count()).toBe(0);
    await page.getByTestId('preset').selectOption('outlier');
    await waitForArrows(page);
    expect(await numbers.allTextContents()).toEqual(['13', '14']);
    expect(await page.getByTestId('preset-note').textContent()).toContain('point 13');
    // Each number sits just above and right of its own point.
    for (const index of [12, 13]) {
      const dot = await page
        .locator(`[data-testid=point][data-index="${index}"] .dot`)
        .boundingBox();
      const label = await page
        .getByTestId('point-numbers')
        .locator(`[data-index="${index}"]`)
        .boundingBox();
      expect(label!.x).toBeGreaterThan(dot!.x + dot!.width / 2);
      expect(label!.x).toBeLessThan(dot!.x + dot!.width + 8);
      expect(label!.y + label!.height).toBeLessThan(dot!.y + dot!.height / 2 + 4);
      expect(label!.y + label!.height).toBeGreaterThan(dot!.y - 12);
    }
    // A selected point is numbered too, and loses its number when deselected by a new preset.
    await page.locator('[data-testid=point][data-index="3"]').click();
    await expect.poll(() => numbers.allTextContents()).toEqual(['13', '14', '4']);
    await page.getByTestId('preset').selectOption('clusters');
    await waitForArrows(page);
    expect(await numbers.allTextContents()).toEqual(['9']);
    expect(problems.pageErrors).toEqual([]);
  });
});
