import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  fitHyperparameters,
  newPointPull,
  refitWithAddedPoint,
  validateDataset,
  type SelectionRule,
} from '../../src/engine';
import { DEFAULT_PRIOR } from '../../src/engine/rules/prior';
import { priorFactor } from '../../src/state/prior';
import { firstOrderHolds } from '../../src/ui/rules/firstOrderAgreement';
import { useBrowser } from './browser';
import { waitForArrows } from './uiHelpers';

/** The points on the page, from its store. */
async function pagePoints(page: Page) {
  const points = await page.evaluate(() => window.gpExplorer!.store.getState().points);
  return validateDataset(
    points.map((p) => p.x),
    points.map((p) => p.y),
  );
}

/** Waits until the arrows' layer holds one arrow per point for `rule`. */
async function waitForRule(page: Page, rule: SelectionRule) {
  await page.waitForFunction((rule) => {
    const layer = document.querySelector('[data-testid=arrows-layer]');
    const points = document.querySelectorAll('[data-testid=point]').length;
    return (
      layer?.getAttribute('data-rule') === rule &&
      document.documentElement.dataset.pending === 'false' &&
      layer.querySelectorAll('[data-testid=arrow]').length === points
    );
  }, rule);
}

async function readDy(page: Page, selector: string): Promise<number[]> {
  return page
    .locator(selector)
    .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-dy'))));
}

