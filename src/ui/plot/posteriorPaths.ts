/**
 * The posterior's mean and 95% band as SVG path text, written for speed: they are rebuilt on
 * every refit of a drag.
 */
import type { PlotScales } from './geometry';

/** z for a central 95% interval of a normal distribution. */
const Z_95 = 1.959963984540054;

export interface Curve {
  x: Float64Array;
  mean: Float64Array;
  variance: Float64Array;
}

/**
 * Path coordinates are whole tenths of a pixel, drawn in a group scaled by this: integers are
 * written (and parsed by the browser) several times faster than decimals, and both paths are
 * rebuilt on every refit of a drag.
 */
export const TENTHS = 10;

/**
 * SVG paths of a posterior's mean and 95% band, held to the plot's rectangle, in tenths of a
 * pixel (see {@link TENTHS}). Written in one pass: d3's generic line and area generators cost
 * several times more over 401 samples.
 */
export function curvePaths({ x, mean, variance }: Curve, scales: PlotScales) {
  // Held to the plot's rectangle instead of clipped: a clip path costs a mask on every frame.
  const [bottom, top] = scales.y.domain() as [number, number];
  const inside = (value: number) =>
    Math.round(TENTHS * scales.y(Math.min(top, Math.max(bottom, value))));
  let meanPath = '';
  let upper = '';
  const lower: string[] = [];
  for (let i = 0; i < x.length; i++) {
    const m = mean[i] ?? Number.NaN;
    const v = variance[i] ?? Number.NaN;
    if (!Number.isFinite(m) || !Number.isFinite(v) || v < 0) continue;
    const sd = Z_95 * Math.sqrt(v);
    const at = Math.round(TENTHS * scales.x(x[i] ?? 0));
    // After M, further pairs are line segments.
    const separator = meanPath === '' ? 'M' : ' ';
    meanPath += `${separator}${at} ${inside(m)}`;
    upper += `${separator}${at} ${inside(m + sd)}`;
    lower.push(`${at} ${inside(m - sd)}`);
  }
  if (meanPath === '') return { meanPath: null, bandPath: null };
  const bandPath = `${upper} ${lower.reverse().join(' ')}Z`;
  return { meanPath, bandPath };
}
