/**
 * The implicit function theorem's first-order prediction of θ̂ after the data move:
 *
 *   log θ̂(x + Δx, y + Δy) ≈ log θ̂(x, y) + (∂ log θ̂/∂x) Δx + (∂ log θ̂/∂y) Δy.
 *
 * It is what the explorable shows beside the refit while a point is dragged (where they part, the
 * linearisation breaks), and the warm start of that refit: its error is O(|Δ|²), so the Newton
 * polish needs fewer steps.
 */
import type { Dataset, FitResult, Hyperparameters, LogTheta, SensitivityResult } from './types';

/**
 * Predicted log θ̂ for `moved` data from the fit and sensitivities at `base` data. Returns the base
 * fit's log θ̂ unchanged when the sensitivities are undefined or the point count differs (a point
 * added or removed is not a small move).
 */
export function predictLogTheta(
  base: Dataset,
  fit: Pick<FitResult, 'logTheta'>,
  sensitivities: SensitivityResult,
  moved: Dataset,
): LogTheta {
  const prediction: LogTheta = [...fit.logTheta];
  if (!sensitivities.defined || base.x.length !== moved.x.length) return prediction;
  for (let k = 0; k < base.x.length; k++) {
    const dx = moved.x[k]! - base.x[k]!;
    const dy = moved.y[k]! - base.y[k]!;
    if (dx === 0 && dy === 0) continue;
    for (let i = 0; i < 3; i++) {
      const row = i as 0 | 1 | 2;
      prediction[row] +=
        sensitivities.dLogTheta_dx[row][k]! * dx + sensitivities.dLogTheta_dy[row][k]! * dy;
    }
  }
  return prediction;
}

/** θ from log θ. */
export function hyperparametersFromLog(logTheta: LogTheta): Hyperparameters {
  return {
    lengthscale: Math.exp(logTheta[0]),
    signalStd: Math.exp(logTheta[1]),
    noiseStd: Math.exp(logTheta[2]),
  };
}
