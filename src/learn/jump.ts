/**
 * Exercise 3, "make the fit jump": on the two-cluster data two explanations nearly tie (a wiggly
 * quiet fit and a smooth noisy one). Moving one point step by step changes their likelihoods at
 * different rates; when the runner-up overtakes the winner, θ̂ = argmax log p(y | X, θ) leaves one
 * maximum for the other and ℓ̂ changes by a large factor between two successive fits. The arrow,
 * dℓ̂/dy from the implicit function theorem at the current maximum, sees only how that maximum
 * moves, so it cannot foresee the jump.
 */
import type { Point } from '../state';
import { snapPoint, Y_DOMAIN } from '../state';
import { CLUSTER_POINTS, JUMP_DIRECTION, JUMP_POINT } from './datasets';
import { fitPoints } from './facts';

/** A change of ℓ̂ by more than this factor between two successive fits is a jump. */
export const JUMP_FACTOR = 3;
/** How far one press of a move button (or one arrow key) moves the point, in y. */
export const JUMP_STEP = 0.25;

/** True when ℓ̂ went from `before` to `after` by more than JUMP_FACTOR either way. */
export function isJump(before: number, after: number): boolean {
  const ratio = after / before;
  return ratio > JUMP_FACTOR || ratio < 1 / JUMP_FACTOR;
}

export interface JumpPath {
  /** ℓ̂ after 0, 1, 2, … steps, until the jump or the edge of the plot. */
  lengthscales: number[];
  /** The step at which ℓ̂ jumped, or null when it did not within the plot. */
  jumpStep: number | null;
  /** The arrow's forecast for that step: ℓ̂ · exp(d log ℓ̂/dy · Δy) from the step before. */
  forecast: number | null;
}

/** Moves point `index` of `points` by `step` at a time until ℓ̂ jumps or the point leaves the plot. */
export function jumpPath(
  points: readonly Point[] = CLUSTER_POINTS,
  index: number = JUMP_POINT,
  step: number = JUMP_DIRECTION === 'up' ? JUMP_STEP : -JUMP_STEP,
): JumpPath {
  const start = points[index]!;
  const lengthscales: number[] = [];
  let previous = fitPoints(points);
  lengthscales.push(previous.fit.theta.lengthscale);
  for (let k = 1; ; k++) {
    const y = start.y + k * step;
    if (y < Y_DOMAIN[0] || y > Y_DOMAIN[1]) return { lengthscales, jumpStep: null, forecast: null };
    const moved = points.map((p, i) => (i === index ? snapPoint(p.x, y) : p));
    const fitted = fitPoints(moved);
    const after = fitted.fit.theta.lengthscale;
    lengthscales.push(after);
    const before = previous.fit.theta.lengthscale;
    if (isJump(before, after)) {
      const slope = previous.sensitivities.defined
        ? previous.sensitivities.dLogTheta_dy[0][index]!
        : 0;
      return { lengthscales, jumpStep: k, forecast: before * Math.exp(slope * step) };
    }
    previous = fitted;
  }
}
