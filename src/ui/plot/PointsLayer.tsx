import { drag, select, type D3DragEvent } from 'd3';
import {
  memo,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { selectArrows, type ExplorerStore } from '../../state';
import { useExplorer, useExplorerStore } from '../context';
import { formatCoordinate, formatSigned, plainSymbol } from '../format';
import { POINT_RADIUS, type PlotScales } from './geometry';
import { useShownPoints } from './useShownPoints';

/** A touch held this long without moving removes the point when it lifts. */
const LONG_PRESS_MS = 600;
/** Movement (pixels) that turns a press into a drag and cancels the long-press. */
const PRESS_SLOP = 4;
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
  label: string;
  scalesRef: RefObject<PlotScales>;
  store: ExplorerStore;
}

/** Wires d3-drag (mouse, touch, pen) to the store for point `index`; returns the cleanup. */
function attachDrag(
  element: SVGGElement,
  index: number,
  store: ExplorerStore,
  scalesRef: RefObject<PlotScales>,
) {
  // A touch that stays within the slop for LONG_PRESS_MS removes the point when it lifts. Deciding
  // at the end, from the events themselves, means a busy main thread cannot mistake a drag for it.
  let pressStart = 0;
  let stayed = true;
  let touchPress = false;
  let origin = { x: 0, y: 0 };
  const behaviour = drag<SVGGElement, unknown>()
    .clickDistance(PRESS_SLOP)
    .subject(() => {
      const point = store.getState().points[index];
      const { x, y } = scalesRef.current;
      return point ? { x: x(point.x), y: y(point.y) } : { x: 0, y: 0 };
    })
    .on('start', (event: D3DragEvent<SVGGElement, unknown, { x: number; y: number }>) => {
      origin = { x: event.x, y: event.y };
      pressStart = performance.now();
      stayed = true;
      touchPress = (event.sourceEvent as Event | null)?.type.startsWith('touch') ?? false;
      store.getState().beginDrag(index);
    })
    .on('drag', (event: D3DragEvent<SVGGElement, unknown, { x: number; y: number }>) => {
      if (Math.hypot(event.x - origin.x, event.y - origin.y) >= PRESS_SLOP) stayed = false;
      const { x, y } = scalesRef.current;
      store.getState().dragTo(x.invert(event.x), y.invert(event.y));
    })
    .on('end', (event: D3DragEvent<SVGGElement, unknown, { x: number; y: number }>) => {
      store.getState().endDrag();
      if (touchPress && stayed && performance.now() - pressStart >= LONG_PRESS_MS) {
        // No click may follow: it would land on the empty spot and add a point there.
        (event.sourceEvent as Event | null)?.preventDefault();
        store.getState().removePoint(index);
      }
    });
  select(element).call(behaviour);
  return () => {
    select(element).on('.drag', null);
  };
}

const PointMark = memo(function PointMark({
  index,
  x,
  y,
  cx,
  cy,
  selected,
  dragging,
  label,
  scalesRef,
  store,
}: PointMarkProps) {
  const ref = useRef<SVGGElement>(null);
  useEffect(
    () => (ref.current ? attachDrag(ref.current, index, store, scalesRef) : undefined),
    [index, store, scalesRef],
  );

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
      state.movePoint(index, point.x + move[0], point.y + move[1]);
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
      aria-roledescription="draggable point"
      aria-label={label}
      onFocus={() => store.getState().select(index)}
      onKeyDown={onKeyDown}
      onDoubleClick={(event) => {
        event.stopPropagation();
        store.getState().removePoint(index);
      }}
    >
      <circle className="hit" r={POINT_RADIUS + 12} />
      <circle className="ring" r={POINT_RADIUS + 4} />
      <circle className="dot" r={POINT_RADIUS} />
    </g>
  );
});

/** Every data point, draggable and keyboard-operable, with its values in its accessible name. */
export const PointsLayer = memo(function PointsLayer({ scales }: { scales: PlotScales }) {
  const store = useExplorerStore();
  const points = useShownPoints();
  const selectedIndex = useExplorer((s) => s.selectedIndex);
  const dragIndex = useExplorer((s) => (s.drag?.active ? s.drag.index : null));
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  // Names carry each point's sensitivity; during a mouse or touch drag they keep the values from
  // its start (nobody reads them mid-gesture, and rewriting n labels per refit is not free).
  const liveArrows = useExplorer(selectArrows);
  const dragging = dragIndex !== null;
  const [labelArrows, setLabelArrows] = useState(liveArrows);
  if (!dragging && labelArrows !== liveArrows) setLabelArrows(liveArrows);
  const arrows = dragging ? labelArrows : liveArrows;
  const scalesRef = useRef(scales);
  useLayoutEffect(() => {
    scalesRef.current = scales;
  }, [scales]);

  const sensitivity = new Map(
    arrows.arrows.map(({ index, sensitivityY }) => [index, sensitivityY]),
  );
  const symbol = plainSymbol(hyperparameter);
  return (
    <g className="points">
      {points.map((point, index) => {
        const value = sensitivity.get(index);
        const effect =
          value === undefined
            ? ''
            : ` Raising it ${value >= 0 ? 'raises' : 'lowers'} ${symbol}: d log ${symbol}/dy ${formatSigned(value)}.`;
        return (
          <PointMark
            key={index}
            index={index}
            x={point.x}
            y={point.y}
            cx={scales.x(point.x)}
            cy={scales.y(point.y)}
            selected={selectedIndex === index}
            dragging={dragIndex === index}
            label={`Point ${index + 1} of ${points.length}: x ${formatCoordinate(point.x)}, y ${formatCoordinate(point.y)}.${effect}`}
            scalesRef={scalesRef}
            store={store}
          />
        );
      })}
    </g>
  );
});
