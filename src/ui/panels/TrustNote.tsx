import { useMemo } from 'react';
import type { ArrowsView } from '../../state';
import { useExplorer } from '../context';
import { fitReasons } from '../fitMessages';
import { useI18n } from '../i18n';
import { reasonSentence } from '../reasonText';
import { TRUST_MARKS } from '../trustMarks';

/**
 * Whether the arrows can be believed, and why not when they cannot — in visible text, in words
 * for what the plot shows (`fitMessages.ts`), so touch and screen-reader users get every reason,
 * each a sentence of its own (`reasonSentence`).
 * While a refit is overdue it says so first: the arrows and θ̂ on screen belong to points that
 * have since moved.
 */
export function TrustNote({ view, failure }: { view: ArrowsView; failure: string | null }) {
  const { status, stale } = view;
  const analysis = useExplorer((s) => s.analysis);
  const tr = useI18n();
  const { t } = tr;
  const worded = useMemo(
    () => (analysis ? fitReasons(analysis.result, analysis.points, tr) : null),
    [analysis, tr],
  );
  // The view's reasons come from the latest analysis unless a failure replaced it.
  const reasons = failure || !worded ? view.reasons : worded;
  if (status === 'waiting' && !failure) {
    return (
      <div className="trust waiting" role="status" data-testid="trust" data-status="waiting">
        <span className="trust-icon" aria-hidden="true">
          ···
        </span>
        <span>{t('fitting')}</span>
      </div>
    );
  }
  const heading = {
    shown: t('trustShown'),
    caution: t('trustCaution'),
    untrusted: t('trustUntrusted'),
    hidden: failure ? t('trustNoFit') : t('trustHidden'),
    waiting: t('trustNoFit'),
  }[status];
  const shownReasons = failure ? [failure] : reasons;
  return (
    <div
      className={`trust ${stale ? 'refitting' : status}`}
      role="status"
      data-testid="trust"
      data-status={status}
      data-stale={stale}
    >
      <span className="trust-icon" aria-hidden="true">
        {stale ? '···' : TRUST_MARKS[status]}
      </span>
      <div>
        {stale && <div data-testid="trust-refitting">{t('trustRefitting')}</div>}
        <div>{heading}</div>
        {shownReasons.length > 0 && (
          <ul data-testid="trust-reasons">
            {shownReasons.map((reason) => (
              <li key={reason}>{reasonSentence(reason)}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
