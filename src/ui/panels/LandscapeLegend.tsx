import { memo } from 'react';
import { useExplorerMessages } from '../explorerText';
import { useI18n } from '../i18n';
import { useLandscapeColours } from './ContourCanvas';
import { LANDSCAPE_LEVELS } from './landscapeGeometry';

const BAR_WIDTH = 12;

/**
 * The landscape's colour scale: one swatch per band, from θ̂'s value (0) down to 64 nats below it
 * and beyond, with the boundary values beside them (signed: log p − log p(θ̂), titled "relative
 * to θ̂", so that −4 is not read as "−4 below"). Drawn in the landscape's SVG at (x, 0),
 * `height` tall; equal steps per band, since the bands themselves double.
 */
export const LandscapeLegend = memo(function LandscapeLegend({
  x,
  height,
  belowTop = false,
}: {
  x: number;
  height: number;
  /** The bands count down from the likelihood's top, not from θ̂ (θ̂ chosen by another rule). */
  belowTop?: boolean;
}) {
  const { low, band } = useLandscapeColours();
  const { number } = useI18n();
  const say = useExplorerMessages();
  // Top to bottom: above −0.5, −0.5 … −1, …, −32 … −64, below −64.
  const levels = [...LANDSCAPE_LEVELS].reverse();
  const swatches = [...levels.map((level) => band(level)), low];
  const step = height / swatches.length;
  const boundaries = [0, ...levels];
  return (
    <g
      className="landscape-legend"
      transform={`translate(${x},0)`}
      data-testid="landscape-legend"
      aria-hidden="true"
    >
      {swatches.map((fill, k) => (
        <rect key={k} x={0} y={k * step} width={BAR_WIDTH} height={step + 0.5} fill={fill} />
      ))}
      <rect className="legend-frame" x={0} y={0} width={BAR_WIDTH} height={height} />
      {boundaries.map((value, k) => (
        <text
          key={value}
          className="legend-text num"
          x={BAR_WIDTH + 4}
          y={k * step}
          dy="0.35em"
          data-value={value}
        >
          {number(value, 1)}
        </text>
      ))}
      <text
        className="legend-title"
        transform={`translate(${BAR_WIDTH + 40},${height / 2}) rotate(90)`}
        textAnchor="middle"
      >
        {say(belowTop ? 'natsRelativeTop' : 'natsRelative')}
      </text>
    </g>
  );
});
