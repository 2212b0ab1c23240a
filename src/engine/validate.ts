/** Input checks shared by the library, the CLI and the worker: every problem gets a typed error. */
import { dataSpreads, SCALE_RANGE } from './scales';
import type { Dataset } from './types';

/**
 * The largest dataset the engine accepts. Every refit is O(n³) in time and holds about ten n×n
 * float64 matrices (n = 2000: 0.3 GB), which is the practical ceiling in a browser tab.
 */
export const MAX_POINTS = 2000;

/** The smallest dataset with something to fit: two points. */
export const MIN_POINTS = 2;

export type GpInputErrorCode =
  | 'not-an-array'
  | 'length-mismatch'
  | 'too-few-points'
  | 'too-many-points'
  | 'non-finite'
  | 'all-x-equal'
  | 'zero-y'
  | 'scale-out-of-range';

/** Invalid input data, with a machine-readable code and a message that names the problem. */
export class GpInputError extends Error {
  constructor(
    readonly code: GpInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GpInputError';
  }
}

function toFloat64(values: unknown, name: string): Float64Array {
  if (values instanceof Float64Array) return Float64Array.from(values);
  if (Array.isArray(values) || ArrayBuffer.isView(values)) {
    const list = values as ArrayLike<unknown>;
    const out = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const value = list[i];
      if (typeof value !== 'number') {
        throw new GpInputError(
          'non-finite',
          `${name}[${i}] is not a number (${JSON.stringify(value)})`,
        );
      }
      out[i] = value;
    }
    return out;
  }
  throw new GpInputError('not-an-array', `${name} must be an array of numbers`);
}

/**
 * Checks and copies training data. Throws GpInputError for: non-arrays, x and y of different
 * lengths, fewer than MIN_POINTS or more than MAX_POINTS points, NaN or ±Infinity, all x equal
 * (no lengthscale can be inferred), y identically zero (a zero-mean GP has nothing to fit) and
 * spreads of x or y beyond what float64 can carry through the fit (`checkScales`).
 * Duplicate x values are legal: the noise term explains them.
 */
export function validateDataset(x: unknown, y: unknown): Dataset {
  const xs = toFloat64(x, 'x');
  const ys = toFloat64(y, 'y');
  if (xs.length !== ys.length) {
    throw new GpInputError(
      'length-mismatch',
      `x has ${xs.length} values but y has ${ys.length}; they must pair up`,
    );
  }
  if (xs.length < MIN_POINTS) {
    throw new GpInputError(
      'too-few-points',
      `need at least ${MIN_POINTS} points to fit a GP, got ${xs.length}`,
    );
  }
  if (xs.length > MAX_POINTS) {
    throw new GpInputError(
      'too-many-points',
      `at most ${MAX_POINTS} points are supported, got ${xs.length}`,
    );
  }
  for (const [values, name] of [
    [xs, 'x'],
    [ys, 'y'],
  ] as const) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new GpInputError(
          'non-finite',
          `${name}[${i}] is ${values[i]}; every value must be finite`,
        );
      }
    }
  }
  let xMin = Infinity;
  let xMax = -Infinity;
  let yAbsMax = 0;
  for (let i = 0; i < xs.length; i++) {
    xMin = Math.min(xMin, xs[i]!);
    xMax = Math.max(xMax, xs[i]!);
    yAbsMax = Math.max(yAbsMax, Math.abs(ys[i]!));
  }
  if (xMin === xMax) {
    throw new GpInputError(
      'all-x-equal',
      `all x values equal ${xMin}; a lengthscale needs at least two distinct inputs`,
    );
  }
  if (yAbsMax === 0) {
    throw new GpInputError('zero-y', 'every y is 0; a zero-mean GP has no signal or noise to fit');
  }
  const data = { x: xs, y: ys };
  checkScales(data);
  return data;
}

/**
 * The spreads of x and y (scales.ts); throws GpInputError('scale-out-of-range') when either lies
 * outside SCALE_RANGE (denormal or near-overflow data), where θ̂ and its sensitivities could not
 * be represented in float64.
 */
export function checkScales(data: Dataset): { xSpread: number; ySpread: number } {
  const spreads = dataSpreads(data);
  const [low, high] = SCALE_RANGE;
  for (const [name, spread, what] of [
    ['x', spreads.xSpread, 'standard deviation'],
    ['y', spreads.ySpread, 'root-mean-square'],
  ] as const) {
    if (!(spread >= low && spread <= high)) {
      throw new GpInputError(
        'scale-out-of-range',
        `the ${what} of ${name} is ${spread.toExponential(2)}, outside 1e-301 … 1e301: θ̂ and its sensitivities would not fit in float64; rescale ${name}`,
      );
    }
  }
  return spreads;
}
