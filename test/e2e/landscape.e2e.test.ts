import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  fitHyperparameters,
  LANDSCAPE_MARGINS,
  profileAt,
  validateDataset,
  type Matrix3,
} from '../../src/engine';
import type { Point } from '../../src/state';
import { likelihoodChangeText } from '../../src/ui/lostLikelihood';
import { useBrowser } from './browser';
import { explorerLink, TWO_MAXIMA } from './twoMaxima';
import { pointCentre, waitForArrows, waitForFit } from './uiHelpers';

interface PageFit {
  points: Point[];
  lml: number;
  logTheta: [number, number, number];
  hessian: Matrix3;
  runnerUp: { lengthscale: number; noiseRatio: number } | null;
  manual: { lengthscale: number; noiseRatio: number } | null;
}

/** What the page's store holds about the fit shown. */
function readFit(page: Page): Promise<PageFit> {
  return page.evaluate(() => {
    const state = window.gpExplorer!.store.getState();
    const result = state.analysis!.result;
    const runnerUp = result.diagnostics.runnerUp;
    return {
      points: state.points.map((p) => ({ x: p.x, y: p.y })),
      lml: result.lml,
      logTheta: [...result.logTheta] as [number, number, number],
      hessian: result.hessianLogTheta.map((row) => [...row]) as Matrix3,
      runnerUp: runnerUp && {
        lengthscale: runnerUp.theta.lengthscale,
        noiseRatio: (runnerUp.theta.noiseStd / runnerUp.theta.signalStd) ** 2,
      },
      manual: state.manualTheta && { ...state.manualTheta },
    };
  });
}

function dataOf(points: readonly Point[]) {
  return validateDataset(
    points.map((p) => p.x),
    points.map((p) => p.y),
  );
}

/** −H⁻¹ by cofactors, then J Σ Jᵀ with J = [[1, 0, 0], [0, −2, 2]], computed here, not by the page. */
function expectedCovariance(h: Matrix3): [number, number, number] {
  const [[a, b, c], [d, e, f], [g, k, i]] = h;
  const co = [
    [e * i - f * k, -(d * i - f * g), d * k - e * g],
    [-(b * i - c * k), a * i - c * g, -(a * k - b * g)],
    [b * f - c * e, -(a * f - c * d), a * e - b * d],
  ];
  const det = a * co[0]![0]! + b * co[0]![1]! + c * co[0]![2]!;
  const sigma = (r: number, s: number) => -co[s]![r]! / det;
  return [
    sigma(0, 0),
    2 * (sigma(0, 2) - sigma(0, 1)),
    4 * (sigma(1, 1) - 2 * sigma(1, 2) + sigma(2, 2)),
  ];
}

async function centreOf(page: Page, testId: string) {
  const found = await page.getByTestId(testId).first().boundingBox();
  if (!found) throw new Error(`${testId} is not on screen`);
  return { x: found.x + found.width / 2, y: found.y + found.height / 2 };
}

/** The map's surface and its axes, to turn fractions of the surface into ℓ and σn²/σf². */
async function mapGeometry(page: Page) {
  const surface = await page.getByTestId('landscape-surface').boundingBox();
  const svg = page.getByTestId('landscape-svg');
  const domain = async (name: string) =>
    ((await svg.getAttribute(name)) ?? '').split(',').map(Number) as [number, number];
  if (!surface) throw new Error('the landscape is not on screen');
  const [l0, l1] = await domain('data-lengthscale-domain');
  const [g0, g1] = await domain('data-noise-domain');
  return {
    surface,
    at: (fx: number, fy: number) => ({
      x: surface.x + fx * surface.width,
      y: surface.y + fy * surface.height,
      lengthscale: l0 * (l1 / l0) ** fx,
      noiseRatio: g1 * (g0 / g1) ** fy,
    }),
    domains: { lengthscale: [l0, l1], noiseRatio: [g0, g1] },
  };
}

