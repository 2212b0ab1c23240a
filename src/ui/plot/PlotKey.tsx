import { memo } from 'react';
import { selectArrows } from '../../state';
import { useExplorer } from '../context';
import { formatNumber, plainSymbol } from '../format';
import { arrowShape, POINT_RADIUS, type PlotScales } from './geometry';

/** Below this inner width the key shows only the arrow scale. */
const COMPACT_WIDTH = 480;

/**
 * The scale in words: an arrow one unit of y long stands for ∂ log θ̂/∂y = `reference`, that is
 * θ̂ changing at `100·reference` % per unit the point moves (up, or along the arrow for 2-D ones).
 */
export function scaleWords(
  reference: number | undefined,
  symbol: string,
  vector: boolean,
): [string, string, string] {
  const rate = reference === undefined ? '—' : formatNumber(100 * reference, 2);
  return [
    `An arrow this long: ${symbol} changes`,
    `by ${rate} % per unit the point`,
    vector ? 'moves along the arrow' : 'moves up',
  ];
}

/**
 * The plot's key, drawn inside the SVG (so exported images carry it): the mean, the band, and a
 * sample arrow drawn like the data's — vertical, from a point, exactly one unit of y long — with
 * the change of θ̂ it stands for in words.
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
  const lineHeight = 17;
  const swatch = 30;
  const textX = swatch + 12;
  // The sample arrow rises from a dot at the bottom of its block, one unit of y long.
  const arrowBlock = Math.max(unit + 2 * POINT_RADIUS + 6, 3 * lineHeight + 4);
  const dotY = arrowBlock - POINT_RADIUS - 3;
  const arrow = arrowShape(swatch / 2, dotY, 0, -unit, false);
  const top = compact ? 0 : 2 * lineHeight + 4;
  const width = textX + 176;
  const colour = untrusted ? 'untrusted' : hyperparameter;
  const words = scaleWords(reference, symbol, vector);

  return (
    <g className="plot-key" transform="translate(8,8)" data-testid="plot-key" aria-hidden="true">
      <rect className="key-box" width={width} height={top + arrowBlock + 8} rx={7} />
      {!compact && (
        <>
          <g transform={`translate(8,${lineHeight * 0.5 + 5})`}>
            <line className="mean" x1={0} x2={swatch} y1={0} y2={0} />
            <text className="key-text" x={textX} dy="0.35em">
              posterior mean of f
            </text>
          </g>
          <g transform={`translate(8,${lineHeight * 1.5 + 5})`} opacity={showBand ? 1 : 0.35}>
            <rect className="band" x={0} y={-5} width={swatch} height={10} />
            <text className="key-text" x={textX} dy="0.35em">
              95% band
            </text>
          </g>
        </>
      )}
      <g
        transform={`translate(8,${top + 4})`}
        data-testid="key-arrow"
        data-length={unit.toFixed(1)}
        data-orientation="vertical"
        data-reference={reference === undefined ? undefined : String(reference)}
      >
        <circle className="key-dot" cx={swatch / 2} cy={dotY} r={POINT_RADIUS - 1.5} />
        {arrow && (
          <g className={`arrows ${colour}`}>
            <g className="arrow">
              <path className="shaft" d={arrow.shaft} />
              <path className="head" d={arrow.head} />
            </g>
          </g>
        )}
        <text className="key-text" x={textX} y={arrowBlock / 2 - lineHeight}>
          {words.map((line, k) => (
            <tspan key={k} x={textX} dy={k === 0 ? '0.35em' : lineHeight}>
              {line}
            </tspan>
          ))}
        </text>
      </g>
    </g>
  );
});
