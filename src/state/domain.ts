/**
 * The plot's world: every point lives in a fixed rectangle of data space, so that the view, the
 * URL encoding and the likelihood landscape's axes stay put while the reader drags.
 */

/** A data point (x, y) in the data's own units. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Horizontal extent of the plot, in units of x. */
export const X_DOMAIN: readonly [number, number] = [0, 10];
/** Vertical extent of the plot, in units of y. */
export const Y_DOMAIN: readonly [number, number] = [-3, 3];

/**
 * Coordinates are stored on a grid of this step (far below a pixel at any screen size), so a
 * shared link reproduces the points exactly.
 */
export const COORDINATE_STEP = 0.001;

/** Rounds to the coordinate grid and keeps the value inside `[min, max]`. */
export function snapCoordinate(value: number, [min, max]: readonly [number, number]): number {
  const clamped = Math.min(max, Math.max(min, value));
  const snapped = Math.round(clamped / COORDINATE_STEP) * COORDINATE_STEP;
  // Rounding the grid index back to a decimal removes float noise such as 0.30000000000000004.
  return Number(snapped.toFixed(3));
}

/** A point moved onto the grid and into the plot rectangle. */
export function snapPoint(x: number, y: number): Point {
  return { x: snapCoordinate(x, X_DOMAIN), y: snapCoordinate(y, Y_DOMAIN) };
}
