import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  fitHyperparameters,
  validateDataset,
  type Dataset,
  type KernelName,
} from '../../src/engine';
import { createMainThreadCompute } from '../../src/worker/main/mainThreadCompute';
import type { SequencedRequest } from '../../src/worker/shared/protocol';
import { WarmStarts, warmStartKey } from '../../src/worker/thread/warmStarts';
import { referenceCases } from '../fixtures/reference';

function fitAndRemember(warmStarts: WarmStarts, data: Dataset, kernel: KernelName = 'rbf') {
  const fit = fitHyperparameters(data, { kernel });
  warmStarts.remember(warmStartKey(kernel), data, fit, computeSensitivities(data, fit));
  return fit;
}

function caseData(name: string): Dataset {
  const reference = referenceCases[name]!;
  return validateDataset(reference.x, reference.y);
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(...a.map((value, k) => value - b[k]!));
}

describe('warm starts', () => {
  it('take the worker’s answer as a fit: the main thread’s next step starts warm and lands where a cold fit does', async () => {
    const data = caseData('trend40');
    const request: SequencedRequest = {
      seq: 1,
      x: data.x,
      y: data.y,
      kernel: 'rbf',
      grid: { min: 0, max: 10, count: 20 },
      landscape: null,
      samples: 0,
      finiteDifferenceIndex: null,
      compareRule: 'loo',
    };
    // The worker runs the same analysis (thread/analysis.ts); a second engine stands for it.
    const answer = await createMainThreadCompute().compute(request);
    if (!answer.ok) throw new Error(answer.message);
    const moved = { x: data.x, y: Float64Array.from(data.y) };
    moved.y[7] = moved.y[7]! + 0.1;
    const warmStarts = new WarmStarts();
    warmStarts.remember(warmStartKey('rbf'), data, answer, answer.sensitivities);
    const offered = warmStarts.for(warmStartKey('rbf'), moved);
    expect(offered?.hessianLogTheta).toEqual(answer.hessianLogTheta);
    // Through the main thread's own compute: seeded, its live step agrees with a cold one.
    const seeded = createMainThreadCompute();
    seeded.seed!(request, answer);
    const step = { ...request, seq: 2, y: moved.y, live: true };
    const [warm, cold] = await Promise.all([
      seeded.compute(step),
      createMainThreadCompute().compute(step),
    ]);
    if (!warm.ok || !cold.ok) throw new Error('the step failed');
    warm.logTheta.forEach((value, k) =>
      expect(Math.abs(value - cold.logTheta[k]!)).toBeLessThan(1e-7),
    );
    // The compared rule's fit was seeded too (without a Hessian, which the answer does not carry).
    warm.comparison!.logTheta.forEach((value, k) =>
      expect(Math.abs(value - cold.comparison!.logTheta[k]!)).toBeLessThan(1e-7),
    );
  });

  it('offers the first-order prediction after a small move; the warm refit equals the cold one', () => {
    const warmStarts = new WarmStarts();
    const data = caseData('trend40');
    const before = fitAndRemember(warmStarts, data);
    const moved = { x: data.x, y: Float64Array.from(data.y) };
    moved.y[7] = moved.y[7]! + 0.1;
    const offered = warmStarts.for(warmStartKey('rbf'), moved)!;
    const cold = fitHyperparameters(moved);
    // The prediction is nearer the new maximum than the old θ̂ is.
    expect(distance(offered.logTheta, cold.logTheta)).toBeLessThan(
      0.2 * distance(before.logTheta, cold.logTheta),
    );
    const warm = fitHyperparameters(moved, { warmStart: offered });
    warm.logTheta.forEach((value, k) =>
      expect(Math.abs(value - cold.logTheta[k]!)).toBeLessThan(1e-7),
    );
  });

  it('asks for a global search after a jump, a changed point count or another kernel', () => {
    const warmStarts = new WarmStarts();
    const data = caseData('trend40');
    fitAndRemember(warmStarts, data);
    const { x, y } = data;
    const rms = Math.sqrt(y.reduce((sum, value) => sum + value * value, 0) / y.length);
    const jumped = Float64Array.from(y);
    jumped[3] = jumped[3]! + 0.3 * rms;
    const moved = Float64Array.from(x);
    moved[3] = moved[3]! + 0.06 * (Math.max(...x) - Math.min(...x));
    expect(warmStarts.for(warmStartKey('rbf'), { x, y: jumped })).toBeUndefined();
    expect(warmStarts.for(warmStartKey('rbf'), { x: moved, y })).toBeUndefined();
    expect(
      warmStarts.for(warmStartKey('rbf'), { x: x.subarray(1), y: y.subarray(1) }),
    ).toBeUndefined();
    expect(warmStarts.for(warmStartKey('matern52'), { x, y })).toBeUndefined();
    expect(warmStarts.for(warmStartKey('rbf'), { x, y })).toBeDefined();
  });

  it('keeps a warm start for its own kernel, rule and prior only', () => {
    const warmStarts = new WarmStarts();
    const data = caseData('sine10');
    fitAndRemember(warmStarts, data);
    expect(warmStarts.for(warmStartKey('rbf', 'ml'), data)).toBeDefined();
    expect(warmStarts.for(warmStartKey('rbf', 'loo'), data)).toBeUndefined();
    expect(warmStarts.for(warmStartKey('rbf', 'map'), data)).toBeUndefined();
    const fit = fitHyperparameters(data, { rule: 'map' });
    warmStarts.remember(warmStartKey('rbf', 'map'), data, fit, computeSensitivities(data, fit));
    expect(warmStarts.for(warmStartKey('rbf', 'map'), data)?.logTheta).toEqual(fit.logTheta);
    const narrow = { noiseStd: { logSd: 0.5 } };
    expect(warmStarts.for(warmStartKey('rbf', 'map', narrow), data)).toBeUndefined();
    // The prior matters to `map` only.
    expect(warmStartKey('rbf', 'loo', narrow)).toBe(warmStartKey('rbf', 'loo'));
  });

  it('passes the runner-up maximum along, so a switch of maxima is caught', () => {
    const warmStarts = new WarmStarts();
    const data = caseData('sine10');
    const fit = fitHyperparameters(data);
    const runnerUp = {
      theta: { lengthscale: 4, signalStd: 0.5, noiseStd: 0.3 },
      lml: -3,
      lmlGap: 2,
    };
    const withRunnerUp = { ...fit, diagnostics: { ...fit.diagnostics, runnerUp } };
    warmStarts.remember(warmStartKey('rbf'), data, withRunnerUp, computeSensitivities(data, fit));
    const offered = warmStarts.for(warmStartKey('rbf'), data)?.runnerUpLogTheta;
    expect(offered?.map(Math.exp)).toEqual([4, 0.5, 0.3].map((value) => expect.closeTo(value, 12)));
  });

  it('keeps its own copy of the sensitivities (the result’s arrays are transferred away)', () => {
    const warmStarts = new WarmStarts();
    const data = caseData('sine10');
    const fit = fitHyperparameters(data);
    const sensitivities = computeSensitivities(data, fit);
    warmStarts.remember(warmStartKey('rbf'), data, fit, sensitivities);
    const moved = { x: data.x, y: Float64Array.from(data.y, (value) => value + 0.01) };
    const offered = warmStarts.for(warmStartKey('rbf'), moved)!.logTheta;
    if (!sensitivities.defined) throw new Error('expected defined sensitivities');
    // Detach every buffer, as postMessage with a transfer list does.
    structuredClone(sensitivities, {
      transfer: [...sensitivities.dLogTheta_dy, ...sensitivities.dLogTheta_dx].map(
        (row) => row.buffer,
      ),
    });
    expect(sensitivities.dLogTheta_dy[0]).toHaveLength(0);
    expect(warmStarts.for(warmStartKey('rbf'), moved)!.logTheta).toEqual(offered);
    expect(offered).not.toEqual(fit.logTheta);
  });

  it('does not remember a non-finite θ̂', () => {
    const warmStarts = new WarmStarts();
    const data = caseData('sine10');
    const fit = fitHyperparameters(data);
    const sensitivities = computeSensitivities(data, fit);
    warmStarts.remember(
      warmStartKey('rbf'),
      data,
      { ...fit, logTheta: [fit.logTheta[0], Number.NaN, fit.logTheta[2]] },
      sensitivities,
    );
    expect(warmStarts.for(warmStartKey('rbf'), data)).toBeUndefined();
    warmStarts.remember(warmStartKey('rbf'), data, fit, sensitivities);
    expect(warmStarts.for(warmStartKey('rbf'), data)?.logTheta).toEqual(fit.logTheta);
  });
});
