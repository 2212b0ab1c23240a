/**
 * θ̂ = argmax of the selection rule's objective (rules/objective.ts; L(θ) for the default `ml`): a
 * global search on the profile likelihood (search.ts), then Newton polish with the exact Hessian
 * (newton.ts) from each promising basin; or, for a small change of the data, a warm Newton polish
 * from the previous θ̂ alone. Runs in standardised units (standardize.ts), in the search box of
 * search-region.ts with its noise floor; maxima are classified on the box's faces (optimum.ts) and
 * the rounding left in θ̂'s curvature is measured (roundoff.ts; docs/numerics.md).
 *
 * The other rules reuse the likelihood's search: their polish starts from every likelihood
 * maximum and every grid candidate, and for `loo` also from its own grid's maxima
 * (rules/loo-search.ts; docs/rules.md, "Search").
 */
import { checkFitOptions, rememberFittedData } from './check-arguments';
import { diagnose } from './diagnostics';
import { polishToRoundingLimit } from './final-polish';
import { hyperparametersFromLog } from './predict';
import { createLikelihoodWorkspace, type LikelihoodWorkspace } from './likelihood';
import { polishMaximum, type PolishResult } from './newton';
import { boundaryFlags, maximumKind } from './optimum';
import {
  bestAndRunnerUp,
  distinctOptima,
  polishAll,
  searchStarts,
  type IndexedPolish,
} from './polish-search';
import { covarianceConditionOf, relativeSolveError } from './roundoff';
import { measureHessianRoundoff, mixedPartialDifference } from './roundoff-check';
import { ruleMixedPartials } from './rule-partials';
import type { MixedPartials } from './rules/ml-partials';
import { looSearchBounds } from './rules/loo-search';
import { createRuleObjective, type RuleObjective } from './rules/objective';
import { internalPrior, resolvePrior, type PriorOptions } from './rules/prior';
import { searchBounds, type SearchBox } from './search-region';
import {
  standardize,
  toDataLogTheta,
  toInternalLogTheta,
  type Standardization,
} from './standardize';
import type { Dataset, FitResult, KernelName, LogTheta, Matrix3, SelectionRule } from './types';
import { checkDataset } from './validate';

export interface FitOptions {
  kernel?: KernelName;
  /** The selection rule (docs/rules.md): `ml` (the default), `map` or `loo`. */
  rule?: SelectionRule;
  /**
   * The `map` rule's priors; what is left out takes the default (DEFAULT_PRIOR). Ignored by the
   * other rules.
   */
  prior?: PriorOptions;
  /**
   * Start the polish here (data units) instead of searching globally. Used while a point is dragged:
   * the previous θ̂ is a few Newton steps from the new one. Falls back to the global search when the
   * warm polish fails or ends on a boundary. `runnerUpLogTheta` is polished too, if given.
   */
  warmStart?: {
    logTheta: LogTheta;
    runnerUpLogTheta?: LogTheta | null;
    /**
     * The Hessian of the previous fit (its `hessianLogTheta`): the first Newton step takes it
     * instead of evaluating one, which saves most of an evaluation when the data moved little.
     */
    hessianLogTheta?: Matrix3 | null;
    /**
     * Keep the local polish's answer even when it ends on the edge of the search region (its
     * diagnostics then say so) instead of falling back to the global search: for many refits of
     * slightly different data, such as removing each point in turn (influence.ts).
     */
    localOnly?: boolean;
  };
  /**
   * Polish from each of these (data units; a nearby Hessian speeds up the first step) instead of
   * searching, and keep the best maximum; basins that can neither win nor be the runner-up are
   * abandoned early (polish-search.ts). For refits of data that differ a little from data already searched,
   * such as removing each point in turn (influence.ts). Ignored when `warmStart` is given.
   */
  starts?: {
    logTheta: LogTheta;
    hessianLogTheta?: Matrix3 | null;
    /**
     * The objective's exact gradient and Hessian at a nearby point (data units) from which
     * `logTheta` was predicted: the polish's finishing test counts it as the previous point.
     */
    origin?: {
      logTheta: LogTheta;
      gradient: LogTheta;
      hessian: Matrix3;
      /** The third derivatives there of nearby data (newton-finish.ts, PolishOrigin). */
      third?: [Matrix3, Matrix3, Matrix3];
    } | null;
  }[];
}

