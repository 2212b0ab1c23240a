import { HYPERPARAMETER_NAMES } from '../engine/types';
import { selectArrows } from '../state';
import { useExplorer } from '../ui/context';
import { formatNumber, HYPERPARAMETER_LABELS } from '../ui/format';

/** θ̂ on one line, each value in its hyperparameter's colour, with a one-glyph trust mark. */
export function EmbedReadout() {
  const theta = useExplorer((s) => s.analysis?.result.theta ?? null);
  const failure = useExplorer((s) => s.failure?.result.message ?? null);
  const arrows = useExplorer(selectArrows);
  const chosen = useExplorer((s) => s.options.hyperparameter);
  const trusted = arrows.status === 'shown';
  const verdict =
    failure ??
    (arrows.status === 'waiting'
      ? 'Fitting…'
      : trusted
        ? 'Sensitivities trusted: θ̂ is a strict interior maximum.'
        : arrows.reasons.join(' ') || 'Use the arrows with care.');

  return (
    <div className="embed-readout" aria-label="Fitted hyperparameters" data-testid="embed-readout">
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
        className={`embed-verdict ${arrows.status}`}
        title={verdict}
        data-testid="embed-verdict"
        data-status={arrows.status}
      >
        {arrows.status === 'waiting' ? '···' : trusted ? '✓' : '!'}
        <span className="visually-hidden">{verdict}</span>
      </span>
    </div>
  );
}
