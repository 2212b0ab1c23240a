import { selectArrows } from '../state';
import { backendLabel } from '../ui/backendLabel';
import { computeNoteMessage } from '../ui/computeNoteText';
import { useExplorer } from '../ui/context';
import { failureReason } from '../ui/failureText';
import { useI18n } from '../ui/i18n';
import { TrustNote } from '../ui/panels/TrustNote';

/**
 * Whether the arrows can be believed (and why not), and what computed them; held back while the
 * store's `reasonsHidden` holds (an exercise waiting for the reader's guess).
 */
export function EmbedStatus() {
  const arrows = useExplorer(selectArrows);
  const failure = useExplorer((s) => s.failure?.result ?? null);
  const status = useExplorer((s) => s.status);
  const busy = useExplorer((s) => s.pendingSeq !== null);
  const reasonsHidden = useExplorer((s) => s.reasonsHidden);
  const tr = useI18n();
  return (
    <div className="embed-status" data-testid="embed-status">
      {reasonsHidden && !failure ? (
        <p className="trust">{tr.t('embedTrustHidden')}</p>
      ) : (
        <TrustNote view={arrows} failure={failure ? failureReason(failure, tr) : null} />
      )}
      <div className="embed-backend status">
        <span className={`status-dot${busy ? ' busy' : ''}`} aria-hidden="true" />
        <span>
          {tr.t('computedBy')}{' '}
          <span data-testid="compute-backend" data-backend={status.backend}>
            {backendLabel(status.backend, tr.t)}
          </span>
          {status.note && (
            <span data-testid="compute-note" data-note={status.note.code}>
              {' · '}
              {computeNoteMessage(status.note, tr)}
            </span>
          )}
        </span>
      </div>
    </div>
  );
}
