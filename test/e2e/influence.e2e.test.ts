/**
 * The influence panel in the explorer, in real Chromium: each point's removal refit and its
 * infinitesimal-jackknife estimate as the engine computes them, checked by a global search of each
 * reduced dataset, sortable and tied to its point; never an answer for other data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fitHyperparameters, pointInfluence, validateDataset } from '../../src/engine';
import { useBrowser } from './browser';
import { waitForArrows, waitForFit } from './uiHelpers';

/** The points on the page, from its store. */
async function pagePoints(page: Page) {
  const points = await page.evaluate(() => window.gpExplorer!.store.getState().points);
  return validateDataset(
    points.map((p) => p.x),
    points.map((p) => p.y),
  );
}

describe('the influence panel in the explorer', () => {
  const browser = useBrowser();

  it('the influence panel shows removal refits and the jackknife as the engine computes them', async () => {
    const { page, problems } = await browser.open('/');
    await waitForArrows(page);
    await page.getByTestId('toggle-influence').check();
    const rows = page.getByTestId('influence-row');
    const data = await pagePoints(page);
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(data.x.length);
    // The quick rows are then checked by a global search of each reduced dataset, and say so.
    const check = page.getByTestId('influence-check');
    await expect.poll(() => check.getAttribute('data-check'), { timeout: 60_000 }).toBe('done');
    expect(await check.textContent()).toMatch(
      /also checked by searching for θ̂ from many starting points/,
    );
    const shown = await rows.evaluateAll((nodes) =>
      nodes.map((node) => ({
        index: Number(node.getAttribute('data-index')),
        removal: Number(node.getAttribute('data-removal')),
        infinitesimal: Number(node.getAttribute('data-infinitesimal')),
      })),
    );
    const influence = pointInfluence(data, fitHyperparameters(data), { coldCheck: true });
    for (const row of shown) {
      const expected = influence.points[row.index]!;
      expect(Math.abs(row.removal - expected.removal![0])).toBeLessThan(1e-9);
      expect(Math.abs(row.infinitesimal - expected.linearRemoval![0])).toBeLessThan(1e-9);
    }
    // Sorted by how far apart the two are, largest first.
    const gaps = shown.map((row) => Math.abs(row.removal - row.infinitesimal));
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    await page.getByTestId('influence-sort-index').click();
    const order = await rows.evaluateAll((nodes) =>
      nodes.map((node) => Number(node.getAttribute('data-index'))),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await expect
      .poll(() => page.getByTestId('influence-panel').textContent())
      .toMatch(/Where the two agree/);
    await rows.nth(3).hover();
    expect(await page.getByTestId('point-highlight').getAttribute('data-index')).toBe(
      await rows.nth(3).getAttribute('data-index'),
    );
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('never shows an influence answer for other points: a move empties the panel until its refits', async () => {
    const { page } = await browser.open('/');
    await waitForArrows(page);
    await page.getByTestId('toggle-influence').check();
    await expect
      .poll(() => page.getByTestId('influence-row').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await page.evaluate(() => window.gpExplorer!.store.getState().movePoint(0, 0.5, 1.5));
    expect(await page.getByTestId('influence-panel').getAttribute('data-state')).not.toBe(
      'current',
    );
    await waitForFit(page);
    await expect
      .poll(() => page.getByTestId('influence-panel').getAttribute('data-state'), {
        timeout: 30_000,
      })
      .toBe('current');
    const data = await pagePoints(page);
    expect(data.x[0]).toBe(0.5);
    await expect
      .poll(() => page.getByTestId('influence-check').getAttribute('data-check'), {
        timeout: 60_000,
      })
      .toBe('done');
    const first = page.locator('[data-testid=influence-row][data-index="0"]');
    const expected = pointInfluence(data, fitHyperparameters(data), { coldCheck: true }).points[0]!;
    expect(
      Math.abs(Number(await first.getAttribute('data-removal')) - expected.removal![0]),
    ).toBeLessThan(1e-9);
  });
});
