/**
 * The article's pictures as SVG text, drawn from engine results: the data with a GP fit (mean,
 * 95% band, an arrow per point) and a response curve with its tangent. Pure functions of numbers,
 * so the build draws the static images with them and the page redraws its live figures.
 * Tick labels are numbers in the reader's language (decimal comma in Spanish, a true minus sign),
 * as the explorer's plots write them.
 */
import { line, scaleLinear, ticks } from 'd3';
import { posterior, type Hyperparameters, type KernelName, type ResponseCurve } from '../engine';
import type { Language } from '../i18n/language';
import type { Point } from '../state';
import { formatFixed } from '../ui/format';
import {
  arrowShape,
  edgeShare,
  EDGE_STUB_PX,
  POINT_RADIUS,
  type ArrowShape,
} from '../ui/plot/geometry';

const WIDTH = 640;
const HEIGHT = 300;
// The axes' letters sit in the margins (the vertical axis's above the plot area, the horizontal
// axis's to its right), so no arrow or curve inside the plot area can cover them.
const MARGIN = { top: 22, right: 16, bottom: 30, left: 40 };

/** The plot area of every picture, in the SVG's pixels: axes and arrows stay inside it. */
export const PLOT_AREA = {
  left: MARGIN.left,
  right: WIDTH - MARGIN.right,
  top: MARGIN.top,
  bottom: HEIGHT - MARGIN.bottom,
} as const;

/** The longest arrow of a fit picture, in pixels. */
const ARROW_PX = 44;
/**
 * Room kept between the outermost dots and the plot area's top and bottom edges: an arrow from
 * the dot's edge can show which way it points (EDGE_STUB_PX) without leaving the plot area.
 */
const EDGE_ROOM_PX = POINT_RADIUS + 1.5 + EDGE_STUB_PX + 1;

