/**
 * The explorer's Embed dialog: its snippets, pasted into pages, show the explorer's current data
 * and settings — the iframe through embed.html, the element through gp-sensitivity.js.
 */
import { describe, expect, it } from 'vitest';
import type { ExplorerStore } from '../../src/state';
import { siteUrl, useBrowser } from './browser';
import { readWidgetPoints, readWidgetTheta, waitForWidgetFit, waitUntil } from './embedHelpers';

declare global {
  interface Window {
    gpExplorer?: { store: ExplorerStore };
  }
}

/** Attributes of the first `<tag …>` in `html`, unescaped. */
function attributesOf(html: string, tag: string): Map<string, string> {
  const element = new RegExp(`<${tag}\\b([^>]*)>`).exec(html)?.[1] ?? '';
  return new Map(
    [...element.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name = '', value = '']) => [
      name,
      value
        .replaceAll('&quot;', '"')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&'),
    ]),
  );
}

describe('the Embed dialog', () => {
  const browser = useBrowser();

  it('writes snippets that show the explorer’s current points and settings', async () => {
    const { page, context, problems } = await browser.open('/');
    await page.waitForFunction(
      () => document.documentElement.dataset.pending === 'false',
      undefined,
      {
        timeout: 60_000,
      },
    );
    // The reader's own state: a moved point, another kernel, arrows for the noise.
    await page.evaluate(() => {
      const actions = window.gpExplorer!.store.getState();
      actions.setKernel('matern52');
      actions.setHyperparameter('noiseStd');
      actions.movePoint(3, 3.25, 1.75);
    });
    await page.waitForFunction(() => document.documentElement.dataset.pending === 'false');
    const appPoints = await page.evaluate(() =>
      window.gpExplorer!.store.getState().points.map(({ x, y }) => ({ x, y })),
    );
    const appTheta = await page.evaluate(
      () => window.gpExplorer!.store.getState().analysis!.result.theta,
    );

    await page.locator('[data-testid=embed]').click();
    const dialog = page.locator('[data-testid=embed-dialog]');
    await dialog.waitFor({ state: 'visible' });
    const iframeSnippet = page.locator('[data-testid=embed-iframe-snippet]');
    const firstSnippet = await iframeSnippet.inputValue();
    // Asking for the trust note changes the snippet: another panel, a taller frame.
    await dialog.getByLabel('trust note').check();
    await waitUntil(
      async () => (await iframeSnippet.inputValue()) !== firstSnippet,
      'the snippet to update',
    );
    const iframe = attributesOf(await iframeSnippet.inputValue(), 'iframe');
    const source = new URL(iframe.get('src') ?? '');
    expect(source.href.startsWith(siteUrl('/embed.html?'))).toBe(true);
    expect(source.searchParams.get('kernel')).toBe('matern52');
    expect(source.searchParams.get('hyperparameter')).toBe('noiseStd');
    expect(source.searchParams.get('panels')).toBe('controls,readout,status');
    expect(Number(iframe.get('height'))).toBeGreaterThan(
      Number(attributesOf(firstSnippet, 'iframe').get('height')),
    );

    // The iframe's page shows the same data and the same fit.
    const framed = await context.newPage();
    await framed.goto(source.href);
    const frameWidget = framed.locator('[data-testid=gp-embed]');
    await waitForWidgetFit(frameWidget);
    // The snippet writes two decimals: each coordinate within half a hundredth (9.075, stored as
    // 9.07499…, may be written 9.07 or 9.08).
    const framedPoints = await readWidgetPoints(frameWidget);
    expect(framedPoints).toHaveLength(appPoints.length);
    framedPoints.forEach((point, i) => {
      expect(Math.abs(point.x - appPoints[i]!.x)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(point.y - appPoints[i]!.y)).toBeLessThanOrEqual(0.005 + 1e-9);
    });
    expect(await frameWidget.locator('[data-testid=embed-kernel]').inputValue()).toBe('matern52');
    const shown = await readWidgetTheta(frameWidget);
    for (const name of ['lengthscale', 'signalStd', 'noiseStd'] as const) {
      expect(Math.abs(shown[name] / appTheta[name] - 1)).toBeLessThan(5e-4);
    }

    // The element snippet, pasted as is into a page of the same site, shows the same.
    const elementSnippet = await page.locator('[data-testid=embed-element-snippet]').inputValue();
    expect(attributesOf(elementSnippet, 'script').get('src')).toBe(siteUrl('/gp-sensitivity.js'));
    const article = await context.newPage();
    await article.route(siteUrl('/examples/pasted.html'), (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body>${elementSnippet}</body></html>`,
      }),
    );
    await article.goto(siteUrl('/examples/pasted.html'));
    const element = article.locator('gp-sensitivity [data-testid=gp-embed]');
    await waitForWidgetFit(element);
    // The pasted element shows the same points as the iframe: the same snippet text.
    expect(await readWidgetPoints(element)).toEqual(framedPoints);
    expect(await readWidgetTheta(element)).toEqual(shown);
    expect(problems.pageErrors).toEqual([]);
  });
});
