/**
 * Points written by hand in an attribute or a URL: `x,y` pairs separated by `;` (or spaces),
 *
 *     points="0.5,0.2; 1.8,0.9; 3.1,-0.4"
 *
 * Coordinates are in the plot's units (x in [0, 10], y in [−3, 3]) and are kept on its 0.001 grid.
 */
import { notice, type ProblemNotice } from '../i18n/notice';
import { problemText } from '../i18n/messages';
import { MIN_EXPLORER_POINTS, snapPoint, X_DOMAIN, Y_DOMAIN, type Point } from '../state';
import { describeNotice, quoteNotice } from './problemValues';

/** Most points an embedded widget holds (from an attribute, a URL or the reader's clicks). */
export const MAX_EMBED_POINTS = 100;

/**
 * The points, or the first problem with them: `problem` says it in any language (a catalogue key
 * and its values), `message` in English.
 */
export type PointsParse =
  { ok: true; points: Point[] } | { ok: false; problem: ProblemNotice; message: string };

/** A failed parse with `problem`. */
function refuse(problem: ProblemNotice): PointsParse {
  return { ok: false, problem, message: problemText(problem) };
}

/** A coordinate as written in the message: the text itself, trimmed, at most 40 characters. */
const quote = (text: string) => quoteNotice(text.trim(), 40);

/** The plot's bounds as the messages write them, as text: the author's own notation. */
const BOUNDS = {
  x0: String(X_DOMAIN[0]),
  x1: String(X_DOMAIN[1]),
  y0: String(Y_DOMAIN[0]),
  y1: String(Y_DOMAIN[1]),
};

function checkCount(count: number): ProblemNotice | null {
  if (count < MIN_EXPLORER_POINTS)
    return notice(count === 1 ? 'pointsTooFewOne' : 'pointsTooFew', {
      count,
      min: MIN_EXPLORER_POINTS,
    });
  if (count > MAX_EMBED_POINTS) return notice('pointsTooMany', { count, max: MAX_EMBED_POINTS });
  return null;
}

function outsideProblem(index: number, x: number, y: number): ProblemNotice | null {
  const inX = x >= X_DOMAIN[0] && x <= X_DOMAIN[1];
  const inY = y >= Y_DOMAIN[0] && y <= Y_DOMAIN[1];
  if (inX && inY) return null;
  // The coordinate as JavaScript writes it, every digit: a rounded 3.0000001 would read as inside.
  return inX
    ? notice('pointsOutsideY', { index: index + 1, y: String(y), ...BOUNDS })
    : notice('pointsOutsideX', { index: index + 1, x: String(x), ...BOUNDS });
}

/** Checks points given as numbers (from JavaScript) and puts them on the plot's grid. */
export function checkPoints(points: readonly { x: number; y: number }[]): PointsParse {
  if (!Array.isArray(points)) {
    return refuse(notice('pointsNotArray', { value: describeNotice(points) }));
  }
  // The count first: a sparse array of 2³²−1 entries is refused without a look at them.
  const countProblem = checkCount(points.length);
  if (countProblem) return refuse(countProblem);
  const checked: Point[] = [];
  for (let index = 0; index < points.length; index++) {
    let x: unknown;
    let y: unknown;
    try {
      const point: unknown = points[index];
      x = (point as { x?: unknown } | null | undefined)?.x;
      y = (point as { y?: unknown } | null | undefined)?.y;
    } catch {
      return refuse(notice('pointsUnreadable', { index: index + 1 }));
    }
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x + y)) {
      return refuse(notice('pointsNotFinite', { index: index + 1 }));
    }
    const outside = outsideProblem(index, x, y);
    if (outside) return refuse(outside);
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
  if (pairs.length === 0) return refuse(notice('pointsNone'));
  const numbers: { x: number; y: number }[] = [];
  for (const [index, pair] of pairs.entries()) {
    const parts = pair.split(',');
    if (parts.length !== 2) {
      return refuse(notice('pointsPairShape', { index: index + 1, value: quote(pair) }));
    }
    const [xText = '', yText = ''] = parts;
    const x = xText.trim() === '' ? Number.NaN : Number(xText);
    const y = yText.trim() === '' ? Number.NaN : Number(yText);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      const bad = Number.isFinite(x) ? yText : xText;
      return refuse(notice('pointsPairNotNumber', { index: index + 1, value: quote(bad) }));
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
