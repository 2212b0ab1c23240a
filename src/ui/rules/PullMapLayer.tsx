import { memo, useMemo, type MouseEvent } from 'react';
import { pointer } from 'd3';
import { currentInsight } from '../../state/insight';
import { useExplorer } from '../context';
import type { PlotScales } from '../plot/geometry';
import { pullMapPlace } from './pullMapPlace';
import { pullColour, pullRange, pullValues } from './pullMapScale';

/**
 * Where a new point would pull θ̂: behind the data, each cell coloured by the first-order change
 * d log θ̂/dw of the shown hyperparameter if a point were added at its centre. Pointing at it
 * shows the number in the readout; a click or tap picks the place (and does not add a point).
 * Drawn only while the layer is on and its answer belongs to the points on screen.
 */
export const PullMapLayer = memo(function PullMapLayer({ scales }: { scales: PlotScales }) {
  const on = useExplorer((s) => s.options.showPullMap);
  const map = useExplorer((s) => currentInsight(s)?.pullMap ?? null);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const cells = useMemo(() => {
    if (!map?.defined) return null;
    const values = pullValues(map, hyperparameter);
    const range = pullRange(values);
    const { xs, ys } = map;
    const halfX = xs.length > 1 ? (xs[1]! - xs[0]!) / 2 : 0.5;
    const halfY = ys.length > 1 ? (ys[1]! - ys[0]!) / 2 : 0.5;
    const out: { key: number; x: number; y: number; w: number; h: number; fill: string }[] = [];
    for (let j = 0; j < ys.length; j++) {
      for (let i = 0; i < xs.length; i++) {
        const left = scales.x(xs[i]! - halfX);
        const top = scales.y(ys[j]! + halfY);
        out.push({
          key: j * xs.length + i,
          x: left,
          y: top,
          // A hair wider, so no seams show between cells.
          w: scales.x(xs[i]! + halfX) - left + 0.5,
          h: scales.y(ys[j]! - halfY) - top + 0.5,
          fill: pullColour(values[j * xs.length + i]!, range),
        });
      }
    }
    return { out, range };
  }, [map, hyperparameter, scales]);
  if (!on) return null;
  const place = (event: MouseEvent<SVGRectElement>, picked: boolean) => {
    const [px, py] = pointer(event.nativeEvent, event.currentTarget);
    pullMapPlace.setState({
      place: { x: scales.x.invert(px), y: scales.y.invert(py), picked },
    });
  };
  return (
    <g
      className="pull-map"
      data-testid="influence-map"
      data-range={cells ? String(cells.range) : undefined}
      data-state={cells ? 'current' : 'waiting'}
    >
      {/* The cells overlap by half a pixel against seams: translucent one by one, the overlaps
          would show as a darker mesh, so the group is. */}
      <g className="pull-map-cells">
        {cells?.out.map((cell) => (
          <rect
            key={cell.key}
            x={cell.x}
            y={cell.y}
            width={cell.w}
            height={cell.h}
            fill={cell.fill}
          />
        ))}
      </g>
      <rect
        className="pull-map-target"
        width={scales.innerWidth}
        height={scales.innerHeight}
        fill="transparent"
        onMouseMove={(event) => {
          if (!pullMapPlace.getState().place?.picked) place(event, false);
        }}
        onMouseLeave={() => {
          if (!pullMapPlace.getState().place?.picked) pullMapPlace.setState({ place: null });
        }}
        onClick={(event) => place(event, true)}
        data-testid="influence-map-target"
      />
    </g>
  );
});
