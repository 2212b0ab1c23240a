import { backendLabel } from './backendLabel';
import { computeNoteMessage } from './computeNoteText';
import { useExplorer } from './context';
import { useExplorerMessages } from './explorerText';
import { KERNEL_LABELS } from './format';
import { useI18n } from './i18n';
import { Term } from './Term';

/** The plot's footer: how to interact, and what computed the fit (backend, time, size). */
export function StatusLine() {
  const status = useExplorer((s) => s.status);
  // Steady during a drag: a dot that blinks on every move would cost a repaint per move.
  const busy = useExplorer((s) => s.pendingSeq !== null && !s.drag?.active);
  const count = useExplorer((s) => s.points.length);
  const kernel = useExplorer((s) => s.kernel);
  const timing = useExplorer((s) => s.analysis?.result.timingMs.total ?? null);
  const engine = useExplorer((s) => s.analysis?.result.engine ?? null);
  // With the pull map shown, a click on the plot picks a place on the map instead of adding.
  const pickingPlaces = useExplorer((s) => s.options.showPullMap);
  const tr = useI18n();
  const { t, number } = tr;
  const say = useExplorerMessages();
  const note = status.note && computeNoteMessage(status.note, tr);
  const info = <Term id="computeBackend" above />;

  return (
    <div className="plot-footer">
      <span className="hint" data-testid="plot-hint">
        {pickingPlaces ? say('pullMapHint') : t('hint')}
      </span>
      <span className="status" role="status" aria-live="off">
        <span className={`status-dot${busy ? ' busy' : ''}`} aria-hidden="true" />
        <span className="num">
          {t('statusPoints', { count })} · {KERNEL_LABELS[kernel]} · {t('statusCompute')}{' '}
          <span data-testid="compute-backend" data-backend={status.backend}>
            {backendLabel(status.backend, t)}
          </span>
          {engine && (
            <>
              {' · float64 '}
              <span
                data-testid="engine-backend"
                data-engine={engine}
                title={engine === 'wasm' ? t('engineWasm') : t('engineJs')}
              >
                {engine}
              </span>
            </>
          )}
          {timing !== null && ' · '}
          {/* The ⓘ stays on the line of the last words: never alone on a line of its own. */}
          <span className="term-tail">
            {timing !== null && `${number(timing, 2)}\u00a0ms`}
            {!note && info}
          </span>
        </span>
        {note && (
          <span data-testid="compute-note" data-note={status.note?.code} title={note}>
            {' · '}
            {note}
          </span>
        )}
        {note && info}
      </span>
    </div>
  );
}
