/**
 * The GP posterior of the latent f at query inputs x* (Rasmussen & Williams 2006, Alg. 2.1):
 *   mean = k*ᵀα,  var = k(x*, x*) − vᵀv with v = L⁻¹k*,  K = LLᵀ,  α = K⁻¹y,
 * in data units. Also the float64 factors the float32 GPU path consumes, and posterior samples.
 */
import { checkGrid, checkHyperparameters } from './check-arguments';
import { describeValue, GpInputError } from './input-error';
import { denseKernels, type DenseKernels } from './dense-kernels';
import { fillCorrelation, kernelCorrelation } from './kernels';
import {
  choleskyInPlace,
  inverseTransposeOfLower,
  NotPositiveDefiniteError,
  solveCholeskyInPlace,
} from './linalg';
import { normalGenerator } from './random';
import type { Dataset, Hyperparameters, KernelName, Posterior } from './types';
import { checkDataset, checkKernel } from './validate';

/** Most query inputs of `posterior`, and of `posteriorSamples` (whose memory grows as m²). */
export const MAX_QUERY_POINTS = 100_000;
export const MAX_SAMPLE_QUERY_POINTS = 4096;
/** Most values (paths × query inputs) of one `posteriorSamples` call: 80 MB of float64. */
export const MAX_SAMPLE_VALUES = 10_000_000;

function checkPosteriorArguments(data: Dataset, theta: Hyperparameters, kernel: KernelName): void {
  checkDataset(data);
  checkHyperparameters(theta);
  checkKernel(kernel);
}

/** Float64 factors of K from which mean and variance follow by matrix products alone. */
export interface PosteriorFactors {
  /** α = K⁻¹y. */
  alpha: Float64Array;
  /** L⁻¹ (n×n row-major, lower triangular) with K = LLᵀ. */
  choleskyInverse: Float64Array;
}

function covarianceFactor(
  kernels: DenseKernels,
  data: Dataset,
  theta: Hyperparameters,
  kernel: KernelName,
): Float64Array {
  const n = data.x.length;
  const factor = new Float64Array(n * n);
  fillCorrelation(kernels, kernel, data.x, theta.lengthscale, factor);
  const signalVariance = theta.signalStd ** 2;
  for (let i = 0; i < n * n; i++) factor[i] = signalVariance * factor[i]!;
  for (let i = 0; i < n; i++) factor[i * n + i] = factor[i * n + i]! + theta.noiseStd ** 2;
  choleskyInPlace(kernels, factor, n);
  return factor;
}

/** α and L⁻¹ for the covariance of `data` under θ. Throws if K is not positive definite. */
export function posteriorFactors(
  data: Dataset,
  theta: Hyperparameters,
  kernel: KernelName,
): PosteriorFactors {
  checkPosteriorArguments(data, theta, kernel);
  const n = data.x.length;
  const kernels = denseKernels();
  const factor = covarianceFactor(kernels, data, theta, kernel);
  const alpha = Float64Array.from(data.y);
  solveCholeskyInPlace(factor, n, alpha);
  const inverseTranspose = new Float64Array(n * n);
  inverseTransposeOfLower(kernels, factor, n, inverseTranspose);
  const choleskyInverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) choleskyInverse[i * n + j] = inverseTranspose[j * n + i]!;
  }
  return { alpha, choleskyInverse };
}

/** Posterior mean and latent variance (clamped at 0 against round-off) at every query input. */
export function posterior(
  data: Dataset,
  theta: Hyperparameters,
  kernel: KernelName,
  xQuery: Float64Array,
): Posterior {
  checkPosteriorArguments(data, theta, kernel);
  checkGrid(xQuery, 'xQuery', { maxLength: MAX_QUERY_POINTS });
  const n = data.x.length;
  const kernels = denseKernels();
  const factor = covarianceFactor(kernels, data, theta, kernel);
  const alpha = Float64Array.from(data.y);
  solveCholeskyInPlace(factor, n, alpha);
  const signalVariance = theta.signalStd ** 2;
  const mean = new Float64Array(xQuery.length);
  const variance = new Float64Array(xQuery.length);
  const cross = new Float64Array(n);
  for (let q = 0; q < xQuery.length; q++) {
    const xq = xQuery[q]!;
    let m = 0;
    for (let i = 0; i < n; i++) {
      cross[i] =
        signalVariance * kernelCorrelation(kernel, Math.abs(xq - data.x[i]!), theta.lengthscale);
      m += cross[i]! * alpha[i]!;
    }
    // v = L⁻¹k* by forward substitution; var = σf² − vᵀv.
    let explained = 0;
    for (let i = 0; i < n; i++) {
      let sum = cross[i]!;
      for (let k = 0; k < i; k++) sum -= factor[i * n + k]! * cross[k]!;
      cross[i] = sum / factor[i * n + i]!;
      explained += cross[i]! * cross[i]!;
    }
    mean[q] = m;
    variance[q] = Math.max(0, signalVariance - explained);
  }
  return { mean, variance };
}

