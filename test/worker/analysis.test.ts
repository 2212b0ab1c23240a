import { beforeAll, describe, expect, it } from 'vitest';
import { LANDSCAPE_MARGINS, posterior, profileAt, validateDataset } from '../../src/engine';
import { runAnalysis } from '../../src/worker/thread/analysis';
import { WarmStarts } from '../../src/worker/thread/warmStarts';
import { createEnginePosteriorPath } from '../../src/worker/thread/enginePosteriorPath';
import type { AnalysisSuccess, SequencedRequest } from '../../src/worker/shared/protocol';
import { createTfjsPosteriorPath } from '../../src/worker/thread/tfjsPosteriorPath';
import { referenceCases, relativeError } from '../fixtures/reference';
import { startCpuBackend } from '../gpu/tfjsCpu';

/** Sends every band to the float32 kernels, so that they are what is tested. */
const alwaysTfjs = { choose: () => 'tfjs' as const, record: () => undefined };

beforeAll(startCpuBackend);

function requestFor(name: string, overrides: Partial<SequencedRequest> = {}): SequencedRequest {
  const reference = referenceCases[name]!;
  return {
    seq: 1,
    x: Float64Array.from(reference.x),
    y: Float64Array.from(reference.y),
    kernel: reference.kernel,
    grid: { min: Math.min(...reference.x), max: Math.max(...reference.x), count: 400 },
    landscape: null,
    samples: 0,
    finiteDifferenceIndex: null,
    ...overrides,
  };
}

function expectSuccess(result: Awaited<ReturnType<typeof runAnalysis>>): AnalysisSuccess {
  if (!result.ok) throw new Error(`analysis failed: ${result.code}: ${result.message}`);
  return result;
}

