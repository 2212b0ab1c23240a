/**
 * The polishing side of the fit's cold path (fit.ts): Newton polish (newton.ts) from many starts,
 * the distinct maxima they reach, and the starts of a global search — the profile likelihood's
 * grid maxima (search.ts), refined coarse to fine on subsamples of a large dataset, and for a rule
 * other than `ml` also the likelihood's maxima and, for `loo`, its own grid's (rules/loo-search.ts).
 */
import { createLikelihoodWorkspace } from './likelihood';
import { polishMaximum, type LogThetaBounds, type PolishResult } from './newton';
import type { Objective } from './objective';
import { looSearchCandidates } from './rules/loo-search';
import { createRuleObjective, type RuleObjective } from './rules/objective';
import { SEARCH_SUBSAMPLE_SIZE, searchBounds, searchCandidates, subsample } from './search';
import type { KernelName, LogTheta, Matrix3 } from './types';

/** Two optima closer than this in every log coordinate are the same maximum. */
export const SAME_MAXIMUM = 1e-3;

/** Basins further below the best maximum found than this (nats) are abandoned mid-polish. */
const ABANDON_GAP = 3;

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

/**
 * Polishes every start in turn, abandoning basins that cannot come within `abandonGap` nats of
 * the best so far (Infinity keeps every basin) and starts that run into a basin already polished.
 * `startHessians[k]`, where given, is a nearby Hessian for start k's first step.
 */
export function polishAll(
  objective: Objective,
  starts: LogTheta[],
  bounds: LogThetaBounds,
  abandonGap = ABANDON_GAP,
  startHessians: readonly (Matrix3 | null | undefined)[] = [],
): IndexedPolish[] {
  const results: IndexedPolish[] = [];
  let best = -Infinity;
  starts.forEach((start, startIndex) => {
    const known = results.map((result) => result.evaluation.logTheta);
    const result = polishMaximum(
      objective,
      start,
      bounds,
      best - abandonGap,
      known,
      startHessians[startIndex] ?? null,
    );
    if (!result) return;
    results.push({ ...result, startIndex });
    best = Math.max(best, result.evaluation.value);
  });
  return results;
}

/**
 * The starts from which the cold path polishes the rule's objective (internal units): the
 * profile likelihood's grid maxima on (a subsample of) the data; a large dataset's basins are
 * polished coarse to fine, on subsamples doubling in size, so that each finer polish starts within
 * a few Newton steps and the full-data O(n³) polish needs only the last two or three. For a rule
 * other than `ml` the likelihood is first polished from those, and the rule then starts from its
 * maxima and the grid maxima (and, for `loo`, from its own grid's).
 */
export function searchStarts(
  kernel: KernelName,
  x: Float64Array,
  y: Float64Array,
  objective: RuleObjective,
  bounds: LogThetaBounds,
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
    const optima = distinctOptima(polishAll(sampleObjective, starts, searchBounds(sample.x)));
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