/** Internal state of a fit, kept for the sensitivities (not part of the serialisable result). */
export interface FitInternals {
  workspace: LikelihoodWorkspace;
  map: Standardization;
  internalLogTheta: LogTheta;
  /** The rule's objective over `workspace`, whose buffers describe θ̂ after the fit. */
  objective: RuleObjective;
  /**
   * Where the best maximum came from: the warm polish from `warmStart.logTheta`, the one from
   * `warmStart.runnerUpLogTheta`, the polish from one of `starts`, or the global search.
   */
  origin: 'warm' | 'warm-runner-up' | 'starts' | 'search';
  /** With `starts`: the index of the start whose polish gave θ̂. */
  startIndex: number | null;
  /**
   * ∂g/∂y and ∂g/∂x at θ̂ where the fit computed them (to sample their rounding where K is nearly
   * singular, roundoff-check.ts), for the sensitivities to reuse; null or absent otherwise.
   */
  mixedPartials?: MixedPartials | null;
}

const internals = new WeakMap<FitResult, FitInternals>();

/** The internal state a fit left behind, if this FitResult object came from `fitHyperparameters`. */
export function fitInternals(fit: FitResult): FitInternals | undefined {
  return internals.get(fit);
}

/** The options that refit another dataset the way `fit` was fitted: its kernel, rule and prior. */
export function sameRuleOptions(fit: FitResult): FitOptions {
  return { kernel: fit.kernel, rule: fit.rule, ...(fit.prior ? { prior: fit.prior } : {}) };
}

/**
 * A measured rounding difference is one sample of the error: the error is taken as this many
 * times it (as the Hessian's eigenvalues must clear three times their measured shift).
 */
const SAMPLE_MARGIN = 3;

/** The search box of `rule` for inputs x (internal units; `yRms` the RMS of y there). */
function ruleSearchBounds(rule: SelectionRule, x: Float64Array, yRms: number): SearchBox {
  return rule === 'loo' ? looSearchBounds(x, yRms) : searchBounds(x, yRms);
}

/**
 * Fits θ̂ by the selection rule (maximum marginal likelihood by default). `data` must come from
 * `validateDataset`. Throws GpInputError for bad data or options (an unknown kernel or rule, a
 * malformed warm start); otherwise only for internal failures (and RangeError for a bad prior);
 * degenerate optima are reported in `diagnostics`.
 */
export function fitHyperparameters(data: Dataset, options: FitOptions = {}): FitResult {
  return fitWith(data, options, null, { finishWithStep: false, finishWithChord: false });
}

/**
 * `fitHyperparameters` for one of many refits of nearly equal, same-sized data, such as removing
 * each point in turn (influence.ts). It computes in the buffers of `donor`, an earlier fit whose
 * internal state is no longer wanted (it is dropped: `fitInternals(donor)` is undefined
 * afterwards), so that no n×n buffer is allocated after the first refit; and each polish ends
 * with an unevaluated Newton step where its error is negligible (newton.ts, `finishWithStep`), so
 * that θ̂ is exact as ever but the result's Hessian, value and gradient are those of the quadratic
 * model from the evaluation one step before (less than 1e-4 away in every log coordinate). With
 * `chordFinish` a polish whose last Newton step would not finish may take one more step from a
 * first-order evaluation with that step's Hessian (newton.ts, `finishWithChord`): the result's
 * Hessian is then from two steps before (still less than 1e-4 away), which serves θ̂ and its
 * diagnostics but not sensitivities as exact as a fresh fit's.
 */
export function refitOnBuffersOf(
  data: Dataset,
  options: FitOptions,
  donor: FitResult | null,
  { chordFinish = false }: { chordFinish?: boolean } = {},
): FitResult {
  return fitWith(data, options, donor, { finishWithStep: true, finishWithChord: chordFinish });
}

/** How a polish may end without evaluating at its last point (newton.ts, PolishOptions). */
interface Finish {
  finishWithStep: boolean;
  finishWithChord: boolean;
}

