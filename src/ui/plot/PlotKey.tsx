import { memo } from 'react';
import { selectArrows } from '../../state';
import { useExplorer } from '../context';
import { formatNumber, plainSymbol } from '../format';
import { arrowShape, POINT_RADIUS, type PlotScales } from './geometry';

/** Below this inner width the key shows only the arrow scale, on one line. */
const COMPACT_WIDTH = 480;

/**
 * The plot's key, drawn inside the SVG (so exported images carry it): the mean, the band, and a
 * sample arrow exactly one unit of y long with the sensitivity it stands for.
 */
export const PlotKey = memo(function PlotKey({ scales }: { scales: PlotScales }) {
  // Primitives, not the arrows view: this re-renders when the scale or verdict changes, not per refit.
  const untrusted = useExplorer((s) => selectArrows(s).status === 'untrusted');
  const reference = useExplorer((s) => s.arrowScale?.reference);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const showBand = useExplorer((s) => s.options.showBand);
  const vector = useExplorer((s) => s.options.arrowMode === 'vector');
  const unit = scales.y(0) - scales.y(1);
  const compact = scales.innerWidth < COMPACT_WIDTH;
  const symbol = plainSymbol(hyperparameter);
  const arrow = arrowShape(-POINT_RADIUS - 1.5, 0, unit, 0, false);
  const textX = unit + 12;
  const scaleText = `= ${reference === undefined ? '—' : formatNumber(reference, 2)} in ∂ log ${symbol} / ∂${vector ? '(x, y)' : 'y'}`;
  const lineHeight = 19;
  const rows = compact ? 1 : 3;
  const width = textX + (compact ? 128 : 150);
  const colour = untrusted ? 'untrusted' : hyperparameter;

  return (
    <g className="plot-key" transform="translate(8,8)" data-testid="plot-key" aria-hidden="true">
      <rect className="key-box" width={width} height={lineHeight * rows + 10} rx={7} />
      {!compact && (
        <>
          <g transform={`translate(10,${lineHeight * 0.5 + 5})`}>
            <line className="mean" x1={0} x2={unit} y1={0} y2={0} />
            <text className="key-text" x={textX} dy="0.35em">
              posterior mean of f
            </text>
          </g>
          <g transform={`translate(10,${lineHeight * 1.5 + 5})`} opacity={showBand ? 1 : 0.35}>
            <rect className="band" x={0} y={-5} width={unit} height={10} />
            <text className="key-text" x={textX} dy="0.35em">
              95% band
            </text>
          </g>
        </>
      )}
      <g
        transform={`translate(10,${lineHeight * (rows - 0.5) + 5})`}
        data-testid="key-arrow"
        data-length={unit.toFixed(1)}
      >
        {arrow && (
          <g className={`arrows ${colour}`}>
            <g className="arrow">
              <path className="shaft" d={arrow.shaft} />
              <path className="head" d={arrow.head} />
            </g>
          </g>
        )}
        <text className="key-text num" x={textX} dy="0.35em">
          {scaleText}
        </text>
      </g>
    </g>
  );
});
