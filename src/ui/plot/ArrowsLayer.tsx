import { memo } from 'react';
import { arrowVector, selectArrows } from '../../state';
import { useExplorer } from '../context';
import { ArrowGlyph } from './ArrowGlyph';
import type { PlotScales } from './geometry';
import { useEasedScale } from './useEasedScale';
import { useShownPoints } from './useShownPoints';

/**
 * One arrow per point: the sensitivity of the chosen hyperparameter to the point, drawn from the
 * point's edge at the store's fixed scale (one unit of y per `reference`). Dashed in their colour
 * when the fit asks for caution (a near tie, few correct digits, σn on its floor); grey and
 * dashed when it is untrusted; grey and faint while refitting (`data-stale`: the arrows belong to
 * points that have since moved); absent when the sensitivities are undefined; drawn but not
 * shown while the store's `arrowsHidden` holds, and solid while its `reasonsHidden` does (an
 * exercise waiting for the reader's guess).
 *
 * Hooks: `data-dy` / `data-dx` hold ∂ log θ̂/∂yᵢ and ∂ log θ̂/∂xᵢ (0 for vertical arrows) in
 * full precision, `data-length-dy` / `data-length-dx` the drawn arrow in reference units, and
 * `data-capped` marks an arrow drawn at the cap.
 */
export const ArrowsLayer = memo(function ArrowsLayer({ scales }: { scales: PlotScales }) {
  const view = useExplorer(selectArrows);
  const points = useShownPoints();
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const seq = useExplorer((s) => s.analysis?.result.seq ?? 0);
  const concealed = useExplorer((s) => s.arrowsHidden);
  // While the trust words are held back, the dashes that say the same are too.
  const reasonsHidden = useExplorer((s) => s.reasonsHidden);
  const caution = view.status === 'caution' && !reasonsHidden;
  // A new scale (fitted at a release) is eased in, so the arrows visibly rescale.
  const eased = useEasedScale(view.scale?.reference ?? null);
  if (view.status === 'hidden' || view.status === 'waiting')
    return <g className="arrows" data-testid="arrows" data-seq={seq} data-stale={view.stale} />;
  return (
    <g
      className={`arrows ${view.status === 'untrusted' ? 'untrusted' : hyperparameter}${caution ? ' caution' : ''}${view.stale ? ' stale' : ''}${concealed ? ' concealed' : ''}`}
      data-testid="arrows"
      data-seq={seq}
      data-reference={view.scale ? String(view.scale.reference) : undefined}
      data-easing={eased.moving || undefined}
      data-stale={view.stale}
    >
      {view.arrows.map(({ index, vector: settled, sensitivityX, sensitivityY }) => {
        const point = points[index];
        if (!point) return null;
        const vector =
          eased.moving && eased.value !== null
            ? (arrowVector(sensitivityX, sensitivityY, eased.value) ?? settled)
            : settled;
        return (
          <ArrowGlyph
            key={index}
            point={point}
            vector={vector}
            scales={scales}
            data-testid="arrow"
            data-index={index}
            data-dy={String(sensitivityY)}
            data-dx={String(sensitivityX)}
            data-length-dy={vector.dy.toFixed(6)}
            data-length-dx={vector.dx.toFixed(6)}
            data-capped={vector.capped || undefined}
          />
        );
      })}
    </g>
  );
});
