/**
 * Plot geometry: margins, the size rule, where the key goes, scales from data to pixels, and arrow
 * shapes.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import { X_DOMAIN, Y_DOMAIN } from '../../state';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

// The top margin holds the y letter above the axis, in presentation mode's large type too.
export const PLOT_MARGINS: Margins = { top: 20, right: 18, bottom: 40, left: 44 };

/** Radius of a data point's dot, in pixels; arrows start at its edge. */
export const POINT_RADIUS = 6;

/**
 * The plot's height bounds, in CSS pixels. A phone's plot is taller than its width would give: under
 * its key strip 380 px leave about 40 px per unit of y, so the arrows read at arm's length.
 */
export const PLOT_HEIGHT = { min: 260, phoneMin: 380, max: 540 };

/**
 * Plot height for a given width and the height left for it on screen (below the plot's top, less
 * its footer): wide and calm on desktop (0.7 × the width, at most 540), never taller than the room
 * on screen, so the whole plot shows on a projector, but never below a readable minimum (380 on a
 * phone, where the page scrolls). `fill` (presentation) takes all the room there is. `phone` says
 * whether the page is laid out for a phone (a narrow plot on a zoomed desktop is not).
 */
export function plotHeight(
  width: number,
  room = Infinity,
  fill = false,
  phone = width < 640,
): number {
  const minimum = phone ? PLOT_HEIGHT.phoneMin : PLOT_HEIGHT.min;
  const wanted = fill ? room : Math.min(PLOT_HEIGHT.max, width * 0.7, room);
  return Math.round(Math.max(minimum, Number.isFinite(wanted) ? wanted : width * 0.7));
}

/** The key's place: a column right of the data on wide plots, a strip above it on narrow ones. */
export interface KeyBox {
  x: number;
  y: number;
  width: number;
  height: number;
  layout: 'column' | 'row';
  /**
   * The size of the key's words against the ordinary key's: `presentationKeyScale` in
   * presentation, 1 otherwise. Its lines and its column grow with them.
   */
  scale: number;
}

export interface PlotLayout {
  margins: Margins;
  key: KeyBox;
}

/** The key's column: its width, the gap to the data, and the narrowest plot that gets one. */
export const KEY_COLUMN = { width: 172, gap: 14, minPlotWidth: 600 };
/**
 * The key's scale (KeyBox) in presentation mode on a plot this wide: words of 17 px (--text-lg)
 * instead of 11.5, so the arrows' scale can be read from the back of a room, where the plot is
 * wide enough to give its key a wider column (at 1024 × 768 it is not: the data would lose a
 * fifth of their width).
 */
export function presentationKeyScale(width: number): number {
  return width >= 800 ? 1.5 : 1;
}
/** Room above and below the key's sample arrow and its dot, in pixels. */
export const KEY_ARROW_PADDING = 6;
/** The key's strip above the data on narrow plots: at least two lines of words. */
export const KEY_ROW_MIN_HEIGHT = 46;

/**
 * The strip's height on a narrow plot of this height. The strip holds the sample arrow, drawn
 * vertical and one unit of y long like the data's, so it grows with the unit, which shrinks as the
 * strip grows: S = (unit + 2r + padding) + 12 with unit = (height − margins − S) / span, solved for S.
 */
function keyRowHeight(height: number, scale: number): number {
  const span = Y_DOMAIN[1] - Y_DOMAIN[0];
  const fixed = 2 * POINT_RADIUS + KEY_ARROW_PADDING + 12;
  const inner = height - PLOT_MARGINS.top - PLOT_MARGINS.bottom;
  return Math.max(KEY_ROW_MIN_HEIGHT * scale, Math.ceil((inner + span * fixed) / (span + 1)));
}

/** The height of one line of the key's words, in pixels (at scale 1). */
export const KEY_LINE_HEIGHT = 19;

/**
 * Margins and the key's box for a plot of this size. The key always sits outside the data area,
 * so points and arrows never slide under it. `extraLines` lines of words below the sample arrow
 * (the compared rules' names) make the strip of a narrow plot taller; the column has room.
 * `scale` is the key's (KeyBox).
 */
export function plotLayout(width: number, height: number, extraLines = 0, scale = 1): PlotLayout {
  if (width >= KEY_COLUMN.minPlotWidth) {
    const columnWidth = Math.round(KEY_COLUMN.width * scale);
    const margins = { ...PLOT_MARGINS, right: columnWidth + KEY_COLUMN.gap };
    return {
      margins,
      key: {
        x: width - columnWidth,
        y: margins.top,
        width: columnWidth - 4,
        height: Math.max(0, height - margins.top - margins.bottom),
        layout: 'column',
        scale,
      },
    };
  }
  const rowHeight = keyRowHeight(height, scale) + extraLines * KEY_LINE_HEIGHT * scale;
  const margins = { ...PLOT_MARGINS, top: PLOT_MARGINS.top + rowHeight };
  return {
    margins,
    key: {
      x: margins.left,
      y: 4,
      width: Math.max(0, width - margins.left - margins.right),
      height: rowHeight - 6,
      layout: 'row',
      scale,
    },
  };
}

