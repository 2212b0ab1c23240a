import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
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

describe('the explorer in Chromium (mouse and keyboard)', () => {
  const browser = useBrowser();

  it('opens on the noisy sine with a fit, an arrow on every point and the compute backend', async () => {
    const { page, problems } = await browser.open('/');
    await waitForArrows(page);
    expect(await counts(page)).toEqual({ points: DEFAULT_COUNT, arrows: DEFAULT_COUNT });
    const theta = await readTheta(page);
    for (const value of Object.values(theta)) expect(value).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=compute-backend]').textContent()).toMatch(
      /^(webgl|cpu|main thread)$/,
    );
    // The float64 engine's hot loops run in WebAssembly SIMD in the worker.
    expect(await page.getByTestId('engine-backend').getAttribute('data-engine')).toBe('wasm');
    expect(await page.locator('[data-testid=trust]').getAttribute('data-status')).toBe('shown');
    expect(await page.locator('[data-testid=preset]').inputValue()).toBe('sine');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('drags a point with the mouse: θ̂, the arrows and the prediction respond', async () => {
    const { page, problems } = await browser.open('/');
    await waitForArrows(page);
    const thetaBefore = await readTheta(page);
    const arrowsBefore = await readArrows(page);
    const start = await pointCentre(page, 4);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 10, start.y - 40, { steps: 8 });
    await waitForFit(page);
    // Mid-drag: the IFT prediction sits beside the refit, under θ̂; the panels below the first
    // screen are held still while out of view …
    await expect
      .poll(() => page.locator('[data-testid=readout-predicted-lengthscale]').count())
      .toBe(1);
    expect(await page.locator('.workbench-side').getAttribute('data-paused')).toBe('true');
    await page.mouse.up();
    await waitForFit(page);
    // … and catch up at the release: the prediction card compares the drag's prediction too.
    expect(await page.locator('.workbench-side').getAttribute('data-paused')).toBe('false');
    await expect.poll(() => page.locator('[data-testid=predicted-lengthscale]').count()).toBe(1);
    // The two panels write the same numbers alike: the card's refit and prediction are θ̂'s line
    // and the readout's "the arrows predicted", digit for digit.
    for (const name of ['lengthscale', 'signalStd', 'noiseStd']) {
      const shown = (await page.getByTestId(`theta-${name}`).textContent())!.trim();
      expect(await page.getByTestId(`verdict-${name}`).textContent()).toContain(`refit ${shown} (`);
    }
    const predictedInReadout = (await page
      .getByTestId('readout-predicted-lengthscale')
      .textContent())!.match(/predicted ([\d.]+)/)?.[1];
    expect(predictedInReadout).toBeDefined();
    expect(await page.getByTestId('predicted-lengthscale').textContent()).toBe(predictedInReadout);

    const thetaAfter = await readTheta(page);
    expect(thetaAfter.lengthscale).not.toBe(thetaBefore.lengthscale);
    const arrowsAfter = await readArrows(page);
    expect(arrowsAfter.size).toBe(DEFAULT_COUNT);
    const changed = [...arrowsAfter].filter(
      ([index, dy]) => Math.abs(dy - (arrowsBefore.get(index) ?? Number.NaN)) > 1e-4,
    );
    expect(changed.length).toBeGreaterThan(6);
    const moved = (await readPoints(page))[4];
    const before = await page.evaluate(() => window.location.hash);
    expect(moved?.y).toBeGreaterThan(0);
    expect(before).toMatch(/^#v=1&/);
    expect(await page.locator('[data-testid=landscape-trail]').count()).toBe(1);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('repaints the landscape contours at most five times a second during a drag', async () => {
    const { page, problems } = await browser.open('/');
    // Tall enough to show the plot and the landscape together.
    await page.setViewportSize({ width: 1280, height: 1500 });
    await waitForArrows(page);
    const contours = page.getByTestId('landscape-contours');
    const paints = async () => Number((await contours.getAttribute('data-paints')) ?? 0);
    const arrowUpdates = await page.evaluate(() => {
      const counter = { count: 0 };
      new MutationObserver((records) => {
        for (const record of records) {
          if ((record.target as Element).classList.contains('arrows')) counter.count++;
        }
      }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-seq'] });
      (window as unknown as { arrowUpdates: typeof counter }).arrowUpdates = counter;
      return counter.count;
    });
    expect(arrowUpdates).toBe(0);
    await waitForFit(page);
    const before = await paints();
    const start = await pointCentre(page, 6);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    const dragStarted = Date.now();
    for (let step = 1; step <= 40; step++) {
      await page.mouse.move(start.x, start.y - 2 * step);
      await page.waitForTimeout(16);
    }
    const dragSeconds = (Date.now() - dragStarted) / 1000;
    const duringDrag = (await paints()) - before;
    const updates = await page.evaluate(
      () => (window as unknown as { arrowUpdates: { count: number } }).arrowUpdates.count,
    );
    await page.mouse.up();
    await waitForFit(page);
    expect(updates).toBeGreaterThan(duringDrag);
    expect(duringDrag).toBeLessThanOrEqual(Math.ceil(dragSeconds / 0.2) + 1);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('adds a point by clicking empty space and removes points by double-click and Delete', async () => {
    const { page } = await browser.open('/');
    await waitForArrows(page);
    // Well away from every point (any single added point keeps the default's arrows defined).
    const spot = await dataToPage(page, EMPTY_SPOT.x, EMPTY_SPOT.y);
    await page.mouse.click(spot.x, spot.y);
    await waitForArrows(page);
    expect(await counts(page)).toEqual({ points: DEFAULT_COUNT + 1, arrows: DEFAULT_COUNT + 1 });
    const added = (await readPoints(page))[DEFAULT_COUNT];
    expect(added?.x).toBeCloseTo(EMPTY_SPOT.x, 1);
    expect(added?.y).toBeCloseTo(EMPTY_SPOT.y, 1);

    const target = await pointCentre(page, DEFAULT_COUNT);
    await page.mouse.dblclick(target.x, target.y);
    await waitForArrows(page);
    expect(await counts(page)).toEqual({ points: DEFAULT_COUNT, arrows: DEFAULT_COUNT });

    await page.locator('[data-testid=point][data-index="0"]').focus();
    await page.keyboard.press('Delete');
    await waitForArrows(page);
    expect(await counts(page)).toEqual({
      points: DEFAULT_COUNT - 1,
      arrows: DEFAULT_COUNT - 1,
    });
    // Focus stays in the plot, on the point that took the removed one's place.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'point',
    );

    await page.locator('[data-testid=undo]').click();
    await waitForArrows(page);
    expect(await counts(page)).toEqual({ points: DEFAULT_COUNT, arrows: DEFAULT_COUNT });
  });

  it('selects the clicked point, not a neighbour whose hit circle is drawn over it', async () => {
    const { page, problems } = await browser.open('/');
    // Narrow enough that neighbouring points' 44-pixel hit circles overlap.
    await page.setViewportSize({ width: 480, height: 800 });
    await waitForArrows(page);
    const covered = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=point]')].flatMap((point) => {
        const { left, top, width, height } = point.querySelector('.dot')!.getBoundingClientRect();
        const onTop = document
          .elementFromPoint(left + width / 2, top + height / 2)
          ?.closest('[data-testid=point]');
        return onTop && onTop !== point ? [Number(point.getAttribute('data-index'))] : [];
      }),
    );
    expect(covered.length).toBeGreaterThan(0);
    for (const index of covered.slice(0, 3)) {
      const centre = await pointCentre(page, index);
      await page.mouse.click(centre.x, centre.y);
      expect(
        await page.evaluate(() => window.gpExplorer!.store.getState().selectedIndex),
        `clicked ${index}`,
      ).toBe(index);
    }
    expect(await counts(page)).toEqual({ points: DEFAULT_COUNT, arrows: DEFAULT_COUNT });
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('moves a point by keyboard: Tab reaches it, arrow keys move it, Shift moves further', async () => {
    const { page } = await browser.open('/');
    await waitForArrows(page);
    let focused: string | null = null;
    for (let presses = 0; presses < 40 && focused !== 'point'; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(
        () => document.activeElement?.getAttribute('data-testid') ?? null,
      );
    }
    expect(focused).toBe('point');
    const index = Number(
      await page.evaluate(() => document.activeElement?.getAttribute('data-index')),
    );
    const before = (await readPoints(page))[index];
    const thetaBefore = await readTheta(page);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowRight');
    await waitForFit(page);
    const after = (await readPoints(page))[index];
    expect(after?.y).toBeCloseTo((before?.y ?? 0) + 0.1, 2);
    expect(after?.x).toBeCloseTo((before?.x ?? 0) + 0.5, 2);
    expect(await readTheta(page)).not.toEqual(thetaBefore);
    // The steps make one session, as a drag does: the refit beside the tangent's prediction.
    await expect.poll(() => page.getByTestId('verdicts').count(), { timeout: 20_000 }).toBe(1);
    await expect(page.getByTestId('prediction-summary').textContent()).resolves.not.toContain(
      'Drag a point',
    );
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(label).toMatch(
      new RegExp(
        `^Point \\d+ of ${DEFAULT_COUNT}: x [\\d.]+, y −?[\\d.]+\\. Raising it (raises|lowers) ℓ`,
      ),
    );
  });

  it.each([
    ['en', '∂ log ℓ/∂x', 'Moving it right'],
    ['es', '∂ log ℓ/∂x', 'Moverlo a la derecha'],
  ])(
    '%s: with x-and-y arrows the legend and the points’ names speak of both',
    async (language, partial, rightWords) => {
      const { page } = await browser.open(`/?lang=${language}`);
      await waitForArrows(page);
      const scale = page.getByTestId('arrow-scale');
      await expect(scale.textContent()).resolves.not.toContain(partial);
      await page.getByTestId('toggle-vector').check();
      await expect.poll(() => scale.textContent()).toContain(partial);
      const label = await page
        .locator('[data-testid=point][data-index="3"]')
        .getAttribute('aria-label');
      expect(label).toContain('d log ℓ/dy');
      expect(label).toContain(rightWords);
      expect(label).toContain('d log ℓ/dx');
    },
  );

  it('round-trips the state through the URL: a reload restores points, kernel and options', async () => {
    const { page } = await browser.open('/');
    await waitForArrows(page);
    await page.locator('[data-testid=kernel-matern32]').check();
    await page.locator('[data-testid=hyperparameter-noiseStd]').check();
    await page.locator('[data-testid=toggle-band]').uncheck();
    const start = await pointCentre(page, 2);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x, start.y + 50, { steps: 4 });
    await page.mouse.up();
    await waitForFit(page);
    const points = await readPoints(page);
    const theta = await readTheta(page);
    const url = page.url();
    expect(url).toContain('k=m32');

    await page.reload();
    await waitForFit(page);
    expect(await readPoints(page)).toEqual(points);
    expect(await page.locator('[data-testid=kernel-matern32]').isChecked()).toBe(true);
    expect(await page.locator('[data-testid=hyperparameter-noiseStd]').isChecked()).toBe(true);
    expect(await page.locator('[data-testid=toggle-band]').isChecked()).toBe(false);
    expect(await readTheta(page)).toEqual(theta);
  });

  it('explains a damaged link and falls back to the default data', async () => {
    const { page, problems } = await browser.open('/#v=1&k=rbf&a=l&o=bs&p=AAA');
    await waitForArrows(page);
    expect(await page.locator('[data-testid=notice]').textContent()).toMatch(/truncated/);
    expect(await counts(page)).toEqual({ points: DEFAULT_COUNT, arrows: DEFAULT_COUNT });
    expect(problems.pageErrors).toEqual([]);
  });

  it('checks the selected point by finite differences', async () => {
    const { page } = await browser.open('/');
    await waitForArrows(page);
    await page.locator('[data-testid=point][data-index="3"]').focus();
    await page.locator('[data-testid=fd-run]').click();
    await waitForFit(page);
    const digits = Number(await page.locator('[data-testid=fd-digits]').textContent());
    expect(digits).toBeGreaterThan(4);
    expect(Number.isInteger(digits)).toBe(true);
    // Printed two digits past those that agree: the columns visibly agree, then part.
    const rows = await page
      .locator('table.compare tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td.num')].map((td) => td.textContent)),
      );
    expect(rows).toHaveLength(3);
    expect(rows.some(([theorem, refits]) => theorem !== refits)).toBe(true);
  });

  it('shares the link and exports the plot (SVG, PNG), the data (CSV, JSON) and Python', async () => {
    const { page, context, problems } = await browser.open('/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await waitForArrows(page);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    await page.locator('[data-testid=share]').click();
    await expect.poll(clipboard).toBe(page.url());
    expect(page.url()).toMatch(/#v=1&k=rbf&/);

    const exported = async (label: string) => {
      await page.locator('[data-testid=export]').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: label }).click(),
      ]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: await readFile(path) };
    };
    const svg = await exported('Plot as SVG');
    expect(svg.name).toBe('gp-explorer.svg');
    const svgText = svg.bytes.toString('utf8');
    expect(svgText).toContain('<svg');
    expect(svgText.match(/data-testid="arrow"/g)).toHaveLength(DEFAULT_COUNT);
    expect(svgText.match(/data-testid="point"/g)).toHaveLength(DEFAULT_COUNT);
    expect(svgText).not.toContain('NaN');

    const png = await exported('Plot as PNG');
    expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.bytes.length).toBeGreaterThan(10_000);

    const csv = (await exported('Data as CSV')).bytes.toString('utf8').trim().split('\n');
    expect(csv[0]).toBe('x,y');
    expect(csv).toHaveLength(DEFAULT_COUNT + 1);
    const points = await readPoints(page);
    expect(Number(csv[1]?.split(',')[0])).toBeCloseTo(points[0]?.x ?? Number.NaN, 2);

    const json = JSON.parse((await exported('Data and fit as JSON')).bytes.toString('utf8')) as {
      x: number[];
      y: number[];
      kernel: string;
      theta: { lengthscale: number };
    };
    expect(json.x).toHaveLength(DEFAULT_COUNT);
    expect(json.kernel).toBe('rbf');
    expect(json.theta.lengthscale).toBeCloseTo((await readTheta(page)).lengthscale, 3);

    // The menu closes on Escape, focus back on its button, and on a click elsewhere.
    const menu = page.locator('details.menu');
    await page.locator('[data-testid=export]').click();
    await expect.poll(() => menu.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'export',
    );
    await page.locator('[data-testid=export]').click();
    await page.mouse.click(5, 5);
    await expect.poll(() => menu.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false);

    await page.locator('[data-testid=export]').click();
    await page.getByRole('menuitem', { name: 'Copy as Python (scikit-learn)' }).click();
    await expect.poll(clipboard).toContain('GaussianProcessRegressor');
    const python = await clipboard();
    expect(python).toContain('* RBF(');
    expect(python).toContain('WhiteKernel(');
    expect(python).toContain('normalize_y=False');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });
});