function fitWith(
  data: Dataset,
  options: FitOptions,
  donor: FitResult | null,
  finish: Finish,
): FitResult {
  const { finishWithStep } = finish;
  checkDataset(data);
  const { kernel, rule, warmStart: warm } = checkFitOptions(options);
  const prior = rule === 'map' ? resolvePrior(options.prior) : null;
  const { x, y, map } = standardize(data);
  const recycled = donor ? internals.get(donor) : undefined;
  if (donor) internals.delete(donor);
  const workspace = createLikelihoodWorkspace(kernel, x, y, undefined, recycled?.workspace);
  const objective = createRuleObjective(
    rule,
    workspace,
    prior && internalPrior(prior, map),
    recycled?.objective.loo,
  );
  // A removal refit's polish needs Hessians but no sensitivities (fitState evaluates those).
  if (finishWithStep) objective.secondOrder = 'hessian';
  const bounds = ruleSearchBounds(rule, x, map.internalYRms);
  const polished: PolishResult[] = [];
  let runnerUpPolish: PolishResult | null = null;

  if (warm) {
    const main = polishMaximum(objective, toInternalLogTheta(warm.logTheta, map), bounds, {
      startHessian: warm.hessianLogTheta ?? null,
    });
    // A warm polish stands when it ends at a strict maximum, interior or on the noise floor; at
    // any other edge the data changed enough for a global search (unless `localOnly`).
    const kind = main && maximumKind(main);
    const stands = kind !== null && kind.strict && (kind.held.length === 0 || kind.onNoiseFloor);
    if (main && (stands || warm.localOnly)) {
      polished.push(main);
      if (warm.runnerUpLogTheta) {
        runnerUpPolish = polishMaximum(
          objective,
          toInternalLogTheta(warm.runnerUpLogTheta, map),
          bounds,
        );
        if (runnerUpPolish) polished.push(runnerUpPolish);
      }
    }
  }
  let origin: FitInternals['origin'] = 'warm';
  let startIndex: number | null = null;
  if (polished.length === 0 && options.starts && !warm) {
    const starts = options.starts.map((start) => toInternalLogTheta(start.logTheta, map));
    const hessians = options.starts.map((start) => start.hessianLogTheta);
    const origins = options.starts.map(
      ({ origin }) =>
        origin && { ...origin, logTheta: toInternalLogTheta(origin.logTheta, map), value: NaN },
    );
    polished.push(
      ...polishAll(objective, starts, bounds, {
        startHessians: hessians,
        startOrigins: origins,
        ...finish,
      }),
    );
    origin = 'starts';
  } else if (polished.length === 0) {
    const starts = searchStarts(kernel, x, y, objective, bounds, map.internalYRms);
    polished.push(...polishAll(objective, starts, bounds));
    origin = 'search';
  }
  const { best, runnerUp: second } = bestAndRunnerUp(polished);
  // Unreachable for validated data: the noise floor keeps K factorisable everywhere in the box.
  if (!best) throw new Error('no positive-definite covariance anywhere in the search region');
  // Where K is nearly singular the polish stops at a bound on the gradient's rounding: take the
  // Newton steps float64 still resolves (final-polish.ts).
  const final = polishToRoundingLimit(objective, best);

  const bestInternal = final.evaluation.logTheta;
  const kind = maximumKind(final);
  // Where K is nearly singular, measure how much rounding is left in the curvature (one more
  // evaluation, just beside θ̂) before the buffers are set to describe θ̂ itself.
  const covarianceCondition = covarianceConditionOf(final.evaluation.roundoff);
  const hessianOnlyPolish = objective.secondOrder === 'hessian';
  objective.secondOrder = 'full';
  // … and in the mixed partials ∂g/∂(data), sampled the same way (roundoff-check.ts).
  let partialsBeside: MixedPartials | null = null;
  const hessianDifference = measureHessianRoundoff(objective, final.evaluation, (beside) => {
    partialsBeside = ruleMixedPartials({ workspace, objective, internalLogTheta: beside });
  });
  // The buffers must describe θ̂ for the sensitivities; another polish may have run last.
  const evaluated = rule === 'loo' ? objective.loo! : workspace;
  const evaluatedAtBest =
    evaluated.evaluatedLogTheta !== null &&
    evaluated.evaluatedLogTheta.every((value, i) => value === bestInternal[i]);
  // A Hessian-only evaluation at θ̂ serves the result unless the mixed partials are sampled here;
  // fitState evaluates the full buffers when they are wanted.
  const sameState =
    evaluatedAtBest &&
    (evaluated.evaluatedOrder === 2 ||
      (hessianOnlyPolish &&
        partialsBeside === null &&
        final.evaluation.hessian !== null &&
        final.evaluation.logTheta.every((value, i) => value === bestInternal[i])));
  // … except where the polish finished with an unevaluated step: its model stands for θ̂, and
  // fitState (rules/state.ts) evaluates the buffers there when they are wanted.
  const evaluation =
    sameState || final.finishedWithStep ? final.evaluation : objective.evaluate(bestInternal, 2);
  const partialsAt = partialsBeside
    ? ruleMixedPartials({ workspace, objective, internalLogTheta: bestInternal })
    : null;
  const partialsSample =
    partialsAt && partialsBeside ? mixedPartialDifference(partialsAt, partialsBeside) : 0;

  // Every objective is a log density of y (or of log θ, which the change of units leaves alone).
  const logYScale = Math.log(map.yScale);
  const toDataValue = (internalValue: number) => internalValue - data.x.length * logYScale;
  const logTheta = toDataLogTheta(bestInternal, map);
  const value = toDataValue(evaluation.value);
  const result: FitResult = {
    kernel,
    rule,
    prior,
    n: data.x.length,
    theta: hyperparametersFromLog(logTheta),
    logTheta,
    lml: toDataValue(objective.lastLikelihood),
    objective: value,
    gradLogTheta: evaluation.gradient!,
    hessianLogTheta: evaluation.hessian!,
    newtonSteps: polished.reduce((sum, run) => sum + run.steps, 0) + final.steps - best.steps,
    diagnostics: diagnose({
      hessian: evaluation.hessian!,
      kind,
      boundary: boundaryFlags(final, kind, x, bounds),
      converged: final.converged,
      lml: value,
      noiseToSignal: Math.exp(bestInternal[2] - bestInternal[1]),
      roundoff: {
        covarianceCondition,
        hessianDifference,
        mixedPartialError: Math.max(
          relativeSolveError(covarianceCondition),
          SAMPLE_MARGIN * partialsSample,
        ),
      },
      runnerUp: second
        ? {
            theta: hyperparametersFromLog(toDataLogTheta(second.evaluation.logTheta, map)),
            lml: toDataValue(second.evaluation.value),
          }
        : null,
      rule,
    }),
  };
  if (origin === 'warm' && best === runnerUpPolish) origin = 'warm-runner-up';
  if (origin === 'starts') startIndex = (best as IndexedPolish).startIndex;
  internals.set(result, {
    workspace,
    map,
    internalLogTheta: bestInternal,
    objective,
    origin,
    startIndex,
    // Kept only where the buffers they were computed from described θ̂ itself.
    mixedPartials: final.finishedWithStep ? null : partialsAt,
  });
  rememberFittedData(result, data);
  return result;
}

