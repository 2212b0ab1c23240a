import '@fontsource-variable/inter';
import './ui/styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserLanguage, queryLanguage, withQueryLanguage } from './i18n/language';
import { loadExplorerLanguage } from './ui/explorerText';
import { notice } from './i18n/notice';
import { createExplorerStore, decodeSharedState, fragmentAsksToPresent } from './state';
import { CURVE_REQUESTS, INSIGHT_REQUESTS } from './state/panelRequests';
import { bindUrl } from './state/urlSync';
import { App } from './ui/App';
import { applyStoredTheme } from './ui/theme';
import { createComputeClient } from './worker/main/client';
import { liveOnMainThread } from './worker/main/liveOnMainThread';

/** Most points the page accepts (from a click, a link or a preset). */
const MAX_PAGE_POINTS = 300;
/** Up to this many points a drag is computed on the main thread (liveOnMainThread.ts). */
const LIVE_ON_MAIN_THREAD_MAX_POINTS = 50;

const rootElement = document.getElementById('root');
if (!rootElement)
  throw new Error('index.html has no element with id "root" to mount the explorer into.');

applyStoredTheme();

// The language: `?lang=en|es`, else the browser's (es… gives Spanish).
const language = queryLanguage(window.location.search) ?? browserLanguage();
document.documentElement.lang = language;

/** `#present=1` alone asks for presentation mode on the data at hand; other fragments are states. */
function isPresentOnly(fragment: string): boolean {
  return fragmentAsksToPresent(fragment) && !new URLSearchParams(fragment.slice(1)).has('v');
}

const fragment = window.location.hash;
const presentOnly = isPresentOnly(fragment);
const linked =
  fragment.length > 1 && !presentOnly ? decodeSharedState(fragment, MAX_PAGE_POINTS) : null;
const live = liveOnMainThread(LIVE_ON_MAIN_THREAD_MAX_POINTS);
const client = createComputeClient({ computeNow: live.computeNow });
live.loadAfterFirstAnswer(client);
const store = createExplorerStore({
  client,
  initial: linked?.ok ? linked.state : undefined,
  maxPoints: MAX_PAGE_POINTS,
  curveRequests: CURVE_REQUESTS,
  insightRequests: INSIGHT_REQUESTS,
});
if (presentOnly) store.getState().setPresentation(true);
if (linked && !linked.ok)
  store.setState({
    notice: notice('linkProblemFallback', { message: linked.notice }),
  });

// The store, for scripts driving the page (benchmarks, console experiments): read-only by intent.
declare global {
  interface Window {
    gpExplorer?: { store: typeof store };
  }
}
window.gpExplorer = { store };

bindUrl(store, { write: (fragment) => window.history.replaceState(null, '', `#${fragment}`) });
// A link pasted into the address bar of an open page arrives as a hash change.
window.addEventListener('hashchange', () => {
  if (isPresentOnly(window.location.hash)) {
    store.getState().setPresentation(true);
    return;
  }
  const pasted = decodeSharedState(window.location.hash, MAX_PAGE_POINTS);
  if (pasted.ok) store.getState().loadShared(pasted.state);
  else store.setState({ notice: pasted.notice });
});

// The page's text waits for its language's catalogue (a chunk of its own); the first fit is
// already under way meanwhile.
loadExplorerLanguage(language).then(
  () =>
    createRoot(rootElement).render(
      <StrictMode>
        <App
          store={store}
          language={language}
          onLanguage={(next) => {
            // Kept in the query, so a reload or a shared link (the whole address) keeps it.
            document.documentElement.lang = next;
            const { search, hash } = window.location;
            window.history.replaceState(null, '', `${withQueryLanguage(search, next)}${hash}`);
          }}
        />
      </StrictMode>,
    ),
  (error: unknown) => {
    rootElement.textContent = `The page's text could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
  },
);
