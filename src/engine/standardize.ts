/**
 * Internal units. x is centred and scaled to unit standard deviation; y is only scaled, to unit
 * root-mean-square, because the model is zero-mean and shifting y would change the answer.
 * With x = c + s_x x' and y = s_y y', the fit is equivariant:
 *   log ℓ = log ℓ' + log s_x,  log σ = log σ' + log s_y,  L = L' − n log s_y,
 * gradients and Hessians in log θ are unchanged, and by the chain rule
 *   ∂ log θ / ∂y_k = (∂ log θ' / ∂y'_k) / s_y,   ∂ log θ / ∂x_k = (∂ log θ' / ∂x'_k) / s_x.
 */
import type { Dataset, LogTheta } from './types';

export interface Standardization {
  xCenter: number;
  xScale: number;
  yScale: number;
}

export interface StandardizedData {
  x: Float64Array;
  y: Float64Array;
  map: Standardization;
}

export function standardize(data: Dataset): StandardizedData {
  const n = data.x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += data.x[i]!;
  mean /= n;
  let variance = 0;
  let ySquares = 0;
  for (let i = 0; i < n; i++) {
    variance += (data.x[i]! - mean) ** 2;
    ySquares += data.y[i]! ** 2;
  }
  const xScale = Math.sqrt(variance / n);
  const yScale = Math.sqrt(ySquares / n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = (data.x[i]! - mean) / xScale;
    y[i] = data.y[i]! / yScale;
  }
  return { x, y, map: { xCenter: mean, xScale, yScale } };
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
