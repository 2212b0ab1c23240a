import { useShownPoints } from '../plot/useShownPoints';
import type { PlotScales } from '../plot/geometry';
import { POINT_RADIUS } from '../plot/geometry';
import { useHighlightedPoint } from './highlight';

/** A ring around the point whose influence row the reader is on. */
export function PointHighlight({ scales }: { scales: PlotScales }) {
  const index = useHighlightedPoint();
  const points = useShownPoints();
  const point = index === null ? undefined : points[index];
  if (!point) return null;
  return (
    <circle
      className="point-highlight"
      data-testid="point-highlight"
      data-index={index}
      cx={scales.x(point.x)}
      cy={scales.y(point.y)}
      r={POINT_RADIUS + 5}
    />
  );
}
