import { useEffect, useState } from 'react';
import { selectArrows } from '../../state';
import { useExplorer } from '../context';

/**
 * The warm-up strokes stay on the page for this long (ms) once the first arrows are drawn, and for
 * at least `WARM_UP_FRAMES` frames: a page busy with its start may show no frame for a while, and a
 * stroke removed before a frame has drawn it warms nothing.
 */
export const DASH_WARM_UP_MS = 1000;
const WARM_UP_FRAMES = 10;
/** Enough strokes for the renderer to draw them as it draws a plot's worth of dashed arrows. */
const STROKES = 12;

/**
 * A dozen dashed arrow shafts in no colour, drawn with the first arrows and then removed. A browser
 * that renders in software (SwiftShader: Chromium's renderer where the GPU is unavailable or
 * blocklisted) prepares its pipeline for dashed strokes the first time it draws one, and shows no
 * frame for 0.35–0.45 s. The arrows are dashed once the fit asks for caution or cannot be trusted,
 * which may first happen in the middle of a drag; drawn here, that wait comes with the first
 * arrows instead (BENCHMARKS.md, "Arrows without paths, and the first dashed arrows").
 */
export function DashWarmUp() {
  const [phase, setPhase] = useState<'before' | 'drawn' | 'done'>('before');
  // Once the first arrows have come, the answer no longer matters: no work on later refits.
  const arrowsDrawn = useExplorer((s) => phase !== 'before' || selectArrows(s).arrows.length > 0);
  if (phase === 'before' && arrowsDrawn) setPhase('drawn');
  useEffect(() => {
    if (phase !== 'drawn') return;
    const start = performance.now();
    let frames = 0;
    let request = 0;
    const frame = () => {
      frames += 1;
      if (frames >= WARM_UP_FRAMES && performance.now() - start >= DASH_WARM_UP_MS)
        setPhase('done');
      else request = requestAnimationFrame(frame);
    };
    request = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(request);
  }, [phase]);
  if (phase !== 'drawn') return null;
  return (
    <g className="arrows caution dash-warm-up" aria-hidden="true" data-testid="dash-warm-up">
      {Array.from({ length: STROKES }, (_, k) => (
        <g key={k} className="arrow">
          <line className="shaft" x1={8 + 12 * k} y1={8} x2={8 + 12 * k} y2={48} />
        </g>
      ))}
    </g>
  );
}
