import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { selectArrows, type ExplorerStore } from '../../state';
import { useI18n } from '../i18n';
import { useExplorer, useExplorerStore } from '../context';
import { plainSymbol } from '../format';
import { POINT_RADIUS, type PlotScales } from './geometry';
import { POINT_HIT_RADIUS } from './pointDrag';
import { useShownPoints } from './useShownPoints';

/** Keyboard steps in data units: arrow keys, and with Shift. */
const KEY_STEP = 0.05;
const KEY_STEP_LARGE = 0.5;

interface PointMarkProps {
  index: number;
  /** The point in data units (on the page as data-x, data-y, for scripts and tests). */
  x: number;
  y: number;
  cx: number;
  cy: number;
  selected: boolean;
  dragging: boolean;
  /** How many points there are (the name says "point 3 of 12"). */
  count: number;
  /** The words for the point's pull, appended to its name ('' while the arrows are hidden). */
  effect: string;
  store: ExplorerStore;
}

const PointMark = memo(function PointMark({
  index,
  x,
  y,
  cx,
  cy,
  selected,
  dragging,
  count,
  effect,
  store,
}: PointMarkProps) {
  const ref = useRef<SVGGElement>(null);
  const tr = useI18n();
  const { t } = tr;
  // Worded here, so that a drag words only the point whose props changed, not all n.
  const label =
    t('pointLabel', { index: index + 1, count, x: tr.coordinate(x), y: tr.coordinate(y) }) + effect;

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const state = store.getState();
    const point = state.points[index];
    if (!point) return;
    const step = event.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      state.nudgePoint(index, point.x + move[0], point.y + move[1]);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      state.removePoint(index);
      // Keep the keyboard user in the plot: focus the point that took this index, if any.
      const layer = ref.current?.parentElement;
      requestAnimationFrame(() => {
        const next = layer?.querySelector<SVGGElement>(
          `[data-index="${Math.min(index, store.getState().points.length - 1)}"]`,
        );
        next?.focus();
      });
    }
  };

  return (
    <g
      ref={ref}
      className={`point${selected ? ' selected' : ''}${dragging ? ' dragging' : ''}`}
      data-testid="point"
      data-index={index}
      data-x={x}
      data-y={y}
      transform={`translate(${cx.toFixed(1)},${cy.toFixed(1)})`}
      tabIndex={0}
      role="button"
      aria-roledescription={t('pointRole')}
      aria-label={label}
      onFocus={() => store.getState().select(index)}
      onKeyDown={onKeyDown}
    >
      {/* Where a touch does not scroll the page; which point a press takes is decided in
          pointDrag.ts (the nearest), not by which of these overlapping circles is hit. */}
      <circle className="hit" r={POINT_HIT_RADIUS} />
      <circle className="ring" r={POINT_RADIUS + 4} />
      <circle className="dot" r={POINT_RADIUS} />
    </g>
  );
});

/** The words for a positive and a negative pull along y, or (vector arrows) along x. */
type EffectWords = readonly [
  'pointRaises' | 'pointRightRaises',
  'pointLowers' | 'pointRightLowers',
];

/**
 * Every data point, keyboard-operable, with its values in its accessible name; pointer input is
 * handled for all points at once (pointDrag.ts).
 */
export const PointsLayer = memo(function PointsLayer({ scales }: { scales: PlotScales }) {
  const store = useExplorerStore();
  const points = useShownPoints();
  const selectedIndex = useExplorer((s) => s.selectedIndex);
  const dragIndex = useExplorer((s) => (s.drag?.active ? s.drag.index : null));
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  // While the arrows are hidden (an exercise before its answer) the names do not say it either.
  const arrowsHidden = useExplorer((s) => s.arrowsHidden);
  // Names carry each point's sensitivity; during a mouse or touch drag they keep the values from
  // its start (nobody reads them mid-gesture, and rewriting n labels per refit is not free).
  const liveArrows = useExplorer(selectArrows);
  const dragging = dragIndex !== null;
  const [labelArrows, setLabelArrows] = useState(liveArrows);
  if (!dragging && labelArrows !== liveArrows) setLabelArrows(liveArrows);
  const arrows = dragging ? labelArrows : liveArrows;

  const vector = useExplorer((s) => s.options.arrowMode === 'vector');
  const tr = useI18n();
  // The words for each point's pull change with the arrows, not with a point's position, so a
  // drag (whose labels keep the arrows of its start) words them once, not on every move.
  const effects = useMemo(() => {
    const symbol = plainSymbol(hyperparameter);
    const effectOf = (value: number, [raises, lowers]: EffectWords) =>
      tr.t(value >= 0 ? raises : lowers, { symbol, value: tr.signed(value) });
    const words = new Map<number, string>();
    if (arrowsHidden) return words;
    for (const arrow of arrows.arrows) {
      words.set(
        arrow.index,
        effectOf(arrow.sensitivityY, ['pointRaises', 'pointLowers']) +
          (vector ? effectOf(arrow.sensitivityX, ['pointRightRaises', 'pointRightLowers']) : ''),
      );
    }
    return words;
  }, [arrows, arrowsHidden, vector, hyperparameter, tr]);
  return (
    <g className="points">
      {points.map((point, index) => (
        <PointMark
          key={index}
          index={index}
          x={point.x}
          y={point.y}
          cx={scales.x(point.x)}
          cy={scales.y(point.y)}
          selected={selectedIndex === index}
          dragging={dragIndex === index}
          count={points.length}
          effect={effects.get(index) ?? ''}
          store={store}
        />
      ))}
    </g>
  );
});
