import { memo } from 'react';
import { HYPERPARAMETER_NAMES } from '../../engine/types';
import { arrowVector, selectArrows } from '../../state';
import { useExplorer } from '../context';
import { ArrowGlyph } from '../plot/ArrowGlyph';
import type { PlotScales } from '../plot/geometry';
import { useShownPoints } from '../plot/useShownPoints';

/** How far apart (px) the two rules' arrows stand on each point. */
export const COMPARE_OFFSET = 5;

/**
 * The second rule's arrows in the "compare rules" view: the same hyperparameter, at the first
 * rule's scale so that lengths compare, drawn just right of each point in their own colour (the
 * first rule's stand just left). Only when the answer holds the comparison for the rule asked
 * for and the first rule's arrows are drawn; `data-rule` names the rule.
 */
export const CompareArrowsLayer = memo(function CompareArrowsLayer({
  scales,
}: {
  scales: PlotScales;
}) {
  const compareRule = useExplorer((s) => s.options.compareRule);
  const comparison = useExplorer((s) => s.analysis?.result.comparison ?? null);
  const view = useExplorer(selectArrows);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const mode = useExplorer((s) => s.options.arrowMode);
  const points = useShownPoints();
  if (compareRule === null || comparison?.rule !== compareRule) return null;
  const drawn = view.status !== 'hidden' && view.status !== 'waiting' && view.scale !== null;
  const { sensitivities } = comparison;
  if (!drawn || !sensitivities.defined) {
    return <g className="compare-arrows" data-testid="compare-arrows" data-rule={compareRule} />;
  }
  const row = HYPERPARAMETER_NAMES.indexOf(hyperparameter) as 0 | 1 | 2;
  const trusted = comparison.diagnostics.trust !== 'untrusted';
  return (
    <g
      className={`compare-arrows${trusted ? '' : ' untrusted'}${view.stale ? ' stale' : ''}`}
      data-testid="compare-arrows"
      data-rule={compareRule}
      transform={`translate(${COMPARE_OFFSET},0)`}
    >
      {Array.from(sensitivities.dLogTheta_dy[row], (dy, index) => {
        const point = points[index];
        const dx = mode === 'vector' ? sensitivities.dLogTheta_dx[row][index]! : 0;
        const vector = point && arrowVector(dx, dy, view.scale!.reference);
        if (!point || !vector) return null;
        return (
          <ArrowGlyph
            key={index}
            point={point}
            vector={vector}
            scales={scales}
            data-testid="compare-arrow"
            data-index={index}
            data-dy={String(dy)}
          />
        );
      })}
    </g>
  );
});
