import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { readTheta, waitForArrows } from './uiHelpers';
import {
  engineFit,
  enginePosterior,
  labRequest,
  maxError,
  relative,
  requestAndWait,
  waitForBackend,
  type LabRequest,
} from './workerLab';
import { referenceCases } from '../fixtures/reference';

/** A drag of point 4 of `sine10`: frame k moves it up by 0.02·k. */
function dragFrame(k: number): LabRequest {
  const base = labRequest('sine10');
  return { ...base, y: base.y.map((value, i) => (i === 4 ? value + 0.02 * k : value)) };
}

describe('compute worker in Chromium (WebGL on SwiftShader)', () => {
  const browser = useBrowser();

  it('starts on WebGL, shows it, and matches the float64 engine on every reference case', async () => {
    const { page, problems } = await browser.open('/worker-lab.html');
    expect(await waitForBackend(page)).toEqual({ backend: 'webgl', note: null });
    expect(await page.getByTestId('compute-backend').textContent()).toBe('webgl');

    for (const [name, reference] of Object.entries(referenceCases)) {
      const request = labRequest(name, { samples: 3 });
      const result = await requestAndWait(page, request);
      expect(result.ok, `${name}: ${result.message ?? ''}`).toBe(true);
      expect(result.backend).toBe('webgl');
      expect(['tfjs', 'engine']).toContain(result.posteriorPath);
      expect(relative(result.theta!.lengthscale, reference.theta.lengthscale)).toBeLessThan(1e-6);
      expect(relative(result.theta!.noiseStd, reference.theta.noiseStd)).toBeLessThan(1e-6);
      const want = await enginePosterior(page, request, result);
      const meanScale = Math.max(...want.mean.map(Math.abs));
      expect(maxError(result.mean!, want.mean, meanScale), name).toBeLessThan(1e-4);
      expect(
        maxError(result.variance!, want.variance, result.theta!.signalStd ** 2),
        name,
      ).toBeLessThan(1e-4);
      expect(result.samples?.map((path) => path.length)).toEqual([400, 400, 400]);
    }
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('the explorer page computes on WebGL and says so', async () => {
    const { page, problems } = await browser.open('/');
    await waitForArrows(page);
    expect(await page.getByTestId('compute-backend').textContent()).toBe('webgl');
    for (const value of Object.values(await readTheta(page))) expect(value).toBeGreaterThan(0);
    expect(problems.pageErrors).toEqual([]);
  });

  it('WebGL kernels: parity with the engine on every reference case, no tensor leak', async () => {
    const { page } = await browser.open('/worker-lab.html');
    for (const [name, reference] of Object.entries(referenceCases)) {
      // sine10 runs 100 times over: the live-tensor count must not move.
      const repetitions = name === 'sine10' ? 100 : 2;
      const report = await page.evaluate(
        async ({ x, y, kernel, repetitions }) =>
          (await window.workerLab.gpu()).parity(x, y, kernel, 400, repetitions),
        { x: reference.x, y: reference.y, kernel: reference.kernel, repetitions },
      );
      expect(report.backend).toBe('webgl');
      expect(report.meanRelativeError, name).toBeLessThan(1e-4);
      expect(report.varianceError, name).toBeLessThan(1e-4);
      expect(report.minVariance).toBeGreaterThanOrEqual(0);
      expect(report.tensorsAfter, name).toBe(report.tensorsBefore);
      expect([report.sampleCount, report.sampleLength]).toEqual([3, 400]);
    }
  });

  it('a burst of 200 requests yields results in order, the last for the newest data', async () => {
    const { page, problems } = await browser.open('/worker-lab.html');
    await waitForBackend(page);
    const frames = Array.from({ length: 200 }, (_, k) => dragFrame(k));
    const { delivered, last } = await page.evaluate(async (bodies) => {
      const seqs = bodies.map((body) => window.workerLab.request(body));
      const final = await window.workerLab.waitForResult(seqs.at(-1)!);
      return { delivered: window.workerLab.delivered(), last: final };
    }, frames);
    expect(delivered.at(-1)).toBe(200);
    expect(delivered.length).toBeLessThan(200);
    delivered.slice(1).forEach((seq, k) => expect(seq).toBeGreaterThan(delivered[k]!));
    const want = await engineFit(page, frames[199]!);
    expect(relative(last.theta!.lengthscale, want!.lengthscale)).toBeLessThan(1e-6);
    expect(relative(last.theta!.signalStd, want!.signalStd)).toBeLessThan(1e-6);
    expect(problems.pageErrors).toEqual([]);
  });

  for (const fault of ['crash', 'kill'] as const) {
    it(`recovers when the worker ${fault === 'crash' ? 'throws' : 'is killed'} mid-drag`, async () => {
      const { page } = await browser.open('/worker-lab.html?faults=1');
      await waitForBackend(page);
      const frames = Array.from({ length: 40 }, (_, k) => dragFrame(k));
      const outcome = await page.evaluate(
        async ({ bodies, how }) => {
          const lab = window.workerLab;
          let seq = 0;
          for (const [k, body] of bodies.entries()) {
            seq = lab.request(body);
            if (k === 15) {
              if (how === 'crash') lab.fault('crash');
              else lab.killWorker();
            }
            await new Promise((resolve) => setTimeout(resolve, 16));
          }
          const final = await lab.waitForResult(seq, 90_000);
          await lab.waitForBackend();
          return { final, lastSeq: seq, delivered: lab.delivered(), status: lab.status() };
        },
        { bodies: frames, how: fault },
      );
      expect(outcome.final.seq).toBe(outcome.lastSeq);
      expect(outcome.final.ok).toBe(true);
      expect(outcome.status.backend).toBe('webgl');
      expect(outcome.status.note?.code).toBe('worker-restarted');
      outcome.delivered
        .slice(1)
        .forEach((seq, k) => expect(seq).toBeGreaterThan(outcome.delivered[k]!));
      const want = await engineFit(page, frames.at(-1)!);
      expect(relative(outcome.final.theta!.lengthscale, want!.lengthscale)).toBeLessThan(1e-6);
      expect(relative(outcome.final.theta!.noiseStd, want!.noiseStd)).toBeLessThan(1e-6);
    });
  }

  it('falls back to the CPU backend when the WebGL context is lost, keeping its answers right', async () => {
    const { page } = await browser.open('/worker-lab.html?faults=1');
    await waitForBackend(page);
    const before = await requestAndWait(page, labRequest('trend40'));
    expect(before.backend).toBe('webgl');
    await page.evaluate(() => window.workerLab.fault('context-loss'));
    await page.waitForFunction(() => window.workerLab.status().backend === 'cpu');
    expect(await page.getByTestId('compute-backend').textContent()).toBe('cpu');
    expect((await page.evaluate(() => window.workerLab.status())).note).toEqual({
      code: 'webgl-context-lost',
    });
    const request = labRequest('trend40', { samples: 2 });
    const after = await requestAndWait(page, request);
    expect(after.backend).toBe('cpu');
    const want = await enginePosterior(page, request, after);
    expect(maxError(after.mean!, want.mean, Math.max(...want.mean.map(Math.abs)))).toBeLessThan(
      1e-4,
    );
  });

  it('computes on the main thread with the engine when no worker can start', async () => {
    const { page } = await browser.open('/worker-lab.html?worker=0');
    const status = await waitForBackend(page);
    expect(status.backend).toBe('main-thread');
    expect(status.note).toEqual({
      code: 'no-worker',
      cause: { code: 'error', detail: 'Web Workers are disabled on this test page' },
    });
    const request = labRequest('sine10', { samples: 2 });
    const result = await requestAndWait(page, request);
    expect(result.backend).toBe('main-thread');
    const want = await enginePosterior(page, request, result);
    // Float64 on both sides: identical up to round-off.
    expect(maxError(result.mean!, want.mean, 1)).toBeLessThan(1e-12);
  });
});
