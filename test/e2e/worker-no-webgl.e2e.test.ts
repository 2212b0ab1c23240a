import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../scripts/chromium-path.mjs';
import { CHROMIUM_ARGS, NO_WEBGL_ARGS, openPage } from './browser';
import { readTheta, waitForArrows } from './uiHelpers';
import { enginePosterior, labRequest, maxError, requestAndWait, waitForBackend } from './workerLab';

describe('compute worker in Chromium without WebGL', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS, ...NO_WEBGL_ARGS],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reports the CPU backend and still computes correct results', async () => {
    const { page, problems } = await openPage(browser!, '/worker-lab.html');
    expect(await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'))).toBe(
      false,
    );
    const status = await waitForBackend(page);
    expect(status.backend).toBe('cpu');
    // WebGL did not start: tfjs threw, declined, or failed its test kernel.
    expect(status.note?.code).toMatch(/^webgl-(failed|refused|test-failed)$/);
    expect(await page.getByTestId('compute-backend').textContent()).toBe('cpu');
    const request = labRequest('bumps25', { samples: 2 });
    const result = await requestAndWait(page, request);
    expect(result.ok).toBe(true);
    expect(result.backend).toBe('cpu');
    const want = await enginePosterior(page, request, result);
    expect(maxError(result.mean!, want.mean, Math.max(...want.mean.map(Math.abs)))).toBeLessThan(
      1e-4,
    );
    expect(maxError(result.variance!, want.variance, result.theta!.signalStd ** 2)).toBeLessThan(
      1e-4,
    );
    expect(problems.pageErrors).toEqual([]);
  });

  it('the explorer page works on the CPU backend and says so', async () => {
    const { page, problems } = await openPage(browser!, '/');
    await waitForArrows(page);
    expect(await page.getByTestId('compute-backend').textContent()).toBe('cpu');
    for (const value of Object.values(await readTheta(page))) expect(value).toBeGreaterThan(0);
    expect(await page.getByTestId('arrow').count()).toBe(await page.getByTestId('point').count());
    expect(problems.pageErrors).toEqual([]);
  });
});
