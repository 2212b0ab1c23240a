/** Small datasets and helpers shared by the selection-rule tests. */
import {
  fitHyperparameters,
  validateDataset,
  type Dataset,
  type FitResult,
  type HyperparameterPrior,
  type KernelName,
  type LogTheta,
  type Matrix3,
  type SelectionRule,
} from '../../../src/engine';
import { createLikelihoodWorkspace } from '../../../src/engine/likelihood';
import { createRuleObjective } from '../../../src/engine/rules/objective';
import { internalPrior } from '../../../src/engine/rules/prior';
import { standardize, toInternalLogTheta } from '../../../src/engine/standardize';
import { normalGenerator } from '../../../src/engine/random';
import type { RemovalStart } from '../../../src/engine/removal-start';
import { looSearchBounds } from '../../../src/engine/rules/loo-search';
import { searchBounds } from '../../../src/engine/search-region';

export const RULES: SelectionRule[] = ['ml', 'map', 'loo'];
export const KERNELS: KernelName[] = ['rbf', 'matern52', 'matern32'];

/**
 * n points of a noisy sine, x unevenly spread over [offset, offset + 10·xScale], y = yScale ·
 * (sin(frequency · position) + noise·N(0, 1)).
 */
export function noisySine(
  n: number,
  seed: number,
  { xScale = 1, yScale = 1, offset = 0, noise = 0.3, frequency = 1 } = {},
): Dataset {
  const normal = normalGenerator(seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const position = (10 * (i + 0.3 * Math.sin(2.3 * i + seed))) / (n - 1);
    x.push(offset + xScale * position);
    y.push(yScale * (Math.sin(frequency * position) + noise * normal()));
  }
  return validateDataset(x, y);
}

/**
 * Sixteen points on which every rule and kernel has a strict interior maximum with no runner-up,
 * the flattest curvature 0.25 (the tests check that each fit is trusted). On smaller or smoother
 * data the leave-one-out rule often runs off to a boundary (docs/rules.md).
 */
export const RULE_CASE = noisySine(16, 6, { xScale: 0.8, yScale: 2.5, offset: 4, frequency: 1.3 });

/**
 * Forty points on which the leave-one-out rule has a strict interior maximum for every kernel, and
 * most removals move θ̂ by less than 0.05 in every log coordinate (condition numbers of K 90–250).
 */
export const LOO_CASE = noisySine(40, 1, { xScale: 0.8, yScale: 2.5, frequency: 1.3 });

/** The dataset without point `index`. */
export function without(data: Dataset, index: number): Dataset {
  const keep = (_: number, k: number) => k !== index;
  return validateDataset(Array.from(data.x).filter(keep), Array.from(data.y).filter(keep));
}

/** log θ̂ of a cold fit of the data without point `index`, by the fit's kernel, rule and prior. */
export function coldRefit(data: Dataset, fit: FitResult, index: number): LogTheta {
  return fitHyperparameters(without(data, index), {
    kernel: fit.kernel,
    rule: fit.rule,
    ...(fit.prior ? { prior: fit.prior } : {}),
  }).logTheta;
}

export function plain(data: Dataset): { x: number[]; y: number[] } {
  return { x: Array.from(data.x), y: Array.from(data.y) };
}

/** The engine's objective of `rule` at log θ (data units), with its gradient and Hessian. */
export function engineObjective(
  rule: SelectionRule,
  kernel: KernelName,
  data: Dataset,
  logTheta: LogTheta,
  prior: HyperparameterPrior | null,
): { value: number; gradient: LogTheta; hessian: Matrix3 } {
  const { x, y, map } = standardize(data);
  const workspace = createLikelihoodWorkspace(kernel, x, y);
  const objective = createRuleObjective(rule, workspace, prior && internalPrior(prior, map));
  const evaluation = objective.evaluate(toInternalLogTheta(logTheta, map), 2);
  return {
    value: evaluation.value - data.x.length * Math.log(map.yScale),
    gradient: evaluation.gradient!,
    hessian: evaluation.hessian!,
  };
}

/** Refits `data` moved by `delta` in one coordinate of one point, warm from the fit. */
export function refitMoved(
  data: Dataset,
  fit: FitResult,
  coordinate: 'x' | 'y',
  index: number,
  delta: number,
): LogTheta {
  const x = Float64Array.from(data.x);
  const y = Float64Array.from(data.y);
  (coordinate === 'x' ? x : y)[index] = (coordinate === 'x' ? x : y)[index]! + delta;
  return fitHyperparameters(
    { x, y },
    {
      kernel: fit.kernel,
      rule: fit.rule,
      ...(fit.prior ? { prior: fit.prior } : {}),
      warmStart: { logTheta: fit.logTheta },
    },
  ).logTheta;
}

/** max |got − want| over a 3×n matrix, relative to the largest |want|. */
export function relativeToLargest(got: ArrayLike<number>[], want: ArrayLike<number>[]): number {
  let largest = 0;
  let worst = 0;
  want.forEach((row, i) => {
    for (let k = 0; k < row.length; k++) {
      largest = Math.max(largest, Math.abs(row[k]!));
      worst = Math.max(worst, Math.abs(got[i]![k]! - row[k]!));
    }
  });
  return worst / largest;
}

/**
 * What a removal refit is polished with by hand, from its cubic start: the reduced data's objective
 * (by the fit's rule, kernel and prior), its search box, and the start and its origin in the
 * reduced data's internal units.
 */
export function removalPolishInputs(fit: FitResult, reduced: Dataset, start: RemovalStart) {
  const { x, y, map } = standardize(reduced);
  const objective = createRuleObjective(
    fit.rule,
    createLikelihoodWorkspace(fit.kernel, x, y),
    fit.prior && internalPrior(fit.prior, map),
  );
  const bounds =
    fit.rule === 'loo' ? looSearchBounds(x, map.internalYRms) : searchBounds(x, map.internalYRms);
  const origin = {
    ...start.origin,
    logTheta: toInternalLogTheta(start.origin.logTheta, map),
    value: Number.NaN,
  };
  return { objective, bounds, origin, from: toInternalLogTheta(start.logTheta, map) };
}
