import { useEffect, useRef, useState } from 'react';

/** How long the arrows take to settle on a new scale. */
export const SCALE_EASE_MS = 400;

function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/**
 * A positive value that glides to each new target over SCALE_EASE_MS (geometric interpolation,
 * eased in and out), or jumps there when the reader prefers reduced motion. Used for the arrows'
 * reference when the scale is fitted anew at a release, so the reader sees the arrows rescale
 * rather than change under them. Returns the value to draw and whether it is still moving.
 */
export function useEasedScale(target: number | null): { value: number | null; moving: boolean } {
  const [value, setValue] = useState(target);
  const shown = useRef(target);
  const [moving, setMoving] = useState(false);

  useEffect(() => {
    const from = shown.current;
    if (target === null || from === null || from === target || prefersReducedMotion()) {
      shown.current = target;
      setValue(target);
      setMoving(false);
      return;
    }
    const start = performance.now();
    const logFrom = Math.log(from);
    const logTo = Math.log(target);
    let frame = 0;
    const tick = (now: number) => {
      const t = Math.min(1, (now - start) / SCALE_EASE_MS);
      const eased = t < 0.5 ? 2 * t * t : 1 - 2 * (1 - t) * (1 - t);
      const next = t === 1 ? target : Math.exp(logFrom + (logTo - logFrom) * eased);
      shown.current = next;
      setValue(next);
      if (t < 1) frame = requestAnimationFrame(tick);
      else setMoving(false);
    };
    setMoving(true);
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [target]);

  return { value, moving };
}
