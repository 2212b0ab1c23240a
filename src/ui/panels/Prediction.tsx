import { HYPERPARAMETER_NAMES } from '../../engine/types';
import { selectPrediction } from '../../state';
import { useExplorer } from '../context';
import { formatCoordinate, formatNumber, formatPercent, HYPERPARAMETER_LABELS } from '../format';

/** A gap in log θ beyond this (about 5 %) is where the linear prediction visibly fails. */
const BREAKING_LOG_GAP = 0.05;

/**
 * The implicit function theorem's first-order prediction for the dragged point beside the
 * refitted θ̂: where the two part, the linearisation has broken down.
 */
export function Prediction() {
  const prediction = useExplorer(selectPrediction);
  return (
    <section className="card" aria-labelledby="prediction-title" data-testid="prediction">
      <div className="card-body">
        <h2 id="prediction-title">Prediction vs refit</h2>
        {!prediction ? (
          <p className="panel-text">
            Drag a point. The first-order prediction{' '}
            <em>log θ̂ + (∂ log θ̂/∂yᵢ) Δy + (∂ log θ̂/∂xᵢ) Δx</em> from where the drag began appears
            beside the refitted θ̂: where they part, the linearisation breaks.
          </p>
        ) : (
          <>
            <p className="panel-text num">
              Point {prediction.index + 1} moved Δx = {formatCoordinate(prediction.delta.x)}, Δy ={' '}
              {formatCoordinate(prediction.delta.y)}.
            </p>
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
                        {formatPercent(Math.expm1(gap))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </div>
    </section>
  );
}
