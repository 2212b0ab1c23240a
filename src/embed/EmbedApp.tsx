import { useEffect, useRef, useState } from 'react';
import type { ExplorerStore } from '../state';
import type { Language } from '../i18n/language';
import { StoreContext, useExplorer } from '../ui/context';
import { LanguageContext, useI18n } from '../ui/i18n';
import { EmbedControls } from './EmbedControls';
import { EmbedPlot } from './EmbedPlot';
import { EmbedReadout } from './EmbedReadout';
import { EmbedStatus } from './EmbedStatus';
import type { EmbedPanel, EmbedTheme } from './options';

export interface EmbedView {
  panels: readonly EmbedPanel[];
  height: number | null;
  theme: EmbedTheme;
  /** Why some options were ignored (shown until dismissed). */
  problems: readonly string[];
  /** The full explorer's address, for an "Open in explorer" link; null for none. */
  appUrl: string | null;
  /** The widget's language. */
  language: Language;
}

/** Options that were ignored, and the store's own notices (e.g. "at most 100 points"). */
function Notices({ problems }: { problems: readonly string[] }) {
  const notice = useExplorer((s) => s.notice);
  const dismissNotice = useExplorer((s) => s.dismissNotice);
  // Dismissing hides these problems; options changed later bring their own.
  const tr = useI18n();
  const { t } = tr;
  const [dismissed, setDismissed] = useState<readonly string[] | null>(null);
  const shownProblems = dismissed === problems ? [] : problems;
  const messages = [...shownProblems, ...(notice ? [tr.notice(notice)] : [])];
  if (messages.length === 0) return null;
  return (
    <div className="notice embed-notice" role="alert" data-testid="notice">
      <span>{messages.join(' ')}</span>
      <button
        type="button"
        className="button quiet"
        onClick={() => {
          setDismissed(problems);
          dismissNotice();
        }}
      >
        {t('dismiss')}
      </button>
    </div>
  );
}

/** The chrome-less explorer: plot and arrows, and the panels the page asked for. */
export function EmbedApp({
  store,
  view,
  onReset,
}: {
  store: ExplorerStore;
  view: EmbedView;
  onReset: () => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  // "A request is unanswered" as `data-pending` on the frame, for scripts and tests that wait
  // for the fit; set directly so a pointer move costs no extra render.
  useEffect(() => {
    const update = () => {
      const node = frame.current;
      if (node) node.dataset.pending = String(store.getState().pendingSeq !== null);
    };
    update();
    return store.subscribe(update);
  }, [store]);
  const has = (panel: EmbedPanel) => view.panels.includes(panel);
  return (
    <StoreContext.Provider value={store}>
      <LanguageContext.Provider value={view.language}>
        <div
          ref={frame}
          className="gp-embed"
          data-theme={view.theme}
          data-testid="gp-embed"
          lang={view.language}
        >
          <Notices problems={view.problems} />
          {has('controls') && <EmbedControls appUrl={view.appUrl} onReset={onReset} />}
          <EmbedPlot height={view.height} />
          {has('readout') && <EmbedReadout statusBelow={has('status')} />}
          {has('status') && <EmbedStatus />}
        </div>
      </LanguageContext.Provider>
    </StoreContext.Provider>
  );
}
