/** A dataset whose likelihood has two maxima, for the browser tests of the landscape and terms. */
import { DEFAULT_VIEW_OPTIONS, encodeSharedState, type Point } from '../../src/state';

/**
 * A noisy sine with one raised point at (5, 1.5): besides θ̂ (ℓ ≈ 1.4) the likelihood has a
 * second maximum at ℓ ≈ 3700, about 0.1 nats lower (a near tie), outside the landscape's
 * starting box.
 */
export const TWO_MAXIMA: readonly Point[] = [
  [0.366, 0.272],
  [1.19, 0.927],
  [2.429, 0.891],
  [3.096, 0.764],
  [3.81, 0.311],
  [4.555, -0.384],
  [5.384, -1.059],
  [6.075, -1.085],
  [7.026, -0.506],
  [7.91, 0.145],
  [8.484, 0.364],
  [9.235, 1.118],
  [5, 1.5],
].map(([x = 0, y = 0]) => ({ x, y }));

/** The explorer's address for `points` (RBF, default view). */
export function explorerLink(points: readonly Point[]): string {
  return `/#${encodeSharedState({ points, kernel: 'rbf', options: DEFAULT_VIEW_OPTIONS })}`;
}
