/**
 * The embedded plot's height: by default it fits the snippets' iframes at any width; the article's
 * widgets set their own, so that on a phone the data keep room under the key's strip.
 */
import { describe, expect, it } from 'vitest';
import { embedPlotHeight } from '../../src/embed/layout';
import { defaultEmbedConfig } from '../../src/embed/options';
import { embedFrameHeight } from '../../src/embed/snippets';
import { widgetOptions } from '../../src/learn/live';
import { plotLayout } from '../../src/ui/plot/geometry';

const widths = [280, 320, 360, 390, 480, 599, 600, 640, 800, 1200];

/** The data area's height in a plot of this size, the key's strip above it included. */
function dataHeight(width: number, height: number): number {
  const { margins } = plotLayout(width, height);
  return height - margins.top - margins.bottom;
}

describe('the embedded plot’s height', () => {
  it('fits the iframe its snippet gives at every width', () => {
    const frame = embedFrameHeight({ ...defaultEmbedConfig(), height: null, panels: [] });
    for (const width of widths) {
      expect(embedPlotHeight(width), `${width} px`).toBeLessThanOrEqual(frame);
    }
  });

  it('in the article leaves the data at least 160 px on a phone, where the default does not', () => {
    const height = Number(widgetOptions('sine').height);
    for (const width of widths.filter((width) => width < 600)) {
      expect(dataHeight(width, height), `${width} px`).toBeGreaterThanOrEqual(160);
    }
    expect(dataHeight(330, embedPlotHeight(330))).toBeLessThan(120);
  });
});