describe('runAnalysis', () => {
  it('fits θ̂ and sensitivities in float64 and the posterior on tfjs within tolerance', async () => {
    const reference = referenceCases.bumps25!;
    const request = requestFor('bumps25', {
      seq: 9,
      samples: 4,
      finiteDifferenceIndex: 3,
      landscape: { lengthscaleRange: [0.05, 5], noiseRatioRange: [1e-4, 1], size: 12 },
    });
    const gpu = expectSuccess(
      await runAnalysis(
        request,
        createTfjsPosteriorPath(() => 'cpu', alwaysTfjs),
        new WarmStarts(),
      ),
    );
    const exact = expectSuccess(
      await runAnalysis(request, createEnginePosteriorPath(), new WarmStarts()),
    );

    expect(gpu.seq).toBe(9);
    expect(gpu.backend).toBe('cpu');
    expect(exact.backend).toBe('main-thread');
    expect([gpu.posteriorPath, exact.posteriorPath]).toEqual(['tfjs', 'engine']);
    expect(relativeError(gpu.theta.lengthscale, reference.theta.lengthscale)).toBeLessThan(1e-6);
    expect(relativeError(gpu.lml, reference.lml)).toBeLessThan(1e-6);
    // θ̂, lml and sensitivities do not depend on the posterior path: they are float64 in both.
    expect(gpu.theta).toEqual(exact.theta);
    expect(gpu.sensitivities).toEqual(exact.sensitivities);

    const meanScale = Math.max(...exact.posterior.mean.map(Math.abs));
    const signalVariance = exact.theta.signalStd ** 2;
    exact.posterior.mean.forEach((mean, j) => {
      expect(Math.abs(gpu.posterior.mean[j]! - mean)).toBeLessThan(1e-4 * meanScale);
      expect(Math.abs(gpu.posterior.variance[j]! - exact.posterior.variance[j]!)).toBeLessThan(
        1e-4 * signalVariance,
      );
    });
    expect(gpu.posterior.x).toHaveLength(400);
    expect(gpu.posterior.x[0]).toBe(request.grid.min);
    expect(gpu.posterior.x[399]).toBe(request.grid.max);
    expect(gpu.samples.map((path) => path.length)).toEqual([400, 400, 400, 400]);
    expect(exact.samples.map((path) => path.length)).toEqual([400, 400, 400, 400]);
    expect(gpu.landscape?.profileLml).toHaveLength(144);
    expect(gpu.finiteDifference?.index).toBe(3);
    expect(gpu.finiteDifference!.agreeDigits).toBeGreaterThan(4);
    expect(gpu.timingMs.total).toBeGreaterThanOrEqual(gpu.timingMs.fit);
  });

  it('passes the held hyperparameter of a maximum on the noise floor through to the store', async () => {
    const x = Array.from({ length: 20 }, (_, i) => 0.5 * i + 0.1 * Math.sin(3 * i));
    const request: SequencedRequest = {
      ...requestFor('sine10'),
      x: Float64Array.from(x),
      y: Float64Array.from(x, Math.sin),
      kernel: 'matern32',
      grid: { min: 0, max: 10, count: 50 },
    };
    const result = expectSuccess(
      await runAnalysis(request, createEnginePosteriorPath(), new WarmStarts()),
    );
    expect(result.diagnostics.constrained?.held).toEqual(['noiseStd']);
    expect(result.sensitivities.defined).toBe(true);
    if (result.sensitivities.defined) {
      expect(result.sensitivities.constrained?.held).toEqual(['noiseStd']);
    }
  });

  it('answers bad data with the engine’s error code and message', async () => {
    const request = requestFor('sine10', {
      y: Float64Array.from([1, 2, Number.NaN, 4, 5, 6, 7, 8, 9, 10]),
    });
    const result = await runAnalysis(request, createEnginePosteriorPath(), new WarmStarts());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('non-finite');
      expect(result.seq).toBe(1);
    }
  });

  it.each([
    [{ grid: { min: 1, max: 0, count: 400 } }, /min < max/],
    [{ grid: { min: 0, max: 1, count: 1 } }, /integer count/],
    [{ samples: -1 }, /samples must be/],
    [{ finiteDifferenceIndex: 10 }, /not a point index/],
    [
      {
        landscape: {
          lengthscaleRange: [0, 1] as [number, number],
          noiseRatioRange: [1e-3, 1] as [number, number],
          size: 10,
        },
      },
      /lengthscale range/,
    ],
    [{ kernel: 'linear' as never }, /unknown kernel/],
    [{ fixedTheta: { lengthscale: 0, noiseRatio: 0.1 } }, /set by hand/],
    [{ fixedTheta: { lengthscale: 1, noiseRatio: Number.NaN } }, /set by hand/],
  ])('rejects a malformed request %#', async (overrides, message) => {
    const result = await runAnalysis(
      requestFor('sine10', overrides),
      createEnginePosteriorPath(),
      new WarmStarts(),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('invalid-request');
      expect(result.message).toMatch(message);
    }
  });
});

/** A noisy sine with one raised point: its likelihood has a second maximum at a long ℓ. */
const TWO_MAXIMA = {
  x: [0.366, 1.19, 2.429, 3.096, 3.81, 4.555, 5.384, 6.075, 7.026, 7.91, 8.484, 9.235, 5],
  y: [0.272, 0.927, 0.891, 0.764, 0.311, -0.384, -1.059, -1.085, -0.506, 0.145, 0.364, 1.118, 1.5],
};

