/** The widget's vertical layout: the plot's height rule and the height of each panel. */

/**
 * Height of an embedded plot when the page does not set one: half the width, between 200 and
 * 320 px. The snippets size their iframes for 320 (snippets.ts), so a widget in one never outgrows
 * it, however wide the page makes it. (On a phone the key's strip takes some of it; a page that
 * wants more room for the data sets a height, as the article does.)
 */
export function embedPlotHeight(width: number): number {
  return Math.round(Math.min(320, Math.max(200, width * 0.5)));
}

/**
 * Heights of the widget's parts around the plot, in CSS pixels: measured in Chromium (frame 16,
 * controls 34, readout 29.4, status 64) plus a little room for other fonts.
 */
export const EMBED_CHROME_HEIGHTS = {
  /** Frame padding and border. */
  frame: 16,
  controls: 36,
  readout: 32,
  /** The trust note and backend line; the note grows when the fit lists reasons for caution. */
  status: 72,
};
