/**
 * Where a new point would pull θ̂: for a hypothetical point (x*, y*) added with a small weight w,
 * the first-order change d log θ̂/dw at w = 0 (rules/new-point.ts), over a grid of places — the
 * heat map behind the data — and the exact refit with the point added, to check it against.
 * O(n²) per x* column after the fit's factorisation, O(1) per y* (the pull is quadratic in y*).
 */
import { fitHyperparameters, sameRuleOptions } from './fit';
import { pullColumns } from './rules/new-point';
import { fitState } from './rules/state';
import { sensitivityInverse, undefinedReason } from './sensitivity';
import { validateDataset } from './validate';
import type { Dataset, FitResult, LogTheta, Matrix3, Rows3 } from './types';

export interface PullMapOptions {
  /** The x* of the columns (data units). */
  xs: ArrayLike<number>;
  /** The y* of the rows (data units). */
  ys: ArrayLike<number>;
}

/** The new-point pull over a grid, or why it is undefined (the fit's own sensitivities are). */
export type PullMap =
  | {
      defined: true;
      xs: Float64Array;
      ys: Float64Array;
      /**
       * d log θ̂/dw at w = 0 for a new point at (xs[i], ys[j]), at index j·xs.length + i; rows
       * (ℓ, σf, σn). Multiplied by a weight w it estimates the change of log θ̂ that adding the
       * point with that weight makes (w = 1: adding it outright).
       */
      dLogTheta_dw: Rows3;
      /** The latent posterior mean and standard deviation at each xs[i] (data units). */
      mean: Float64Array;
      sd: Float64Array;
    }
  | { defined: false; reason: string };

/** −H⁻¹ (or its restriction on the noise floor) applied to three polynomial coefficient vectors: the pull's coefficients in y. */
function pullCoefficients(inverseHessian: Matrix3, gradient: [LogTheta, LogTheta, LogTheta]) {
  return [0, 1, 2].map((i) =>
    [0, 1, 2].map(
      (p) =>
        -(
          inverseHessian[i]![0] * gradient[0][p]! +
          inverseHessian[i]![1] * gradient[1][p]! +
          inverseHessian[i]![2] * gradient[2][p]!
        ),
    ),
  );
}

/** The pull map of a fit over the grid xs × ys (data units). */
export function newPointPullMap(data: Dataset, fit: FitResult, options: PullMapOptions): PullMap {
  const reason = undefinedReason(fit);
  if (reason !== null) return { defined: false, reason };
  const xs = Float64Array.from(options.xs);
  const ys = Float64Array.from(options.ys);
  for (const value of [...xs, ...ys]) {
    if (!Number.isFinite(value)) throw new RangeError('every xs and ys must be finite');
  }
  const state = fitState(data, fit);
  const { map } = state;
  const column = pullColumns(state);
  const inverseHessian = sensitivityInverse(fit);
  const size = xs.length * ys.length;
  const dLogTheta_dw: Rows3 = [
    new Float64Array(size),
    new Float64Array(size),
    new Float64Array(size),
  ];
  const mean = new Float64Array(xs.length);
  const sd = new Float64Array(xs.length);
  const scaledYs = ys.map((value) => value / map.yScale);
  for (let i = 0; i < xs.length; i++) {
    const result = column(xs[i]! / map.xScale);
    mean[i] = result.mean * map.yScale;
    sd[i] = Math.sqrt(Math.max(0, result.variance)) * map.yScale;
    const pull = pullCoefficients(inverseHessian, result.coefficients);
    for (let j = 0; j < ys.length; j++) {
      const y = scaledYs[j]!;
      for (let h = 0; h < 3; h++) {
        const [c0, c1, c2] = pull[h]!;
        dLogTheta_dw[h as 0 | 1 | 2][j * xs.length + i] = c0! + y * (c1! + y * c2!);
      }
    }
  }
  return { defined: true, xs, ys, dLogTheta_dw, mean, sd };
}

/** d log θ̂/dw at w = 0 for one new point (x, y), or null where the pull map is undefined. */
export function newPointPull(data: Dataset, fit: FitResult, x: number, y: number): LogTheta | null {
  const result = newPointPullMap(data, fit, { xs: [x], ys: [y] });
  if (!result.defined) return null;
  return result.dLogTheta_dw.map((row) => row[0]!) as LogTheta;
}

/**
 * The grid of the heat map: nx columns over the span of x and ny rows over the range of y, each
 * padded by `padding` of its width on both sides (default 10%), evenly spaced and inclusive.
 */
export function pullMapAxes(
  data: Dataset,
  nx: number,
  ny: number,
  padding = 0.1,
): { xs: Float64Array; ys: Float64Array } {
  const axis = (values: Float64Array, count: number) => {
    let low = Math.min(...values);
    let high = Math.max(...values);
    const pad = padding * (high - low || Math.abs(high) || 1);
    low -= pad;
    high += pad;
    return Float64Array.from({ length: count }, (_, k) =>
      count === 1 ? (low + high) / 2 : low + ((high - low) * k) / (count - 1),
    );
  };
  return { xs: axis(data.x, nx), ys: axis(data.y, ny) };
}

/** The exact refit with one point added, beside the first-order pull's estimate of it. */
export interface AddedPointRefit {
  /** The fit of the data with the point, by the same kernel and rule. */
  fit: FitResult;
  /** log θ̂ with the point − log θ̂: the exact change. */
  delta: LogTheta;
  /** d log θ̂/dw at w = 0: the first-order estimate of `delta` (null where undefined). */
  predictedDelta: LogTheta | null;
  /**
   * `continued` when θ̂'s own maximum, moved, is the best with the point; `jumped` when another
   * maximum is (then `continuedDelta` is the change to that continuation).
   */
  status: 'continued' | 'jumped';
  continuedDelta: LogTheta | null;
}

/**
 * Adds (x, y) to the data and refits twice: from θ̂ (its maximum's continuation) and from a global
 * search; the better is the answer. Throws GpInputError if (x, y) is not finite.
 */
export function refitWithAddedPoint(
  data: Dataset,
  fit: FitResult,
  point: { x: number; y: number },
): AddedPointRefit {
  const augmented = validateDataset([...data.x, point.x], [...data.y, point.y]);
  const options = sameRuleOptions(fit);
  const continued = fitHyperparameters(augmented, {
    ...options,
    starts: [{ logTheta: fit.logTheta, hessianLogTheta: fit.hessianLogTheta }],
  });
  const searched = fitHyperparameters(augmented, options);
  const same = searched.logTheta.every(
    (value, i) => Math.abs(value - continued.logTheta[i]!) < 1e-6,
  );
  const jumped = !same && searched.objective > continued.objective;
  const best = jumped ? searched : continued;
  const delta = (to: LogTheta) => to.map((value, i) => value - fit.logTheta[i]!) as LogTheta;
  return {
    fit: best,
    delta: delta(best.logTheta),
    predictedDelta: newPointPull(data, fit, point.x, point.y),
    status: jumped ? 'jumped' : 'continued',
    continuedDelta: jumped ? delta(continued.logTheta) : null,
  };
}
