import { pointer } from 'd3';
import { useMemo, useRef, type MouseEvent } from 'react';
import { useExplorerStore } from '../ui/context';
import { ArrowsLayer } from '../ui/plot/ArrowsLayer';
import { Axes } from '../ui/plot/Axes';
import { PLOT_MARGINS, plotScales } from '../ui/plot/geometry';
import { PlotKey } from '../ui/plot/PlotKey';
import { PointsLayer } from '../ui/plot/PointsLayer';
import { PosteriorLayer } from '../ui/plot/PosteriorLayer';
import { useElementWidth } from '../ui/plot/useElementWidth';
import { embedPlotHeight } from './layout';

/**
 * The explorer's plot (points, posterior, arrows, key) at the width of its container and at a
 * height the page may fix. The layers are the explorer's own; only the frame differs.
 */
export function EmbedPlot({ height }: { height: number | null }) {
  const store = useExplorerStore();
  const [measure, width] = useElementWidth();
  const plotHeight = height ?? embedPlotHeight(width);
  const scales = useMemo(() => plotScales(width, plotHeight), [width, plotHeight]);
  const innerRef = useRef<SVGGElement>(null);

  const addPointAt = (event: MouseEvent<SVGRectElement>) => {
    if (!innerRef.current) return;
    const [px, py] = pointer(event.nativeEvent, innerRef.current);
    store.getState().addPoint(scales.x.invert(px), scales.y.invert(py));
  };

  return (
    <div ref={measure} className="plot-frame" data-testid="embed-plot">
      {width > 0 && (
        <svg
          className="plot"
          width={width}
          height={plotHeight}
          viewBox={`0 0 ${width} ${plotHeight}`}
          role="group"
          aria-label="Data and Gaussian-process fit. Drag a point; click empty space to add one."
        >
          <g ref={innerRef} transform={`translate(${PLOT_MARGINS.left},${PLOT_MARGINS.top})`}>
            <Axes scales={scales} />
            <rect
              className="background"
              width={scales.innerWidth}
              height={scales.innerHeight}
              onClick={addPointAt}
              data-testid="plot-area"
            />
            <PosteriorLayer scales={scales} />
            <PlotKey scales={scales} />
            <ArrowsLayer scales={scales} />
            <PointsLayer scales={scales} />
          </g>
        </svg>
      )}
    </div>
  );
}
