/**
 * Dragging points with a mouse, a finger or a pen: one d3-drag behaviour on the plot's live layer
 * decides which point a press takes, the nearest one within `POINT_HIT_RADIUS`, so neighbouring
 * points' touch areas never overlap: whatever element the press lands on, the closer point wins.
 */
import { drag, pointer, select, type D3DragEvent } from 'd3';
import { useEffect, type RefObject } from 'react';
import type { ExplorerStore, Point } from '../../state';
import type { PlotScales } from './geometry';

/**
 * How far from a point's centre a press still takes it, in CSS pixels: a 44-pixel target, the
 * size WCAG recommends for touch. The points' hit circles have this radius too, so the browser
 * does not scroll a page that is touched there.
 */
export const POINT_HIT_RADIUS = 22;
/** A touch held this long without moving removes the point when it lifts. */
export const LONG_PRESS_MS = 600;
/** Movement (pixels) that turns a press into a drag and cancels the long-press. */
const PRESS_SLOP = 4;

/** The index of the point nearest to (px, py) within `radius` pixels, or null. */
export function nearestPoint(
  points: readonly Point[],
  scales: PlotScales,
  px: number,
  py: number,
  radius = POINT_HIT_RADIUS,
): number | null {
  let best: number | null = null;
  let bestDistance = radius;
  points.forEach((point, index) => {
    const distance = Math.hypot(scales.x(point.x) - px, scales.y(point.y) - py);
    if (distance <= bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

interface Subject {
  index: number;
  x: number;
  y: number;
}

/**
 * Wires pressing, dragging, double-clicking and long-pressing the points of `layer` (the plot's
 * inner <g>, in the coordinates of the scales) to the store; returns the cleanup.
 */
function attachPointDrag(
  layer: SVGGElement,
  store: ExplorerStore,
  scalesRef: RefObject<PlotScales>,
): () => void {
  let pressStart = 0;
  let stayed = true;
  let touchPress = false;
  let origin = { x: 0, y: 0 };
  type DragEvent = D3DragEvent<SVGGElement, unknown, Subject>;
  const behaviour = drag<SVGGElement, unknown, Subject | null>()
    .container(layer)
    .clickDistance(PRESS_SLOP)
    .subject((event: DragEvent) => {
      const index = nearestPoint(store.getState().points, scalesRef.current, event.x, event.y);
      const point = index === null ? undefined : store.getState().points[index];
      if (index === null || !point) return null;
      const { x, y } = scalesRef.current;
      return { index, x: x(point.x), y: y(point.y) };
    })
    .on('start', (event: DragEvent) => {
      origin = { x: event.x, y: event.y };
      pressStart = performance.now();
      stayed = true;
      const source = event.sourceEvent as Event | null;
      touchPress = source?.type.startsWith('touch') ?? false;
      // A mouse press would also focus whichever point's hit circle is drawn on top, which may
      // be a neighbour's, and focus selects: the pressed point is focused here instead.
      if (source?.type === 'mousedown') source.preventDefault();
      store.getState().beginDrag(event.subject.index);
      // Keyboard users continue from the point they grabbed.
      layer
        .querySelector<SVGGElement>(`[data-testid=point][data-index="${event.subject.index}"]`)
        ?.focus({ preventScroll: true });
    })
    .on('drag', (event: DragEvent) => {
      if (Math.hypot(event.x - origin.x, event.y - origin.y) >= PRESS_SLOP) stayed = false;
      const { x, y } = scalesRef.current;
      store.getState().dragTo(x.invert(event.x), y.invert(event.y));
    })
    .on('end', (event: DragEvent) => {
      store.getState().endDrag();
      // After a touch the browser sends the mouse events and click of a tap: their press would
      // focus (and so select) the point drawn on top there, not the nearest one this press took,
      // and after a long press the click would land on the emptied spot and add a point.
      const source = event.sourceEvent as Event | null;
      if (touchPress && source?.cancelable) source.preventDefault();
      if (touchPress && stayed && performance.now() - pressStart >= LONG_PRESS_MS) {
        store.getState().removePoint(event.subject.index);
      }
    });
  const selection = select(layer);
  selection.call(behaviour);
  selection.on('dblclick.points', (event: MouseEvent) => {
    const [px, py] = pointer(event, layer);
    const index = nearestPoint(store.getState().points, scalesRef.current, px, py);
    if (index === null) return;
    event.preventDefault();
    store.getState().removePoint(index);
  });
  return () => {
    selection.on('.drag', null).on('dblclick.points', null);
  };
}

/** Attaches the points' pointer handling to the plot's inner layer for as long as it is mounted. */
export function usePointDrag(
  layer: SVGGElement | null,
  store: ExplorerStore,
  scalesRef: RefObject<PlotScales>,
): void {
  useEffect(
    () => (layer ? attachPointDrag(layer, store, scalesRef) : undefined),
    [layer, store, scalesRef],
  );
}
