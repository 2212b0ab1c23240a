import { interpolateLab } from 'd3';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { bandStrength, type ContourBand } from './landscapeGeometry';

let darkQuery: MediaQueryList | null = null;
function darkScheme(): MediaQueryList {
  darkQuery ??= window.matchMedia('(prefers-color-scheme: dark)');
  return darkQuery;
}

function subscribeToScheme(onChange: () => void): () => void {
  darkScheme().addEventListener('change', onChange);
  return () => darkScheme().removeEventListener('change', onChange);
}

/** True while the reader's system asks for dark colours. */
function useDarkScheme(): boolean {
  return useSyncExternalStore(subscribeToScheme, () => darkScheme().matches);
}

/**
 * The landscape's two theme colours, read once per colour scheme (a style read forces a recalc);
 * the scheme is passed only to key the memo.
 */
function readColours(_dark: boolean): { low: string; high: string } {
  const style = getComputedStyle(document.documentElement);
  return {
    low: style.getPropertyValue('--landscape-low').trim(),
    high: style.getPropertyValue('--landscape-high').trim(),
  };
}

/**
 * The landscape's filled contours, painted on a CPU-backed 2-D canvas: on a software-rendered
 * GPU, re-rasterising eight overlapping SVG fills on every refit would cost more than the refit.
 * Colours come from the theme's CSS variables, re-read when the colour scheme changes.
 */
export function ContourCanvas({
  bands,
  width,
  height,
  left,
  top,
  faded,
}: {
  bands: readonly ContourBand[];
  width: number;
  height: number;
  left: number;
  top: number;
  faded: boolean;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const dark = useDarkScheme();
  // Recomputed only when the scheme flips.
  const { low, high } = useMemo(() => readColours(dark), [dark]);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return;
    const colour = interpolateLab(low, high);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.fillStyle = low;
    context.fillRect(0, 0, width, height);
    context.lineWidth = 0.75;
    context.strokeStyle = colour(0.45);
    for (const band of bands) {
      const path = new Path2D(band.path);
      context.fillStyle = colour(bandStrength(band.level));
      context.fill(path);
      context.stroke(path);
    }
    // How many times the contours were painted: lets a test see the throttling during a drag.
    canvas.dataset.paints = String(Number(canvas.dataset.paints ?? 0) + 1);
  }, [bands, width, height, low, high]);

  return (
    <canvas
      ref={ref}
      className="contours"
      data-testid="landscape-contours"
      data-bands={bands.length}
      style={{ left, top, width, height, opacity: faded ? 0.55 : 1 }}
      aria-hidden="true"
    />
  );
}
