/** The widget's vertical layout: the plot's height rule and the height of each panel. */

/** Height of an embedded plot when the page does not set one: half the width, within bounds. */
export function embedPlotHeight(width: number): number {
  return Math.round(Math.min(420, Math.max(200, width * 0.5)));
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
