/**
 * Geometry of the likelihood landscape, on log axes of ℓ and the noise ratio σn²/σf²: filled
 * contour bands of the profile log-likelihood relative to its top, the value between grid
 * samples, axis ticks, the Laplace ellipses as paths, and labels that keep out of each other's way.
 */
import { contours, geoPath, geoTransform, type ScaleLogarithmic } from 'd3';
import { laplaceEllipse, type Matrix2 } from '../../engine';
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
 * Filled bands {lml − top ≥ level}, drawn in increasing level so each sits on the previous; `top`
 * is θ̂'s log likelihood when given, else the grid's best sample.
 * Grid sample (i, j) is centred on ℓᵢ, gⱼ; d3's contour coordinates put sample i at i + 0.5.
 */
export function contourBands(
  grid: LandscapeGrid,
  x: ScaleLogarithmic<number, number>,
  y: ScaleLogarithmic<number, number>,
  top?: number,
): ContourBand[] {
  const { lengthscales, noiseRatios, profileLml } = grid;
  const columns = lengthscales.length;
  const rows = noiseRatios.length;
  if (columns < 2 || rows < 2) return [];
  let best = -Infinity;
  for (const value of profileLml) if (Number.isFinite(value) && value > best) best = value;
  if (!Number.isFinite(best)) return [];
  if (top !== undefined && Number.isFinite(top)) best = Math.max(best, top);
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

/** Where a place falls between the samples of a log-spaced axis: a fractional index, or NaN. */
function fractionalIndex(axis: Float64Array, value: number): number {
  const first = axis[0] ?? Number.NaN;
  const last = axis[axis.length - 1] ?? Number.NaN;
  const position =
    ((Math.log(value) - Math.log(first)) / (Math.log(last) - Math.log(first))) * (axis.length - 1);
  return position >= 0 && position <= axis.length - 1 ? position : Number.NaN;
}

/**
 * The profile log-likelihood at (ℓ, g) between the grid's samples: bilinear in (log ℓ, log g).
 * NaN outside the grid or next to a sample that could not be computed.
 */
export function interpolateProfile(
  grid: LandscapeGrid,
  lengthscale: number,
  noiseRatio: number,
): number {
  const { lengthscales, noiseRatios, profileLml } = grid;
  const rows = noiseRatios.length;
  const fi = fractionalIndex(lengthscales, lengthscale);
  const fj = fractionalIndex(noiseRatios, noiseRatio);
  if (!Number.isFinite(fi) || !Number.isFinite(fj)) return Number.NaN;
  const i = Math.min(Math.floor(fi), lengthscales.length - 2);
  const j = Math.min(Math.floor(fj), rows - 2);
  const s = fi - i;
  const t = fj - j;
  const at = (a: number, b: number) => profileLml[a * rows + b] ?? Number.NaN;
  return (
    (1 - s) * ((1 - t) * at(i, j) + t * at(i, j + 1)) +
    s * ((1 - t) * at(i + 1, j) + t * at(i + 1, j + 1))
  );
}

/**
 * Tick values for a log axis over `domain`: powers of ten, every k-th decade so that at most
 * `maxCount` show; over less than two decades, 2 and 5 times each power too.
 */
export function logTicks(domain: [number, number], maxCount: number): number[] {
  const [low, high] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
  const first = Math.ceil(Math.log10(low) - 1e-9);
  const last = Math.floor(Math.log10(high) + 1e-9);
  const decades = Math.log10(high / low);
  const ticks: number[] = [];
  if (decades < 2) {
    for (let power = first - 1; power <= last; power++) {
      for (const factor of [1, 2, 5]) {
        const value = Number(`${factor}e${power}`);
        if (value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9)) ticks.push(value);
      }
    }
    return ticks;
  }
  const step = Math.max(1, Math.ceil((last - first + 1) / maxCount));
  for (let power = first; power <= last; power++) {
    if ((power - first) % step === 0) ticks.push(Number(`1e${power}`));
  }
  return ticks;
}

