import { memo } from 'react';
import { selectArrows } from '../../state';
import { useExplorer } from '../context';
import { formatNumber, plainSymbol } from '../format';
import { arrowShape, POINT_RADIUS, type KeyBox, type PlotScales } from './geometry';

/**
 * The plot's key, drawn inside the SVG (so exported images carry it) in its own box outside the
 * data area (`plotLayout`): the mean, the band, and a sample arrow exactly one unit of y long with
 * the sensitivity it stands for. In a column beside the data it lists all three; in a strip above
 * the data (narrow plots) only the arrow and its scale.
 */
export const PlotKey = memo(function PlotKey({ scales, box }: { scales: PlotScales; box: KeyBox }) {
  // Primitives, not the arrows view: this re-renders when the scale or verdict changes, not per refit.
  const untrusted = useExplorer((s) => selectArrows(s).status === 'untrusted');
  const reference = useExplorer((s) => s.arrowScale?.reference);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const showBand = useExplorer((s) => s.options.showBand);
  const vector = useExplorer((s) => s.options.arrowMode === 'vector');
  const unit = scales.y(0) - scales.y(1);
  const column = box.layout === 'column';
  const symbol = plainSymbol(hyperparameter);
  const arrow = arrowShape(-POINT_RADIUS - 1.5, 0, unit, 0, false);
  const scaleText = `= ${reference === undefined ? '—' : formatNumber(reference, 2)} in ∂ log ${symbol} / ∂${vector ? '(x, y)' : 'y'}`;
  const lineHeight = 19;
  const swatch = 26;
  const colour = untrusted ? 'untrusted' : hyperparameter;
  // Column: mean, band, the arrow, and its scale below it. Row: the arrow with its scale beside.
  const arrowRow = column ? 2 : 0;
  const textAt = column ? { x: 0, row: 3 } : { x: unit + 12, row: 0 };
  const rows = column ? 4 : 1;

  return (
    <g
      className="plot-key"
      transform={`translate(${box.x},${box.y})`}
      data-testid="plot-key"
      data-layout={box.layout}
      aria-hidden="true"
    >
      <rect className="key-box" width={box.width} height={lineHeight * rows + 12} rx={7} />
      <g transform="translate(10,6)">
        {column && (
          <>
            <g transform={`translate(0,${lineHeight * 0.5})`}>
              <line className="mean" x1={0} x2={swatch} y1={0} y2={0} />
              <text className="key-text" x={swatch + 8} dy="0.35em">
                posterior mean of f
              </text>
            </g>
            <g transform={`translate(0,${lineHeight * 1.5})`} opacity={showBand ? 1 : 0.35}>
              <rect className="band" x={0} y={-5} width={swatch} height={10} />
              <text className="key-text" x={swatch + 8} dy="0.35em">
                95% band
              </text>
            </g>
          </>
        )}
        <g
          transform={`translate(0,${lineHeight * (arrowRow + 0.5)})`}
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
        </g>
        <text className="key-text num" x={textAt.x} y={lineHeight * (textAt.row + 0.5)} dy="0.35em">
          {scaleText}
        </text>
      </g>
    </g>
  );
});
