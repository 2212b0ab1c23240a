/**
 * embed.html: one widget filling the page, configured by the URL's query (see options.ts), e.g.
 * `embed.html?points=0.5,0.2;1.8,0.9;3.1,-0.4&kernel=matern52&panels=readout&height=300`.
 *
 * For the page around the iframe, each new fit is also posted to the parent window as
 * `{ type: 'gp-sensitivity:change', detail }` (detail as in the element's `change` event). The
 * page listens to no messages.
 */
import './embed-page.css';
import { mount } from './mount';
import { readEmbedQuery } from './options';
import { problemText } from '../i18n/messages';

const root = document.getElementById('root');
if (!root) throw new Error('embed.html has no element with id "root" to mount the widget into.');

const { options, problem } = readEmbedQuery(window.location.search);
// `?lang=en|es`, else the browser's language.
const asked = { ...options, lang: new URLSearchParams(window.location.search).get('lang') };
const widget = mount(root, {
  ...asked,
  // The full explorer sits beside this page.
  appUrl: new URL('index.html', window.location.href).href,
  onChange: (detail) => {
    if (window.parent !== window)
      window.parent.postMessage({ type: 'gp-sensitivity:change', detail }, '*');
  },
});
if (problem !== null) {
  console.warn(`GP Sensitivity widget: ${problemText(problem)}`);
  widget.store.setState({ notice: problem });
}

/**
 * The options as checked when the widget was mounted: a refit to the frame sends these, so that a
 * problem in the query is reported once, not at every resize.
 */
const checked = { ...widget.config, lang: asked.lang };

/** The lowest a plot is made to fit its frame (the lowest height options.ts accepts). */
const LOWEST_FITTED_PLOT = 160;

/**
 * An iframe's height is fixed by its snippet while its width follows the page: on a phone the
 * controls wrap onto more rows, and a plot of the asked height would push θ̂ below the frame. So
 * the plot gives up what overflows the frame, down to LOWEST_FITTED_PLOT, and is drawn at the
 * asked height again whenever the frame is resized.
 */
function fitPlotToFrame(): void {
  const plot = root!.shadowRoot?.querySelector('svg.plot');
  const height = Number(plot?.getAttribute('height'));
  const overflow = document.documentElement.scrollHeight - window.innerHeight;
  if (overflow <= 0 || !(height > LOWEST_FITTED_PLOT)) return;
  widget.update({ ...checked, height: Math.max(LOWEST_FITTED_PLOT, height - overflow) });
}
new ResizeObserver(fitPlotToFrame).observe(root);
window.addEventListener('resize', () => widget.update(checked));
