/**
 * The example article under the strict Content-Security-Policy the README documents: no eval, no
 * inline script or style. Every response (page, iframe, scripts, the worker) carries the header.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GpSensitivityElement } from '../../src/embed/element';
import { launchChromium, siteUrl } from './browser';
import { dragWidgetPoint, readWidgetTheta, waitForWidgetFit, waitUntil } from './embedHelpers';

/** The policy from the README's "Embedding" section. */
const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "frame-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

declare global {
  interface Window {
    violations: string[];
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('under a strict Content-Security-Policy', () => {
  it('the article and both widgets work, with no violation anywhere', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    const withPolicy = new Set<string>();
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      withPolicy.add(new URL(route.request().url()).pathname);
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': POLICY },
      });
    });
    // Runs in every frame before its scripts: collects violations of the page and the iframe.
    await context.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.violations.push(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
        ),
      );
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(siteUrl('/examples/blog-post.html'));

    const element = page.locator('#step-figure [data-testid=gp-embed]');
    await page.locator('#outlier-figure').scrollIntoViewIfNeeded();
    const framed = page.frameLocator('#outlier-figure').locator('[data-testid=gp-embed]');
    await waitForWidgetFit(element);
    await waitForWidgetFit(framed);

    // The widgets are styled (adopted stylesheets in the shadow root; a <link> in the iframe).
    expect(await element.evaluate((node) => getComputedStyle(node).borderTopLeftRadius)).not.toBe(
      '0px',
    );
    expect(await framed.evaluate((node) => getComputedStyle(node).borderTopLeftRadius)).not.toBe(
      '0px',
    );
    // Both compute in a worker whose script came with the policy: tfjs runs there without eval.
    const workerScripts = [...withPolicy].filter((path) => path.includes('compute.worker'));
    expect(workerScripts.length).toBeGreaterThan(0);
    expect(page.workers().length).toBeGreaterThanOrEqual(2);
    const backend = await page
      .locator('#step-figure')
      .evaluate((node) => (node as GpSensitivityElement).widget?.store.getState().status.backend);
    expect(['webgl', 'cpu']).toContain(backend);

    // Without 'wasm-unsafe-eval' the worker cannot compile the engine's WebAssembly: it computes
    // the same float64 numbers in JavaScript.
    const engine = await page
      .locator('#step-figure')
      .evaluate(
        (node) => (node as GpSensitivityElement).widget?.store.getState().analysis?.result.engine,
      );
    expect(engine).toBe('js');

    // Dragging still works.
    const before = await readWidgetTheta(element);
    await dragWidgetPoint(page, element, 5, 0, 50);
    await waitUntil(
      async () => (await readWidgetTheta(element)).lengthscale !== before.lengthscale,
      'a refit under the policy',
    );

    for (const frame of page.frames()) {
      expect(await frame.evaluate(() => window.violations), frame.url()).toEqual([]);
    }
    expect(errors).toEqual([]);

    // The policy is in force: an inline script is refused and reported.
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      return (window as Window & { inlineRan?: boolean }).inlineRan === true;
    });
    expect(inlineRan).toBe(false);
    await waitUntil(
      async () => (await page.evaluate(() => window.violations.length)) > 0,
      'the inline script to be reported',
      5_000,
    );
    await context.close();
  });
});
