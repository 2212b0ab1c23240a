/**
 * tfjs kernels on the main thread of worker-lab.html (test page): WebGL parity against the
 * float64 engine, tensor-leak counts, and timings for the GPU-versus-float64 crossover.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fitHyperparameters, posterior, posteriorFactors, validateDataset } from '../../engine';
import type { Hyperparameters, KernelName } from '../../engine';
import { densePosterior } from '../../gpu/densePosterior';
import { posteriorSamplePaths } from '../../gpu/posteriorSamples';
import { startTfjs, type TfjsStart } from '../../gpu/tfjsBackend';
import { evenGrid } from '../shared/requestCheck';

let started: Promise<TfjsStart> | null = null;

export function start(): Promise<TfjsStart> {
  started ??= startTfjs();
  return started;
}

export interface ParityReport {
  backend: string;
  /** max |mean − engine mean| / max |engine mean|. */
  meanRelativeError: number;
  /** max |var − engine var| / σf². */
  varianceError: number;
  minVariance: number;
  tensorsBefore: number;
  tensorsAfter: number;
  sampleCount: number;
  sampleLength: number;
}

/** Fits θ̂ with the engine, then compares `repetitions` GPU posteriors with the engine's. */
export async function parity(
  x: number[],
  y: number[],
  kernel: KernelName,
  gridCount: number,
  repetitions: number,
): Promise<ParityReport> {
  const { backend } = await start();
  const data = validateDataset(x, y);
  const fit = fitHyperparameters(data, { kernel });
  const grid = evenGrid(Math.min(...x), Math.max(...x), gridCount);
  const reference = posterior(data, fit.theta, kernel, grid);
  const factors = {
    x: data.x,
    kernel,
    theta: fit.theta,
    ...posteriorFactors(data, fit.theta, kernel),
  };
  // One warm-up call compiles the shaders (their programs are cached, not tensors).
  await densePosterior(factors, grid);
  await posteriorSamplePaths({ ...factors, y: data.y }, grid, { count: 3, seed: 1 });
  const tensorsBefore = tf.memory().numTensors;
  let result = await densePosterior(factors, grid);
  let paths: Float64Array[] = [];
  for (let k = 1; k < repetitions; k++) {
    result = await densePosterior(factors, grid);
    paths = await posteriorSamplePaths({ ...factors, y: data.y }, grid, { count: 3, seed: k });
  }
  const tensorsAfter = tf.memory().numTensors;
  const meanScale = Math.max(...reference.mean.map(Math.abs));
  let meanError = 0;
  let varianceError = 0;
  for (let j = 0; j < grid.length; j++) {
    meanError = Math.max(meanError, Math.abs((result.mean[j] ?? 0) - (reference.mean[j] ?? 0)));
    varianceError = Math.max(
      varianceError,
      Math.abs((result.variance[j] ?? 0) - (reference.variance[j] ?? 0)),
    );
  }
  return {
    backend,
    meanRelativeError: meanError / meanScale,
    varianceError: varianceError / fit.theta.signalStd ** 2,
    minVariance: Math.min(...result.variance),
    tensorsBefore,
    tensorsAfter,
    sampleCount: paths.length,
    sampleLength: paths[0]?.length ?? 0,
  };
}

export interface PosteriorTiming {
  n: number;
  m: number;
  /** engine.posterior, float64 JS (factorisation included). */
  engineMs: number;
  /** posteriorFactors (float64) + float32 tfjs kernel + read-back. */
  gpuMs: number;
  /** The float32 kernel and read-back alone. */
  gpuKernelMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Median times of both posterior paths at fixed θ on n noisy sine points and an m-point grid. */
export async function timePosterior(
  n: number,
  m: number,
  repetitions: number,
): Promise<PosteriorTiming> {
  await start();
  const x = Array.from({ length: n }, (_, i) => (10 * i) / n + 0.37 * Math.sin(i));
  const y = x.map((value, i) => Math.sin(value) + 0.1 * Math.cos(7 * i));
  const data = validateDataset(x, y);
  const kernel: KernelName = 'rbf';
  const theta: Hyperparameters = { lengthscale: 1.2, signalStd: 1, noiseStd: 0.1 };
  const grid = evenGrid(0, 10, m);
  const engineTimes: number[] = [];
  const gpuTimes: number[] = [];
  const kernelTimes: number[] = [];
  for (let k = 0; k <= repetitions; k++) {
    let t0 = performance.now();
    posterior(data, theta, kernel, grid);
    const engineMs = performance.now() - t0;
    t0 = performance.now();
    const factors = { x: data.x, kernel, theta, ...posteriorFactors(data, theta, kernel) };
    const t1 = performance.now();
    await densePosterior(factors, grid);
    const t2 = performance.now();
    // The first round compiles shaders for these shapes; it is not counted.
    if (k === 0) continue;
    engineTimes.push(engineMs);
    gpuTimes.push(t2 - t0);
    kernelTimes.push(t2 - t1);
  }
  return {
    n,
    m,
    engineMs: median(engineTimes),
    gpuMs: median(gpuTimes),
    gpuKernelMs: median(kernelTimes),
  };
}