describe('selection rules in the explorer', () => {
  const browser = useBrowser();

  it('the selector refits by the chosen rule, draws its arrows and keeps it in the link', async () => {
    const { page, problems } = await browser.open('/');
    await waitForArrows(page);
    expect(await page.getByTestId('arrows-layer').getAttribute('data-rule')).toBe('ml');
    const mlArrows = await readDy(page, '[data-testid=arrow]');
    await page.getByTestId('rule-loo').check();
    await waitForRule(page, 'loo');
    await expect
      .poll(() => page.getByTestId('rule-explain').textContent())
      .toMatch(/predicts each point from all the others/);
    const data = await pagePoints(page);
    const loo = computeSensitivities(data, fitHyperparameters(data, { rule: 'loo' }));
    if (!loo.defined) throw new Error(loo.reason);
    const looArrows = await readDy(page, '[data-testid=arrow]');
    looArrows.forEach((dy, i) => expect(dy).toBeCloseTo(loo.dLogTheta_dy[0][i]!, 9));
    expect(looArrows).not.toEqual(mlArrows);
    // The readout names the objective θ̂ maximises, and whose Hessian it reports.
    const readout = page.getByTestId('readout');
    const looFit = fitHyperparameters(data, { rule: 'loo' });
    await expect.poll(() => readout.locator('dl.metrics').getAttribute('data-rule')).toBe('loo');
    expect(await readout.locator('dl.metrics dt').first().textContent()).toBe(
      'LOO-CV objective at θ̂',
    );
    expect(await readout.locator('dl.metrics dt .readout-of-rule').allTextContents()).toEqual([
      ' (LOO-CV)',
      ' (LOO-CV)',
    ]);
    const objectiveShown = page.getByTestId('objective');
    expect(Number(await objectiveShown.getAttribute('data-value'))).toBeCloseTo(
      looFit.objective,
      9,
    );
    expect(await objectiveShown.textContent()).toContain(
      `${looFit.objective.toFixed(4).replace('-', '−')} nats`,
    );
    // The math states the objective that was maximised: LOO-CV's, not the likelihood.
    const objective = page.getByTestId('math-objective');
    await expect.poll(() => objective.getAttribute('data-rule')).toBe('loo');
    expect(await objective.textContent()).toMatch(/leave-one-out log probability/);
    expect(await objective.textContent()).not.toMatch(/log marginal likelihood, with/);
    // … and its formulas fit a phone's width.
    await page.setViewportSize({ width: 360, height: 740 });
    const overflowing = await page
      .locator('[data-testid=math] .katex-display')
      .evaluateAll((nodes) =>
        nodes
          .filter((node) => node.scrollWidth > node.clientWidth + 1)
          .map((node) => node.textContent),
      );
    expect(overflowing).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[#&]r=loo(&|$)/);
    // The link restores the rule.
    await page.reload();
    await waitForRule(page, 'loo');
    expect(await page.getByTestId('rule-loo').isChecked()).toBe(true);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('compares two rules: both sets of arrows on the same points, with a key', async () => {
    const { page, problems } = await browser.open('/');
    await waitForArrows(page);
    await page.getByTestId('compare-rule').selectOption('map');
    await page.waitForFunction(() => {
      const points = document.querySelectorAll('[data-testid=point]').length;
      return document.querySelectorAll('[data-testid=compare-arrow]').length === points;
    });
    expect(await page.getByTestId('compare-arrows').getAttribute('data-rule')).toBe('map');
    expect(await page.getByTestId('compare-key').textContent()).toMatch(/ML-II.*MAP/);
    const data = await pagePoints(page);
    const map = computeSensitivities(data, fitHyperparameters(data, { rule: 'map' }));
    const ml = computeSensitivities(data, fitHyperparameters(data));
    if (!map.defined || !ml.defined) throw new Error('undefined sensitivities');
    const second = await readDy(page, '[data-testid=compare-arrow]');
    second.forEach((dy, i) => expect(dy).toBeCloseTo(map.dLogTheta_dy[0][i]!, 9));
    const first = await readDy(page, '[data-testid=arrow]');
    first.forEach((dy, i) => expect(dy).toBeCloseTo(ml.dLogTheta_dy[0][i]!, 9));
    // The readout gives the compared rule's θ̂ under this rule's.
    const mapTheta = fitHyperparameters(data, { rule: 'map' }).theta;
    await expect
      .poll(() => page.getByTestId('readout-compared-lengthscale').textContent())
      .toBe(`MAP (right): ${mapTheta.lengthscale.toPrecision(4)}`);
    // The two stand apart on each point.
    const firstBox = await page.locator('[data-testid=arrow]').first().boundingBox();
    const secondBox = await page.locator('[data-testid=compare-arrow]').first().boundingBox();
    expect(secondBox!.x - firstBox!.x).toBeGreaterThan(5);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[#&]c=map(&|$)/);
    // The key's swatches wear the colours of the arrows they name, for whichever hyperparameter
    // is shown.
    const colours = () =>
      page.evaluate(() => {
        const colour = (selector: string, property: 'color' | 'backgroundColor') =>
          getComputedStyle(document.querySelector(selector)!)[property];
        return {
          first: colour('[data-testid=compare-swatch-first]', 'backgroundColor'),
          firstArrows: colour('[data-testid=arrow] .shaft', 'color'),
          second: colour('.compare-swatch.second', 'backgroundColor'),
          secondArrows: colour('[data-testid=compare-arrows]', 'color'),
        };
      });
    for (const shown of ['lengthscale', 'noiseStd']) {
      await page.getByTestId(`hyperparameter-${shown}`).check();
      const seen = await colours();
      expect(seen.first, shown).toBe(seen.firstArrows);
      expect(seen.second, shown).toBe(seen.secondArrows);
      expect(seen.first, shown).not.toBe(seen.second);
    }
    // Colour is not the only cue: the second rule's heads are open, the first's filled.
    const heads = await page.evaluate(() =>
      ['[data-testid=arrow] .head', '[data-testid=compare-arrow] .head'].map((selector) => {
        const style = getComputedStyle(document.querySelector(selector)!);
        return style.fill === style.color ? 'filled' : 'open';
      }),
    );
    expect(heads).toEqual(['filled', 'open']);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('comparing ML-II with LOO-CV on the default data, every arrow ends inside the plot', async () => {
    const { page, problems } = await browser.open('/');
    await waitForArrows(page);
    await page.getByTestId('compare-rule').selectOption('loo');
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      const points = await page.getByTestId('point').count();
      // Every point has its compare-arrow group (an arrow under half a pixel draws no head, so
      // heads are not counted), and nothing is pending; the poll's last value says what was there.
      await expect
        .poll(
          () =>
            page.evaluate(() => ({
              points: document.querySelectorAll('[data-testid=point]').length,
              compared: document.querySelectorAll('[data-testid=compare-arrow]').length,
              pending: document.documentElement.dataset.pending,
            })),
          { timeout: 30_000 },
        )
        .toEqual({ points, compared: points, pending: 'false' });
      const area = (await page.getByTestId('plot-area').boundingBox())!;
      const heads = await page
        .locator('[data-testid=arrow] .head, [data-testid=compare-arrow] .head')
        .evaluateAll((nodes) =>
          nodes.map((node) => {
            const { left, right, top, bottom } = node.getBoundingClientRect();
            const group = node.closest('[data-index]');
            return {
              arrow: `${group?.getAttribute('data-testid')} ${group?.getAttribute('data-index')}`,
              left,
              right,
              top,
              bottom,
            };
          }),
        );
      expect(heads.length).toBeGreaterThan(24);
      const outside = heads.filter(
        (head) =>
          head.top < area.y - 0.5 ||
          head.bottom > area.y + area.height + 0.5 ||
          head.left < area.x - 0.5 ||
          head.right > area.x + area.width + 0.5,
      );
      expect(outside, `${viewport.width}×${viewport.height}`).toEqual([]);
      // The scale is fitted to both rules' arrows together.
      expect(await page.evaluate(() => window.gpExplorer!.store.getState().arrowScale)).toEqual(
        expect.objectContaining({ compareRule: 'loo' }),
      );
    }
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('the pull map sits behind the data with a key; its number and exact refit are the engine’s', async () => {
    const { page, problems } = await browser.open('/');
    await waitForArrows(page);
    await page.getByTestId('toggle-pull-map').check();
    const map = page.getByTestId('influence-map');
    await expect.poll(() => map.getAttribute('data-state'), { timeout: 30_000 }).toBe('current');
    await page.getByTestId('influence-map-key').waitFor();
    // The key's colours are as translucent as the map's, and its ends stand for all beyond.
    const opacities = await page.evaluate(() => ({
      map: getComputedStyle(document.querySelector('.pull-map-cells')!).opacity,
      key: getComputedStyle(document.querySelector('.pull-key-bar > span')!).opacity,
    }));
    expect(opacities.key).toBe(opacities.map);
    const ends = await page.locator('.pull-key-labels > span').allTextContents();
    expect(ends[0]).toMatch(/^≤ −/);
    expect(ends.at(-1)).toMatch(/^≥ \+/);
    // Behind the data: drawn before the band, the arrows and the points.
    const order = await page.evaluate(() => {
      const layer = document.querySelector('[data-testid=influence-map]')!;
      const points = document.querySelector('[data-testid=point]')!;
      return layer.compareDocumentPosition(points) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    // The plot's own key says what the shading means, inside its box.
    const keyRow = await page.evaluate(() => {
      const row = document.querySelector('[data-testid=key-pull-map]');
      const box = document.querySelector('[data-testid=plot-key] .key-box')!;
      if (!row) return null;
      const inner = row.getBoundingClientRect();
      const outer = box.getBoundingClientRect();
      return {
        text: row.textContent,
        inside: inner.right <= outer.right + 1 && inner.bottom <= outer.bottom + 1,
      };
    });
    expect(keyRow).toEqual({
      text: 'Shading: a pointadded here moves ℓ↓ blue, ↑ red',
      inside: true,
    });
    // The toggle is below the plot: bring the plot back into view before pointing at it.
    await page.getByTestId('influence-map-target').scrollIntoViewIfNeeded();
    const target = await page.getByTestId('influence-map-target').boundingBox();
    await page.mouse.move(target!.x + target!.width * 0.33, target!.y + target!.height * 0.2);
    const readout = page.getByTestId('pull-map-readout');
    await expect.poll(() => readout.getAttribute('data-value')).not.toBeNull();
    const x = Number(await readout.getAttribute('data-x'));
    const y = Number(await readout.getAttribute('data-y'));
    const value = Number(await readout.getAttribute('data-value'));
    const data = await pagePoints(page);
    const fit = fitHyperparameters(data);
    const expected = newPointPull(data, fit, x, y)!;
    expect(Math.abs(value - expected[0])).toBeLessThan(1e-9 * Math.max(1, Math.abs(expected[0])));
    expect(await readout.textContent()).toMatch(/would change lengthscale by about/);
    // A click picks the place; the button asks for the exact refit with a point there.
    await page.mouse.click(target!.x + target!.width * 0.33, target!.y + target!.height * 0.2);
    expect(await page.getByTestId('point').count()).toBe(data.x.length);
    expect(await page.getByTestId('pull-map-readout').getAttribute('data-x')).toBe(String(x));
    await page.getByTestId('pull-map-refit').click();
    const exact = page.getByTestId('pull-map-exact');
    await exact.waitFor({ timeout: 30_000 });
    const refit = refitWithAddedPoint(data, fit, { x, y });
    expect(Math.abs(Number(await exact.getAttribute('data-delta')) - refit.delta[0])).toBeLessThan(
      1e-9,
    );
    // Beside it, whether the first-order number held, in words.
    const holds = firstOrderHolds(refit.delta[0], refit.predictedDelta![0]);
    const agreement = page.getByTestId('pull-map-agreement');
    expect(await agreement.getAttribute('data-holds')).toBe(String(holds));
    expect(await agreement.textContent()).toMatch(
      holds
        ? /within a fifth of the exact change, it holds/
        : /more than a fifth off .* bends θ̂ off that straight line/,
    );
    // The exact change and the first-order one in one notation: both percentages or both factors.
    const notations = [await exact.textContent()].join(' ').match(/[+−]\d[\d.]* %|[×÷]\d[\d.]*/g)!;
    expect(notations).toHaveLength(2);
    expect(new Set(notations.map((written) => /%/.test(written))).size).toBe(1);
    // While the map is shown, the plot's hint says a click picks a place.
    expect(await page.getByTestId('plot-hint').textContent()).toMatch(/pick a place/);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('the MAP prior is editable: the fit and arrows follow it, the link keeps it, bad values are refused', async () => {
    const { page, problems } = await browser.open('/');
    await waitForArrows(page);
    await page.getByTestId('rule-map').check();
    await waitForRule(page, 'map');
    // The fields start at the engine's default prior.
    for (const name of ['lengthscale', 'signalStd', 'noiseStd'] as const) {
      const median = Number(await page.getByTestId(`prior-${name}-median`).inputValue());
      const factor = Number(await page.getByTestId(`prior-${name}-factor`).inputValue());
      expect(median).toBe(DEFAULT_PRIOR[name].median);
      expect(factor).toBeCloseTo(priorFactor(DEFAULT_PRIOR[name].logSd), 1);
    }
    const data = await pagePoints(page);
    const prior = { lengthscale: { median: 3 } };
    const fit = fitHyperparameters(data, { rule: 'map', prior });
    const expected = computeSensitivities(data, fit);
    if (!expected.defined) throw new Error(expected.reason);
    await page.getByTestId('prior-lengthscale-median').fill('3');
    await page.waitForFunction(
      (lengthscale) =>
        Math.abs(
          window.gpExplorer!.store.getState().analysis!.result.theta.lengthscale - lengthscale,
        ) <
        1e-9 * lengthscale,
      fit.theta.lengthscale,
    );
    await waitForRule(page, 'map');
    const arrows = await readDy(page, '[data-testid=arrow]');
    arrows.forEach((dy, i) => expect(dy).toBeCloseTo(expected.dLogTheta_dy[0][i]!, 9));
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toMatch(/[#&]pr=3:1,1:1,0\.1:1\.5(&|$)/);
    // A factor below 1.01 is marked and not used: the prior in force stays.
    await page.getByTestId('prior-noiseStd-factor').fill('0.5');
    await page.getByTestId('prior-invalid').waitFor();
    expect(await page.getByTestId('prior-noiseStd-factor').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await page.evaluate(() => location.hash)).toMatch(/pr=3:1,1:1,0\.1:1\.5/);
    // The link restores it, in Spanish too, with the Spanish decimal mark.
    const hash = await page.evaluate(() => location.hash);
    await page.goto(`${new URL(page.url()).origin}/?lang=es${hash}`);
    await waitForRule(page, 'map');
    expect(await page.getByTestId('prior-lengthscale-median').inputValue()).toBe('3');
    expect(await page.getByTestId('prior-noiseStd-median').inputValue()).toBe('0,1');
    expect(await page.getByTestId('prior-editor').locator('legend').textContent()).toMatch(
      /a priori/,
    );
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });
});
