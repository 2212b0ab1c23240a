import { interpolateLab } from 'd3';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useDarkTheme } from '../theme';
import { bandStrength, type ContourBand } from './landscapeGeometry';
import { useOnScreen } from './useOnScreen';

/**
 * A theme colour as the canvas can use it: the tokens are `light-dark(…)` pairs, which only a
 * styled element resolves, so a probe element reads its computed colour.
 */
function resolveColour(token: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${token})`;
  probe.hidden = true;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

/**
 * The landscape's two theme colours, read once per theme (a style read forces a recalc); the
 * theme is passed only to key the memo.
 */
function readColours(_dark: boolean): { low: string; high: string } {
  return { low: resolveColour('--landscape-low'), high: resolveColour('--landscape-high') };
}

/** The colours of the landscape in the theme in force: the page's, the top's, and each band's. */
export function useLandscapeColours(): {
  low: string;
  high: string;
  band: (level: number) => string;
} {
  const dark = useDarkTheme();
  return useMemo(() => {
    const { low, high } = readColours(dark);
    const colour = interpolateLab(low, high);
    return { low, high, band: (level: number) => colour(bandStrength(level)) };
  }, [dark]);
}

/**
 * The landscape's filled contours, painted on a CPU-backed 2-D canvas: on a software-rendered
 * GPU, re-rasterising eight overlapping SVG fills on every refit would cost more than the refit.
 * Colours come from the theme's CSS variables, re-read when the theme changes. Nothing is painted
 * while the canvas is off screen.
 */
export const ContourCanvas = memo(function ContourCanvas({
  bands,
  width,
  height,
  left,
  top,
  faded,
  coarse = false,
}: {
  bands: readonly ContourBand[];
  width: number;
  height: number;
  left: number;
  top: number;
  faded: boolean;
  /**
   * Paint at half resolution (a quarter of the pixels to fill and upload), as while a point is
   * dragged; the full picture follows when it turns false.
   */
  coarse?: boolean;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  // Off screen (below the fold while a point is dragged) the contours wait; they are painted as
  // soon as any part of the map scrolls into view.
  const onScreen = useOnScreen(canvas);
  // Recomputed only when the theme flips.
  const { low, high, band: bandColour } = useLandscapeColours();

  // What is on the canvas now, so the start of a drag (turning coarse) does not repaint it.
  const painted = useRef<readonly unknown[]>([]);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !onScreen) return;
    const inputs = [bands, width, height, low, high];
    if (coarse && inputs.every((value, i) => value === painted.current[i])) return;
    painted.current = inputs;
    const ratio = (window.devicePixelRatio || 1) * (coarse ? 0.5 : 1);
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.fillStyle = low;
    context.fillRect(0, 0, width, height);
    context.lineWidth = 0.75;
    context.strokeStyle = interpolateLab(low, high)(0.45);
    for (const band of bands) {
      const path = new Path2D(band.path);
      context.fillStyle = bandColour(band.level);
      context.fill(path);
      context.stroke(path);
    }
    // How many times the contours were painted: lets a test see the throttling during a drag.
    canvas.dataset.paints = String(Number(canvas.dataset.paints ?? 0) + 1);
  }, [bands, width, height, low, high, bandColour, onScreen, coarse]);

  return (
    <canvas
      ref={(element) => {
        ref.current = element;
        setCanvas(element);
      }}
      className="contours"
      data-testid="landscape-contours"
      data-bands={bands.length}
      style={{ left, top, width, height, opacity: faded ? 0.55 : 1 }}
      aria-hidden="true"
    />
  );
});