function jitteredCholesky(
  kernels: DenseKernels,
  covariance: Float64Array,
  m: number,
  signalVariance: number,
): Float64Array {
  for (let jitter = 1e-10; jitter <= 1e-2; jitter *= 10) {
    const attempt = Float64Array.from(covariance);
    for (let a = 0; a < m; a++) attempt[a * m + a] = attempt[a * m + a]! + jitter * signalVariance;
    try {
      choleskyInPlace(kernels, attempt, m);
      return attempt;
    } catch (error) {
      if (!(error instanceof NotPositiveDefiniteError)) throw error;
    }
  }
  throw new Error('the posterior covariance of the query grid could not be factorised');
}

/**
 * `count` joint posterior sample paths of f at xQuery: mean + C ε with C the Cholesky factor of the
 * posterior covariance. A dense grid's joint covariance is numerically singular, so the smallest
 * diagonal jitter from 1e-10·σf² upwards (×10 per try) that factorises is added.
 */
export function posteriorSamples(
  data: Dataset,
  theta: Hyperparameters,
  kernel: KernelName,
  xQuery: Float64Array,
  count: number,
  seed: number,
): Float64Array[] {
  checkPosteriorArguments(data, theta, kernel);
  checkGrid(xQuery, 'xQuery', { maxLength: MAX_SAMPLE_QUERY_POINTS });
  const maxCount = Math.floor(MAX_SAMPLE_VALUES / Math.max(1, xQuery.length));
  if (!Number.isInteger(count) || count < 0 || count > maxCount) {
    throw new GpInputError(
      'invalid-argument',
      `count must be an integer from 0 to ${maxCount} for ${xQuery.length} query inputs, got ${describeValue(count)}`,
    );
  }
  const n = data.x.length;
  const m = xQuery.length;
  const kernels = denseKernels();
  const factor = covarianceFactor(kernels, data, theta, kernel);
  const alpha = Float64Array.from(data.y);
  solveCholeskyInPlace(factor, n, alpha);
  const signalVariance = theta.signalStd ** 2;
  // V = L⁻¹ K(x, x*), column q in row-major V[i * m + q].
  const projected = new Float64Array(n * m);
  const mean = new Float64Array(m);
  for (let q = 0; q < m; q++) {
    for (let i = 0; i < n; i++) {
      const k =
        signalVariance *
        kernelCorrelation(kernel, Math.abs(xQuery[q]! - data.x[i]!), theta.lengthscale);
      mean[q] = mean[q]! + k * alpha[i]!;
      let sum = k;
      for (let j = 0; j < i; j++) sum -= factor[i * n + j]! * projected[j * m + q]!;
      projected[i * m + q] = sum / factor[i * n + i]!;
    }
  }
  const covariance = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b <= a; b++) {
      let explained = 0;
      for (let i = 0; i < n; i++) explained += projected[i * m + a]! * projected[i * m + b]!;
      const prior =
        signalVariance *
        kernelCorrelation(kernel, Math.abs(xQuery[a]! - xQuery[b]!), theta.lengthscale);
      covariance[a * m + b] = prior - explained;
    }
  }
  const sampleFactor = jitteredCholesky(kernels, covariance, m, signalVariance);
  const normal = normalGenerator(seed);
  const samples: Float64Array[] = [];
  const noise = new Float64Array(m);
  for (let s = 0; s < count; s++) {
    for (let q = 0; q < m; q++) noise[q] = normal();
    const path = Float64Array.from(mean);
    for (let a = 0; a < m; a++) {
      let sum = 0;
      for (let b = 0; b <= a; b++) sum += sampleFactor[a * m + b]! * noise[b]!;
      path[a] = path[a]! + sum;
    }
    samples.push(path);
  }
  return samples;
}
