/**
 * The source answer's objective, checked: it writes
 *
 *   F(θ; y) = −yᵀK⁻¹y − ½ log|K|
 *
 * without the ½ on the quadratic term of the log marginal likelihood
 * L(θ; y) = −½ yᵀK⁻¹y − ½ log|K| − (n/2) log 2π (Rasmussen & Williams 2006, eq. 5.8). Since
 * −yᵀK⁻¹y = −½ (√2y)ᵀK⁻¹(√2y), F(θ; y) = L(θ; √2·y) + (n/2) log 2π: maximising F is fitting the
 * data scaled by √2. With σf and σn free, the fit is scale-equivariant (ℓ̂ stays, σ̂f and σ̂n
 * scale with y), so ℓ̂ and dℓ̂/dy are the same under F as under L. With σf held fixed, the scale
 * cannot follow, and ℓ̂ moves.
 *
 * Both are computed here with the float64 engine: the free fits by `fitHyperparameters` (of y and
 * of √2·y), the fixed-σf fits by a two-parameter Newton ascent in (log ℓ, log σn) on the engine's
 * exact likelihood, gradient and Hessian (`evaluateLikelihood`), σf held at a given value.
 */
import {
  computeSensitivities,
  fitHyperparameters,
  validateDataset,
  type Dataset,
  type FitResult,
  type KernelName,
  type LogTheta,
} from '../engine';
import { createLikelihoodWorkspace, evaluateLikelihood } from '../engine/likelihood';

/** A maximum of L over (ℓ, σn) with σf held fixed. */
export interface FixedSignalFit {
  lengthscale: number;
  signalStd: number;
  noiseStd: number;
  /** The objective at the maximum (L for the likelihood, F for the source's objective). */
  value: number;
  /** |∂/∂(log ℓ, log σn)| at the maximum: how flat the returned point is. */
  gradientNorm: number;
}

export interface ObjectiveComparison {
  kernel: KernelName;
  /** θ̂ under the log marginal likelihood, σf free. */
  likelihood: FitResult;
  /** θ̂ under the source's objective F, σf free (the fit of √2·y). */
  source: FitResult;
  /** d log ℓ̂/dyᵢ under L and under F (by the chain rule through √2·y). */
  likelihoodLogLengthscaleSlope: Float64Array;
  sourceLogLengthscaleSlope: Float64Array;
  /** σf held at this value for the fixed-σf fits. */
  fixedSignalStd: number;
  likelihoodFixed: FixedSignalFit;
  sourceFixed: FixedSignalFit;
}

const LOG_TWO_PI = Math.log(2 * Math.PI);

/** The data with every y multiplied by `factor`. */
export function scaleTargets(data: Dataset, factor: number): Dataset {
  return { x: data.x, y: data.y.map((value) => value * factor) };
}

/**
 * Maximises L(θ; data) over (log ℓ, log σn) with log σf fixed, by Newton's method with step
 * halving, from `start` (log θ; its σf entry is replaced). Exact to the Newton step (< 1e-12).
 */
export function fitWithFixedSignal(
  data: Dataset,
  kernel: KernelName,
  signalStd: number,
  start: LogTheta,
): FixedSignalFit {
  const workspace = createLikelihoodWorkspace(kernel, data.x, data.y);
  const logSignal = Math.log(signalStd);
  let point: LogTheta = [start[0], logSignal, start[2]];
  let current = evaluateLikelihood(workspace, point, 2);
  for (let iteration = 0; iteration < 200; iteration++) {
    const g0 = current.gradient![0];
    const g2 = current.gradient![2];
    const h = current.hessian!;
    const a = h[0][0];
    const b = h[0][2];
    const d = h[2][2];
    const determinant = a * d - b * b;
    // Newton where the 2×2 Hessian is negative definite, otherwise a gradient step.
    let step: [number, number] =
      a < 0 && determinant > 0
        ? [-(d * g0 - b * g2) / determinant, -(a * g2 - b * g0) / determinant]
        : [0.1 * g0, 0.1 * g2];
    const length = Math.hypot(step[0], step[1]);
    if (length > 1) step = [step[0] / length, step[1] / length];
    let accepted = false;
    for (let halving = 0; halving < 40; halving++) {
      const candidate: LogTheta = [point[0] + step[0], logSignal, point[2] + step[1]];
      try {
        const next = evaluateLikelihood(workspace, candidate, 2);
        if (next.value >= current.value - 1e-12 * Math.abs(current.value)) {
          point = candidate;
          current = next;
          accepted = true;
          break;
        }
      } catch {
        // K not factorisable at the candidate: a shorter step.
      }
      step = [step[0] / 2, step[1] / 2];
    }
    if (!accepted || Math.hypot(step[0], step[1]) < 1e-12) break;
  }
  return {
    lengthscale: Math.exp(point[0]),
    signalStd,
    noiseStd: Math.exp(point[2]),
    value: current.value,
    gradientNorm: Math.hypot(current.gradient![0], current.gradient![2]),
  };
}

/** d log ℓ̂/dyᵢ for every point, or NaNs where the theorem does not apply. */
function logLengthscaleSlope(data: Dataset, fit: FitResult): Float64Array {
  const sensitivities = computeSensitivities(data, fit);
  return sensitivities.defined
    ? Float64Array.from(sensitivities.dLogTheta_dy[0])
    : new Float64Array(data.x.length).fill(Number.NaN);
}

/**
 * Fits the data under L and under the source's F, σf free and σf fixed (at `fixedSignalStd`,
 * default the likelihood's own σ̂f, where the fixed-σf maximum of L is θ̂ itself).
 */
export function compareObjectives(
  points: readonly { x: number; y: number }[],
  kernel: KernelName = 'rbf',
  fixedSignalStd?: number,
): ObjectiveComparison {
  const data = validateDataset(
    points.map((p) => p.x),
    points.map((p) => p.y),
  );
  const scaled = scaleTargets(data, Math.SQRT2);
  const likelihood = fitHyperparameters(data, { kernel });
  const source = fitHyperparameters(scaled, { kernel });
  // F(θ; y) = L(θ; √2 y) + (n/2) log 2π, so ∂ℓ̂_F/∂yᵢ = √2 · ∂ℓ̂_L/∂yᵢ evaluated at √2 y.
  const sourceSlope = logLengthscaleSlope(scaled, source).map((value) => value * Math.SQRT2);
  const signal = fixedSignalStd ?? likelihood.theta.signalStd;
  const likelihoodFixed = fitWithFixedSignal(data, kernel, signal, likelihood.logTheta);
  const sourceFixedL = fitWithFixedSignal(scaled, kernel, signal, likelihood.logTheta);
  const n = data.x.length;
  return {
    kernel,
    likelihood,
    source,
    likelihoodLogLengthscaleSlope: logLengthscaleSlope(data, likelihood),
    sourceLogLengthscaleSlope: sourceSlope,
    fixedSignalStd: signal,
    likelihoodFixed,
    sourceFixed: { ...sourceFixedL, value: sourceFixedL.value + 0.5 * n * LOG_TWO_PI },
  };
}
