/**
 * Posterior sample paths on a dense grid by pathwise conditioning (Matheron's rule):
 *
 *   f*|y = f* + k*ᵀ K⁻¹ (y − f(X) − ε),   (f*, f(X)) a joint prior draw, ε ~ N(0, σn² I)
 *
 * The prior draw is a random-feature expansion of the stationary kernel (Bochner's theorem):
 *
 *   f(x) = σf √(1/F) Σ_k [a_k cos(ω_k t) + b_k sin(ω_k t)],  t = x/ℓ,  a_k, b_k ~ N(0, 1),
 *
 * with ω_k from the kernel's spectral density in units of 1/ℓ (standard normal for rbf,
 * Student-t with 2ν degrees of freedom for Matérn ν). Frequencies are drawn afresh for every
 * path, so each path's covariance equals the kernel's exactly in expectation; the update is exact.
 * The feature sums and k*ᵀ products run in float32 on tfjs; K⁻¹ is applied in float64 through
 * the engine's L⁻¹, so no float32 factorisation is ever needed.
 */
import * as tf from '@tensorflow/tfjs-core';
import { spectralDegreesOfFreedom } from './correlation';
import { checkFactorShapes, crossCorrelation, type PosteriorFactorInput } from './densePosterior';
import { scaleInputs } from './scaledInputs';
import { createSeededRandom, type SeededRandom } from './seededRandom';

export interface SamplePathOptions {
  count: number;
  seed: number;
  /** Random frequencies per path (each gives a cosine and a sine feature). */
  frequencies?: number;
}

/** Upper bound on the elements of one feature tensor, to bound GPU memory per batch. */
const MAX_FEATURE_ELEMENTS = 4_000_000;

interface PathDraw {
  frequencies: Float32Array;
  cosineWeights: Float32Array;
  sineWeights: Float32Array;
  noise: Float64Array;
}

function drawPath(
  random: SeededRandom,
  frequencyCount: number,
  n: number,
  dof: number | null,
  noiseStd: number,
): PathDraw {
  const frequencies = new Float32Array(frequencyCount);
  const cosineWeights = new Float32Array(frequencyCount);
  const sineWeights = new Float32Array(frequencyCount);
  for (let k = 0; k < frequencyCount; k++) {
    frequencies[k] = dof === null ? random.normal() : random.studentT(dof);
    cosineWeights[k] = random.normal();
    sineWeights[k] = random.normal();
  }
  const noise = Float64Array.from({ length: n }, () => noiseStd * random.normal());
  return { frequencies, cosineWeights, sineWeights, noise };
}

/**
 * Prior draws at `points` for a batch of paths: S×N values, row-major by path. Frequency-major
 * layout (phases S×F×N, then batched F-length dot products) keeps every step a plain matMul or
 * elementwise op, which is several times faster on the CPU backend than broadcasting.
 */
async function priorDraws(
  points: Float32Array,
  draws: PathDraw[],
  frequencyCount: number,
  signalStd: number,
): Promise<Float32Array> {
  const pathCount = draws.length;
  const stack = (pick: (draw: PathDraw) => Float32Array): Float32Array => {
    const values = new Float32Array(pathCount * frequencyCount);
    draws.forEach((draw, s) => values.set(pick(draw), s * frequencyCount));
    return values;
  };
  const scale = signalStd / Math.sqrt(frequencyCount);
  const result = tf.tidy(() => {
    const frequencies = tf.tensor2d(
      stack((draw) => draw.frequencies),
      [pathCount * frequencyCount, 1],
    );
    const phases = tf.reshape(tf.matMul(frequencies, tf.tensor2d(points, [1, points.length])), [
      pathCount,
      frequencyCount,
      points.length,
    ]);
    const weights = (pick: (draw: PathDraw) => Float32Array) =>
      tf.tensor3d(stack(pick), [pathCount, 1, frequencyCount]);
    const draw = tf.add(
      tf.matMul(
        weights((path) => path.cosineWeights),
        tf.cos(phases),
      ),
      tf.matMul(
        weights((path) => path.sineWeights),
        tf.sin(phases),
      ),
    );
    return tf.mul(tf.reshape(draw, [pathCount, points.length]), scale);
  });
  try {
    return (await result.data()) as Float32Array;
  } finally {
    result.dispose();
  }
}

