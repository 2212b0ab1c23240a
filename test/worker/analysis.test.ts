import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/worker/analysis';
import { WarmStarts } from '../../src/worker/warmStarts';
import { createEnginePosteriorPath } from '../../src/worker/enginePosteriorPath';
import type { AnalysisSuccess, SequencedRequest } from '../../src/worker/protocol';
import { createTfjsPosteriorPath } from '../../src/worker/tfjsPosteriorPath';
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