/**
 * The Laplace ellipse of k standard deviations as an SVG path in pixels: the ellipse in
 * (log ℓ, log g) (laplace.ts), each point mapped through the log scales. A very wide ellipse is
 * held to within ten e-folds of the axes' domains, outside the drawn area, so the path stays
 * finite; what shows is unchanged.
 */
export function ellipsePath(
  centre: [number, number],
  covariance: Matrix2,
  k: number,
  x: ScaleLogarithmic<number, number>,
  y: ScaleLogarithmic<number, number>,
): string {
  const bounds = (scale: ScaleLogarithmic<number, number>) => {
    const [a, b] = scale.domain().map(Math.log) as [number, number];
    return [Math.min(a, b) - 10, Math.max(a, b) + 10] as const;
  };
  const [u0, u1] = bounds(x);
  const [v0, v1] = bounds(y);
  const hold = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  const points = laplaceEllipse(centre, covariance, k, 72).map(
    ([u, v]) =>
      `${x(Math.exp(hold(u, u0, u1))).toFixed(1)},${y(Math.exp(hold(v, v0, v1))).toFixed(1)}`,
  );
  return `M${points.join('L')}Z`;
}

/** Markers whose centres are closer than this (px) draw as one place: one hides the other. */
const COINCIDENT_PX = 4;

/** Whether two markers' centres fall on the same place of the map (COINCIDENT_PX). */
export function coincide(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return Math.hypot(a.x - b.x, a.y - b.y) < COINCIDENT_PX;
}

/** A marker to label: its centre, the radius it covers, and its text. */
export interface MarkerLabel {
  id: string;
  x: number;
  y: number;
  radius: number;
  text: string;
}

export interface PlacedLabel {
  id: string;
  /** The text's anchor point (baseline) and alignment. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function overlap(a: Box, b: Box): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

/** Approximate text metrics of the landscape's labels (11.5 px sans-serif). */
const CHAR_WIDTH = 6.6;
const ASCENT = 9;
const DESCENT = 3;

/**
 * Places each marker's label beside it, trying right, left, above, below and the diagonals in
 * turn, and takes the first spot that stays inside width × height and clear of every marker and
 * every label placed before it (markers earlier in the list are placed first); where none is
 * clear, the spot that overlaps least.
 */
export function placeLabels(
  markers: readonly MarkerLabel[],
  width: number,
  height: number,
): PlacedLabel[] {
  const taken: Box[] = markers.map((m) => ({
    left: m.x - m.radius,
    right: m.x + m.radius,
    top: m.y - m.radius,
    bottom: m.y + m.radius,
  }));
  const placed: PlacedLabel[] = [];
  markers.forEach((marker, index) => {
    const textWidth = marker.text.length * CHAR_WIDTH;
    const gap = marker.radius + 4;
    const candidates: [number, number, PlacedLabel['anchor']][] = [
      [gap, ASCENT / 2 - 1, 'start'],
      [-gap, ASCENT / 2 - 1, 'end'],
      [0, -gap - DESCENT, 'middle'],
      [0, gap + ASCENT, 'middle'],
      [gap - 2, -gap + 2, 'start'],
      [gap - 2, gap + ASCENT - 2, 'start'],
      [-gap + 2, -gap + 2, 'end'],
      [-gap + 2, gap + ASCENT - 2, 'end'],
    ];
    let best: { label: PlacedLabel; box: Box; cost: number } | null = null;
    for (const [dx, dy, anchor] of candidates) {
      const x = marker.x + dx;
      const y = marker.y + dy;
      const left = anchor === 'start' ? x : anchor === 'end' ? x - textWidth : x - textWidth / 2;
      const box = { left, right: left + textWidth, top: y - ASCENT, bottom: y + DESCENT };
      const outside =
        Math.max(0, -box.left) +
        Math.max(0, box.right - width) +
        Math.max(0, -box.top) +
        Math.max(0, box.bottom - height);
      const cost =
        outside * 100 +
        taken.reduce((sum, other, k) => sum + (k === index ? 0 : overlap(box, other)), 0);
      if (!best || cost < best.cost) best = { label: { id: marker.id, x, y, anchor }, box, cost };
      if (cost === 0) break;
    }
    if (best) {
      placed.push(best.label);
      taken.push(best.box);
    }
  });
  return placed;
}
