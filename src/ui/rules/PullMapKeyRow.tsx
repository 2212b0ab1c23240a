import { useMemo, type ReactNode } from 'react';
import { useExplorer } from '../context';
import { useExplorerMessages } from '../explorerText';
import { plainSymbol } from '../format';
import { KEY_SWATCH, KEY_TEXT_X } from '../plot/PlotKey';
import { KEY_LINE_HEIGHT, type KeyBox } from '../plot/geometry';
import { pullColour } from './pullMapScale';
import { subscripted } from '../plot/SubscriptedText';

/** The swatch's colours, from lowering θ̂ most (blue) to raising it most (red). */
const SWATCH_STOPS = [-1, -0.5, 0, 0.5, 1];

/**
 * The plot key's row while the pull map shades the plot, for `PlotKey`'s `below`: a swatch of
 * its colours and, in words, what they say ("Shading: a point added here moves ℓ ↓ blue, ↑
 * red"), so a reader need not find the map's own key below the plot to read it; null while the
 * map is off. Three short lines in the key's column, two in its strip.
 */
export function usePullMapKeyRow(
  box: KeyBox,
  above: number,
): { node: ReactNode; height: number } | null {
  const on = useExplorer((s) => s.options.showPullMap);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const say = useExplorerMessages();
  const column = box.layout === 'column';
  const lineHeight = KEY_LINE_HEIGHT * box.scale;
  return useMemo(() => {
    if (!on) return null;
    const words = [
      say('keyPullShading'),
      say('keyPullAdded', { symbol: plainSymbol(hyperparameter) }),
      say('keyPullColours'),
    ];
    const lines = column ? words : [`${words[0]} ${words[1]}`, words[2]!];
    const swatchHeight = 8;
    const node = (
      <g data-testid="key-pull-map" transform={`translate(0,${above})`}>
        {SWATCH_STOPS.map((stop, k) => (
          <rect
            key={stop}
            x={(k * KEY_SWATCH) / SWATCH_STOPS.length}
            y={lineHeight / 2 - swatchHeight / 2}
            width={KEY_SWATCH / SWATCH_STOPS.length}
            height={swatchHeight}
            fill={pullColour(stop, 1)}
          />
        ))}
        {lines.map((line, k) => (
          <text
            key={k}
            className="key-text"
            x={KEY_TEXT_X}
            y={lineHeight / 2 + k * lineHeight}
            dy="0.35em"
          >
            {subscripted(line)}
          </text>
        ))}
      </g>
    );
    return { node, height: lines.length * lineHeight + 4 };
  }, [on, hyperparameter, say, column, lineHeight, above]);
}
