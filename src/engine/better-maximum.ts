/**
 * A global check cheaper than a cold fit: does L(θ) (the `ml` rule's objective) have a maximum higher than the known ones?
 * The profile-likelihood grid search (search.ts) seeds Newton polishes as the cold fit does
 * (fit.ts), but a polish stops as soon as it enters a known maximum's basin or the local quadratic
 * model shows it cannot beat the best known likelihood (newton.ts, `abandonBelow`). When the
 * known maxima are the best there are, little is spent beyond the grid search. Works in internal
 * units (standardize.ts).
 */
import { createLikelihoodWorkspace } from './likelihood';
import { polishMaximum } from './newton';
import { createRuleObjective } from './rules/objective';
import { SEARCH_SUBSAMPLE_SIZE, searchCandidates, subsample } from './search';
import { searchBounds } from './search-region';
import { standardize, toInternalLogTheta } from './standardize';
import type { Dataset, KernelName, LogTheta } from './types';

/** A maximum already found: log θ (data units) and log p(y | X, θ) (data units). */
export interface KnownMaximum {
  logTheta: LogTheta;
  lml: number;
}

/**
 * True when the search finds a point whose likelihood exceeds every known maximum's by more than
 * `margin` (nats). With no known maxima, true.
 */
export function betterMaximumExists(
  data: Dataset,
  kernel: KernelName,
  known: readonly KnownMaximum[],
  margin = 1e-9,
): boolean {
  if (known.length === 0) return true;
  const { x, y, map } = standardize(data);
  // L in internal units differs from the data's by n·log s_y (standardize.ts).
  const shift = data.x.length * Math.log(map.yScale);
  const best = Math.max(...known.map((maximum) => maximum.lml + shift));
  const knownInternal = known.map((maximum) => toInternalLogTheta(maximum.logTheta, map));
  const coarse = subsample(x, y, SEARCH_SUBSAMPLE_SIZE);
  const objective = createRuleObjective('ml', createLikelihoodWorkspace(kernel, x, y), null);
  const bounds = searchBounds(x, map.internalYRms);
  for (const candidate of searchCandidates(kernel, coarse.x, coarse.y)) {
    const result = polishMaximum(objective, candidate.logTheta, bounds, {
      abandonBelow: best,
      knownMaxima: knownInternal,
    });
    if (result && result.evaluation.value > best + margin) return true;
  }
  return false;
}
