import { HYPERPARAMETER_NAMES } from '../engine/types';
import { selectArrows } from '../state';
import { useExplorer } from '../ui/context';
import { failureReason } from '../ui/failureText';
import { fitReasons } from '../ui/fitMessages';
import { joinReasons } from '../ui/reasonText';
import { HYPERPARAMETER_LABELS } from '../ui/format';
import { useI18n } from '../ui/i18n';
import { TRUST_MARKS } from '../ui/trustMarks';

/**
 * θ̂ on one line, each value in its hyperparameter's colour, with a trust mark (✓ with "arrows
 * trusted", its whole sentence on hover and for screen readers); and,
 * whenever the arrows are not plainly trusted, the reasons on a visible line of their own (not
 * only in a tooltip, which touch and screen-reader users never see), one after another with a
 * semicolon between, the line a sentence with its full stop. While a refit is overdue, θ̂ is
 * greyed and the line says it is refitting.
 * With the status panel below (`statusBelow`), which lists the same reasons one per line, the
 * readout leaves them to it: each reason is said once. A plainly trusted fit's line ends by
 * saying the points can be dragged: a widget in an article may have no caption that says so.
 */
export function EmbedReadout({ statusBelow = false }: { statusBelow?: boolean }) {
  const theta = useExplorer((s) => s.analysis?.result.theta ?? null);
  const failure = useExplorer((s) => s.failure?.result ?? null);
  const arrows = useExplorer(selectArrows);
  const analysis = useExplorer((s) => s.analysis);
  const chosen = useExplorer((s) => s.options.hyperparameter);
  const reasonsHidden = useExplorer((s) => s.reasonsHidden);
  const tr = useI18n();
  const { t, number: formatNumber } = tr;
  const { status, stale } = arrows;
  // The reasons in the page's words, as the trust note gives them.
  const reasons = analysis ? fitReasons(analysis.result, analysis.points, tr) : arrows.reasons;
  const trusted = status === 'shown';
  const heading = t(
    status === 'untrusted' ? 'embedGreyed' : status === 'hidden' ? 'embedNoArrows' : 'embedCare',
  );
  const reason = stale
    ? t('embedRefitting')
    : failure
      ? t('embedNoFit', { reason: failureReason(failure, tr) })
      : status === 'waiting' || trusted || reasonsHidden
        ? null
        : `${heading}: ${reasons.length > 0 ? `${joinReasons(reasons)}.` : t('embedNotReliable')}`;
  const reasonLine = statusBelow ? null : reason;
  // Held back (an exercise before its answer): said in words, with no mark to hint at it.
  const held = reasonsHidden && !stale && !failure && status !== 'waiting';
  // Without the line, the mark says the verdict in a word; the status panel reads the reasons.
  const verdict =
    reason === null
      ? status === 'waiting'
        ? t('fitting')
        : reasonsHidden
          ? t('embedTrustHidden')
          : t('trustShown')
      : stale
        ? reason
        : failure
          ? t('trustNoFit')
          : heading;

  return (
    <div
      className={`embed-readout${stale ? ' stale' : ''}`}
      aria-label={t('readoutTitle')}
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
              title={`${tr.hyperparameterName(name)} (${tr.hyperparameterUnit(name)})`}
            >
              <span className="embed-symbol" aria-hidden="true">
                {label.symbol}
                {label.subscript && <sub>{label.subscript}</sub>}
              </span>
              <span
                className="num"
                data-testid={`theta-${name}`}
                aria-label={`${tr.hyperparameterName(name)}: ${value === undefined ? t('notYetFitted') : formatNumber(value)} ${tr.hyperparameterUnit(name)}`}
              >
                {value === undefined ? '—' : formatNumber(value)}
              </span>
            </span>
          );
        })}
        <span
          className={`embed-verdict ${stale ? 'refitting' : held ? 'held' : status}`}
          data-testid="embed-verdict"
          data-status={status}
          aria-hidden={reasonLine !== null}
          title={reasonLine === null ? verdict : undefined}
        >
          {/* With the status panel below, its own mark and words say a verdict other than ✓. */}
          {held
            ? verdict
            : stale || status === 'waiting'
              ? '···'
              : statusBelow && !trusted
                ? null
                : TRUST_MARKS[status]}
          {/* The mark alone says nothing to a reader who has not met it. */}
          {trusted && !stale && !held && (
            <span className="embed-verdict-word" aria-hidden="true">
              {' '}
              {t('embedTrusted')}
            </span>
          )}
          {reasonLine === null && !held && <span className="visually-hidden">{verdict}</span>}
        </span>
        {reason === null && <span className="embed-hint">{t('embedHint')}</span>}
      </div>
      {reasonLine !== null && (
        <p className="embed-reason" data-testid="embed-reason">
          {reasonLine}
        </p>
      )}
    </div>
  );
}
