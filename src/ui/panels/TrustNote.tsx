import { useMemo } from 'react';
import type { ArrowsView } from '../../state';
import { useExplorer } from '../context';
import { fitReasons } from '../fitMessages';

/**
 * Whether the arrows can be believed, and why not when they cannot — in words for what the plot
 * shows (see `fitMessages.ts`).
 */
export function TrustNote({ view, failure }: { view: ArrowsView; failure: string | null }) {
  const { status } = view;
  const analysis = useExplorer((s) => s.analysis);
  const worded = useMemo(
    () => (analysis ? fitReasons(analysis.result, analysis.points) : null),
    [analysis],
  );
  // The view's reasons come from the latest analysis unless a failure replaced it.
  const reasons = failure || !worded ? view.reasons : worded;
  if (status === 'waiting' && !failure) {
    return (
      <div className="trust waiting" role="status" data-testid="trust" data-status="waiting">
        <span className="trust-icon" aria-hidden="true">
          ···
        </span>
        <span>Fitting…</span>
      </div>
    );
  }
  const heading = {
    shown: 'Sensitivities trusted: θ̂ is a strict interior maximum.',
    caution: 'Use the arrows with care.',
    untrusted: 'Arrows greyed: the sensitivities cannot be trusted here.',
    hidden: failure
      ? 'No fit for these points.'
      : 'Arrows hidden: the sensitivities are undefined here.',
    waiting: 'No fit for these points.',
  }[status];
  return (
    <div className={`trust ${status}`} role="status" data-testid="trust" data-status={status}>
      <span className="trust-icon" aria-hidden="true">
        {status === 'shown' ? '✓' : '!'}
      </span>
      <div>
        <div>{heading}</div>
        {reasons.length > 0 && (
          <ul data-testid="trust-reasons">
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
