/**
 * Checks of the engine's arguments beyond the data (validate.ts): fit options, a fit handed back
 * with its data, indices and grids. Each throws GpInputError naming the argument, never a
 * TypeError from deep inside the computation.
 */
import { describeValue, GpInputError } from './input-error';
import {
  HYPERPARAMETER_NAMES,
  SELECTION_RULES,
  type Dataset,
  type FitResult,
  type Hyperparameters,
  type KernelName,
  type LogTheta,
  type Matrix3,
  type SelectionRule,
} from './types';
import { checkKernel } from './validate';

function invalid(message: string): never {
  throw new GpInputError('invalid-argument', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Three finite numbers (a point in log θ), or invalid-argument naming `name`. */
export function checkLogTheta(value: unknown, name: string): LogTheta {
  if (!Array.isArray(value) || value.length !== 3 || !value.every(Number.isFinite)) {
    invalid(
      `${name} must be three finite numbers (log ℓ, log σf, log σn), got ${describeValue(value)}`,
    );
  }
  return value as LogTheta;
}

/** A 3×3 matrix of finite numbers, or invalid-argument naming `name`. */
export function checkMatrix3(value: unknown, name: string): Matrix3 {
  if (
    !Array.isArray(value) ||
    value.length !== 3 ||
    !value.every((row) => Array.isArray(row) && row.length === 3 && row.every(Number.isFinite))
  ) {
    invalid(`${name} must be a 3×3 matrix of finite numbers, got ${describeValue(value)}`);
  }
  return value as Matrix3;
}

/** What `fitHyperparameters` reads from its options, checked. */
export interface CheckedFitOptions {
  kernel: KernelName;
  rule: SelectionRule;
  warmStart?: {
    logTheta: LogTheta;
    runnerUpLogTheta: LogTheta | null;
    hessianLogTheta: Matrix3 | null;
    localOnly: boolean;
  };
}

/**
 * Checks `fitHyperparameters`' options: a known kernel and rule and, if given, a well-formed warm
 * start. (The `map` rule's prior is checked where it is resolved, rules/prior.ts.)
 */
export function checkFitOptions(options: unknown): CheckedFitOptions {
  if (options === undefined) return { kernel: 'rbf', rule: 'ml' };
  if (!isRecord(options)) {
    invalid(`options must be an object such as { kernel: 'rbf' }, got ${describeValue(options)}`);
  }
  const kernel = options.kernel === undefined ? 'rbf' : checkKernel(options.kernel);
  const rule = options.rule === undefined ? 'ml' : checkRule(options.rule);
  const warm = options.warmStart;
  if (warm === undefined) return { kernel, rule };
  if (!isRecord(warm)) {
    invalid(`warmStart must be an object { logTheta, … }, got ${describeValue(warm)}`);
  }
  const optional = <T>(value: unknown, check: (value: unknown) => T): T | null =>
    value === undefined || value === null ? null : check(value);
  return {
    kernel,
    rule,
    warmStart: {
      localOnly: warm.localOnly === true,
      logTheta: checkLogTheta(warm.logTheta, 'warmStart.logTheta'),
      runnerUpLogTheta: optional(warm.runnerUpLogTheta, (value) =>
        checkLogTheta(value, 'warmStart.runnerUpLogTheta'),
      ),
      hessianLogTheta: optional(warm.hessianLogTheta, (value) =>
        checkMatrix3(value, 'warmStart.hessianLogTheta'),
      ),
    },
  };
}

/**
 * Checks that `fit` is a fit result (its fields the sensitivities read) made for `data`: the
 * same number of points, and — for a fit from `fitHyperparameters`, whose data is remembered —
 * the same values. A fit of other data would give another dataset's sensitivities silently.
 */
export function checkFitForData(
  fit: unknown,
  data: Dataset,
  fittedTo: Dataset | undefined,
): FitResult {
  if (!isRecord(fit) || typeof fit.kernel !== 'string') {
    invalid(`fit must be a result of fitHyperparameters, got ${describeValue(fit)}`);
  }
  checkKernel(fit.kernel);
  checkLogTheta(fit.logTheta, 'fit.logTheta');
  checkMatrix3(fit.hessianLogTheta, 'fit.hessianLogTheta');
  const theta = fit.theta as Partial<Hyperparameters> | undefined;
  if (!isRecord(theta) || !HYPERPARAMETER_NAMES.every((name) => Number.isFinite(theta[name]))) {
    invalid('fit.theta must hold finite lengthscale, signalStd and noiseStd');
  }
  const diagnostics = fit.diagnostics as { trust?: unknown; reasons?: unknown } | undefined;
  if (
    !isRecord(diagnostics) ||
    typeof diagnostics.trust !== 'string' ||
    !Array.isArray(diagnostics.reasons)
  ) {
    invalid('fit.diagnostics must be the diagnostics of a fit (trust and reasons)');
  }
  const n = data.x.length;
  if (fit.n !== n) {
    throw new GpInputError(
      'dataset-mismatch',
      `the fit is for ${describeValue(fit.n)} points but the data has ${n}; pass the data it was fitted to`,
    );
  }
  if (fittedTo) {
    for (let i = 0; i < n; i++) {
      if (!Object.is(fittedTo.x[i], data.x[i]) || !Object.is(fittedTo.y[i], data.y[i])) {
        throw new GpInputError(
          'dataset-mismatch',
          `the fit was made for other data (point ${i} differs); pass the data it was fitted to`,
        );
      }
    }
  }
  return fit as unknown as FitResult;
}

/** One of SELECTION_RULES, or invalid-argument naming the value. */
export function checkRule(value: unknown): SelectionRule {
  if (typeof value !== 'string' || !(SELECTION_RULES as readonly string[]).includes(value)) {
    invalid(`unknown rule ${describeValue(value)}; use one of ${SELECTION_RULES.join(', ')}`);
  }
  return value as SelectionRule;
}

/** An integer index into n points, or invalid-argument naming `name`. */
export function checkIndex(value: unknown, n: number, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= n) {
    invalid(`${name} ${describeValue(value)} is not a point index (0 … ${n - 1})`);
  }
  return value;
}

/** A Float64Array of finite numbers with at most `maxLength` entries, positive if asked. */
export function checkGrid(
  value: unknown,
  name: string,
  { maxLength, positive = false }: { maxLength: number; positive?: boolean },
): Float64Array {
  if (!(value instanceof Float64Array)) {
    invalid(`${name} must be a Float64Array, got ${describeValue(value)}`);
  }
  if (value.length > maxLength) {
    invalid(`${name} has ${value.length} values; at most ${maxLength} are supported`);
  }
  for (let i = 0; i < value.length; i++) {
    const entry = value[i]!;
    if (!Number.isFinite(entry) || (positive && !(entry > 0))) {
      invalid(
        `${name}[${i}] is ${entry}; every value must be finite${positive ? ' and positive' : ''}`,
      );
    }
  }
  return value;
}

/** θ with three finite positive values, or invalid-argument. */
export function checkHyperparameters(value: unknown, name = 'theta'): Hyperparameters {
  const theta = value as Partial<Hyperparameters> | null;
  if (
    !isRecord(theta) ||
    !HYPERPARAMETER_NAMES.every((key) => {
      const entry = theta[key];
      return typeof entry === 'number' && Number.isFinite(entry) && entry > 0;
    })
  ) {
    invalid(`${name} must hold finite positive lengthscale, signalStd and noiseStd`);
  }
  return theta as Hyperparameters;
}

const fittedData = new WeakMap<FitResult, Dataset>();

/** Remembers (a copy of) the data a fit was made for, so it can be recognised later. */
export function rememberFittedData(fit: FitResult, data: Dataset): void {
  fittedData.set(fit, { x: Float64Array.from(data.x), y: Float64Array.from(data.y) });
}

/** The data `fit` was made for, if it came from fitHyperparameters. */
export function fittedDataOf(fit: FitResult): Dataset | undefined {
  return fittedData.get(fit);
}
