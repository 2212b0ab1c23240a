/** The widget's vertical layout: the plot's height rule and the height of each panel. */

import { KEY_COLUMN } from '../ui/plot/geometry';

/** The plot's height in the snippets' iframes (snippets.ts: 640 px wide). */
const SNIPPET_PLOT_HEIGHT = 320;

/**
 * Height of an embedded plot when the page does not set one: half the width, within bounds. A plot
 * too narrow for the key's column carries the key in a strip above the data, so it is taller (three
 * quarters of the width), that the data keep room on a phone; never taller than the snippets'
 * iframes allow for.
 */
export function embedPlotHeight(width: number): number {
  if (width < KEY_COLUMN.minPlotWidth) {
    return Math.round(Math.min(SNIPPET_PLOT_HEIGHT, Math.max(280, width * 0.75)));
  }
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
