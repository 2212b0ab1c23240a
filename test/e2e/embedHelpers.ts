/** Helpers for the embedding browser tests: finding a widget, waiting for its fit, dragging. */
import type { Locator, Page } from 'playwright-core';
import { fitHyperparameters, validateDataset, type KernelName } from '../../src/engine';
import { parseDisplayed, type Theta } from './uiHelpers';

export { parseDisplayed, type Theta };

export interface PlotPoint {
  x: number;
  y: number;
}

/** Polls `condition` until it holds; fails with `what` after `timeout` ms. */
export async function waitUntil(
  condition: () => Promise<boolean>,
  what: string,
  timeout = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits until the widget has no request unanswered, its fit belongs to the points shown, and
 * (unless `arrows` is false) it draws one arrow per point.
 */
export async function waitForWidgetFit(widget: Locator, arrows = true): Promise<void> {
  await waitUntil(
    () =>
      widget.evaluate((frame, withArrows) => {
        if ((frame as HTMLElement).dataset.pending !== 'false') return false;
        const points = frame.querySelectorAll('[data-testid=point]').length;
        const drawn = frame.querySelectorAll('[data-testid=arrow]').length;
        const theta = frame.querySelector('[data-testid=theta-lengthscale]')?.textContent;
        const fitted = theta === undefined || (theta !== null && theta !== '—');
        return points > 0 && fitted && (!withArrows || drawn === points);
      }, arrows),
    'the widget to finish fitting',
  );
}

/** θ̂ as the widget's readout shows it. */
export async function readWidgetTheta(widget: Locator): Promise<Theta> {
  const read = async (name: string) =>
    parseDisplayed((await widget.locator(`[data-testid=theta-${name}]`).textContent()) ?? '');
  return {
    lengthscale: await read('lengthscale'),
    signalStd: await read('signalStd'),
    noiseStd: await read('noiseStd'),
  };
}

/** The points as the widget states them in their accessible names (2 decimals). */
export async function readWidgetPoints(widget: Locator): Promise<PlotPoint[]> {
  const labels = await widget
    .locator('[data-testid=point]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
  return labels.map((label) => {
    const match = /x (\S+), y (\S+)\.(?: |$)/.exec(label);
    return { x: parseDisplayed(match?.[1] ?? ''), y: parseDisplayed(match?.[2] ?? '') };
  });
}

/** Drags point `index` of the widget by (dx, dy) pixels with the mouse, in small steps. */
export async function dragWidgetPoint(
  page: Page,
  widget: Locator,
  index: number,
  dx: number,
  dy: number,
): Promise<void> {
  const dot = widget.locator(`[data-testid=point][data-index="${index}"] .dot`);
  await dot.scrollIntoViewIfNeeded();
  const box = await dot.boundingBox();
  if (!box) throw new Error(`point ${index} is not on screen`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

/** θ̂ by the float64 engine for `points` (a cold fit), to compare with what a widget shows. */
export function engineTheta(points: readonly PlotPoint[], kernel: KernelName): Theta {
  const data = validateDataset(
    points.map((p) => p.x),
    points.map((p) => p.y),
  );
  return fitHyperparameters(data, { kernel }).theta;
}

/** |a − b| ≤ tolerance · |b| for each hyperparameter. */
export function thetaClose(a: Theta, b: Theta, tolerance: number): boolean {
  return (['lengthscale', 'signalStd', 'noiseStd'] as const).every(
    (name) => Math.abs(a[name] - b[name]) <= tolerance * Math.abs(b[name]),
  );
}
