import { useEffect, useState } from 'react';
import type { Point } from '../../state';
import { useExplorer } from '../context';

/** How long a drag may show the last answered positions before the pointer's own are drawn. */
const WAIT_FOR_FIT_MS = 50;

/**
 * The points to draw. While a drag is under way these are the points of the newest answered
 * request, so the dragged point, the curve and the arrows change together in one frame (one
 * frame per move instead of two); if an answer takes longer than WAIT_FOR_FIT_MS the pointer's
 * positions are drawn, so a slow fit never makes a point feel stuck.
 */
export function useShownPoints(): readonly Point[] {
  const points = useExplorer((s) => s.points);
  const answered = useExplorer((s) =>
    s.drag?.active && s.analysis && s.analysis.structureVersion === s.structureVersion
      ? s.analysis.points
      : null,
  );
  const [lateFor, setLateFor] = useState<readonly Point[] | null>(null);
  const waiting = answered !== null && answered !== points;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setLateFor(points), WAIT_FOR_FIT_MS);
    return () => clearTimeout(timer);
  }, [waiting, points]);
  return waiting && lateFor !== points ? answered : points;
}
