import type { Point } from '../../state';
import { useExplorer } from '../context';

/**
 * The points to draw. While their answer is fresh these are the points of the newest answered
 * request, so a moved point, the curve and the arrows change together in one frame (one frame per
 * move instead of two). Once the answer is overdue (the store's `refitting`, after a frame budget)
 * the points' own positions are drawn, and the arrows and θ̂ are marked as refitting: a slow fit
 * never makes a point feel stuck, and an answer for other points is never shown as current.
 */
export function useShownPoints(): readonly Point[] {
  const points = useExplorer((s) => s.points);
  const answered = useExplorer((s) =>
    s.analysis && s.analysis.structureVersion === s.structureVersion && !s.refitting
      ? s.analysis.points
      : null,
  );
  return answered !== null && answered.length === points.length ? answered : points;
}
