/**
 * The example article (public/examples/blog-post.html) with an iframe and a <gp-sensitivity>
 * element, and pages with several elements: every widget draggable, none affected by another,
 * and the element's `change` event carrying the engine's θ̂.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GpSensitivityElement } from '../../src/embed/element';
import type { FitChangeDetail } from '../../src/embed/fitEvents';
import type { KernelName } from '../../src/engine';
import { chromiumPath } from '../../scripts/chromium-path.mjs';
import { CHROMIUM_ARGS, launchChromium, siteUrl } from './browser';
import {
  dragWidgetPoint,
  engineTheta,
  readWidgetPoints,
  readWidgetTheta,
  thetaClose,
  waitForWidgetFit,
  waitUntil,
} from './embedHelpers';

declare global {
  interface Window {
    /** Every `change` detail from a <gp-sensitivity>, with the element's id. */
    fits: { id: string; detail: FitChangeDetail }[];
  }
}

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** A page that records the elements' change events and its own errors from the start. */
async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  contexts.push(context);
  await context.addInitScript(() => {
    window.fits = [];
    document.addEventListener('change', (event) => {
      const target = event.target as HTMLElement;
      if (target.localName === 'gp-sensitivity' && event instanceof CustomEvent)
        window.fits.push({ id: target.id, detail: event.detail as FitChangeDetail });
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/**
 * The element's newest fit (its `fit` property, exact points) is the float64 engine's fit of its
 * points, and its readout shows that fit.
 */
async function expectEngineFit(page: Page, selector: string, kernel: KernelName): Promise<void> {
  const fit = await page
    .locator(selector)
    .evaluate((element) => (element as GpSensitivityElement).fit);
  expect(fit).not.toBeNull();
  expect(fit!.kernel).toBe(kernel);
  expect(thetaClose(fit!, engineTheta(fit!.points, kernel), 1e-4)).toBe(true);
  const shown = await readWidgetTheta(page.locator(`${selector} [data-testid=gp-embed]`));
  expect(thetaClose(shown, fit!, 5e-4)).toBe(true);
}

/** Serves `html` at `path` of the site's origin (so its relative script paths resolve). */
async function serve(page: Page, path: string, html: string): Promise<void> {
  await page.route(siteUrl(path), (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
}

describe('the example article', () => {
  it('shows both widgets; each drags, refits and leaves the other alone', async () => {
    const { page, errors } = await newPage();
    await page.goto(siteUrl('/examples/blog-post.html'));
    const element = page.locator('#step-figure [data-testid=gp-embed]');
    await page.locator('#outlier-figure').scrollIntoViewIfNeeded();
    const framed = page.frameLocator('#outlier-figure').locator('[data-testid=gp-embed]');
    await waitForWidgetFit(element);
    await waitForWidgetFit(framed);

    const elementBefore = {
      theta: await readWidgetTheta(element),
      points: await readWidgetPoints(element),
    };
    const framedBefore = {
      theta: await readWidgetTheta(framed),
      points: await readWidgetPoints(framed),
    };
    expect(framedBefore.points).toHaveLength(20);
    expect(elementBefore.points).toHaveLength(10);

    // Drag the outlier (point 11) in the iframe down towards the curve.
    await framed.scrollIntoViewIfNeeded();
    await dragWidgetPoint(page, framed, 10, 0, 40);
    await waitUntil(
      async () => (await readWidgetPoints(framed))[10]?.y !== framedBefore.points[10]?.y,
      'the iframe to move its point',
    );
    await waitForWidgetFit(framed);
    const framedAfter = await readWidgetTheta(framed);
    expect(framedAfter.noiseStd).toBeLessThan(framedBefore.theta.noiseStd);
    expect(await readWidgetPoints(element)).toEqual(elementBefore.points);
    expect(await readWidgetTheta(element)).toEqual(elementBefore.theta);
    // The iframe posts each fit to the article, which keeps σn on the iframe element.
    await waitUntil(
      async () =>
        Number(await page.locator('#outlier-figure').getAttribute('data-noise-std')).toPrecision(
          4,
        ) === framedAfter.noiseStd.toPrecision(4),
      "the article to receive the iframe's fit",
    );

    // Now drag the element's point 5 (the last before the step) up.
    const eventsBefore = await page.evaluate(() => window.fits.length);
    await dragWidgetPoint(page, element, 4, 0, -60);
    await waitUntil(
      async () => (await readWidgetPoints(element))[4]?.y !== elementBefore.points[4]?.y,
      'the element to move its point',
    );
    await waitForWidgetFit(element);
    const elementAfter = await readWidgetTheta(element);
    expect(elementAfter).not.toEqual(elementBefore.theta);
    expect(await readWidgetTheta(framed)).toEqual(framedAfter);

    // Each fit fired `change`; the last one carries θ̂ of the points now shown.
    const fits = await page.evaluate(() => window.fits);
    expect(fits.length).toBeGreaterThan(eventsBefore);
    expect(fits.every((fit) => fit.id === 'step-figure')).toBe(true);
    const last = fits.at(-1)!.detail;
    expect(last.kernel).toBe('matern52');
    expect(last.points.map((p) => Number(p.y.toFixed(2)))).toEqual(
      (await readWidgetPoints(element)).map((p) => p.y),
    );
    expect(thetaClose(elementAfter, last, 5e-4)).toBe(true);
    expect(thetaClose(last, engineTheta(last.points, 'matern52'), 1e-4)).toBe(true);
    expect(await page.locator('#step-lengthscale').textContent()).toBe(
      last.lengthscale.toPrecision(3),
    );
    expect(errors).toEqual([]);
  });

  it('makes only claims its figures bear out, and its suggested actions do what it says', async () => {
    const { page, errors } = await newPage();
    await page.goto(siteUrl('/examples/blog-post.html'));
    const text = (await page.locator('article').textContent())!.replace(/\s+/g, ' ');
    const element = page.locator('#step-figure [data-testid=gp-embed]');
    await page.locator('#outlier-figure').scrollIntoViewIfNeeded();
    const framed = page.frameLocator('#outlier-figure').locator('[data-testid=gp-embed]');
    await waitForWidgetFit(framed);
    await waitForWidgetFit(element);
    /** |∂ log θ̂/∂yᵢ| of each arrow, by point. */
    const pulls = async (widget: typeof element) =>
      widget
        .locator('[data-testid=arrow]')
        .evaluateAll((nodes) =>
          nodes.map((node) => Math.abs(Number(node.getAttribute('data-dy')))),
        );

    // "one point sits well above a smooth curve … the outlier's arrow is more than twice as long
    // as any other" (the arrows show σn).
    expect(text).toContain("the outlier's arrow is more than twice as long as any other");
    const points = await readWidgetPoints(framed);
    const outlier = 10;
    const neighbours = [points[outlier - 1]!.y, points[outlier + 1]!.y];
    expect(points[outlier]!.y - Math.max(...neighbours)).toBeGreaterThan(0.8);
    const noisePulls = await pulls(framed);
    const others = noisePulls.filter((_, i) => i !== outlier);
    expect(noisePulls[outlier]!).toBeGreaterThan(2 * Math.max(...others));
    // …and drawn so: no arrow is cut to the cap, so the outlier's shows its length.
    expect(await framed.locator('[data-testid=arrow][data-capped]').count()).toBe(0);
    // "Points far from the fit … pull hardest": the outlier's pull is the largest.
    expect(text).toContain(
      'Points far from the fit and points beside a gap in the data pull hardest',
    );

    // "Drag it back towards the curve and watch σn fall; when you let go, the arrows keep their
    // scale while it still fits them": at most a fifth of them at their cap.
    const before = await readWidgetTheta(framed);
    await dragWidgetPoint(page, framed, outlier, 0, 45);
    await waitUntil(
      async () => (await readWidgetPoints(framed))[outlier]!.y < points[outlier]!.y - 0.2,
      'the outlier to move down',
    );
    await waitForWidgetFit(framed);
    expect((await readWidgetTheta(framed)).noiseStd).toBeLessThan(before.noiseStd);
    await framed.locator('g.arrows[data-seq]:not([data-easing])').waitFor();
    const capped = await framed.locator('[data-testid=arrow][data-capped]').count();
    expect(capped).toBeLessThanOrEqual(points.length / 5);

    // "the two points on either side of the jump pull hardest" — they border the widest gap.
    const stepPoints = await readWidgetPoints(element);
    const gaps = stepPoints.slice(1).map((p, i) => p.x - stepPoints[i]!.x);
    const widest = gaps.indexOf(Math.max(...gaps));
    const lengthscalePulls = await pulls(element);
    const hardest = lengthscalePulls
      .map((pull, i) => [pull, i] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 2)
      .map(([, i]) => i)
      .sort((a, b) => a - b);
    expect(hardest).toEqual([widest, widest + 1]);
    expect(stepPoints[widest]!.y).toBeLessThan(0);
    expect(stepPoints[widest + 1]!.y).toBeGreaterThan(0);

    // "RBF settles near 1.3, Matérn 5/2 near 1.9, and the rougher Matérn 3/2 near 2.3, which
    // also calls less of the jump noise."
    expect(text).toContain(
      'RBF settles near 1.3, Matérn 5/2 near 1.9, and the rougher Matérn 3/2 near 2.3',
    );
    const fitted: Record<string, { lengthscale: number; noiseStd: number }> = {};
    for (const kernel of ['rbf', 'matern52', 'matern32'] as const) {
      await element.locator('[data-testid=embed-kernel]').selectOption(kernel);
      await waitUntil(
        async () =>
          (
            await page
              .locator('#step-figure')
              .evaluate((node) => (node as GpSensitivityElement).fit)
          )?.kernel === kernel,
        `the ${kernel} fit`,
      );
      await waitForWidgetFit(element);
      fitted[kernel] = await readWidgetTheta(element);
    }
    expect(fitted.rbf!.lengthscale.toFixed(1)).toBe('1.3');
    expect(fitted.matern52!.lengthscale.toFixed(1)).toBe('1.9');
    expect(fitted.matern32!.lengthscale.toFixed(1)).toBe('2.3');
    expect(fitted.matern32!.noiseStd).toBeLessThan(fitted.matern52!.noiseStd);
    expect(errors).toEqual([]);
  });

  it('keeps the article styles out of the widget and the widget styles out of the article', async () => {
    const { page } = await newPage();
    await page.goto(siteUrl('/examples/blog-post.html'));
    const element = page.locator('#step-figure [data-testid=gp-embed]');
    await waitForWidgetFit(element);
    // The article colours every svg path hot pink; the widget's curve keeps its own colour.
    const meanStroke = await element
      .locator('.posterior .mean')
      .evaluate((node) => getComputedStyle(node).fill);
    expect(meanStroke).toBe('none');
    const selectFont = await element
      .locator('[data-testid=embed-kernel]')
      .evaluate((node) => getComputedStyle(node).fontFamily);
    expect(selectFont).not.toContain('Comic Sans');
    // The widget's look does not reach the article: no stylesheet or style element added there,
    // and the article's own buttons keep its rules.
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    expect(await page.locator('head style, body style').count()).toBe(0);
    expect(
      await page.evaluate(() => getComputedStyle(document.body).fontFamily.includes('Georgia')),
    ).toBe(true);
  });
});

describe('several elements on one page', () => {
  const twoWidgets = (attributes: string) => `<!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>Two figures</title>
    <script type="module" src="../gp-sensitivity.js"></script></head>
    <body>
      <gp-sensitivity id="a" preset="sine" ${attributes}></gp-sensitivity>
      <gp-sensitivity id="b" preset="step" kernel="matern32" ${attributes}></gp-sensitivity>
    </body></html>`;

  for (const [sharing, attributes, workers] of [
    ['sharing one worker (the default)', '', 1],
    ['each with its own worker', 'worker="own"', 2],
  ] as const) {
    it(`work independently, ${sharing}`, async () => {
      const { page, errors } = await newPage();
      await serve(page, '/examples/two-figures.html', twoWidgets(`height="220" ${attributes}`));
      await page.goto(siteUrl('/examples/two-figures.html'));
      const a = page.locator('#a [data-testid=gp-embed]');
      const b = page.locator('#b [data-testid=gp-embed]');
      await waitForWidgetFit(a);
      await waitForWidgetFit(b);
      expect(page.workers()).toHaveLength(workers);

      const before = { a: await readWidgetTheta(a), b: await readWidgetTheta(b) };
      const bPoints = await readWidgetPoints(b);
      await expectEngineFit(page, '#b', 'matern32');

      await dragWidgetPoint(page, a, 3, 0, 50);
      await waitUntil(
        async () => (await readWidgetTheta(a)).lengthscale !== before.a.lengthscale,
        'widget a to refit',
      );
      await waitForWidgetFit(a);
      expect(await readWidgetTheta(b)).toEqual(before.b);
      expect(await readWidgetPoints(b)).toEqual(bPoints);
      await expectEngineFit(page, '#a', 'rbf');

      // Both at once: drags in quick succession, each widget ends with its own data's fit.
      await dragWidgetPoint(page, a, 5, 0, -30);
      await dragWidgetPoint(page, b, 2, 0, 30);
      await waitForWidgetFit(a);
      await waitForWidgetFit(b);
      await expectEngineFit(page, '#a', 'rbf');
      await expectEngineFit(page, '#b', 'matern32');
      const ids = new Set((await page.evaluate(() => window.fits)).map((fit) => fit.id));
      expect(ids).toEqual(new Set(['a', 'b']));

      // Removing one widget leaves the other working.
      await page.evaluate(() => document.getElementById('a')?.remove());
      await dragWidgetPoint(page, b, 4, 0, -40);
      await waitUntil(
        async () => (await readWidgetPoints(b))[4]?.y !== bPoints[4]?.y,
        'widget b to move its point',
      );
      await waitForWidgetFit(b);
      expect(errors).toEqual([]);
    });
  }
});

describe('an element whose script comes from another origin, as from a CDN', () => {
  let crossOriginBrowser: Browser;
  beforeAll(async () => {
    // The test page is served by interception, so Chromium cannot tell it is on the loopback
    // address like the site and would refuse it the script; a real CDN page is public anyway.
    crossOriginBrowser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks'],
    });
  });
  afterAll(async () => {
    await crossOriginBrowser.close();
  });

  it("computes in a worker started from a blob of the page's own origin", async () => {
    const page = await crossOriginBrowser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The page on "localhost", the script on "127.0.0.1": two origins, one test server.
    const site = new URL(siteUrl('/'));
    const pageUrl = `http://localhost:${site.port}/article.html`;
    await page.route(pageUrl, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title>
          <script type="module" src="${siteUrl('/gp-sensitivity.js')}"></script></head>
          <body><gp-sensitivity panels="readout,status"></gp-sensitivity></body></html>`,
      }),
    );
    await page.goto(pageUrl);
    const widget = page.locator('gp-sensitivity [data-testid=gp-embed]');
    await waitForWidgetFit(widget);
    const backend = await widget.locator('[data-testid=compute-backend]').textContent();
    expect(['webgl', 'cpu']).toContain(backend);
    expect(page.workers().map((worker) => worker.url().split(':')[0])).toEqual(['blob']);
    expect(errors).toEqual([]);
  });
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
});
