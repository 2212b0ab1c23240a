import type { SVGProps } from 'react';
import type { ArrowVector } from '../../state';
import { arrowShape, type PlotScales } from './geometry';

interface ArrowGlyphProps extends SVGProps<SVGGElement> {
  /** The point the arrow starts from, in data units. */
  point: { x: number; y: number };
  /** The arrow in data units (reference units of the store's arrow scale). */
  vector: ArrowVector;
  scales: PlotScales;
}

/**
 * One arrow on the plot: a shaft and a head from the point's edge, the vector converted from data
 * units to pixels along each axis. The group's other attributes (test hooks, class) pass through.
 */
export function ArrowGlyph({ point, vector, scales, ...group }: ArrowGlyphProps) {
  // Pixels per data unit along each axis (the y axis points down on screen).
  const perX = scales.x(1) - scales.x(0);
  const perY = scales.y(0) - scales.y(1);
  const shape = arrowShape(
    scales.x(point.x),
    scales.y(point.y),
    vector.dx * perX,
    -vector.dy * perY,
    vector.capped,
  );
  return (
    <g className="arrow" {...group}>
      {shape && (
        <>
          <path className="shaft" d={shape.shaft} />
          <path className="head" d={shape.head} />
        </>
      )}
    </g>
  );
}
