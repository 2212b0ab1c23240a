/**
 * Input checks shared by the library, the CLI and the worker: every problem gets a typed error
 * (input-error.ts). Sizes and types are checked before anything is copied or converted to text,
 * so a hostile input (a 2³²−1-long sparse array, a circular array, a BigInt64Array, a 2 MB string)
 * costs no more than a good one and is named in a message of bounded length.
 */
import { describeValue, GpInputError, groupDigits, typedArrayName } from './input-error';
import { dataSpreads, SCALE_RANGE, SCALE_RATIO_RANGE } from './scales';
import { KERNEL_NAMES, type Dataset, type KernelName } from './types';

export { GpInputError, type GpInputErrorCode } from './input-error';

/**
 * The largest dataset the engine accepts. Every refit is O(n³) in time and holds about ten n×n
 * float64 matrices (n = 2000: 0.3 GB), which is the practical ceiling in a browser tab.
 */
export const MAX_POINTS = 2000;

/**
 * The smallest dataset the library and the command-line tool accept: two points, the fewest with a
 * distance between inputs (the explorer asks for more; its own minimum is a choice of the page,
 * not of the engine).
 */
export const MIN_POINTS = 2;

/** The elements of an array or typed array, read one at a time (never copied unchecked). */
interface NumberList {
  length: number;
  at(index: number): unknown;
}

/**
 * The array behind `values`, with its length checked against MAX_POINTS first: a plain array or
 * a typed array of numbers. A bigint typed array, a DataView or anything else is refused.
 */
function numberList(values: unknown, name: string): NumberList {
  if (ArrayBuffer.isView(values)) {
    const kind = typedArrayName(values);
    if (kind === 'BigInt64Array' || kind === 'BigUint64Array') {
      throw new GpInputError(
        'not-a-number',
        `${name} is a ${kind}; the engine takes numbers (an array or a Float64Array)`,
      );
    }
    if (kind === 'DataView') {
      throw new GpInputError('not-an-array', `${name} must be an array of numbers, not a DataView`);
    }
    const typed = values as unknown as ArrayLike<number>;
    checkLength(typed.length, name);
    return { length: typed.length, at: (index) => typed[index] };
  }
  if (!Array.isArray(values)) {
    throw new GpInputError(
      'not-an-array',
      `${name} must be an array of numbers, got ${describeValue(values)}`,
    );
  }
  let length: unknown;
  try {
    length = values.length;
  } catch {
    length = undefined;
  }
  if (typeof length !== 'number') {
    throw new GpInputError('not-an-array', `${name} could not be read as an array`);
  }
  checkLength(length, name);
  return {
    length,
    at(index) {
      try {
        return (values as unknown[])[index];
      } catch {
        throw new GpInputError('not-a-number', `${name}[${index}] could not be read`);
      }
    },
  };
}

function checkLength(length: number, name: string): void {
  if (length > MAX_POINTS) {
    throw new GpInputError(
      'too-many-points',
      `at most ${MAX_POINTS} points are supported, got ${groupDigits(length)} values in ${name}`,
    );
  }
}

/** Copies a checked list into a Float64Array, naming the first value that is not a number. */
function toFloat64(list: NumberList, name: string): Float64Array {
  const out = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const value = list.at(i);
    if (typeof value !== 'number') {
      const what = value === undefined ? 'missing' : `not a number: ${describeValue(value)}`;
      throw new GpInputError('not-a-number', `${name}[${i}] is ${what}`);
    }
    out[i] = value;
  }
  return out;
}

/**
 * The checks on values every dataset must pass, whether it comes in as arrays (validateDataset)
 * or as a Dataset handed back to fitHyperparameters and computeSensitivities.
 */
function checkValues(xs: ArrayLike<number>, ys: ArrayLike<number>): void {
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
}

/**
 * Checks and copies training data. Throws GpInputError for: non-arrays (and bigint typed
 * arrays), more than MAX_POINTS values in either (before anything is copied), x and y of
 * different lengths, fewer than MIN_POINTS points, values that are not numbers, NaN or
 * ±Infinity, all x equal (no lengthscale can be inferred) and y identically zero (a zero-mean GP
 * has nothing to fit), and spreads of x or y beyond what float64 can carry through the fit
 * (`checkScales`). Duplicate x values are legal: the noise term explains them.
 */
export function validateDataset(x: unknown, y: unknown): Dataset {
  const xList = numberList(x, 'x');
  const yList = numberList(y, 'y');
  if (xList.length !== yList.length) {
    throw new GpInputError(
      'length-mismatch',
      `x has ${xList.length} values but y has ${yList.length}; they must pair up`,
    );
  }
  const xs = toFloat64(xList, 'x');
  const ys = toFloat64(yList, 'y');
  checkValues(xs, ys);
  const data = { x: xs, y: ys };
  checkScales(data);
  return data;
}

/**
 * The spreads of x and y (scales.ts); throws GpInputError('scale-out-of-range') when either lies
 * outside SCALE_RANGE (denormal or near-overflow data), or their ratio outside SCALE_RATIO_RANGE,
 * where θ̂ or its sensitivities could not be represented in float64.
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
  // Divided in logs: the ratio itself may overflow.
  const logRatio = Math.log2(spreads.xSpread) - Math.log2(spreads.ySpread);
  if (!(
    logRatio >= Math.log2(SCALE_RATIO_RANGE[0]) && logRatio <= Math.log2(SCALE_RATIO_RANGE[1])
  )) {
    throw new GpInputError(
      'scale-out-of-range',
      `the spread of x (${spreads.xSpread.toExponential(1)}) is 1e${Math.round(logRatio * Math.LOG10E * Math.LN2)} times that of y (${spreads.ySpread.toExponential(1)}), beyond 1e±271: dθ̂/dy and dθ̂/dx would overflow float64; rescale x or y`,
    );
  }
  return spreads;
}

/**
 * Checks a Dataset passed back to the engine (it should come from validateDataset): x and y
 * Float64Arrays that pass every check of validateDataset. O(n); nothing is copied.
 */
export function checkDataset(data: unknown, name = 'data'): Dataset {
  const dataset = data as Partial<Dataset> | null;
  if (
    dataset === null ||
    typeof dataset !== 'object' ||
    !(dataset.x instanceof Float64Array) ||
    !(dataset.y instanceof Float64Array)
  ) {
    throw new GpInputError(
      'invalid-argument',
      `${name} must be a dataset from validateDataset ({ x, y } as Float64Arrays), got ${describeValue(data)}`,
    );
  }
  checkLength(dataset.x.length, `${name}.x`);
  checkLength(dataset.y.length, `${name}.y`);
  checkValues(dataset.x, dataset.y);
  return dataset as Dataset;
}

/** `value` as a kernel name, or GpInputError('unknown-kernel') naming it (bounded). */
export function checkKernel(value: unknown): KernelName {
  if (typeof value === 'string' && (KERNEL_NAMES as readonly string[]).includes(value)) {
    return value as KernelName;
  }
  throw new GpInputError(
    'unknown-kernel',
    `unknown kernel ${describeValue(value)}; use ${KERNEL_NAMES.join(', ')}`,
  );
}
