import type { SVGProps } from 'react';
import type { ArrowVector } from '../../state';
import { arrowShape, edgeShare, type ArrowShape, type PlotScales } from './geometry';

interface ArrowGlyphProps extends SVGProps<SVGGElement> {
  /** The point the arrow starts from, in data units. */
  point: { x: number; y: number };
  /** The arrow in data units (reference units of the store's arrow scale). */
  vector: ArrowVector;
  scales: PlotScales;
}

/**
 * One arrow on the plot: a shaft and a head from the point's edge, the vector converted from data
 * units to pixels along each axis. An arrow whose tip would cross the plot's edge stops at it,
 * marked like an arrow at the cap (longer than drawn), so no arrow runs out of the plot
 * (`data-edge`). The group's other attributes (test hooks, class) pass through.
 */
export function ArrowGlyph({ point, vector, scales, ...group }: ArrowGlyphProps) {
  // Pixels per data unit along each axis (the y axis points down on screen).
  const perX = scales.x(1) - scales.x(0);
  const perY = scales.y(0) - scales.y(1);
  const cx = scales.x(point.x);
  const cy = scales.y(point.y);
  const dx = vector.dx * perX;
  const dy = -vector.dy * perY;
  const share = edgeShare(cx, cy, dx, dy, scales.x.range(), scales.y.range());
  const shape = arrowShape(cx, cy, dx * share, dy * share, vector.capped || share < 1);
  return (
    <g className="arrow" data-edge={share < 1 || undefined} {...group}>
      {shape && <ArrowParts shape={shape} />}
    </g>
  );
}

/** An arrow's shaft and head(s), as `arrowShape` gives them (also the keys' sample arrows). */
export function ArrowParts({ shape }: { shape: ArrowShape }) {
  return (
    <>
      <line className="shaft" {...shape.shaft} />
      {shape.heads.map((points, k) => (
        <polygon key={k} className="head" points={points} />
      ))}
    </>
  );
}
