/**
 * Copy-paste snippets for a widget in its current state: an <iframe> of embed.html, or the
 * <gp-sensitivity> element with its script. Only options that differ from the defaults are
 * written, so a snippet stays short and readable.
 */
import { EMBED_CHROME_HEIGHTS, embedPlotHeight } from './layout';
import type { Language } from '../i18n/language';
import { translator } from '../i18n/messages';
import { embedOptionText, type EmbedConfig } from './options';

/** Plot height an iframe snippet assumes when the page left it to the width. */
const SNIPPET_PLOT_WIDTH = 640;

/** Height an iframe needs to show the whole widget without scrolling. */
export function embedFrameHeight(config: EmbedConfig): number {
  const plot = config.height ?? embedPlotHeight(SNIPPET_PLOT_WIDTH);
  let height = plot + EMBED_CHROME_HEIGHTS.frame;
  for (const panel of config.panels) height += EMBED_CHROME_HEIGHTS[panel];
  return height;
}

function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** embed.html's address with the configuration (and `lang`, when given) in its query. */
export function embedUrl(
  config: EmbedConfig,
  embedPage: string | URL,
  language?: Language,
): string {
  const url = new URL(embedPage);
  url.search = '';
  url.hash = '';
  for (const [name, value] of embedOptionText(config)) url.searchParams.set(name, value);
  if (language) url.searchParams.set('lang', language);
  // `;` and `,` are safe in a query; keeping them makes the points readable.
  return url.href.replaceAll('%3B', ';').replaceAll('%2C', ',');
}

/**
 * An <iframe> that shows the widget; `embedPage` is the absolute address of embed.html. With a
 * `language`, the widget and the frame's title are in it (else the reader's browser decides).
 */
export function iframeSnippet(
  config: EmbedConfig,
  embedPage: string | URL,
  language?: Language,
): string {
  const title = translator(language ?? 'en').t('embedIframeTitle');
  // frameborder rather than a style attribute: a page under a strict CSP blocks the latter.
  return [
    `<iframe src="${escapeAttribute(embedUrl(config, embedPage, language))}"`,
    `  title="${escapeAttribute(title)}"`,
    `  width="100%" height="${embedFrameHeight(config)}" frameborder="0" loading="lazy"></iframe>`,
  ].join('\n');
}

/**
 * The element's script tag and the element; `script` is the address of gp-sensitivity.js. With a
 * `language`, the element's `lang` attribute.
 */
export function elementSnippet(
  config: EmbedConfig,
  script: string | URL,
  language?: Language,
): string {
  const attributes = [...embedOptionText(config), ...(language ? [['lang', language]] : [])].map(
    ([name, value]) => `${name}="${escapeAttribute(value!)}"`,
  );
  const opening =
    attributes.length === 0
      ? '<gp-sensitivity>'
      : `<gp-sensitivity\n  ${attributes.join('\n  ')}\n>`;
  return [
    `<script type="module" src="${escapeAttribute(new URL(script).href)}"></script>`,
    `${opening}</gp-sensitivity>`,
  ].join('\n');
}
