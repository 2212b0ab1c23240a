/**
 * Points written by hand in an attribute or a URL: `x,y` pairs separated by `;` (or spaces),
 *
 *     points="0.5,0.2; 1.8,0.9; 3.1,-0.4"
 *
 * Coordinates are in the plot's units (x in [0, 10], y in [−3, 3]) and are kept on its 0.001 grid.
 */
import { describeValue, groupDigits, quoteText } from '../engine/input-error';
import { MIN_POINTS, snapPoint, X_DOMAIN, Y_DOMAIN, type Point } from '../state';

/** Most points an embedded widget holds (from an attribute, a URL or the reader's clicks). */
export const MAX_EMBED_POINTS = 100;

export type PointsParse = { ok: true; points: Point[] } | { ok: false; message: string };

/** A coordinate as written in the message: the text itself, trimmed, at most 40 characters. */
const quote = (text: string) => quoteText(text.trim(), 40);

function checkCount(count: number): string | null {
  if (count < MIN_POINTS)
    return `${count} point${count === 1 ? '' : 's'} given; at least ${MIN_POINTS} are needed to fit three hyperparameters`;
  if (count > MAX_EMBED_POINTS)
    return `${groupDigits(count)} points given; an embedded widget holds at most ${MAX_EMBED_POINTS}`;
  return null;
}

function outsideMessage(index: number, x: number, y: number): string | null {
  const inX = x >= X_DOMAIN[0] && x <= X_DOMAIN[1];
  const inY = y >= Y_DOMAIN[0] && y <= Y_DOMAIN[1];
  if (inX && inY) return null;
  const which = inX ? `y = ${y}` : `x = ${x}`;
  return `point ${index + 1} (${which}) lies outside the plot: x must be in [${X_DOMAIN[0]}, ${X_DOMAIN[1]}] and y in [${Y_DOMAIN[0]}, ${Y_DOMAIN[1]}]`;
}

/** Checks points given as numbers (from JavaScript) and puts them on the plot's grid. */
export function checkPoints(points: readonly { x: number; y: number }[]): PointsParse {
  if (!Array.isArray(points)) {
    return {
      ok: false,
      message: `points must be an array of {x, y} or text, not ${describeValue(points)}`,
    };
  }
  // The count first: a sparse array of 2³²−1 entries is refused without a look at them.
  const countProblem = checkCount(points.length);
  if (countProblem) return { ok: false, message: countProblem };
  const checked: Point[] = [];
  for (let index = 0; index < points.length; index++) {
    let x: unknown;
    let y: unknown;
    try {
      const point: unknown = points[index];
      x = (point as { x?: unknown } | null | undefined)?.x;
      y = (point as { y?: unknown } | null | undefined)?.y;
    } catch {
      return { ok: false, message: `point ${index + 1} could not be read` };
    }
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x + y)) {
      return { ok: false, message: `point ${index + 1} needs finite numbers x and y` };
    }
    const outside = outsideMessage(index, x, y);
    if (outside) return { ok: false, message: outside };
    checked.push(snapPoint(x, y));
  }
  return { ok: true, points: checked };
}

/** Reads `x,y; x,y; …`; the message names the first bad pair. */
export function parsePointsText(text: string): PointsParse {
  const pairs = text
    .split(/[;\s]+/)
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '');
  if (pairs.length === 0) return { ok: false, message: 'no points given' };
  const numbers: { x: number; y: number }[] = [];
  for (const [index, pair] of pairs.entries()) {
    const parts = pair.split(',');
    if (parts.length !== 2) {
      return {
        ok: false,
        message: `pair ${index + 1} ${quote(pair)} must be an x and a y separated by a comma`,
      };
    }
    const [xText = '', yText = ''] = parts;
    const x = xText.trim() === '' ? Number.NaN : Number(xText);
    const y = yText.trim() === '' ? Number.NaN : Number(yText);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      const bad = Number.isFinite(x) ? yText : xText;
      return {
        ok: false,
        message: `pair ${index + 1} has ${quote(bad)}, which is not a finite number`,
      };
    }
    numbers.push({ x, y });
  }
  return checkPoints(numbers);
}

/** The points as `parsePointsText` reads them back exactly (3 decimals, trailing zeros cut). */
export function formatPointsText(points: readonly Point[]): string {
  const coordinate = (value: number) => String(Number(value.toFixed(3)));
  return points.map((p) => `${coordinate(p.x)},${coordinate(p.y)}`).join(';');
}
