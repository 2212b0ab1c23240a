/**
 * What the store asks the compute service for. The posterior grid and the landscape's axes are
 * fixed to the plot's domain, so every picture stays in place while points move.
 */
import type { KernelName } from '../engine/types';
import type { AnalysisRequest } from '../worker/protocol';
import { X_DOMAIN, type Point } from './domain';

/** Samples of the posterior mean and band across the plot (every 0.025 x units on [0, 10]). */
export const POSTERIOR_GRID_COUNT = 401;

/** The profile-likelihood landscape: ℓ and σn²/σf² on log axes. */
export const LANDSCAPE_GRID = {
  lengthscaleRange: [0.05, 50] as [number, number],
  noiseRatioRange: [1e-6, 1e2] as [number, number],
  size: 48,
};

/**
 * Up to this many points the landscape is recomputed on every pointer move; above it, once a
 * drag ends, so the arrows keep up with the pointer.
 */
export const LIVE_LANDSCAPE_MAX_POINTS = 40;

export interface RequestPlan {
  landscape: boolean;
  finiteDifferenceIndex: number | null;
}

export function buildRequest(
  points: readonly Point[],
  kernel: KernelName,
  plan: RequestPlan,
): AnalysisRequest {
  return {
    x: Float64Array.from(points, (p) => p.x),
    y: Float64Array.from(points, (p) => p.y),
    kernel,
    grid: { min: X_DOMAIN[0], max: X_DOMAIN[1], count: POSTERIOR_GRID_COUNT },
    landscape: plan.landscape
      ? {
          lengthscaleRange: [...LANDSCAPE_GRID.lengthscaleRange],
          noiseRatioRange: [...LANDSCAPE_GRID.noiseRatioRange],
          size: LANDSCAPE_GRID.size,
        }
      : null,
    samples: 0,
    finiteDifferenceIndex: plan.finiteDifferenceIndex,
  };
}
