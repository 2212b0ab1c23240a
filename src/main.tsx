import '@fontsource-variable/inter';
import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bindUrl, createExplorerStore, decodeSharedState } from './state';
import { App } from './ui/App';
import { createComputeClient } from './worker/client';

/** Most points the page accepts (from a click, a link or a preset). */
const MAX_PAGE_POINTS = 300;

const rootElement = document.getElementById('root');
if (!rootElement)
  throw new Error('index.html has no element with id "root" to mount the explorer into.');

const linked =
  window.location.hash.length > 1 ? decodeSharedState(window.location.hash, MAX_PAGE_POINTS) : null;
const store = createExplorerStore({
  client: createComputeClient(),
  initial: linked?.ok ? linked.state : undefined,
  maxPoints: MAX_PAGE_POINTS,
  responseCurves: true,
});
if (linked && !linked.ok)
  store.setState({ notice: `${linked.message} Showing the default dataset instead.` });

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
  const pasted = decodeSharedState(window.location.hash, MAX_PAGE_POINTS);
  if (pasted.ok) store.getState().loadShared(pasted.state);
  else store.setState({ notice: pasted.message });
});

createRoot(rootElement).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
