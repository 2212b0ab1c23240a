/**
 * embed.html: one widget filling the page, configured by the URL's query (see options.ts), e.g.
 * `embed.html?points=0.5,0.2;1.8,0.9;3.1,-0.4&kernel=matern52&panels=readout&height=300`.
 *
 * For the page around the iframe, each new fit is also posted to the parent window as
 * `{ type: 'gp-sensitivity:change', detail }` (detail as in the element's `change` event). The
 * page listens to no messages.
 */
import './embed-page.css';
import { groupDigits } from '../engine/input-error';
import { mount } from './mount';
import { EMBED_OPTION_NAMES, OPTION_TEXT_LIMITS, readEmbedOptions } from './options';

/**
 * The longest query read: every option at its limit, percent-encoded (three characters each).
 * A longer one is refused before it is parsed.
 */
const QUERY_LIMIT =
  3 * (OPTION_TEXT_LIMITS.points + EMBED_OPTION_NAMES.length * (OPTION_TEXT_LIMITS.other + 16));

const root = document.getElementById('root');
if (!root) throw new Error('embed.html has no element with id "root" to mount the widget into.');

const search = window.location.search;
const query = new URLSearchParams(search.length <= QUERY_LIMIT ? search : '');
const widget = mount(root, {
  ...readEmbedOptions((name) => query.get(name)),
  // The full explorer sits beside this page.
  appUrl: new URL('index.html', window.location.href).href,
  onChange: (detail) => {
    if (window.parent !== window)
      window.parent.postMessage({ type: 'gp-sensitivity:change', detail }, '*');
  },
});
if (search.length > QUERY_LIMIT) {
  const message = `The address's options are ${groupDigits(search.length)} characters long; at most ${groupDigits(QUERY_LIMIT)} are read, so the defaults are shown.`;
  console.warn(`GP Sensitivity widget: ${message}`);
  widget.store.setState({ notice: message });
}
