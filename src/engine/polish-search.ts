/**
 * The polishing side of the fit's cold path (fit.ts): Newton polish (newton.ts) from many starts,
 * the distinct maxima they reach, and the starts of a global search — the profile likelihood's
 * grid maxima (search.ts), refined coarse to fine on subsamples of a large dataset, and for a rule
 * other than `ml` also the likelihood's maxima and, for `loo`, its own grid's (rules/loo-search.ts).
 * Every polish runs in the search box of search-region.ts (docs/numerics.md).
 */
import { createLikelihoodWorkspace } from './likelihood';
import { polishMaximum, type PolishResult } from './newton';
import type { PolishOrigin } from './newton-finish';
import type { Objective } from './objective';
import { maximumKind } from './optimum';
import { looSearchCandidates } from './rules/loo-search';
import { createRuleObjective, type RuleObjective } from './rules/objective';
import { SEARCH_SUBSAMPLE_SIZE, searchCandidates, subsample } from './search';
import { searchBounds, type SearchBox } from './search-region';
import type { KernelName, LogTheta, Matrix3 } from './types';

/** Two optima closer than this in every log coordinate are the same maximum. */
export const SAME_MAXIMUM = 1e-3;

/**
 * How far below the best maximum (nats) the runner-up is still polished to convergence: far
 * enough to be exact wherever it matters (a near tie is within 1 nat), not so far that a remote
 * second peak costs a dozen evaluations on a large dataset.
 */
export const RUNNER_UP_WINDOW = 5;

/** The step tolerance of the polish on a subsample (searchStarts). */
const SUBSAMPLE_TOLERANCE = 1e-3;

/** A polish result and the index of the start it came from. */
export interface IndexedPolish extends PolishResult {
  startIndex: number;
}

/** The results at distinct maxima, best first (of two at the same maximum, the better). */
export function distinctOptima<T extends PolishResult>(results: T[]): T[] {
  const sorted = [...results].sort((a, b) => b.evaluation.value - a.evaluation.value);
  const kept: T[] = [];
  for (const result of sorted) {
    const duplicate = kept.some((other) =>
      other.evaluation.logTheta.every(
        (value, i) => Math.abs(value - result.evaluation.logTheta[i]!) < SAME_MAXIMUM,
      ),
    );
    if (!duplicate) kept.push(result);
  }
  return kept;
}

/** The best optimum and the best strict maximum apart from it (the runner-up), if any. */
export function bestAndRunnerUp<T extends PolishResult>(
  results: T[],
): { best: T | null; runnerUp: T | null } {
  const [best, ...others] = distinctOptima(results);
  return {
    best: best ?? null,
    runnerUp: others.find((result) => maximumKind(result).strict) ?? null,
  };
}

export interface PolishAllOptions {
  /**
   * Abandon basins that cannot come within this many nats of the best so far (Infinity keeps
   * every basin). Without it a basin is abandoned as soon as it can neither beat the best maximum
   * so far nor the runner-up, nor come within RUNNER_UP_WINDOW of the best.
   */
  abandonGap?: number;
  /** `startHessians[k]`, where given, is a nearby Hessian for start k's first step. */
  startHessians?: readonly (Matrix3 | null | undefined)[];
  /** `startOrigins[k]`, where given, is the point start k was predicted from (newton.ts). */
  startOrigins?: readonly (PolishOrigin | null | undefined)[];
  /** The polish's step tolerance (newton.ts' default when left out). */
  stepTolerance?: number;
  /** End each polish with an unevaluated Newton step where that is exact enough (newton.ts). */
  finishWithStep?: boolean;
  /** … or with an unevaluated chord step (newton.ts). */
  finishWithChord?: boolean;
}

/**
 * Polishes every start in turn, abandoning basins that cannot matter (PolishAllOptions) and
 * starts that run into a basin already polished: the best maximum and the runner-up that are
 * reported are polished to convergence, the others only until they drop out of contention.
 */
export function polishAll(
  objective: Objective,
  starts: LogTheta[],
  bounds: SearchBox,
  options: PolishAllOptions = {},
): IndexedPolish[] {
  const { abandonGap, startHessians = [], startOrigins = [], stepTolerance } = options;
  const finishWithStep = options.finishWithStep ?? false;
  const finishWithChord = options.finishWithChord ?? false;
  const results: IndexedPolish[] = [];
  starts.forEach((start, startIndex) => {
    const known = results.map((result) => result.evaluation.logTheta);
    const { best, runnerUp } = bestAndRunnerUp(results);
    const bestValue = best ? best.evaluation.value : -Infinity;
    const abandonBelow =
      abandonGap === undefined
        ? Math.max(runnerUp ? runnerUp.evaluation.value : -Infinity, bestValue - RUNNER_UP_WINDOW)
        : bestValue - abandonGap;
    const result = polishMaximum(objective, start, bounds, {
      abandonBelow,
      knownMaxima: known,
      startHessian: startHessians[startIndex] ?? null,
      origin: startOrigins[startIndex] ?? null,
      ...(stepTolerance === undefined ? {} : { stepTolerance }),
      finishWithStep,
      finishWithChord,
    });
    if (result) results.push({ ...result, startIndex });
  });
  return results;
}

/**
 * The starts from which the cold path polishes the rule's objective (internal units; `yRms` is
 * the RMS of y there): the profile likelihood's grid maxima on (a subsample of) the data; a large
 * dataset's basins are polished coarse to fine, on subsamples doubling in size, so that each finer
 * polish starts within a few Newton steps and the full-data O(n³) polish needs only the last two
 * or three. For a rule other than `ml` the likelihood is first polished from those, and the rule
 * then starts from its maxima and the grid maxima (and, for `loo`, from its own grid's).
 */
export function searchStarts(
  kernel: KernelName,
  x: Float64Array,
  y: Float64Array,
  objective: RuleObjective,
  bounds: SearchBox,
  yRms: number,
): LogTheta[] {
  const coarsest = subsample(x, y, SEARCH_SUBSAMPLE_SIZE);
  const candidates = searchCandidates(kernel, coarsest.x, coarsest.y).map(
    (candidate) => candidate.logTheta,
  );
  let starts = candidates;
  for (let size = SEARCH_SUBSAMPLE_SIZE; size < x.length; size *= 2) {
    // A level barely smaller than the data saves too little to pay for itself.
    if (size > x.length / 1.5) break;
    const sample = subsample(x, y, size);
    const sampleWorkspace = createLikelihoodWorkspace(kernel, sample.x, sample.y);
    const sampleObjective = createRuleObjective('ml', sampleWorkspace, null);
    // A subsample's maxima are starts for more data, whose maxima lie ~0.1 away: 1e-3 is plenty.
    const optima = distinctOptima(
      polishAll(sampleObjective, starts, searchBounds(sample.x, yRms), {
        stepTolerance: SUBSAMPLE_TOLERANCE,
      }),
    );
    if (optima.length > 0) starts = optima.map((result) => result.evaluation.logTheta);
  }
  if (objective.rule === 'ml') return starts;
  const likelihood = createRuleObjective('ml', objective.likelihood, null);
  const likelihoodOptima = distinctOptima(polishAll(likelihood, starts, bounds));
  return [
    ...(objective.rule === 'loo' ? looSearchCandidates(kernel, x, y) : []),
    ...likelihoodOptima.map((result) => result.evaluation.logTheta),
    ...candidates,
  ];
}
