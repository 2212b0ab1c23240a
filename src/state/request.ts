/**
 * What the store asks the compute service for. The posterior grid is fixed to the plot's domain,
 * so the picture stays in place while points move. The landscape starts from a fixed box that the
 * worker widens to hold θ̂ and the runner-up maximum; during a drag it starts from the box on
 * screen instead, so its axes only ever grow while a point moves.
 */
import type { HyperparameterPrior, KernelName, LandscapeBox, SelectionRule } from '../engine';
import type { AnalysisRequest } from '../worker/shared/protocol';
import { X_DOMAIN, type Point } from './domain';
import type { LandscapePosition } from './types';

/** Samples of the posterior mean and band across the plot (every 0.025 x units on [0, 10]). */
export const POSTERIOR_GRID_COUNT = 401;

/** The profile-likelihood landscape: ℓ and σn²/σf² on log axes (the box before widening). */
export const LANDSCAPE_GRID = {
  lengthscaleRange: [0.05, 50] as [number, number],
  noiseRatioRange: [1e-6, 1e2] as [number, number],
  size: 48,
};

/**
 * Up to this many points the landscape is recomputed on every pointer move while its panel is on
 * screen; above it, or off screen, once a drag ends, so the arrows keep up with the pointer.
 */
export const LIVE_LANDSCAPE_MAX_POINTS = 40;

export interface RequestPlan {
  landscape: boolean;
  finiteDifferenceIndex: number | null;
  /** The box the landscape starts from; `LANDSCAPE_GRID`'s when absent. */
  landscapeBox?: LandscapeBox;
  /** A θ set by hand, whose fit the answer carries. */
  fixedTheta?: LandscapePosition | null;
  /** The selection rule (`ml` when absent) and a second rule to compare, if any. */
  rule?: SelectionRule;
  compareRule?: SelectionRule | null;
  /** The `map` rule's prior; sent only when one of the rules is `map`. */
  prior?: HyperparameterPrior;
  /** Made during a drag (`AnalysisRequest.live`). */
  live?: boolean;
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
    rule: plan.rule ?? 'ml',
    compareRule: plan.compareRule ?? null,
    ...(plan.prior && (plan.rule === 'map' || plan.compareRule === 'map')
      ? { prior: plan.prior }
      : {}),
    grid: { min: X_DOMAIN[0], max: X_DOMAIN[1], count: POSTERIOR_GRID_COUNT },
    landscape: plan.landscape
      ? {
          lengthscaleRange: [...(plan.landscapeBox ?? LANDSCAPE_GRID).lengthscaleRange],
          noiseRatioRange: [...(plan.landscapeBox ?? LANDSCAPE_GRID).noiseRatioRange],
          size: LANDSCAPE_GRID.size,
          holdMaxima: true,
        }
      : null,
    samples: 0,
    finiteDifferenceIndex: plan.finiteDifferenceIndex,
    fixedTheta: plan.fixedTheta ? { ...plan.fixedTheta } : null,
    live: plan.live ?? false,
  };
}

/** The box a computed landscape covers: its first and last samples on each axis. */
export function boxOf(grid: {
  lengthscales: Float64Array;
  noiseRatios: Float64Array;
}): LandscapeBox {
  const ends = (axis: Float64Array): [number, number] => [axis[0] ?? 1, axis[axis.length - 1] ?? 1];
  return { lengthscaleRange: ends(grid.lengthscales), noiseRatioRange: ends(grid.noiseRatios) };
}