/** K⁻¹ r = L⁻ᵀ (L⁻¹ r) in float64, with L⁻¹ lower triangular, row-major. */
function solveWithCholeskyInverse(
  choleskyInverse: Float64Array,
  residual: Float64Array,
): Float64Array {
  const n = residual.length;
  const whitened = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j <= i; j++) sum += (choleskyInverse[i * n + j] ?? 0) * (residual[j] ?? 0);
    whitened[i] = sum;
  }
  const solution = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const weight = whitened[i] ?? 0;
    for (let j = 0; j <= i; j++)
      solution[j] = (solution[j] ?? 0) + (choleskyInverse[i * n + j] ?? 0) * weight;
  }
  return solution;
}

/**
 * `count` posterior sample paths of the latent function at `xQuery`, reproducible for a seed.
 * Needs the training targets `y` besides the factors.
 */
export async function posteriorSamplePaths(
  factors: PosteriorFactorInput & { y: Float64Array },
  xQuery: Float64Array,
  options: SamplePathOptions,
): Promise<Float64Array[]> {
  const n = checkFactorShapes(factors);
  if (factors.y.length !== n)
    throw new RangeError(`y has ${factors.y.length} entries for ${n} points`);
  const count = Math.max(0, Math.trunc(options.count));
  const m = xQuery.length;
  if (count === 0 || m === 0) return Array.from({ length: count }, () => new Float64Array(m));
  const frequencyCount = Math.max(1, Math.trunc(options.frequencies ?? 256));
  const { lengthscale, signalStd, noiseStd } = factors.theta;
  const signalVariance = signalStd * signalStd;
  const scaled = scaleInputs(factors.x, xQuery, lengthscale);
  const points = new Float32Array(n + m);
  points.set(scaled.training, 0);
  points.set(scaled.query, n);

  const random = createSeededRandom(options.seed);
  const dof = spectralDegreesOfFreedom(factors.kernel);
  const draws = Array.from({ length: count }, () =>
    drawPath(random, frequencyCount, n, dof, noiseStd),
  );

  const batchSize = Math.max(
    1,
    Math.floor(MAX_FEATURE_ELEMENTS / (points.length * frequencyCount)),
  );
  const prior = new Float32Array(count * points.length);
  for (let start = 0; start < count; start += batchSize) {
    const batch = draws.slice(start, start + batchSize);
    prior.set(await priorDraws(points, batch, frequencyCount, signalStd), start * points.length);
  }

  // Matheron's update weights σf² K⁻¹ (y − f(X) − ε), one column per path (n×S).
  const updateWeights = new Float32Array(n * count);
  draws.forEach((draw, s) => {
    const residual = Float64Array.from(
      factors.y,
      (yValue, i) => yValue - (prior[s * points.length + i] ?? 0) - (draw.noise[i] ?? 0),
    );
    const solution = solveWithCholeskyInverse(factors.choleskyInverse, residual);
    for (let i = 0; i < n; i++) updateWeights[i * count + s] = (solution[i] ?? 0) * signalVariance;
  });

  const updateTensor = tf.tidy(() => {
    const correlation = crossCorrelation(factors.kernel, scaled.training, scaled.query);
    return tf.transpose(tf.matMul(correlation, tf.tensor2d(updateWeights, [n, count])));
  });
  let update: Float32Array;
  try {
    update = (await updateTensor.data()) as Float32Array;
  } finally {
    updateTensor.dispose();
  }

  return draws.map((_, s) => {
    const path = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      path[j] = (prior[s * points.length + n + j] ?? 0) + (update[s * m + j] ?? 0);
    }
    if (!path.every(Number.isFinite)) {
      throw new RangeError('a float32 sample path overflowed; use the float64 engine instead');
    }
    return path;
  });
}
