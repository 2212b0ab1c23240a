import { memo } from 'react';
import { findPreset } from '../../state';
import { useExplorer } from '../context';
import { useHighlightedPoint } from '../rules/highlight';
import { POINT_RADIUS, type PlotScales } from './geometry';
import { useShownPoints } from './useShownPoints';

/** Where a number sits from its point's centre: up and to the right, clear of a vertical arrow. */
const OFFSET = POINT_RADIUS + 3;

/**
 * The numbers of the points a reader is told about, written beside them (the explorer's, not the
 * widget's): the points the loaded preset's note names ("lower point 9"), the selected or dragged
 * point, and the one whose influence row the pointer is on. The number is the point's place in
 * the data, as the notes, the tables and the points' accessible names count them (from 1).
 */
export const PointNumbers = memo(function PointNumbers({ scales }: { scales: PlotScales }) {
  const points = useShownPoints();
  const presetId = useExplorer((s) => s.loaded.presetId);
  const selected = useExplorer((s) => s.selectedIndex);
  const dragged = useExplorer((s) => (s.drag?.active ? s.drag.index : null));
  const highlighted = useHighlightedPoint();
  // Once a point is removed or added the note's numbers are about the points as loaded, and
  // after a removal they would land on other points: only while the count is the preset's.
  const preset = presetId === null ? null : findPreset(presetId);
  const named = preset && preset.points.length === points.length ? preset.namedPoints : [];
  const shown = new Set<number>(named);
  for (const index of [selected, dragged, highlighted]) if (index !== null) shown.add(index);
  return (
    <g className="point-numbers" data-testid="point-numbers" aria-hidden="true">
      {[...shown].map((index) => {
        const point = points[index];
        if (!point) return null;
        return (
          <text
            key={index}
            className="point-number"
            data-index={index}
            x={scales.x(point.x) + OFFSET}
            y={scales.y(point.y) - OFFSET}
          >
            {index + 1}
          </text>
        );
      })}
    </g>
  );
});
