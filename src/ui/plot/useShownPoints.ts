import { selectShownPoints, type Point } from '../../state';
import { useExplorer } from '../context';

/**
 * The points to draw. While their answer is fresh these are the points of the newest answered
 * request, so a moved point, the curve and the arrows change together in one frame (one frame per
 * move instead of two). Once the answer is overdue (the store's `refitting`, after a frame budget)
 * the points' own positions are drawn, and the arrows and θ̂ are marked as refitting: a slow fit
 * never makes a point feel stuck, and an answer for other points is never shown as current.
 */
export function useShownPoints(): readonly Point[] {
  // One selector, so that a move whose answer has not come yet (the store holds the moved points
  // for a moment before the refit lands, within the same task) re-renders nothing.
  return useExplorer(selectShownPoints);
}
