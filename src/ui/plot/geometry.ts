/** Plot geometry: margins, the size rule, scales from data to pixels, and arrow shapes. */
import { scaleLinear, type ScaleLinear } from 'd3';
import { X_DOMAIN, Y_DOMAIN } from '../../state';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const PLOT_MARGINS: Margins = { top: 14, right: 18, bottom: 40, left: 44 };

/** Radius of a data point's dot, in pixels; arrows start at its edge. */
export const POINT_RADIUS = 6;

/** Plot height for a given width: wide and calm on desktop, taller than wide-ish on phones. */
export function plotHeight(width: number): number {
  return Math.round(Math.min(540, Math.max(300, width * 0.6)));
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

export interface ArrowShape {
  shaft: string;
  head: string;
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
    const pointX = tipX - ux * offset;
    const pointY = tipY - uy * offset;
    return (
      `M${f(pointX)},${f(pointY)}` +
      `L${f(baseX - uy * halfWidth)},${f(baseY + ux * halfWidth)}` +
      `L${f(baseX + uy * halfWidth)},${f(baseY - ux * halfWidth)}Z`
    );
  };
  const shaftEnd = Math.max(0, length - headLength * 0.6);
  return {
    shaft: `M${f(startX)},${f(startY)}L${f(startX + ux * shaftEnd)},${f(startY + uy * shaftEnd)}`,
    head: capped ? head(0) + head(headLength * 0.75) : head(0),
  };
}

function f(value: number): string {
  return value.toFixed(1);
}
