/**
 * Internal units: x and y divided by powers of two close to their spread (the standard deviation
 * of x, the root-mean-square of y). Neither is shifted: the kernel sees only differences of x, and
 * the model is zero-mean, so shifting y would change the answer; and shifting x would cost digits
 * — inputs spread over many decades (1e-6 … 1e6) would lose the small distances to the rounding
 * of x − mean. Dividing by a power of two is exact, so every distance and every y keeps all its
 * bits and a dataset rescaled by 2^k has bit-identical internal units.
 *
 * The spreads are computed without overflow or underflow (scales.ts), so any finite data whose
 * spreads lie within SCALE_RANGE standardise; outside it θ̂ or its sensitivities (which scale like
 * 1/spread) would not be representable in float64, and `checkScales` (validate.ts) says so with a
 * typed error.
 *
 * With x = s_x x' and y = s_y y', the fit is equivariant:
 *   log ℓ = log ℓ' + log s_x,  log σ = log σ' + log s_y,  L = L' − n log s_y,
 * gradients and Hessians in log θ are unchanged, and by the chain rule
 *   ∂ log θ / ∂y_k = (∂ log θ' / ∂y'_k) / s_y,   ∂ log θ / ∂x_k = (∂ log θ' / ∂x'_k) / s_x.
 */
import type { Dataset, LogTheta } from './types';
import { checkScales } from './validate';

export interface Standardization {
  /** s_x, a power of two. */
  xScale: number;
  /** s_y, a power of two. */
  yScale: number;
  /** The root-mean-square of y in internal units (within [½, 2]). */
  internalYRms: number;
  /** The population standard deviation of x in internal units (within [½, 2]). */
  internalXSd: number;
}

export interface StandardizedData {
  x: Float64Array;
  y: Float64Array;
  map: Standardization;
}

export function standardize(data: Dataset): StandardizedData {
  const { xSpread, ySpread } = checkScales(data);
  const n = data.x.length;
  const xScale = 2 ** Math.round(Math.log2(xSpread));
  const yScale = 2 ** Math.round(Math.log2(ySpread));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = data.x[i]! / xScale;
    y[i] = data.y[i]! / yScale;
  }
  return {
    x,
    y,
    map: { xScale, yScale, internalYRms: ySpread / yScale, internalXSd: xSpread / xScale },
  };
}

/** log θ' (internal) → log θ (data units). */
export function toDataLogTheta(internal: LogTheta, map: Standardization): LogTheta {
  const logYScale = Math.log(map.yScale);
  return [internal[0] + Math.log(map.xScale), internal[1] + logYScale, internal[2] + logYScale];
}

/** log θ (data units) → log θ' (internal). */
export function toInternalLogTheta(external: LogTheta, map: Standardization): LogTheta {
  const logYScale = Math.log(map.yScale);
  return [external[0] - Math.log(map.xScale), external[1] - logYScale, external[2] - logYScale];
}
