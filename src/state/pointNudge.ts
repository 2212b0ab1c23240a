/**
 * A point moved by the keyboard, a step per key press. Consecutive presses on one point, with no
 * other change between them, make one session anchored where the first began, as a pointer drag
 * is (DragSession), so that "Prediction vs refit" and the landscape's trail show the tangent's
 * prediction beside the refit for keyboard readers too. The session ends at any other edit.
 */
import { baselineFor, landscapePosition } from './results';
import type { DataSnapshot, DragSession, ExplorerState } from './types';

export interface PointNudgeDeps {
  read(): ExplorerState;
  write(change: Partial<ExplorerState>): void;
  snapshot(): DataSnapshot;
}

export function createPointNudge({ read, write, snapshot }: PointNudgeDeps) {
  return {
    nudgePoint(index: number, x: number, y: number): void {
      const { points, drag, analysis, structureVersion } = read();
      const start = points[index];
      if (!start) return;
      const continuing =
        drag !== null &&
        !drag.active &&
        drag.keyboard === true &&
        drag.index === index &&
        drag.latestPoints === points;
      const anchored =
        analysis?.points === points && analysis.structureVersion === structureVersion;
      const session: DragSession = continuing
        ? drag
        : {
            index,
            start,
            startPoints: points,
            baseline: anchored ? baselineFor(analysis.result, index) : null,
            trail: anchored ? [landscapePosition(analysis.result)] : [],
            active: false,
            moved: true,
            before: snapshot(),
            keyboard: true,
          };
      read().movePoint(index, x, y);
      write({ drag: { ...session, latestPoints: read().points } });
    },
  };
}
