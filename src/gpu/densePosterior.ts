/**
 * The posterior mean and variance of the latent function on a dense grid, in float32 with tfjs,
 * from float64 factors of the engine (`posteriorFactors`):
 *
 *   mean(x*) = k*ᵀ α,                         α = K⁻¹ y
 *   var(x*)  = σf² − ‖L⁻¹ k*‖²  (clamped ≥ 0),  k*_i = σf² ρ(|x* − x_i|; ℓ)
 *
 * Computed in units of σf to keep float32 magnitudes near one: with R*_ji = ρ(|x*_j − x_i|; ℓ),
 * mean = R* (σf² α) and var = σf² · max(0, 1 − colsum((σf L⁻¹ R*ᵀ)²)).
 * Every intermediate tensor is disposed; the live-tensor count is unchanged by a call.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Hyperparameters, KernelName } from '../engine';
import { correlationOfScaledDistance } from './correlation';
import { scaleInputs } from './scaledInputs';

/** Float64 factors of the posterior at fitted hyperparameters. */
export interface PosteriorFactorInput {
  /** Training inputs x_i. */
  x: Float64Array;
  kernel: KernelName;
  theta: Hyperparameters;
  /** α = K⁻¹ y. */
  alpha: Float64Array;
  /** L⁻¹ with K = L Lᵀ, n×n row-major, lower triangular. */
  choleskyInverse: Float64Array;
}

export interface DensePosterior {
  mean: Float64Array;
  /** Latent variance (without σn²), ≥ 0. */
  variance: Float64Array;
}

export function checkFactorShapes(factors: PosteriorFactorInput): number {
  const n = factors.x.length;
  if (n === 0) throw new RangeError('posterior factors need at least one training point');
  if (factors.alpha.length !== n) {
    throw new RangeError(`alpha has ${factors.alpha.length} entries for ${n} points`);
  }
  if (factors.choleskyInverse.length !== n * n) {
    throw new RangeError(
      `choleskyInverse has ${factors.choleskyInverse.length} entries, not ${n}²`,
    );
  }
  return n;
}

/**
 * The correlation matrix R* (m×n) between query and training inputs, as a tensor the caller
 * disposes.
 */
export function crossCorrelation(
  kernel: KernelName,
  trainingScaled: Float32Array,
  queryScaled: Float32Array,
): tf.Tensor2D {
  return tf.tidy(() => {
    const training = tf.tensor2d(trainingScaled, [1, trainingScaled.length]);
    const query = tf.tensor2d(queryScaled, [queryScaled.length, 1]);
    const scaledDistance = tf.abs(tf.sub(query, training));
    return correlationOfScaledDistance(kernel, scaledDistance) as tf.Tensor2D;
  });
}

export async function densePosterior(
  factors: PosteriorFactorInput,
  xQuery: Float64Array,
): Promise<DensePosterior> {
  const n = checkFactorShapes(factors);
  const m = xQuery.length;
  if (m === 0) return { mean: new Float64Array(0), variance: new Float64Array(0) };
  const { lengthscale, signalStd } = factors.theta;
  const signalVariance = signalStd * signalStd;
  const scaled = scaleInputs(factors.x, xQuery, lengthscale);

  const [meanTensor, explainedTensor] = tf.tidy(() => {
    const correlation = crossCorrelation(factors.kernel, scaled.training, scaled.query);
    const weights = tf.tensor2d(
      Float32Array.from(factors.alpha, (value) => value * signalVariance),
      [n, 1],
    );
    const mean = tf.reshape(tf.matMul(correlation, weights), [m]);
    const whitenedFactor = tf.tensor2d(
      Float32Array.from(factors.choleskyInverse, (value) => value * signalStd),
      [n, n],
    );
    // V = (σf L⁻¹) R*ᵀ is n×m; colsum(V²) is the explained fraction of the prior variance.
    const whitened = tf.matMul(whitenedFactor, correlation, false, true);
    const explained = tf.sum(tf.square(whitened), 0);
    return [mean, explained];
  });

  try {
    const [meanValues, explainedValues] = await Promise.all([
      meanTensor.data(),
      explainedTensor.data(),
    ]);
    const mean = Float64Array.from(meanValues);
    const variance = Float64Array.from(explainedValues, (fraction) =>
      fraction < 1 ? signalVariance * (1 - fraction) : 0,
    );
    if (!mean.every(Number.isFinite) || !explainedValues.every(Number.isFinite)) {
      throw new RangeError('the float32 posterior overflowed; use the float64 engine instead');
    }
    return { mean, variance };
  } finally {
    meanTensor.dispose();
    explainedTensor.dispose();
  }
}