describe('runAnalysis, for the landscape', () => {
  const request = (overrides: Partial<SequencedRequest>): SequencedRequest => ({
    seq: 1,
    x: Float64Array.from(TWO_MAXIMA.x),
    y: Float64Array.from(TWO_MAXIMA.y),
    kernel: 'rbf',
    grid: { min: 0, max: 10, count: 101 },
    landscape: { lengthscaleRange: [0.05, 50], noiseRatioRange: [1e-6, 1e2], size: 16 },
    samples: 0,
    finiteDifferenceIndex: null,
    ...overrides,
  });
  const ends = (axis: Float64Array): [number, number] => [axis[0]!, axis[axis.length - 1]!];
  const ratio = (theta: { signalStd: number; noiseStd: number }) =>
    (theta.noiseStd / theta.signalStd) ** 2;

  it('widens the axes to hold θ̂ and the runner-up with their margins, when asked', async () => {
    const fixed = expectSuccess(
      await runAnalysis(request({}), createEnginePosteriorPath(), new WarmStarts()),
    );
    const runnerUp = fixed.diagnostics.runnerUp!;
    expect(runnerUp.theta.lengthscale).toBeGreaterThan(50);
    expect(ends(fixed.landscape!.lengthscales)).toEqual([0.05, 50]);

    const held = expectSuccess(
      await runAnalysis(
        request({
          landscape: {
            lengthscaleRange: [0.05, 50],
            noiseRatioRange: [1e-6, 1e2],
            size: 16,
            holdMaxima: true,
          },
        }),
        createEnginePosteriorPath(),
        new WarmStarts(),
      ),
    );
    const [lowL, highL] = ends(held.landscape!.lengthscales);
    const [lowG, highG] = ends(held.landscape!.noiseRatios);
    for (const theta of [held.theta, runnerUp.theta]) {
      expect(theta.lengthscale * LANDSCAPE_MARGINS.lengthscale).toBeLessThanOrEqual(
        highL * (1 + 1e-12),
      );
      expect(theta.lengthscale / LANDSCAPE_MARGINS.lengthscale).toBeGreaterThanOrEqual(lowL);
      expect(ratio(theta) * LANDSCAPE_MARGINS.noiseRatio).toBeLessThanOrEqual(highG * (1 + 1e-12));
      expect(ratio(theta) / LANDSCAPE_MARGINS.noiseRatio).toBeGreaterThanOrEqual(lowG);
    }
    expect(highL).toBeCloseTo(runnerUp.theta.lengthscale * LANDSCAPE_MARGINS.lengthscale, 6);
    expect(lowL).toBe(0.05);

    // A θ set by hand stays on the map too.
    const withManual = expectSuccess(
      await runAnalysis(
        request({
          landscape: {
            lengthscaleRange: [0.05, 50],
            noiseRatioRange: [1e-6, 1e2],
            size: 16,
            holdMaxima: true,
          },
          fixedTheta: { lengthscale: 0.01, noiseRatio: 1e-3 },
        }),
        createEnginePosteriorPath(),
        new WarmStarts(),
      ),
    );
    expect(withManual.landscape!.lengthscales[0]).toBeCloseTo(
      0.01 / LANDSCAPE_MARGINS.lengthscale,
      12,
    );
  });

  it('answers a θ set by hand with its profile-optimal σf, its likelihood and its posterior', async () => {
    const place = { lengthscale: 0.4, noiseRatio: 0.05 };
    const data = validateDataset(TWO_MAXIMA.x, TWO_MAXIMA.y);
    const expected = profileAt(data, 'rbf', place);
    for (const path of [
      createEnginePosteriorPath(),
      createTfjsPosteriorPath(() => 'cpu', alwaysTfjs),
    ]) {
      const result = expectSuccess(
        await runAnalysis(request({ fixedTheta: place }), path, new WarmStarts()),
      );
      const manual = result.atFixedTheta!;
      expect(manual.place).toEqual(place);
      expect(manual.theta).toEqual(expected.theta);
      expect(manual.lml).toBe(expected.lml);
      expect(manual.lml).toBeLessThan(result.lml);
      const exact = posterior(data, expected.theta, 'rbf', result.posterior.x);
      const signalVariance = expected.theta.signalStd ** 2;
      exact.mean.forEach((mean, j) => {
        expect(Math.abs(manual.posterior!.mean[j]! - mean)).toBeLessThan(1e-4 * signalVariance);
        expect(Math.abs(manual.posterior!.variance[j]! - exact.variance[j]!)).toBeLessThan(
          1e-4 * signalVariance,
        );
      });
      // θ̂'s own fit is unchanged by the question.
      expect(result.theta.lengthscale).toBeGreaterThan(1);
    }
    const none = expectSuccess(
      await runAnalysis(request({}), createEnginePosteriorPath(), new WarmStarts()),
    );
    expect(none.atFixedTheta).toBeNull();
  });
});
