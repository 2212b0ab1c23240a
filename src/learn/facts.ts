/**
 * Every number the article's sentences and pictures show, computed by the float64 engine from
 * the article's datasets (datasets.ts). The build renders them into the HTML; the page computes
 * them again for its live figures.
 */
import {
  computeSensitivities,
  finiteDifferenceCheck,
  fitHyperparameters,
  posterior,
  responseCurve,
  validateDataset,
  type Dataset,
  type FiniteDifferenceCheck,
  type FitResult,
  type ResponseCurve,
  type SensitivityResult,
} from '../engine';
import type { Point } from '../state';
import {
  ARTICLE_KERNEL,
  CLUSTER_POINTS,
  FLAT_POINTS,
  FLOOR_POINTS,
  EXERCISE_OUTLIER_POINTS,
  EXERCISE_SINE_POINTS,
  OUTLIER_POINTS,
  SINE_POINTS,
  STEP7_KERNEL,
  STEP7_POINTS,
} from './datasets';
import { compareObjectives, type ObjectiveComparison } from './sourceObjective';

export interface FittedData {
  points: readonly Point[];
  data: Dataset;
  fit: FitResult;
  sensitivities: SensitivityResult;
}

export function fitPoints(points: readonly Point[]): FittedData {
  const data = validateDataset(
    points.map((p) => p.x),
    points.map((p) => p.y),
  );
  const fit = fitHyperparameters(data, { kernel: ARTICLE_KERNEL });
  return { points, data, fit, sensitivities: computeSensitivities(data, fit) };
}

/** Row `row` of d log θ̂/dy (0 ℓ, 1 σf, 2 σn), zeros when undefined. */
export function logSlopes(fitted: FittedData, row: 0 | 1 | 2): Float64Array {
  return fitted.sensitivities.defined
    ? Float64Array.from(fitted.sensitivities.dLogTheta_dy[row])
    : new Float64Array(fitted.points.length);
}

/** The index of the largest |value|, and how many times larger it is than the next. */
export function largest(values: Float64Array): { index: number; ratio: number } {
  const order = Array.from(values.keys()).sort(
    (a, b) => Math.abs(values[b]!) - Math.abs(values[a]!),
  );
  const [first = 0, second = 0] = order;
  return { index: first, ratio: Math.abs(values[first]!) / Math.abs(values[second]!) };
}

/** The point of `fitted` above its posterior mean with the longest downward ℓ arrow. */
function abovePoint(fitted: FittedData): number {
  const { mean } = posterior(fitted.data, fitted.fit.theta, ARTICLE_KERNEL, fitted.data.x);
  const slopes = logSlopes(fitted, 0);
  return largest(slopes.map((slope, i) => (fitted.data.y[i]! > mean[i]! && slope < 0 ? slope : 0)))
    .index;
}

/** ℓ̂ refitted with point `index`'s y over its value ± 1, 25 samples. */
export function curveFor(fitted: FittedData, index: number): ResponseCurve {
  const y0 = fitted.data.y[index]!;
  const values = Float64Array.from({ length: 25 }, (_, k) => y0 - 1 + k / 12);
  return responseCurve(fitted.data, {
    kernel: ARTICLE_KERNEL,
    index,
    axis: 'y',
    values,
    centre: 12,
    start: { logTheta: fitted.fit.logTheta, hessianLogTheta: fitted.fit.hessianLogTheta },
  });
}

export interface ArticleFacts {
  sine: FittedData;
  /** The sine point with the longest ℓ arrow: the default point of steps 3–5. */
  focusPoint: number;
  curve: ResponseCurve;
  check: FiniteDifferenceCheck;
  clusters: FittedData;
  /** Log-likelihood gap between the clusters' two explanations (NaN if no runner-up). */
  clusterGap: number;
  /** Exact values of a parabola: σ̂n on its floor, the arrows constrained (σn held). */
  floor: FittedData;
  /** Pure noise: ℓ̂ far beyond the span of the inputs, no derivative, the arrows hidden. */
  flat: FittedData;
  /** max x − min x of the flat data, to set ℓ̂ against. */
  flatSpan: number;
  objectives: ObjectiveComparison;
  outlier: FittedData;
  /** The outlier's index and how many times its σn arrow is the next longest. */
  outlierPull: { index: number; ratio: number };
  /** Exercises 1 and 2's data (datasets.ts). */
  exerciseSine: FittedData;
  exerciseOutlier: FittedData;
  /** Exercise 2's point: the one lifted above the sine. */
  liftedPoint: number;
  /**
   * Exercise 1's point: of its data's points above the fitted mean whose ℓ arrow points down
   * (raising them makes the data wigglier), the one with the longest arrow.
   */
  abovePoint: number;
}

export function computeArticleFacts(): ArticleFacts {
  const sine = fitPoints(SINE_POINTS);
  const focusPoint = largest(logSlopes(sine, 0)).index;
  const clusters = fitPoints(CLUSTER_POINTS);
  const outlier = fitPoints(OUTLIER_POINTS);
  const exerciseSine = fitPoints(EXERCISE_SINE_POINTS);
  return {
    sine,
    focusPoint,
    curve: curveFor(sine, focusPoint),
    check: finiteDifferenceCheck(sine.data, sine.fit, focusPoint, sine.sensitivities),
    clusters,
    clusterGap: clusters.fit.diagnostics.runnerUp?.lmlGap ?? Number.NaN,
    floor: fitPoints(FLOOR_POINTS),
    flat: fitPoints(FLAT_POINTS),
    flatSpan: Math.max(...FLAT_POINTS.map((p) => p.x)) - Math.min(...FLAT_POINTS.map((p) => p.x)),
    objectives: compareObjectives(STEP7_POINTS, STEP7_KERNEL),
    outlier,
    outlierPull: largest(logSlopes(outlier, 2)),
    exerciseSine,
    exerciseOutlier: fitPoints(EXERCISE_OUTLIER_POINTS),
    liftedPoint: EXERCISE_OUTLIER_POINTS.findIndex((p, i) => p.y !== EXERCISE_SINE_POINTS[i]!.y),
    abovePoint: abovePoint(exerciseSine),
  };
}
