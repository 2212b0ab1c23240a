import { HYPERPARAMETER_NAMES, type HyperparameterName } from '../../engine/types';
import { selectPrediction, type PredictionView } from '../../state';
import { useExplorer } from '../context';
import { HYPERPARAMETER_LABELS, plainSymbol } from '../format';
import { useI18n } from '../i18n';
import {
  AGREEMENT,
  formatApart,
  largestJump,
  relativeGap,
  rowOf,
  verdictOrder,
} from './responseCurveGeometry';

/** One line of the verdict: "ℓ: prediction 1.52, refit 1.55 (2.0 % apart) — agrees". */
function VerdictLine({
  name,
  prediction,
  lead,
}: {
  name: HyperparameterName;
  prediction: PredictionView;
  lead: boolean;
}) {
  const k = HYPERPARAMETER_NAMES.indexOf(name);
  const gap = relativeGap(prediction.logGap[k] ?? Number.NaN);
  const agrees = gap <= AGREEMENT;
  const label = HYPERPARAMETER_LABELS[name];
  const { t, number, language } = useI18n();
  return (
    <li
      className={`verdict${lead ? ' lead' : ''}${agrees ? ' agrees' : ' parted'}`}
      data-testid={`verdict-${name}`}
      data-verdict={agrees ? 'agrees' : 'parted'}
      data-gap={String(gap)}
    >
      <span className="verdict-symbol" style={{ color: `var(--${name})` }}>
        {label.symbol}
        {label.subscript && <sub>{label.subscript}</sub>}
      </span>
      <span className="num">
        {t('verdictPrediction')}{' '}
        <span data-testid={`predicted-${name}`}>{number(prediction.predicted[name])}</span>,{' '}
        {t('verdictRefit', {
          refit: number(prediction.refit[name]),
          gap: formatApart(gap, language),
        })}
      </span>
      <span className="verdict-word">{agrees ? t('verdictAgrees') : t('verdictParted')}</span>
    </li>
  );
}

/**
 * The implicit function theorem's first-order prediction for the dragged point beside the
 * refitted θ̂, per hyperparameter and led by the one the arrows show: where the two part (more
 * than 5 % apart), the move has gone beyond where the linearisation holds.
 */
export function Prediction() {
  const prediction = useExplorer(selectPrediction);
  const chosen = useExplorer((s) => s.options.hyperparameter);
  const order = verdictOrder(chosen);
  const chosenGap = prediction
    ? relativeGap(prediction.logGap[HYPERPARAMETER_NAMES.indexOf(chosen)] ?? Number.NaN)
    : null;
  const symbol = plainSymbol(chosen);
  const { t, coordinate } = useI18n();
  // Where the point's response curve is known along the one coordinate that moved, a jump it
  // crossed says why the prediction parted: θ̂ went to another maximum (the curve of a point
  // depends on the other points only, so it holds before and after the move).
  const shownCurve = useExplorer((s) => s.curve);
  const curve = shownCurve?.curve;
  const start = useExplorer((s) => s.drag?.start ?? null);
  // Computed for these data before the move, or for them after it: not for other points' places.
  const sameOthers = useExplorer(
    (s) =>
      s.curve?.shownFor != null &&
      (s.curve.shownFor === s.drag?.startPoints || s.curve.shownFor === s.points),
  );
  const along = prediction?.delta.x === 0 ? 'y' : prediction?.delta.y === 0 ? 'x' : null;
  const crossed =
    prediction && curve && start && along && sameOthers && shownCurve.index === prediction.index
      ? curve.axis === along
        ? largestJump(curve, rowOf(chosen), [start[along], start[along] + prediction.delta[along]])
        : null
      : null;
  const parted = chosenGap !== null && chosenGap > AGREEMENT;
  const verdict = !parted
    ? t('predictionAgrees', { symbol })
    : crossed && along
      ? t('predictionJumped', { symbol, axis: along, value: coordinate(crossed.value) })
      : t('predictionParted', { symbol });
  return (
    <section
      className="card prediction-card"
      aria-labelledby="prediction-title"
      data-testid="prediction"
    >
      <div className="card-body prediction-layout">
        <div>
          <h2 id="prediction-title">{t('predictionTitle')}</h2>
          <p className="panel-text">
            {t('predictionIntro')} <em>log θ̂ + (∂ log θ̂/∂yᵢ) Δy + (∂ log θ̂/∂xᵢ) Δx</em>
            {t('predictionFromStart')}
          </p>
          <p className="panel-text num" role="status" data-testid="prediction-summary">
            {!prediction || chosenGap === null
              ? t('predictionIdle')
              : t('predictionMoved', {
                  index: prediction.index + 1,
                  dx: coordinate(prediction.delta.x),
                  dy: coordinate(prediction.delta.y),
                }) +
                ' ' +
                verdict}
          </p>
        </div>
        {prediction && (
          <ul className="verdicts" data-testid="verdicts">
            {order.map((name, k) => (
              <VerdictLine key={name} name={name} prediction={prediction} lead={k === 0} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
