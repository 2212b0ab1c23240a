/**
 * An independent implementation of the three selection rules, for the tests: plain arrays, the
 * kernels written out, an explicit matrix inverse by Gauss–Jordan elimination, the leave-one-out
 * predictive distributions computed by actually leaving each point out (n Cholesky factorisations
 * of what is left), and points
 * of weight w with noise variance σn²/w and tempered likelihood N(y | f, σn²)^w. Nothing here
 * shares code with src/engine; everything is in the data's units.
 */
import type { HyperparameterPrior, KernelName, LogTheta, SelectionRule } from '../../../src/engine';

export interface WeightedData {
  x: number[];
  y: number[];
  /** One weight per point (1 when absent). */
  w?: number[];
}

export function correlation(kernel: KernelName, r: number, lengthscale: number): number {
  const d = Math.abs(r) / lengthscale;
  if (kernel === 'rbf') return Math.exp(-0.5 * d * d);
  if (kernel === 'matern52') {
    const s = Math.sqrt(5) * d;
    return (1 + s + (s * s) / 3) * Math.exp(-s);
  }
  const s = Math.sqrt(3) * d;
  return (1 + s) * Math.exp(-s);
}

/** Inverse and log-determinant of a symmetric positive definite matrix (Gauss–Jordan, pivoting). */
export function inverseAndLogDet(matrix: number[][]): { inverse: number[][]; logDet: number } {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  let logDet = 0;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    }
    if (pivot !== col) [a[pivot], a[col]] = [a[col]!, a[pivot]!];
    const p = a[col]![col]!;
    if (!(Math.abs(p) > 0) || !Number.isFinite(p)) throw new Error('singular matrix');
    logDet += Math.log(Math.abs(p));
    for (let j = 0; j < 2 * n; j++) a[col]![j] = a[col]![j]! / p;
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const factor = a[row]![col]!;
      if (factor === 0) continue;
      for (let j = 0; j < 2 * n; j++) a[row]![j] = a[row]![j]! - factor * a[col]![j]!;
    }
  }
  return { inverse: a.map((row) => row.slice(n)), logDet };
}

/** The lower Cholesky factor of a symmetric positive definite matrix (row by row). */
function cholesky(matrix: number[][]): number[][] {
  const n = matrix.length;
  const lower = matrix.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k++) sum -= lower[i]![k]! * lower[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) throw new Error('not positive definite');
        lower[i]![i] = Math.sqrt(sum);
      } else {
        lower[i]![j] = sum / lower[j]![j]!;
      }
    }
  }
  return lower;
}

/** L⁻¹b for a lower-triangular L. */
function forwardSubstitute(lower: number[][], b: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= lower[i]![k]! * out[k]!;
    out.push(sum / lower[i]![i]!);
  }
  return out;
}

function covariance(kernel: KernelName, x: number[], theta: number[], w: number[]): number[][] {
  const [lengthscale, signal, noise] = theta as [number, number, number];
  return x.map((xa, a) =>
    x.map(
      (xb, b) =>
        signal * signal * correlation(kernel, xa - xb, lengthscale) +
        (a === b ? (noise * noise) / w[a]! : 0),
    ),
  );
}

const LOG_TWO_PI = Math.log(2 * Math.PI);

/**
 * log ∫ p(f | θ) Πₐ N(yₐ | fₐ, σn²)^{wₐ} df = log N(y | 0, K_f + σn² W⁻¹)
 *   + Σₐ [(1 − wₐ)/2 · log(2πσn²) − ½ log wₐ].
 */
export function logMarginalLikelihood(
  kernel: KernelName,
  data: WeightedData,
  logTheta: LogTheta,
): number {
  const theta = logTheta.map(Math.exp);
  const w = data.w ?? data.x.map(() => 1);
  const { inverse, logDet } = inverseAndLogDet(covariance(kernel, data.x, theta, w));
  let quadratic = 0;
  data.y.forEach((ya, a) => data.y.forEach((yb, b) => (quadratic += ya * inverse[a]![b]! * yb)));
  const n = data.x.length;
  let tempering = 0;
  for (const wa of w) {
    tempering += 0.5 * (1 - wa) * (LOG_TWO_PI + 2 * logTheta[2]) - 0.5 * Math.log(wa);
  }
  return -0.5 * quadratic - 0.5 * logDet - 0.5 * n * LOG_TWO_PI + tempering;
}

