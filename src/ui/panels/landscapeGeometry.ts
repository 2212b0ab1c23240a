/**
 * Geometry of the likelihood landscape: filled contour bands of the profile log-likelihood
 * relative to its best value, on log axes of ℓ and the noise ratio σn²/σf².
 */
import { contours, geoPath, geoTransform, type ScaleLogarithmic } from 'd3';
import type { LandscapeGrid } from '../../state';

/** Contour levels, in nats below the best value on the grid. */
export const LANDSCAPE_LEVELS = [-64, -32, -16, -8, -4, -2, -1, -0.5] as const;

/** Value used for cells whose likelihood could not be computed: far below every level. */
const FLOOR = -1e6;

export interface ContourBand {
  level: number;
  path: string;
}

/**
 * Filled bands {lml − best ≥ level}, drawn in increasing level so each sits on the previous.
 * Grid sample (i, j) is centred on ℓᵢ, gⱼ; d3's contour coordinates put sample i at i + 0.5.
 */
export function contourBands(
  grid: LandscapeGrid,
  x: ScaleLogarithmic<number, number>,
  y: ScaleLogarithmic<number, number>,
): ContourBand[] {
  const { lengthscales, noiseRatios, profileLml } = grid;
  const columns = lengthscales.length;
  const rows = noiseRatios.length;
  if (columns < 2 || rows < 2) return [];
  let best = -Infinity;
  for (const value of profileLml) if (Number.isFinite(value) && value > best) best = value;
  if (!Number.isFinite(best)) return [];
  // Transpose: the grid is ℓ-major; d3.contours wants x (ℓ) to vary fastest.
  const values = new Float64Array(columns * rows);
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < rows; j++) {
      const value = profileLml[i * rows + j] ?? Number.NaN;
      values[i + j * columns] = Number.isFinite(value) ? value - best : FLOOR;
    }
  }
  const first = (axis: Float64Array) => axis[0] ?? 1;
  const last = (axis: Float64Array) => axis[axis.length - 1] ?? 1;
  const x0 = x(first(lengthscales));
  const xStep = (x(last(lengthscales)) - x0) / (columns - 1);
  const y0 = y(first(noiseRatios));
  const yStep = (y(last(noiseRatios)) - y0) / (rows - 1);
  const projection = geoTransform({
    point(column: number, row: number) {
      this.stream.point(x0 + (column - 0.5) * xStep, y0 + (row - 0.5) * yStep);
    },
  });
  const path = geoPath(projection);
  return contours()
    .size([columns, rows])
    .thresholds([...LANDSCAPE_LEVELS])(Array.from(values))
    .map((polygon) => ({ level: polygon.value, path: path(polygon) ?? '' }));
}

/** How strongly a band is coloured, from 0 (the page) to 1 (full colour): deeper near the top. */
export function bandStrength(level: number): number {
  const index = LANDSCAPE_LEVELS.indexOf(level as (typeof LANDSCAPE_LEVELS)[number]);
  // Outer bands stay pale and the colour deepens fast near the top, where the decision is made.
  return 0.06 + 0.94 * ((index + 1) / LANDSCAPE_LEVELS.length) ** 1.7;
}
