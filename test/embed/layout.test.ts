/**
 * The embedded plot's height rule (src/embed/layout.ts): on a phone the key's strip sits above the
 * data, and the data keep room for their arrows; up to the snippets' 640 px the plot fits their
 * iframes.
 */
import { describe, expect, it } from 'vitest';
import { embedPlotHeight } from '../../src/embed/layout';
import { embedFrameHeight } from '../../src/embed/snippets';
import { defaultEmbedConfig } from '../../src/embed/options';
import { plotLayout } from '../../src/ui/plot/geometry';

const widths = [280, 320, 360, 390, 480, 599, 600, 640, 800, 1200];

describe('the embedded plot’s height', () => {
  it('leaves the data at least 160 px at every width, the key’s strip above them included', () => {
    for (const width of widths) {
      const height = embedPlotHeight(width);
      const { margins } = plotLayout(width, height);
      expect(height - margins.top - margins.bottom, `${width} px`).toBeGreaterThanOrEqual(160);
    }
  });

  it('fits the iframe its snippet gives at every width up to the snippet’s own 640 px', () => {
    const frame = embedFrameHeight({ ...defaultEmbedConfig(), height: null, panels: [] });
    for (const width of widths.filter((width) => width <= 640)) {
      expect(embedPlotHeight(width), `${width} px`).toBeLessThanOrEqual(frame);
    }
  });
});