export interface FitPicture {
  points: readonly Point[];
  theta: Hyperparameters;
  kernel: KernelName;
  /**
   * d log θ̂/dyᵢ per point for the arrows, or null for none. The longest is drawn ARROW_PX long;
   * an arrow whose tip would leave the plot area stops at its edge, with a second head.
   */
  arrows?: Float64Array | null;
  /** A point to ring. */
  highlight?: number | null;
  /** The language of the tick labels. */
  language: Language;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Tick labels for evenly spaced `ticks`: as many decimals as their step needs, in `language`'s
 * conventions, with a true minus sign (U+2212).
 */
export function tickLabels(ticks: readonly number[], language: Language): string[] {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  const decimals = Math.min(6, Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
  return ticks.map((t) => formatFixed(t, decimals, language));
}

function axes(
  language: Language,
  x: (v: number) => number,
  y: (v: number) => number,
  xTicks: number[],
  yTicks: number[],
  xLabel: string,
  yLabel: string,
): string {
  const bottom = HEIGHT - MARGIN.bottom;
  const parts = [
    `<line class="axis" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${bottom}" y2="${bottom}"/>`,
    `<line class="axis" x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${bottom}"/>`,
  ];
  const xLabels = tickLabels(xTicks, language);
  const yLabels = tickLabels(yTicks, language);
  xTicks.forEach((t, k) =>
    parts.push(
      `<text class="tick" x="${round(x(t))}" y="${bottom + 16}" text-anchor="middle">${xLabels[k]}</text>`,
    ),
  );
  yTicks.forEach((t, k) =>
    parts.push(
      `<text class="tick" x="${MARGIN.left - 6}" y="${round(y(t)) + 4}" text-anchor="end">${yLabels[k]}</text>`,
      `<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${round(y(t))}" y2="${round(y(t))}"/>`,
    ),
  );
  parts.push(
    `<text class="label x-label" x="${WIDTH - 1}" y="${bottom + 4}" text-anchor="end">${xLabel}</text>`,
    `<text class="label" x="${MARGIN.left + 6}" y="${MARGIN.top - 6}">${yLabel}</text>`,
  );
  return parts.join('');
}

function integerTicks(from: number, to: number, most: number): number[] {
  const step = Math.max(1, Math.ceil((to - from) / most));
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** An arrow's shaft and head(s) as SVG markup, as the explorer's `ArrowParts` draws them. */
function arrowMarkup({ shaft, heads }: ArrowShape): string {
  const line = `<line class="shaft" x1="${shaft.x1}" y1="${shaft.y1}" x2="${shaft.x2}" y2="${shaft.y2}"/>`;
  return line + heads.map((points) => `<polygon class="head" points="${points}"/>`).join('');
}

function svg(content: string, className: string): string {
  return `<svg class="learn-svg ${className}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" aria-hidden="true" focusable="false">${content}</svg>`;
}

/** The data, the posterior mean and 95% band under θ, and an arrow on each point. */
export function fitSvg(picture: FitPicture): string {
  const { points, theta, kernel } = picture;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const xMin = Math.min(0, ...xs);
  const xMax = Math.max(10, ...xs);
  const yLow = Math.min(-2, ...ys);
  const yHigh = Math.max(2, ...ys);
  // EDGE_ROOM_PX above the highest dot and below the lowest, whatever the data's span.
  const inner = PLOT_AREA.bottom - PLOT_AREA.top;
  const pad = ((yHigh - yLow) * EDGE_ROOM_PX) / (inner - 2 * EDGE_ROOM_PX);
  const yMin = yLow - pad;
  const yMax = yHigh + pad;
  const x = scaleLinear([xMin, xMax], [PLOT_AREA.left, PLOT_AREA.right]);
  const y = scaleLinear([yMin, yMax], [PLOT_AREA.bottom, PLOT_AREA.top]);
  const query = Float64Array.from({ length: 161 }, (_, k) => xMin + ((xMax - xMin) * k) / 160);
  const data = { x: Float64Array.from(xs), y: Float64Array.from(ys) };
  const { mean, variance } = posterior(data, theta, kernel, query);
  const clampY = (v: number) => Math.min(yMax, Math.max(yMin, v));
  const path = line<number>()
    .x((k) => round(x(query[k]!)))
    .y((k) => round(y(clampY(mean[k]!))));
  const indices = Array.from(query.keys());
  const upper = indices.map((k) => mean[k]! + 1.96 * Math.sqrt(variance[k]!));
  const lower = indices.map((k) => mean[k]! - 1.96 * Math.sqrt(variance[k]!));
  const band =
    indices.map((k) => `${round(x(query[k]!))},${round(y(clampY(upper[k]!)))}`).join(' ') +
    ' ' +
    [...indices]
      .reverse()
      .map((k) => `${round(x(query[k]!))},${round(y(clampY(lower[k]!)))}`)
      .join(' ');
  const parts = [
    axes(
      picture.language,
      x,
      y,
      integerTicks(xMin, xMax, 10),
      integerTicks(yMin, yMax, 5),
      'x',
      'y',
    ),
    `<polygon class="band" points="${band}"/>`,
    `<path class="mean" d="${path(indices) ?? ''}"/>`,
  ];
  const arrows = picture.arrows;
  if (arrows) {
    const longest = Math.max(...arrows.map(Math.abs), 1e-12);
    const xRange = [PLOT_AREA.left, PLOT_AREA.right];
    const yRange = [PLOT_AREA.top, PLOT_AREA.bottom];
    arrows.forEach((slope, i) => {
      const p = points[i]!;
      // Upwards on the page is towards smaller pixel values.
      const dy = -(slope / longest) * ARROW_PX;
      if (Math.abs(dy) < 1) return;
      const cx = x(p.x);
      const cy = y(p.y);
      // Cut where the tip would cross the plot area's edge, as the explorer's arrows are.
      const share = edgeShare(cx, cy, 0, dy, xRange, yRange);
      const shape = arrowShape(cx, cy, 0, dy * share, share < 1);
      if (!shape) return;
      parts.push(
        `<g class="arrow${slope > 0 ? ' up' : ' down'}" data-testid="learn-arrow"${share < 1 ? ' data-edge="true"' : ''}>${arrowMarkup(shape)}</g>`,
      );
    });
  }
  points.forEach((p, i) => {
    const ring = picture.highlight === i ? ' highlight' : '';
    parts.push(
      `<circle class="point${ring}" cx="${round(x(p.x))}" cy="${round(y(p.y))}" r="${ring ? 6.5 : 4.5}"/>`,
    );
  });
  return svg(parts.join(''), 'fit-picture');
}

/**
 * ℓ̂ on a log scale against one point's y, labelled in ℓ̂ itself as the explorer's response curve
 * is: a dot per refit, and the tangent at the current value.
 */
export function curveSvg(curve: ResponseCurve, language: Language): string {
  const values = Array.from(curve.values);
  // log ℓ̂ on a linear axis, so that the tangent's slope on the page is d log ℓ̂/dyᵢ, the number
  // the text and the arrow give.
  const logLengthscales = Array.from(curve.logTheta[0]);
  const finite = logLengthscales.filter(Number.isFinite);
  const centreValue = values[curve.centre]!;
  const centreLog = logLengthscales[curve.centre]!;
  const slope = curve.slope ? curve.slope[0] : Number.NaN;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = Math.max(0.05, (hi - lo) * 0.15);
  const x = scaleLinear([values[0]!, values.at(-1)!], [MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear([lo - pad, hi + pad], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  // Ticks at round values of ℓ̂ (the range is well under a decade), placed at their logs.
  const lengthscaleTicks = ticks(Math.exp(lo - pad), Math.exp(hi + pad), 4);
  const parts = [
    axes(language, x, (v) => y(Math.log(v)), x.ticks(5), lengthscaleTicks, 'yᵢ', 'ℓ̂ (log)'),
  ];
  if (Number.isFinite(slope)) {
    const half = 0.6;
    const at = (v: number) => centreLog + slope * (v - centreValue);
    parts.push(
      `<line class="tangent" x1="${round(x(centreValue - half))}" y1="${round(y(at(centreValue - half)))}" x2="${round(x(centreValue + half))}" y2="${round(y(at(centreValue + half)))}"/>`,
    );
  }
  values.forEach((v, k) => {
    const l = logLengthscales[k]!;
    if (!Number.isFinite(l)) return;
    const centre = k === curve.centre ? ' centre' : '';
    parts.push(
      `<circle class="refit${centre}" cx="${round(x(v))}" cy="${round(y(l))}" r="${centre ? 6 : 3.5}"/>`,
    );
  });
  return svg(parts.join(''), 'curve-picture');
}
