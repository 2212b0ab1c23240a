import { memo } from 'react';
import { selectArrows } from '../../state';
import { useExplorer } from '../context';
import { arrowShape, type PlotScales } from './geometry';
import { useShownPoints } from './useShownPoints';

/**
 * One arrow per point: the sensitivity of the chosen hyperparameter to the point, drawn from the
 * point's edge at the store's fixed scale (one unit of y per `reference`). Grey and dashed when
 * the fit is untrusted; grey and faint while refitting (`data-stale`: the arrows belong to points
 * that have since moved); absent when the sensitivities are undefined.
 */
export const ArrowsLayer = memo(function ArrowsLayer({ scales }: { scales: PlotScales }) {
  const view = useExplorer(selectArrows);
  const points = useShownPoints();
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const seq = useExplorer((s) => s.analysis?.result.seq ?? 0);
  if (view.status === 'hidden' || view.status === 'waiting')
    return <g className="arrows" data-testid="arrows" data-seq={seq} data-stale={view.stale} />;
  // Pixels per data unit along each axis (the y axis points down on screen).
  const perX = scales.x(1) - scales.x(0);
  const perY = scales.y(0) - scales.y(1);
  return (
    <g
      className={`arrows ${view.status === 'untrusted' ? 'untrusted' : hyperparameter}${view.stale ? ' stale' : ''}`}
      data-testid="arrows"
      data-seq={seq}
      data-stale={view.stale}
    >
      {view.arrows.map(({ index, vector }) => {
        const point = points[index];
        if (!point) return null;
        const shape = arrowShape(
          scales.x(point.x),
          scales.y(point.y),
          vector.dx * perX,
          -vector.dy * perY,
          vector.capped,
        );
        return (
          <g
            key={index}
            className="arrow"
            data-testid="arrow"
            data-index={index}
            data-dy={vector.dy.toFixed(6)}
            data-dx={vector.dx.toFixed(6)}
            data-capped={vector.capped || undefined}
          >
            {shape && (
              <>
                <path className="shaft" d={shape.shaft} />
                <path className="head" d={shape.head} />
              </>
            )}
          </g>
        );
      })}
    </g>
  );
});