/** A local maximum of a rule's objective, in the data's units. */
export interface LocalMaximum {
  logTheta: LogTheta;
  /** The rule's objective there (data units, as FitResult.objective). */
  objective: number;
  hessianLogTheta: Matrix3;
}

/**
 * Every distinct local maximum the global search of `fitHyperparameters` reaches, best first,
 * without abandoning the poor ones: the basins a small change of the data could make the best
 * (influence.ts).
 */
export function localMaxima(data: Dataset, options: FitOptions = {}): LocalMaximum[] {
  const kernel = options.kernel ?? 'rbf';
  const rule = options.rule ?? 'ml';
  const prior = rule === 'map' ? resolvePrior(options.prior) : null;
  const { x, y, map } = standardize(data);
  const workspace = createLikelihoodWorkspace(kernel, x, y);
  const objective = createRuleObjective(rule, workspace, prior && internalPrior(prior, map));
  objective.secondOrder = 'hessian';
  const bounds = ruleSearchBounds(rule, x, map.internalYRms);
  const starts = searchStarts(kernel, x, y, objective, bounds, map.internalYRms);
  const logYScale = Math.log(map.yScale);
  const all = polishAll(objective, starts, bounds, { abandonGap: Infinity });
  return distinctOptima(all).map((result) => ({
    logTheta: toDataLogTheta(result.evaluation.logTheta, map),
    objective: result.evaluation.value - data.x.length * logYScale,
    hessianLogTheta: result.evaluation.hessian!,
  }));
}
