/** Helpers for browser tests that drive worker-lab.html, the compute worker's test page. */
import type { Page } from 'playwright-core';
import type { LabRequest, LabResult } from '../../src/worker/lab/workerLab';
import type { ComputeStatus } from '../../src/worker/shared/protocol';
import { referenceCases } from '../fixtures/reference';

export type { LabRequest, LabResult };

export function labRequest(name: string, overrides: Partial<LabRequest> = {}): LabRequest {
  const reference = referenceCases[name];
  if (!reference) throw new Error(`no reference case ${name}`);
  return { x: reference.x, y: reference.y, kernel: reference.kernel, ...overrides };
}

export function waitForBackend(page: Page): Promise<ComputeStatus> {
  return page.evaluate(() => window.workerLab.waitForBackend());
}

/** Sends a request and waits for its (or a newer) result. */
export function requestAndWait(page: Page, request: LabRequest): Promise<LabResult> {
  return page.evaluate(async (body) => {
    const seq = window.workerLab.request(body);
    return window.workerLab.waitForResult(seq);
  }, request);
}

/** The float64 engine's posterior at θ on the page, for the result's grid. */
export function enginePosterior(
  page: Page,
  request: LabRequest,
  result: LabResult,
): Promise<{ mean: number[]; variance: number[] }> {
  return page.evaluate(
    async ({ body, theta, grid }) => {
      const engine = await window.workerLab.engine();
      return engine.posteriorAt(body.x, body.y, theta, body.kernel ?? 'rbf', grid);
    },
    { body: request, theta: result.theta!, grid: result.gridX! },
  );
}

/** The engine's cold fit of θ̂ on the page. */
export function engineFit(page: Page, request: LabRequest): Promise<LabResult['theta']> {
  return page.evaluate(async (body) => {
    const engine = await window.workerLab.engine();
    return engine.fit(body.x, body.y, body.kernel ?? 'rbf');
  }, request);
}

/** max |got − want| / scale. */
export function maxError(got: number[], want: number[], scale: number): number {
  return (
    want.reduce((worst, value, j) => Math.max(worst, Math.abs((got[j] ?? NaN) - value)), 0) / scale
  );
}

export function relative(got: number, want: number): number {
  return Math.abs(got - want) / Math.abs(want);
}
