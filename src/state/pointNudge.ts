/**
 * Drag sessions as they begin (`dragSessionAt`, for a pointer drag and for the keyboard), and a
 * point moved by the keyboard, a step per key press. Consecutive presses on one point, with no
 * other change between them, make one session anchored where the first began, as a pointer drag
 * is (DragSession), so that "Prediction vs refit" and the landscape's trail show the tangent's
 * prediction beside the refit for keyboard readers too. The session ends at any other edit.
 */
import { baselineFor, landscapePosition } from './results';
import type { DataSnapshot, DragSession, ExplorerState } from './types';

/**
 * A pointer drag's session as it begins at point `index` (null when there is no such point): it
 * is anchored on the analysis shown when that analysis is of the points as they are now.
 */
export function dragSessionAt(
  state: ExplorerState,
  index: number,
  before: DataSnapshot,
): DragSession | null {
  const { points, analysis, structureVersion } = state;
  const start = points[index];
  if (!start) return null;
  const anchored = analysis?.points === points && analysis.structureVersion === structureVersion;
  return {
    index,
    start,
    startPoints: points,
    baseline: anchored ? baselineFor(analysis.result, index) : null,
    trail: anchored ? [landscapePosition(analysis.result)] : [],
    active: true,
    moved: false,
    before,
  };
}

export interface PointNudgeDeps {
  read(): ExplorerState;
  write(change: Partial<ExplorerState>): void;
  snapshot(): DataSnapshot;
}

export function createPointNudge({ read, write, snapshot }: PointNudgeDeps) {
  return {
    nudgePoint(index: number, x: number, y: number): void {
      const { points, drag } = read();
      const continuing =
        drag !== null &&
        !drag.active &&
        drag.keyboard === true &&
        drag.index === index &&
        drag.latestPoints === points;
      let session = continuing ? drag : null;
      if (!session) {
        const begun = dragSessionAt(read(), index, snapshot());
        if (!begun) return;
        session = { ...begun, active: false, moved: true, keyboard: true };
      }
      read().movePoint(index, x, y);
      write({ drag: { ...session, latestPoints: read().points } });
    },
  };
}
