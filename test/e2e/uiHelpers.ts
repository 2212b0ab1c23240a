/** Helpers for the explorer's browser tests: waiting for fits, reading the page's hooks. */
import type { Page } from 'playwright-core';
import { findPreset } from '../../src/state/presets';

/** How many points the page opens with (the default dataset). */
export const DEFAULT_COUNT = findPreset('sine').points.length;

/** A spot in the plot (data units) well away from every default point, where a click adds one. */
export const EMPTY_SPOT = { x: 3, y: 2.5 } as const;

/** Waits until every request the page made has been answered. */
export async function waitForFit(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => document.documentElement.dataset.pending === 'false',
    undefined,
    { timeout },
  );
}

/** Waits for the first fit and for one arrow per point. */
export async function waitForArrows(page: Page): Promise<void> {
  await waitForFit(page);
  await page.waitForFunction(() => {
    const points = document.querySelectorAll('[data-testid=point]').length;
    return points > 0 && document.querySelectorAll('[data-testid=arrow]').length === points;
  });
}

export interface Theta {
  lengthscale: number;
  signalStd: number;
  noiseStd: number;
}

/** Parses a displayed number, which may use U+2212 minus and ×10ⁿ. */
export function parseDisplayed(text: string): number {
  const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const normal = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/⁻/g, '-')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (char) => String(superscripts.indexOf(char)));
  const match = /^(-?[\d.]+)(?:×10(-?\d+))?/.exec(normal);
  if (!match) return Number.NaN;
  return Number(match[1]) * 10 ** Number(match[2] ?? 0);
}

/** θ̂ as shown in the readout. */
export async function readTheta(page: Page): Promise<Theta> {
  const read = async (name: string) =>
    parseDisplayed((await page.locator(`[data-testid=theta-${name}]`).textContent()) ?? '');
  return {
    lengthscale: await read('lengthscale'),
    signalStd: await read('signalStd'),
    noiseStd: await read('noiseStd'),
  };
}

/** The arrows' ∂ log θ̂/∂yᵢ (their `data-dy`), by point index. */
export async function readArrows(page: Page): Promise<Map<number, number>> {
  const entries = await page
    .locator('[data-testid=arrow]')
    .evaluateAll((nodes) =>
      nodes.map((node) => [
        Number(node.getAttribute('data-index')),
        Number(node.getAttribute('data-dy')),
      ]),
    );
  return new Map(entries as [number, number][]);
}

/** Centre of point `index` in page coordinates. */
export async function pointCentre(page: Page, index: number): Promise<{ x: number; y: number }> {
  const box = await page.locator(`[data-testid=point][data-index="${index}"] .dot`).boundingBox();
  if (!box) throw new Error(`point ${index} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The points as the page states them in their accessible names. */
export async function readPoints(page: Page): Promise<{ x: number; y: number }[]> {
  const labels = await page
    .locator('[data-testid=point]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
  return labels.map((label) => {
    const match = /x (\S+), y (\S+)\.(?: |$)/.exec(label);
    return { x: parseDisplayed(match?.[1] ?? ''), y: parseDisplayed(match?.[2] ?? '') };
  });
}

/** Counts of points and arrows on the page. */
export async function counts(page: Page): Promise<{ points: number; arrows: number }> {
  return {
    points: await page.locator('[data-testid=point]').count(),
    arrows: await page.locator('[data-testid=arrow]').count(),
  };
}

/** Page coordinates of the data point (x, y), from the plot area's box and the fixed domain. */
export async function dataToPage(
  page: Page,
  x: number,
  y: number,
): Promise<{ x: number; y: number }> {
  const area = await page.locator('[data-testid=plot-area]').boundingBox();
  if (!area) throw new Error('the plot area is not on screen');
  return { x: area.x + (x / 10) * area.width, y: area.y + ((3 - y) / 6) * area.height };
}