export interface PlotScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  innerWidth: number;
  innerHeight: number;
}

export function plotScales(
  width: number,
  height: number,
  margins: Margins = PLOT_MARGINS,
): PlotScales {
  const innerWidth = Math.max(10, width - margins.left - margins.right);
  const innerHeight = Math.max(10, height - margins.top - margins.bottom);
  return {
    x: scaleLinear([...X_DOMAIN], [0, innerWidth]),
    y: scaleLinear([...Y_DOMAIN], [innerHeight, 0]),
    innerWidth,
    innerHeight,
  };
}

/**
 * An arrow as SVG attributes: the shaft a `<line>`, each head a `<polygon>` (no `d` paths: in
 * Chromium a path's `d` is a CSS property, so a new one restyles its element on every refit).
 */
export interface ArrowShape {
  /** The shaft's ends (pixels). */
  shaft: { x1: string; y1: string; x2: string; y2: string };
  /** Each head's corners, tip first, as a polygon's `points`: two for an arrow at its cap. */
  heads: string[];
}

const HEAD_LENGTH = 8;
const HEAD_HALF_WIDTH = 4.5;

/**
 * An arrow from the edge of a dot at (cx, cy) along (dx, dy) pixels: its length beyond the dot
 * is exactly |(dx, dy)|. A capped arrow gets a second head behind the first. Returns null for an
 * arrow shorter than half a pixel.
 */
export function arrowShape(
  cx: number,
  cy: number,
  dx: number,
  dy: number,
  capped: boolean,
): ArrowShape | null {
  const length = Math.hypot(dx, dy);
  if (!(length >= 0.5)) return null;
  const ux = dx / length;
  const uy = dy / length;
  const startX = cx + ux * (POINT_RADIUS + 1.5);
  const startY = cy + uy * (POINT_RADIUS + 1.5);
  const tipX = startX + dx;
  const tipY = startY + dy;
  // Short arrows get a proportionally smaller head, so the head never outgrows the arrow.
  const headLength = Math.min(HEAD_LENGTH, length);
  const halfWidth = HEAD_HALF_WIDTH * (headLength / HEAD_LENGTH);
  const head = (offset: number): string => {
    const baseX = tipX - ux * (headLength + offset);
    const baseY = tipY - uy * (headLength + offset);
    return (
      `${f(tipX - ux * offset)},${f(tipY - uy * offset)} ` +
      `${f(baseX - uy * halfWidth)},${f(baseY + ux * halfWidth)} ` +
      `${f(baseX + uy * halfWidth)},${f(baseY - ux * halfWidth)}`
    );
  };
  const shaftEnd = Math.max(0, length - headLength * 0.6);
  return {
    shaft: {
      x1: f(startX),
      y1: f(startY),
      x2: f(startX + ux * shaftEnd),
      y2: f(startY + uy * shaftEnd),
    },
    heads: capped ? [head(0), head(headLength * 0.75)] : [head(0)],
  };
}

/**
 * The share (0 to 1) of an arrow from the edge of a dot at (cx, cy) along (dx, dy) pixels, as
 * `arrowShape` draws it, that keeps its tip inside the data area whose pixel ranges along x and y
 * are `xRange` and `yRange` (a scale's range, either order): 1 where it fits, less where its tip
 * would cross the plot's edge.
 */
export function shareInside(
  cx: number,
  cy: number,
  dx: number,
  dy: number,
  xRange: readonly number[],
  yRange: readonly number[],
): number {
  // The arrow starts `gap` of its own length beyond the dot's centre, at the dot's edge.
  const gap = (POINT_RADIUS + 1.5) / Math.hypot(dx, dy);
  const share = (from: number, run: number, range: readonly number[]) =>
    run === 0 ? 1 : ((run > 0 ? Math.max(...range) : Math.min(...range)) - from) / run - gap;
  return Math.max(0, Math.min(1, share(cx, dx, xRange), share(cy, dy, yRange)));
}

/** The shortest arrow drawn for a dot at the plot's edge pulling outwards (pixels). */
export const EDGE_STUB_PX = 14;

/**
 * `shareInside`, but never shorter than EDGE_STUB_PX (nor than the whole arrow): a dot on the edge
 * pulling outwards still shows which way, its arrow reaching that far into the margin.
 */
export function edgeShare(
  cx: number,
  cy: number,
  dx: number,
  dy: number,
  xRange: readonly number[],
  yRange: readonly number[],
): number {
  const stub = Math.min(1, EDGE_STUB_PX / Math.hypot(dx, dy));
  return Math.max(stub, shareInside(cx, cy, dx, dy, xRange, yRange));
}

function f(value: number): string {
  return value.toFixed(1);
}
