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

/** Id of the plot's live <svg> (fit, arrows, points). */
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

  const frame = { width, height, viewBox: `0 0 ${width} ${height}` };
  const inner = `translate(${PLOT_MARGINS.left},${PLOT_MARGINS.top})`;
  // Two stacked SVGs: the still parts (grid, axes, key) and the live ones (fit, arrows, points),
  // so a refit re-rasterises only the live layer.
  return (
    <div ref={measure} className="plot-frame">
      {width > 0 && (
        <>
          <svg className="plot plot-still" {...frame} aria-hidden="true">
            <g transform={inner}>
              <Axes scales={scales} />
              <PlotKey scales={scales} />
            </g>
          </svg>
          <svg
            id={PLOT_SVG_ID}
            className="plot plot-live"
            {...frame}
            role="group"
            aria-label="Data and Gaussian-process fit. Click empty space to add a point."
          >
            <g ref={innerRef} transform={inner}>
              <rect
                className="background"
                width={scales.innerWidth}
                height={scales.innerHeight}
                onClick={addPointAt}
                data-testid="plot-area"
              />
              <PosteriorLayer scales={scales} />
              <ArrowsLayer scales={scales} />
              <PointsLayer scales={scales} />
            </g>
          </svg>
        </>
      )}
    </div>
  );
}