describe('the likelihood landscape', () => {
  const browser = useBrowser();

  async function openMap(path = '/') {
    const opened = await browser.open(path);
    await opened.page.setViewportSize({ width: 1280, height: 900 });
    await waitForArrows(opened.page);
    await opened.page.getByTestId('landscape').scrollIntoViewIfNeeded();
    return opened;
  }

  it('has a colour scale in nats relative to θ̂, and reads the map under the pointer', async () => {
    const { page, problems } = await openMap();
    const legend = page.getByTestId('landscape-legend');
    const values = await legend
      .locator('text[data-value]')
      .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-value'))));
    expect(values).toEqual([0, -0.5, -1, -2, -4, -8, -16, -32, -64]);
    expect(await legend.locator('rect[fill]').count()).toBe(9);
    expect(await legend.textContent()).toContain('nats relative to θ̂');

    const map = await mapGeometry(page);
    const spot = map.at(0.3, 0.45);
    await page.mouse.move(spot.x, spot.y);
    const readout = page.getByTestId('landscape-readout');
    await expect.poll(() => readout.getAttribute('data-lml')).not.toBeNull();
    const shownLengthscale = Number(await readout.getAttribute('data-lengthscale'));
    const shownRatio = Number(await readout.getAttribute('data-noise-ratio'));
    expect(Math.abs(Math.log(shownLengthscale / spot.lengthscale))).toBeLessThan(0.02);
    expect(Math.abs(Math.log(shownRatio / spot.noiseRatio))).toBeLessThan(0.05);
    expect(await page.getByTestId('landscape-crosshair').count()).toBe(1);
    // Read between the grid's samples: close to the engine's exact value there.
    const fit = await readFit(page);
    const exact = profileAt(dataOf(fit.points), 'rbf', {
      lengthscale: shownLengthscale,
      noiseRatio: shownRatio,
    });
    expect(Math.abs(Number(await readout.getAttribute('data-lml')) - exact.lml)).toBeLessThan(0.25);
    expect(await readout.textContent()).toMatch(/^ℓ = .*σn²\/σf² = .*log p ≈ −?[\d.]+ nats/);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('says, under another rule, that the map is the likelihood and θ̂ need not sit at its top', async () => {
    const { page, problems } = await openMap();
    await page.getByTestId('rule-loo').check();
    await expect
      .poll(() => page.evaluate(() => window.gpExplorer!.store.getState().analysis?.result.rule), {
        timeout: 20_000,
      })
      .toBe('loo');
    const legend = page.getByTestId('landscape-legend');
    await expect
      .poll(() => legend.textContent(), { timeout: 20_000 })
      .toContain('nats relative to the top');
    const caption = (await page.getByTestId('landscape').locator('.caption').textContent()) ?? '';
    expect(caption).toContain('below its top. Dashed');
    expect(caption).toContain('LOO-CV chooses θ̂ by another objective');
    // The claim, measured: LOO-CV's θ̂ lies below the likelihood's top on this map.
    const { fitLml, peakLml } = await page.evaluate(() => {
      const state = window.gpExplorer!.store.getState();
      return { fitLml: state.analysis!.result.lml, peakLml: state.landscape!.peakLml };
    });
    expect(peakLml - fitLml).toBeGreaterThan(0.01);

    await page.getByTestId('rule-ml').check();
    await expect
      .poll(() => legend.textContent(), { timeout: 20_000 })
      .toContain('nats relative to θ̂');
    expect(await page.getByTestId('landscape').locator('.caption').textContent()).not.toContain(
      'another objective',
    );
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('draws the Laplace ellipses of J(−H⁻¹)Jᵀ around θ̂', async () => {
    const { page } = await openMap();
    const fit = await readFit(page);
    const shown = ((await page.getByTestId('laplace').getAttribute('data-covariance')) ?? '')
      .split(',')
      .map(Number);
    const expected = expectedCovariance(fit.hessian);
    shown.forEach((value, k) =>
      expect(Math.abs(value - expected[k]!)).toBeLessThan(1e-9 * Math.abs(expected[k]!) + 1e-12),
    );
    const ellipses = page.getByTestId('laplace-ellipse');
    expect(
      await ellipses.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-k'))),
    ).toEqual(['1', '2']);
    // On log axes the ellipse is symmetric about θ̂: its box is centred on the marker, and the
    // 2σ ellipse is twice the 1σ one.
    const optimum = await centreOf(page, 'landscape-optimum');
    const boxes = await ellipses.evaluateAll((nodes) =>
      nodes.map((node) => {
        const { x, y, width, height } = (node as SVGGraphicsElement).getBoundingClientRect();
        return { x, y, width, height };
      }),
    );
    const [one, two] = boxes;
    expect(Math.abs(one!.x + one!.width / 2 - optimum.x)).toBeLessThan(1.5);
    expect(Math.abs(one!.y + one!.height / 2 - optimum.y)).toBeLessThan(1.5);
    const visible = (b: typeof one) => b!.width > 0 && b!.height > 0;
    expect(visible(one)).toBe(true);
    if (visible(two) && two!.height < 300) {
      expect(two!.width / one!.width).toBeCloseTo(2, 1);
    }
  });

  it('widens its axes to show the runner-up maximum, marked and labelled', async () => {
    const { page } = await openMap(explorerLink(TWO_MAXIMA));
    const fit = await readFit(page);
    expect(fit.runnerUp).not.toBeNull();
    const map = await mapGeometry(page);
    expect(map.domains.lengthscale[1]).toBeGreaterThanOrEqual(
      fit.runnerUp!.lengthscale * LANDSCAPE_MARGINS.lengthscale * (1 - 1e-9),
    );
    const marker = await centreOf(page, 'runner-up');
    const { surface } = map;
    expect(marker.x).toBeGreaterThan(surface.x);
    expect(marker.x).toBeLessThan(surface.x + surface.width);
    expect(marker.y).toBeGreaterThan(surface.y);
    expect(marker.y).toBeLessThan(surface.y + surface.height);
    expect(await page.getByTestId('label-runner-up').textContent()).toMatch(
      /^runner-up, 0\.\d+ nats lower$/,
    );
    // Its label and θ̂'s keep out of each other's way.
    const labels = await Promise.all(
      ['label-runner-up', 'label-optimum'].map((id) => page.getByTestId(id).boundingBox()),
    );
    const [a, b] = labels;
    expect(a && b).toBeTruthy();
    const apart =
      a!.x + a!.width <= b!.x ||
      b!.x + b!.width <= a!.x ||
      a!.y + a!.height <= b!.y ||
      b!.y + b!.height <= a!.y;
    expect(apart).toBe(true);
    expect(await page.getByTestId('term-nearTie').count()).toBe(1);
  });

  it.each([
    ['en', 'θ̂, as predicted'],
    ['es', 'θ̂, como se predijo'],
  ])('%s: names θ̂ once where the first-order prediction lands on it', async (language, named) => {
    const { page } = await openMap(`/?lang=${language}`);
    // A short drag: the prediction's error is second order, well under a pixel, so its cross
    // sits under θ̂'s circle.
    await page.locator('[data-testid=point][data-index="5"]').scrollIntoViewIfNeeded();
    const start = await pointCentre(page, 5);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x, start.y - 4, { steps: 2 });
    await page.mouse.up();
    await waitForFit(page);
    await page.getByTestId('landscape').scrollIntoViewIfNeeded();
    await page.getByTestId('landscape-prediction').waitFor();
    const [cross, circle] = await Promise.all(
      ['landscape-prediction', 'landscape-optimum'].map((id) => centreOf(page, id)),
    );
    expect(Math.hypot(cross!.x - circle!.x, cross!.y - circle!.y)).toBeLessThan(4);
    await expect(page.getByTestId('label-optimum').textContent()).resolves.toBe(named);
    await expect(page.getByTestId('label-prediction').count()).resolves.toBe(0);
  });

  it('sets θ by a click: the plot shows its fit and the likelihood it loses; the button returns to θ̂', async () => {
    const { page, problems } = await openMap();
    const before = await readFit(page);
    const meanPath = () =>
      page.locator('[data-testid=posterior] .mean:not(.fitted-reference)').getAttribute('d');
    const fittedMean = await meanPath();
    const map = await mapGeometry(page);
    const spot = map.at(0.25, 0.55);
    await page.mouse.click(spot.x, spot.y);
    await waitForFit(page);
    const fit = await readFit(page);
    expect(fit.manual).not.toBeNull();
    expect(Math.abs(Math.log(fit.manual!.lengthscale / spot.lengthscale))).toBeLessThan(0.02);

    // The fit at that θ: σf at its profile optimum, the exact likelihood, and the curve.
    const exact = profileAt(dataOf(fit.points), 'rbf', fit.manual!);
    const fitted = fitHyperparameters(dataOf(fit.points));
    const change = Number(await page.getByTestId('manual-change').getAttribute('data-nats'));
    expect(change).toBeCloseTo(exact.lml - fitted.lml, 5);
    expect(change).toBeLessThan(0);
    const banner = (await page.getByTestId('manual-fit').textContent()) ?? '';
    expect(banner).toContain(likelihoodChangeText(change));
    expect(banner).toMatch(/this θ explains the data e\^[\d.]+ ≈ \S+× less well than θ̂/);
    await expect
      .poll(() => page.getByTestId('posterior').getAttribute('data-theta'))
      .toBe('manual');
    expect(await meanPath()).not.toBe(fittedMean);
    expect(await page.locator('[data-testid=posterior] .fitted-reference').count()).toBe(1);
    expect(await page.getByTestId('arrows-layer').getAttribute('class')).toBe('set-aside');
    expect(await page.getByTestId('landscape-manual').count()).toBe(1);
    // The readout at the crosshair is now exact.
    const readout = page.getByTestId('landscape-readout');
    await expect.poll(() => readout.getAttribute('data-exact')).toBe('true');
    expect(Number(await readout.getAttribute('data-lml'))).toBeCloseTo(exact.lml, 8);
    // θ̂ itself is untouched.
    expect(fit.logTheta).toEqual(before.logTheta);

    await page.getByTestId('back-to-fit').click();
    expect((await readFit(page)).manual).toBeNull();
    expect(await page.getByTestId('manual-fit').count()).toBe(0);
    expect(await page.getByTestId('posterior').getAttribute('data-theta')).toBe('fitted');
    expect(await meanPath()).toBe(fittedMean);
    expect(await page.getByTestId('arrows-layer').getAttribute('class')).toBeNull();
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('works from the keyboard: arrow keys move a crosshair, Enter sets θ, Escape returns', async () => {
    const { page } = await openMap();
    const fit = await readFit(page);
    // Reachable with Tab: from the control just before it.
    await page.getByTestId('toggle-landscape').focus();
    let reached = false;
    for (let step = 0; step < 40 && !reached; step++) {
      await page.keyboard.press('Tab');
      reached = await page
        .getByTestId('landscape-map')
        .evaluate((node) => node === document.activeElement);
    }
    expect(reached).toBe(true);
    const readout = page.getByTestId('landscape-readout');
    const shownLengthscale = async () => Number(await readout.getAttribute('data-lengthscale'));
    // The crosshair starts on θ̂.
    expect(Math.log(await shownLengthscale())).toBeCloseTo(fit.logTheta[0], 6);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await shownLengthscale()).toBeGreaterThan(Math.exp(fit.logTheta[0]));
    expect(await page.getByTestId('landscape-crosshair').count()).toBe(1);
    await page.keyboard.press('Enter');
    await waitForFit(page);
    const set = (await readFit(page)).manual;
    expect(set).not.toBeNull();
    expect(set!.lengthscale).toBeGreaterThan(Math.exp(fit.logTheta[0]));
    await expect
      .poll(() => page.getByTestId('posterior').getAttribute('data-theta'))
      .toBe('manual');
    await page.keyboard.press('Escape');
    expect((await readFit(page)).manual).toBeNull();
    expect(await page.getByTestId('posterior').getAttribute('data-theta')).toBe('fitted');
  });

  it('paints no contours off screen, even during a drag, and catches up when scrolled to', async () => {
    const { page } = await browser.open('/');
    await page.setViewportSize({ width: 1280, height: 720 });
    await waitForArrows(page);
    const contours = page.getByTestId('landscape-contours');
    const paints = async () => Number((await contours.getAttribute('data-paints')) ?? 0);
    expect(await contours.evaluate((node) => node.getBoundingClientRect().top)).toBeGreaterThan(
      720,
    );
    await page.waitForTimeout(300);
    const before = await paints();
    const start = await pointCentre(page, 6);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let step = 1; step <= 20; step++) {
      await page.mouse.move(start.x, start.y - 2 * step);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await waitForFit(page);
    await page.waitForTimeout(300);
    expect(await paints()).toBe(before);
    await page.getByTestId('landscape').scrollIntoViewIfNeeded();
    await expect.poll(paints).toBeGreaterThan(before);
  });
});
