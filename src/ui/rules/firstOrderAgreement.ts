/**
 * Whether a first-order estimate of a change of log θ̂ (the pull map's dθ̂/dw at w = 0, carried to
 * a whole point) held against the exact refit: within a fifth of the exact change, or within
 * 0.002 (0.2 %) where the change itself is tiny.
 */
export function firstOrderHolds(exact: number, predicted: number): boolean {
  return Math.abs(exact - predicted) <= 0.2 * Math.abs(exact) + 0.002;
}
