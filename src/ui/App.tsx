import { useEffect, useRef, useState } from 'react';
import { LANGUAGE_NAMES, type Language } from '../i18n/language';
import { loadExplorerLanguage } from './explorerText';
import { notice } from '../i18n/notice';
import type { ExplorerStore } from '../state';
import { StoreContext, useExplorer } from './context';
import { DataMenu } from './controls/DataMenu';
import { LanguageSwitch } from './controls/LanguageSwitch';
import { LanguageContext, useI18n } from './i18n';
import { PresentationToggle, usePresentationShortcuts } from './controls/PresentationToggle';
import { ShareExport } from './controls/ShareExport';
import { PresetNote } from './controls/PresetNote';
import { ThemeSwitch } from './controls/ThemeSwitch';
import { Toolbar } from './controls/Toolbar';
import { FiniteDifference } from './panels/FiniteDifference';
import { Landscape } from './panels/Landscape';
import { Legend } from './panels/Legend';
import { MathPanel } from './panels/MathPanel';
import { RulesCard } from './rules/RulesCard';
import { Prediction } from './panels/Prediction';
import { Readout } from './panels/Readout';
import { ResponseCurve } from './panels/ResponseCurve';
import { PausedOffscreen } from './PausedOffscreen';
import { Plot } from './plot/Plot';
import { StatusLine } from './StatusLine';
import { LessonButton } from './controls/LessonDialog';
import type { LessonPart } from '../state';

/** Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z or Ctrl+Y redoes, unless a form field has the keyboard. */
function useUndoShortcuts(store: ExplorerStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (!(event.ctrlKey || event.metaKey) || target?.closest('input, select, textarea')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) store.getState().undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') store.getState().redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

/** A lesson link's title and caption, as plain text, at the top of the page. */
function LessonHeading() {
  const { title, caption } = useExplorer((s) => s.lesson);
  const { t } = useI18n();
  if (!title && !caption) return null;
  return (
    <section className="lesson-heading" aria-label={t('lessonRegion')} data-testid="lesson">
      {title && <h2 data-testid="lesson-title">{title}</h2>}
      {caption && <p data-testid="lesson-caption">{caption}</p>}
    </section>
  );
}

function Notice() {
  const notice = useExplorer((s) => s.notice);
  const dismiss = useExplorer((s) => s.dismissNotice);
  const tr = useI18n();
  if (!notice) return null;
  return (
    <div className="notice" role="alert" data-testid="notice">
      <span>{tr.notice(notice)}</span>
      <button type="button" className="button quiet" onClick={dismiss}>
        {tr.t('dismiss')}
      </button>
    </div>
  );
}

/**
 * Mirrors "a request is unanswered" into `data-pending` on the page's root element, for scripts
 * and tests that wait for the fit; set directly so it costs no React render per pointer move.
 */
function usePendingAttribute(store: ExplorerStore): void {
  useEffect(() => {
    const root = document.documentElement;
    const update = () => {
      root.dataset.pending = String(store.getState().pendingSeq !== null);
    };
    update();
    return store.subscribe(update);
  }, [store]);
}

/**
 * The page. The first screen (1280×720 and 1024×768 without scrolling) holds the plot with its
 * key, θ̂ and the response curve; the landscape, the prediction, the check and the math follow.
 * Presentation mode keeps only the plot, θ̂ and the response curve, in large type.
 */
function Explorer({ onLanguage }: { onLanguage: (language: Language) => void }) {
  const { t, language } = useI18n();
  const showLandscape = useExplorer((s) => s.options.showLandscape);
  const setLandscapeInView = useExplorer((s) => s.setLandscapeInView);
  const presenting = useExplorer((s) => s.presentation);
  // Presentation shows the plot at the top of the page: a phone that had scrolled down to the
  // toggle would otherwise open it mid-page.
  useEffect(() => {
    if (presenting) window.scrollTo(0, 0);
  }, [presenting]);
  const lesson = useExplorer((s) => s.lesson);
  const shows = (part: LessonPart) => !lesson.hide.includes(part);
  const workbench =
    (showLandscape && shows('landscape')) ||
    shows('rules') ||
    shows('prediction') ||
    shows('check');
  return (
    <div
      className={`app${presenting ? ' presenting' : ''}`}
      data-presenting={presenting}
      data-hidden={lesson.hide.join(',')}
    >
      <header className="top">
        <div className="masthead">
          <div className="masthead-title">
            <h1>{t('appTitle')}</h1>
            <p className="tagline">{t('tagline')}</p>
          </div>
          <div className="masthead-tools">
            <a
              className="button"
              href={`learn.html?lang=${language}`}
              hrefLang={language}
              data-testid="learn-link"
            >
              {t('learnLink')}
            </a>
            <ShareExport>
              <LessonButton />
            </ShareExport>
            {!presenting && <PresentationToggle />}
            <ThemeSwitch />
            <LanguageSwitch onChange={onLanguage} />
          </div>
        </div>
        <LessonHeading />
        <Notice />
        {shows('controls') && (
          <>
            <Toolbar />
            {/* The preset's teaching note, directly below the toolbar. */}
            <div className="preset-note-slot" data-testid="preset-note-slot">
              <PresetNote />
            </div>
          </>
        )}
      </header>
      <main className="content">
        <div className="stage">
          <div className="card plot-card">
            <Plot />
            <StatusLine />
          </div>
          <aside className="side" aria-label={t('fitAside')}>
            {presenting && (
              <div className="presentation-bar">
                <DataMenu testId="presentation-preset" />
                <PresentationToggle />
              </div>
            )}
            {shows('readout') && <Readout />}
            {/* The response curve, under θ̂. */}
            {shows('curve') && (
              <div className="response-slot" data-testid="response-slot">
                <ResponseCurve />
              </div>
            )}
          </aside>
        </div>
        {workbench && (
          <div className="workbench">
            {/* Below the first screen: held still during a drag while out of view (each part on
                its own, as each may be in view without the other). */}
            {showLandscape && shows('landscape') && (
              <PausedOffscreen className="landscape-slot" onScreenChange={setLandscapeInView}>
                <Landscape />
              </PausedOffscreen>
            )}
            <PausedOffscreen className="workbench-side">
              {shows('rules') && <RulesCard />}
              {shows('prediction') && <Prediction />}
              {shows('check') && <FiniteDifference />}
            </PausedOffscreen>
          </div>
        )}
        {(shows('legend') || shows('math')) && (
          <PausedOffscreen className="below">
            {shows('legend') && <Legend />}
            {shows('math') && <MathPanel />}
          </PausedOffscreen>
        )}
      </main>
      {shows('about') && (
        <footer className="about">
          <h2>{t('aboutTitle')}</h2>
          <p>{t('aboutText')}</p>
        </footer>
      )}
    </div>
  );
}

/**
 * The explorable, bound to a store, in `language` until the reader switches; `onLanguage` is told
 * of a switch (the page writes it to `?lang=` and `<html lang>`).
 */
export function App({
  store,
  language: initialLanguage = 'en',
  onLanguage,
}: {
  store: ExplorerStore;
  language?: Language;
  onLanguage?: (language: Language) => void;
}) {
  useUndoShortcuts(store);
  usePresentationShortcuts(store);
  usePendingAttribute(store);
  const [language, setLanguage] = useState<Language>(initialLanguage);
  // The newest language asked for: a slower load of an earlier choice does not override it.
  const asked = useRef(initialLanguage);
  const switchLanguage = (next: Language) => {
    asked.current = next;
    // The page stays in its language until the other's catalogue has arrived.
    loadExplorerLanguage(next).then(
      () => {
        if (asked.current !== next) return;
        setLanguage(next);
        onLanguage?.(next);
      },
      () => {
        asked.current = language;
        store.setState({
          notice: notice('languageLoadFailed', { language: LANGUAGE_NAMES[next] }),
        });
      },
    );
  };
  return (
    <StoreContext.Provider value={store}>
      <LanguageContext.Provider value={language}>
        <Explorer onLanguage={switchLanguage} />
      </LanguageContext.Provider>
    </StoreContext.Provider>
  );
}
