import { HYPERPARAMETER_NAMES } from '../engine/types';
import { selectArrows } from '../state';
import { useExplorer } from '../ui/context';
import { failureReason } from '../ui/failureText';
import { formatNumber, HYPERPARAMETER_LABELS } from '../ui/format';

/**
 * θ̂ on one line, each value in its hyperparameter's colour, with a one-glyph trust mark; and,
 * whenever the arrows are not plainly trusted, the reason on a visible line of its own (not only
 * in a tooltip, which touch and screen-reader users never see). While a refit is overdue, θ̂ is
 * greyed and the line says it is refitting.
 */
export function EmbedReadout() {
  const theta = useExplorer((s) => s.analysis?.result.theta ?? null);
  const failure = useExplorer((s) => s.failure?.result ?? null);
  const arrows = useExplorer(selectArrows);
  const chosen = useExplorer((s) => s.options.hyperparameter);
  const { status, stale } = arrows;
  const trusted = status === 'shown';
  const reason = stale
    ? 'Refitting: θ̂ and the arrows are for the points before your last change.'
    : failure
      ? `No fit: ${failureReason(failure)}`
      : status === 'waiting' || trusted
        ? null
        : `${status === 'untrusted' ? 'Arrows greyed' : status === 'hidden' ? 'No arrows' : 'Use the arrows with care'}: ${arrows.reasons.join(' ') || 'the sensitivities are not reliable here.'}`;
  const verdict =
    reason ??
    (status === 'waiting' ? 'Fitting…' : 'Sensitivities trusted: θ̂ is a strict interior maximum.');

  return (
    <div
      className={`embed-readout${stale ? ' stale' : ''}`}
      aria-label="Fitted hyperparameters"
      data-testid="embed-readout"
      data-stale={stale}
    >
      <div className="embed-thetas">
        {HYPERPARAMETER_NAMES.map((name) => {
          const label = HYPERPARAMETER_LABELS[name];
          const value = theta?.[name];
          return (
            <span
              key={name}
              className={`embed-theta ${name}${name === chosen ? ' active' : ''}`}
              title={`${label.name} (${label.unit})`}
            >
              <span className="embed-symbol" aria-hidden="true">
                {label.symbol}
                {label.subscript && <sub>{label.subscript}</sub>}
              </span>
              <span
                className="num"
                data-testid={`theta-${name}`}
                aria-label={`${label.name}: ${value === undefined ? 'not yet fitted' : formatNumber(value)} ${label.unit}`}
              >
                {value === undefined ? '—' : formatNumber(value)}
              </span>
            </span>
          );
        })}
        <span
          className={`embed-verdict ${stale ? 'refitting' : status}`}
          data-testid="embed-verdict"
          data-status={status}
          aria-hidden={reason !== null}
        >
          {stale || status === 'waiting' ? '···' : trusted ? '✓' : '!'}
          {reason === null && <span className="visually-hidden">{verdict}</span>}
        </span>
      </div>
      {reason !== null && (
        <p className="embed-reason" data-testid="embed-reason">
          {reason}
        </p>
      )}
    </div>
  );
}
