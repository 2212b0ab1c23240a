import type { MouseEvent } from 'react';
import type { PlotScales } from './geometry';

/** The data area behind every layer: the target of a click that adds a point. */
export function PlotArea({
  scales,
  onAdd,
}: {
  scales: PlotScales;
  onAdd: (event: MouseEvent<SVGRectElement>) => void;
}) {
  return (
    <rect
      className="background"
      width={scales.innerWidth}
      height={scales.innerHeight}
      onClick={onAdd}
      data-testid="plot-area"
    />
  );
}