/**
 * Σₐ wₐ log N(yₐ | μₐ, vₐ + σn²), with μₐ, vₐ the latent posterior at xₐ given every other point
 * (each with its noise σn²/w_b), found by leaving point a out and inverting what is left.
 */
export function leaveOneOut(kernel: KernelName, data: WeightedData, logTheta: LogTheta): number {
  const theta = logTheta.map(Math.exp);
  const [lengthscale, signal, noise] = theta as [number, number, number];
  const w = data.w ?? data.x.map(() => 1);
  const n = data.x.length;
  let total = 0;
  for (let a = 0; a < n; a++) {
    const others = [...Array(n).keys()].filter((b) => b !== a);
    const x = others.map((b) => data.x[b]!);
    const y = others.map((b) => data.y[b]!);
    const k = x.map((xb) => signal * signal * correlation(kernel, data.x[a]! - xb, lengthscale));
    // μ = kᵀC⁻¹y and kᵀC⁻¹k by one Cholesky factor C = LLᵀ: with u = L⁻¹k, v = L⁻¹y,
    // μ = u·v and kᵀC⁻¹k = u·u.
    const lower = cholesky(
      covariance(
        kernel,
        x,
        theta,
        others.map((b) => w[b]!),
      ),
    );
    const u = forwardSubstitute(lower, k);
    const v = forwardSubstitute(lower, y);
    const mean = u.reduce((sum, value, i) => sum + value * v[i]!, 0);
    const explained = u.reduce((sum, value) => sum + value * value, 0);
    const variance = signal * signal - explained + noise * noise;
    const residual = data.y[a]! - mean;
    total +=
      w[a]! * (-0.5 * (LOG_TWO_PI + Math.log(variance)) - (residual * residual) / (2 * variance));
  }
  return total;
}

/** log p(log θ) of the map rule, with data-relative centres from the weighted scales of the data. */
export function logPriorDensity(
  prior: HyperparameterPrior,
  data: WeightedData,
  logTheta: LogTheta,
): number {
  const w = data.w ?? data.x.map(() => 1);
  const total = w.reduce((sum, value) => sum + value, 0);
  const mean = data.x.reduce((sum, value, a) => sum + w[a]! * value, 0) / total;
  const xVariance = data.x.reduce((sum, value, a) => sum + w[a]! * (value - mean) ** 2, 0) / total;
  const yMeanSquare = data.y.reduce((sum, value, a) => sum + w[a]! * value * value, 0) / total;
  const relative = prior.relativeTo === 'data';
  const scales = relative ? [Math.sqrt(xVariance), Math.sqrt(yMeanSquare)] : [1, 1];
  const parts = [
    [prior.lengthscale, scales[0]!],
    [prior.signalStd, scales[1]!],
    [prior.noiseStd, scales[1]!],
  ] as const;
  let value = 0;
  parts.forEach(([part, scale], i) => {
    const z = (logTheta[i]! - Math.log(part.median * scale)) / part.logSd;
    value += -0.5 * z * z - Math.log(part.logSd) - 0.5 * LOG_TWO_PI;
  });
  return value;
}

/** The objective of `rule` on (weighted) data, in the data's units. */
export function ruleObjective(
  rule: SelectionRule,
  kernel: KernelName,
  data: WeightedData,
  logTheta: LogTheta,
  prior?: HyperparameterPrior,
): number {
  if (rule === 'loo') return leaveOneOut(kernel, data, logTheta);
  const value = logMarginalLikelihood(kernel, data, logTheta);
  return rule === 'map' ? value + logPriorDensity(prior!, data, logTheta) : value;
}
