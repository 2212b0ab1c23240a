import { pointer } from 'd3';
import { useMemo, useRef, type MouseEvent } from 'react';
import { useExplorerStore } from '../context';
import { ArrowsLayer } from './ArrowsLayer';
import { Axes } from './Axes';
import { PLOT_MARGINS, plotHeight, plotScales } from './geometry';
import { PlotKey } from './PlotKey';
import { PointsLayer } from './PointsLayer';
import { PosteriorLayer } from './PosteriorLayer';
import { useElementWidth } from './useElementWidth';

/** Id of the plot's <svg>, for image export. */
export const PLOT_SVG_ID = 'explorer-plot';

/**
 * The hero: data points, the GP's mean and 95% band, and an arrow on every point. Scales depend
 * only on the plot's size, so a drag changes positions and paths, never layout.
 */
export function Plot() {
  const store = useExplorerStore();
  const [measure, width] = useElementWidth();
  const height = plotHeight(width);
  const scales = useMemo(() => plotScales(width, height), [width, height]);
  const innerRef = useRef<SVGGElement>(null);

  const addPointAt = (event: MouseEvent<SVGRectElement>) => {
    if (!innerRef.current) return;
    const [px, py] = pointer(event.nativeEvent, innerRef.current);
    store.getState().addPoint(scales.x.invert(px), scales.y.invert(py));
  };

  return (
    <div ref={measure} className="plot-frame">
      {width > 0 && (
        <svg
          id={PLOT_SVG_ID}
          className="plot"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label="Data and Gaussian-process fit. Click empty space to add a point."
        >
          <defs>
            <clipPath id="plot-clip">
              <rect width={scales.innerWidth} height={scales.innerHeight} />
            </clipPath>
          </defs>
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
