import { HYPERPARAMETER_NAMES } from '../../engine/types';
import { currentInsight } from '../../state/insight';
import { useExplorer, useExplorerStore } from '../context';
import { useExplorerMessages } from '../explorerText';
import { useI18n } from '../i18n';
import { noTheoremMessage } from '../reasonText';
import { usePullMapPlace } from './pullMapPlace';
import { firstOrderHolds } from './firstOrderAgreement';
import { formatFactor } from '../format';
import { nearestCell, pullRange, pullValues, pullColour } from './pullMapScale';

/**
 * The pull map's key (its diverging colours and what they mean) and the number at the place the
 * reader points at or picked: the first-order change of the shown hyperparameter if a point were
 * added at the nearest cell's centre, with a button for the exact refit with that point, whose
 * answer is shown beside it. Hooks on `data-testid="pull-map-readout"`: `data-x`, `data-y` (the
 * cell's centre) and `data-value` (d log θ̂/dw there, full precision).
 */
export function PullMapReadout() {
  const store = useExplorerStore();
  const on = useExplorer((s) => s.options.showPullMap);
  const insight = useExplorer(currentInsight);
  const dragging = useExplorer((s) => s.drag?.active ?? false);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const place = usePullMapPlace();
  const tr = useI18n();
  const t = useExplorerMessages();
  if (!on) return null;
  const name = tr.hyperparameterName(hyperparameter);
  const map = insight?.pullMap ?? null;
  if (!map) {
    const text = dragging
      ? t('insightWaiting')
      : insight?.status === 'failed'
        ? t('insightFailed', { message: insight.message ?? '' })
        : t('insightComputing');
    return (
      <section className="pull-readout" data-testid="pull-map-readout" data-state="waiting">
        <h3>{t('pullMapLabel', { name })}</h3>
        <p role="status">{text}</p>
      </section>
    );
  }
  if (!map.defined) {
    return (
      <section className="pull-readout" data-testid="pull-map-readout" data-state="undefined">
        <h3>{t('pullMapLabel', { name })}</h3>
        <p>{t('pullMapUndefined', { reason: noTheoremMessage(map.reasons, tr) })}</p>
      </section>
    );
  }
  const values = pullValues(map, hyperparameter);
  const range = pullRange(values);
  const cell = place ? nearestCell(map, place.x, place.y) : null;
  const cellX = cell === null ? null : map.xs[cell % map.xs.length]!;
  const cellY = cell === null ? null : map.ys[Math.floor(cell / map.xs.length)]!;
  const value = cell === null ? null : values[cell]!;
  const row = HYPERPARAMETER_NAMES.indexOf(hyperparameter);
  const added = insight?.addedPoint ?? null;
  const addedHere = added && added.x === cellX && added.y === cellY ? added : null;
  const asking = insight?.addedPointAsked?.x === cellX && insight?.addedPointAsked?.y === cellY;
  const predicted = addedHere?.predictedDelta?.[row];
  const holds = predicted !== undefined && firstOrderHolds(addedHere!.delta[row]!, predicted);
  // The exact change and its first-order estimate side by side in one notation: both as
  // percentages, or both as factors once either is beyond a doubling or halving.
  const asFactors = [addedHere?.delta[row], predicted].some(
    (change) => change !== undefined && Math.abs(change) > Math.LN2,
  );
  const sameNotation = (change: number) =>
    asFactors ? formatFactor(change, tr.language) : tr.logRatio(change);
  const stops = [-1, -0.5, 0, 0.5, 1];
  return (
    <section
      className="pull-readout"
      data-testid="pull-map-readout"
      data-state="current"
      data-x={cellX ?? undefined}
      data-y={cellY ?? undefined}
      data-value={value === null ? undefined : String(value)}
    >
      <h3>{t('pullMapLabel', { name })}</h3>
      <div className="pull-key" data-testid="influence-map-key">
        <span>{t('pullMapKey', { name })}</span>
        <span className="pull-key-bar" aria-hidden="true">
          {stops.map((stop) => (
            <span key={stop} style={{ background: pullColour(stop * range, range) }} />
          ))}
        </span>
        <span className="pull-key-labels">
          {stops.map((stop, k) => (
            <span key={stop}>
              {/* The end colours also stand for everything beyond the range. */}
              {k === 0 ? '≤ ' : k === stops.length - 1 ? '≥ ' : ''}
              {tr.logRatio(stop * range)}
            </span>
          ))}
        </span>
      </div>
      <p role="status" aria-live="polite">
        {value === null
          ? t('pullMapHint')
          : t('pullMapAt', {
              x: tr.coordinate(cellX!),
              y: tr.coordinate(cellY!),
              name,
              change: tr.logRatio(value),
            })}
      </p>
      {value !== null && (
        <p className="pull-refit">
          <button
            type="button"
            className="button"
            data-testid="pull-map-refit"
            disabled={asking}
            onClick={() => store.getState().refitWithPointAt(cellX!, cellY!)}
          >
            {t('pullMapRefit')}
          </button>{' '}
          {asking && t('insightComputing')}
          {addedHere && (
            <span
              data-testid="pull-map-exact"
              data-delta={String(addedHere.delta[row])}
              data-predicted={String(addedHere.predictedDelta?.[row] ?? '')}
            >
              {t(addedHere.status === 'jumped' ? 'pullMapJumped' : 'pullMapExact', {
                change: sameNotation(addedHere.delta[row]!),
              })}{' '}
              {predicted !== undefined && (
                <span data-testid="pull-map-agreement" data-holds={holds}>
                  {t(holds ? 'pullMapHolds' : 'pullMapMisses', {
                    predicted: sameNotation(predicted),
                  })}
                </span>
              )}
            </span>
          )}
        </p>
      )}
    </section>
  );
}
