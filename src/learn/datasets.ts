/**
 * The data each step of the article works on: the explorer's own presets, so a reader who opens
 * the explorer from the article finds the same points; the exercises have fresh noise of their own.
 */
import type { KernelName } from '../engine';
import { findPreset, noisySine, withOutlier, type Point } from '../state';

/** The default noisy sine (24 points): one clear maximum, trusted arrows. */
export const SINE_POINTS: readonly Point[] = findPreset('sine').points;
/** The sine with one point lifted 2 above the curve. */
export const OUTLIER_POINTS: readonly Point[] = findPreset('outlier').points;
/** Two clusters: a near tie between a wiggly and a smooth explanation. */
export const CLUSTER_POINTS: readonly Point[] = findPreset('clusters').points;
/**
 * Exact values of a parabola, u² − 2 with u = (x − 5)/2.5, at the 21 inputs 0, 0.5, …, 10: every
 * value lies on the page's 0.001 grid, so the widget fits exactly these numbers (exact samples of
 * sin x would be rounded to the grid, and the rounding is noise). No noise at all: σn runs to its
 * floor, so the maximum sits on an edge of the allowed region (step 6). The values run from −2 to
 * 2, a unit inside the plot's y range: the end points' arrows point up, and room above them keeps
 * those arrows inside the plot.
 */
export const FLOOR_POINTS: readonly Point[] = Array.from({ length: 21 }, (_, i) => {
  const x = 0.5 * i;
  const u = (x - 5) / 2.5;
  return { x, y: Number((u * u - 2).toFixed(2)) };
});
/** Pure noise: nothing to follow, so ℓ̂ runs far beyond the inputs' span (step 6). */
export const FLAT_POINTS: readonly Point[] = findPreset('noise').points;

export const ARTICLE_KERNEL: KernelName = 'rbf';

/**
 * The plot height of the article's widgets: on a phone the key's strip sits above the data, and
 * the widget's default (half the width) would leave the data under 100 px.
 */
export const ARTICLE_WIDGET_HEIGHT = 300;

/**
 * The exercises' data: the same sine with fresh noise, so that the figures before them, on the
 * explorer's presets, do not show their answers (exercise 1 asks about one of these points).
 */
export const EXERCISE_SINE_POINTS: readonly Point[] = noisySine(24, 12);
/** Exercise 2's: EXERCISE_SINE_POINTS with the point nearest x = 3 lifted 2 above the sine. */
export const EXERCISE_OUTLIER_POINTS: readonly Point[] = withOutlier(EXERCISE_SINE_POINTS, 3);

/** Step 7 compares the two objectives on the default data. */
export const STEP7_POINTS: readonly Point[] = SINE_POINTS;
export const STEP7_KERNEL: KernelName = ARTICLE_KERNEL;

/**
 * Exercise 3 lowers this point of CLUSTER_POINTS (x ≈ 2.57, the left cluster's edge) until θ̂
 * jumps to the smooth explanation (test/learn/jump.test.ts measures where).
 */
export const JUMP_POINT = 5;
export const JUMP_DIRECTION: 'up' | 'down' = 'down';
