import { HYPERPARAMETER_NAMES } from '../../engine/types';
import { selectPrediction, type PredictionView } from '../../state';
import { useExplorer } from '../context';
import { formatCoordinate, formatLogRatio, formatNumber, HYPERPARAMETER_LABELS } from '../format';

/** A gap in log θ beyond this (about 5 %) is where the linear prediction visibly fails. */
const BREAKING_LOG_GAP = 0.05;

function ComparisonTable({ prediction }: { prediction: PredictionView }) {
  return (
    <table className="compare">
      <thead>
        <tr>
          <th scope="col">θ</th>
          <th scope="col">predicted</th>
          <th scope="col">refit</th>
          <th scope="col">gap</th>
        </tr>
      </thead>
      <tbody>
        {HYPERPARAMETER_NAMES.map((name, k) => {
          const label = HYPERPARAMETER_LABELS[name];
          const gap = prediction.logGap[k] ?? Number.NaN;
          return (
            <tr key={name}>
              <td style={{ color: `var(--${name})` }}>
                {label.symbol}
                <sub>{label.subscript}</sub>
              </td>
              <td className="num" data-testid={`predicted-${name}`}>
                {formatNumber(prediction.predicted[name])}
              </td>
              <td className="num">{formatNumber(prediction.refit[name])}</td>
              <td className={`num${Math.abs(gap) > BREAKING_LOG_GAP ? ' breaking' : ''}`}>
                {formatLogRatio(gap)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The implicit function theorem's first-order prediction for the dragged point beside the
 * refitted θ̂: where the two part, the linearisation has broken down.
 */
export function Prediction() {
  const prediction = useExplorer(selectPrediction);
  const breaking = prediction?.logGap.some((gap) => Math.abs(gap) > BREAKING_LOG_GAP) ?? false;
  return (
    <section
      className="card prediction-card"
      aria-labelledby="prediction-title"
      data-testid="prediction"
    >
      <div className="card-body prediction-layout">
        <div>
          <h2 id="prediction-title">Prediction vs refit</h2>
          <p className="panel-text">
            The arrows are derivatives, so they predict θ̂ to first order:{' '}
            <em>log θ̂ + (∂ log θ̂/∂yᵢ) Δy + (∂ log θ̂/∂xᵢ) Δx</em>, from where the drag began.
          </p>
          <p className="panel-text num" role="status">
            {!prediction
              ? 'Drag a point to compare the prediction with the refitted θ̂.'
              : `Point ${prediction.index + 1} moved Δx = ${formatCoordinate(prediction.delta.x)}, Δy = ${formatCoordinate(prediction.delta.y)}. ` +
                (breaking
                  ? 'The two have parted: the move is beyond where the linearisation holds.'
                  : 'The two agree: the linearisation holds for a move this size.')}
          </p>
        </div>
        {prediction && <ComparisonTable prediction={prediction} />}
      </div>
    </section>
  );
}
