/**
 * Inputs scaled for float32 kernels. Distances are formed from t = (x − c) / ℓ with c the centre
 * of the training inputs' range, computed in float64 before rounding to float32: an x of 1e6
 * with a lengthscale of 0.01 would otherwise lose every digit of r / ℓ.
 */
export interface ScaledInputs {
  training: Float32Array;
  query: Float32Array;
}

export function scaleInputs(
  training: Float64Array,
  query: Float64Array,
  lengthscale: number,
): ScaledInputs {
  if (!(lengthscale > 0) || !Number.isFinite(lengthscale)) {
    throw new RangeError(`lengthscale must be a positive finite number, got ${lengthscale}`);
  }
  let min = Infinity;
  let max = -Infinity;
  for (const value of training) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const centre = training.length > 0 ? (min + max) / 2 : 0;
  const scale = (values: Float64Array): Float32Array =>
    Float32Array.from(values, (value) => (value - centre) / lengthscale);
  return { training: scale(training), query: scale(query) };
}
