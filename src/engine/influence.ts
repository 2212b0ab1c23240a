/**
 * How much each data point holds θ̂ where it is, two ways side by side (docs/rules.md, "Point
 * influence"): exactly, by refitting without the point (polished from θ̂ and from every other local
 * maximum of the full data, so that a jump of the maximum is caught;
 * `coldCheck` adds a global search per point for maxima the full data do not have), and
 * to first order, by the infinitesimal jackknife dθ̂/dwᵢ = −H⁻¹ ∂g/∂wᵢ at wᵢ = 1 (rules/weights.ts),
 * whose negative estimates the removal. Where they part, the linear picture of influence fails.
 */
import {
  fitHyperparameters,
  fitInternals,
  refitOnBuffersOf,
  localMaxima,
  sameRuleOptions,
  type LocalMaximum,
} from './fit';
import {
  applyNegativeInverseHessian,
  rows3,
  sensitivityInverse,
  undefinedReason,
} from './sensitivity';
import {
  removalObjectiveDerivatives,
  removalStartBasis,
  removalStartFrom,
  type RemovalStartBasis,
} from './removal-start';
import { fitState } from './rules/state';
import { ruleWeightPartials } from './rules/weights';
import { GpInputError, validateDataset } from './validate';
import type { Dataset, FitResult, LogTheta, Rows3 } from './types';

/**
 * What removing a point did to the maximum: `continued` — θ̂ moved within its own basin;
 * `jumped` — without the point another maximum is the best; `untrusted` — the refit has no strict
 * interior maximum (its diagnostics say why; this includes σn falling onto its noise floor); `invalid` — the data without the point cannot be
 * fitted (too few points, all x equal, every y zero).
 */
export type RemovalStatus = 'continued' | 'jumped' | 'untrusted' | 'invalid';

/** One point's influence on log θ̂ = (log ℓ, log σf, log σn). */
export interface PointInfluence {
  index: number;
  /** log θ̂ without the point − log θ̂: the exact change (null when `invalid`). */
  removal: LogTheta | null;
  /** −d log θ̂/dwᵢ: the infinitesimal jackknife's estimate of `removal` (null when undefined). */
  linearRemoval: LogTheta | null;
  /** d log θ̂/dwᵢ at wᵢ = 1. */
  dLogTheta_dw: LogTheta | null;
  status: RemovalStatus;
  /**
   * When the maximum `jumped`: the change to the continuation of θ̂'s own maximum, which is what
   * `linearRemoval` estimates (null when that maximum is gone).
   */
  continuedRemoval: LogTheta | null;
  /** Why the status is not `continued`, in plain words (null when it is). */
  note: string | null;
}

export interface InfluenceResult {
  points: PointInfluence[];
  /** Why every `dLogTheta_dw` is null (the fit's own trust), or null. */
  infinitesimalReason: string | null;
}

export interface InfluenceOptions {
  /**
   * Also fit every reduced dataset from a global search and keep its maximum when it is better:
   * catches a maximum that the warm start cannot see, at the price of a cold fit per point.
   */
  coldCheck?: boolean;
  /** The full data's local maxima (`localMaxima`) when they are at hand, e.g. from an earlier call. */
  maxima?: LocalMaximum[];
  /**
   * Only these points (indices into the data, in this order), so that a caller can spread the
   * refits over several calls; every point when absent.
   */
  indices?: readonly number[];
  /**
   * Shared by successive calls on the same data and fit (`createInfluenceShared`), such as one
   * call per point: the infinitesimal jackknife is then computed once, and every refit reuses the
   * buffers of the one before.
   */
  shared?: InfluenceShared;
}

/** What successive `pointInfluence` calls on the same data and fit share (InfluenceOptions). */
export interface InfluenceShared {
  /** The data and fit the rest belongs to. */
  data: Dataset | null;
  fit: FitResult | null;
  infinitesimal: ReturnType<typeof infinitesimalInfluence> | null;
  /**
   * The full data's factorisation at θ̂ and third derivatives, for the refits' cubic starts: null
   * where there are none, undefined until a point first needs them.
   */
  removalBasis: RemovalStartBasis | null | undefined;
  /** The last refit, whose buffers the next one takes over. */
  lastRefit: FitResult | null;
}

export function createInfluenceShared(): InfluenceShared {
  return { data: null, fit: null, infinitesimal: null, removalBasis: null, lastRefit: null };
}

/** A first-order estimate this close to θ̂ (every log coordinate) starts in θ̂'s own basin. */
const NEAR = 0.02;

/**
 * A cubic step from θ̂ this short (every log coordinate) stays in θ̂'s basin: its local model is
 * exact there to O(|δ|³) (removal-start.ts), where the first-order estimate's error is O(|δ|²).
 */
const CUBIC_REACH = 0.05;

/** Two refits closer than this in every log coordinate found the same maximum. */
const SAME_MAXIMUM = 1e-6;

/** d log θ̂/dwᵢ for every point, or why it is undefined. */
export function infinitesimalInfluence(
  data: Dataset,
  fit: FitResult,
): { defined: true; dLogTheta_dw: Rows3 } | { defined: false; reason: string } {
  const reason = undefinedReason(fit);
  if (reason !== null) return { defined: false, reason };
  const state = fitState(data, fit);
  const partials = ruleWeightPartials(state);
  const dLogTheta_dw = rows3(data.x.length);
  applyNegativeInverseHessian(sensitivityInverse(fit), partials, dLogTheta_dw);
  return { defined: true, dLogTheta_dw };
}

function difference(to: LogTheta, from: LogTheta): LogTheta {
  return to.map((value, i) => value - from[i]!) as LogTheta;
}

function withoutPoint(data: Dataset, index: number): Dataset {
  const keep = (_: number, k: number) => k !== index;
  return validateDataset(Array.from(data.x).filter(keep), Array.from(data.y).filter(keep));
}

/**
 * The exact and the infinitesimal influence of every point on the fit's θ̂, for its rule. Each
 * reduced dataset is polished from θ̂'s neighbourhood and from every other local maximum of the
 * full data (`localMaxima`, found once); basins that cannot come within 3 nats of the best are
 * abandoned after a step. The polish starts at θ̂ + δ where δ is short: the cubic step from the
 * reduced data's exact gradient and Hessian at θ̂, had in O(n) (O(n²) for `loo`) from the full
 * data's factorisation (removal-start.ts); otherwise from the first-order estimate, or θ̂ and that
 * estimate, with the fit's Hessian for the first step. The refits run in
 * one set of buffers, and each polish ends with an unevaluated Newton step where that step's
 * predicted error is below the polish's tolerance (`refitOnBuffersOf`): the same θ̂, one
 * evaluation fewer per point.
 */
export function pointInfluence(
  data: Dataset,
  fit: FitResult,
  options: InfluenceOptions = {},
): InfluenceResult {
  const shared = options.shared ?? createInfluenceShared();
  if (shared.data !== data || shared.fit !== fit) {
    const infinitesimal = infinitesimalInfluence(data, fit);
    Object.assign(shared, {
      data,
      fit,
      infinitesimal,
      // Computed when a point first needs it: on small data no point may be near enough.
      removalBasis: infinitesimal.defined ? undefined : null,
    });
  }
  const infinitesimal = shared.infinitesimal!;
  const others = (options.maxima ?? localMaxima(data, sameRuleOptions(fit))).filter(
    (maximum) => !maximum.logTheta.every((value, i) => Math.abs(value - fit.logTheta[i]!) < 1e-3),
  );
  const points: PointInfluence[] = [];
  const indices = options.indices ?? Array.from(data.x, (_, index) => index);
  for (const index of indices) {
    if (!Number.isInteger(index) || index < 0 || index >= data.x.length) {
      throw new RangeError(`point index ${index} is not in 0 … ${data.x.length - 1}`);
    }
    const dLogTheta_dw = infinitesimal.defined
      ? ([0, 1, 2].map((i) => infinitesimal.dLogTheta_dw[i as 0 | 1 | 2][index]!) as LogTheta)
      : null;
    const linearRemoval = dLogTheta_dw && (dLogTheta_dw.map((value) => -value) as LogTheta);
    const base = { index, linearRemoval, dLogTheta_dw, continuedRemoval: null };
    let reduced: Dataset;
    try {
      reduced = withoutPoint(data, index);
    } catch (error) {
      if (!(error instanceof GpInputError)) throw error;
      points.push({
        ...base,
        removal: null,
        status: 'invalid',
        note: `without this point ${error.message}`,
      });
      continue;
    }
    // The continuation is the maximum whose basin holds θ̂. A short cubic step starts in
    // that basin; so does a first-order estimate within NEAR of θ̂. An influential point's
    // estimate can overshoot into another basin, so there θ̂ itself starts first.
    const estimate =
      linearRemoval && (fit.logTheta.map((value, i) => value + linearRemoval[i]!) as LogTheta);
    const near = linearRemoval !== null && Math.max(...linearRemoval.map(Math.abs)) <= NEAR;
    const atFit = linearRemoval && reducedDerivativesAtFit(shared, fit, reduced, index);
    const cubic = atFit && removalStartFrom(atFit, shared.removalBasis!, fit, CUBIC_REACH);
    // Without a cubic start the first steps borrow a Hessian: the reduced data's own at θ̂ where
    // the basis gives it, else the fit's.
    const borrowed = (!cubic && atFit && atFit.hessian) || fit.hessianLogTheta;
    const continuationStarts = cubic
      ? [cubic]
      : near
        ? [{ logTheta: estimate!, hessianLogTheta: borrowed }]
        : (estimate ? [fit.logTheta, estimate] : [fit.logTheta]).map((logTheta) => ({
            logTheta,
            hessianLogTheta: borrowed,
          }));
    let refit = refitOnBuffersOf(
      reduced,
      {
        ...sameRuleOptions(fit),
        starts: [
          ...continuationStarts,
          ...others.map(({ logTheta, hessianLogTheta }) => ({ logTheta, hessianLogTheta })),
        ],
      },
      // Every reduced dataset has n − 1 points: each refit works in the buffers of the one before.
      shared.lastRefit,
      // Only θ̂ and the diagnostics of a refit are read: its Hessian may be a step older.
      { chordFinish: true },
    );
    shared.lastRefit = refit;
    // The continuation of θ̂'s own maximum won unless another start's polish did.
    let jumped = fitInternals(refit)?.startIndex !== 0;
    let continued = jumped ? continuationOf(refit, fit.logTheta) : refit.logTheta;
    if (options.coldCheck) {
      const cold = fitHyperparameters(reduced, sameRuleOptions(fit));
      const same = cold.logTheta.every(
        (value, i) => Math.abs(value - refit.logTheta[i]!) < SAME_MAXIMUM,
      );
      if (!same && cold.objective > refit.objective) {
        continued ??= refit.logTheta;
        refit = cold;
        jumped = true;
      }
    }
    const removal = difference(refit.logTheta, fit.logTheta);
    // A refit held on the noise floor when θ̂ is not has no strict interior maximum either: σn
    // fell onto a bound, a move no first-order estimate follows (docs/numerics.md).
    const fellOnFloor =
      refit.diagnostics.constrained !== null && fit.diagnostics.constrained === null;
    if (refit.diagnostics.trust === 'untrusted' || fellOnFloor) {
      points.push({
        ...base,
        removal,
        status: 'untrusted',
        note: `without this point ${refit.diagnostics.reasons.join('; ')}`,
      });
    } else if (jumped) {
      points.push({
        ...base,
        removal,
        status: 'jumped',
        continuedRemoval: continued && difference(continued, fit.logTheta),
        note: 'without this point another maximum is the best: θ̂ jumps rather than moves',
      });
    } else {
      points.push({ ...base, removal, status: 'continued', note: null });
    }
  }
  return { points, infinitesimalReason: infinitesimal.defined ? null : infinitesimal.reason };
}

/**
 * The continuation of θ̂'s maximum in a refit where another maximum won: the refit's runner-up
 * when it is nearer the continuation's start than θ̂ is (null when that basin was abandoned).
 */
function continuationOf(refit: FitResult, start: LogTheta): LogTheta | null {
  const runnerUp = refit.diagnostics.runnerUp;
  if (!runnerUp) return null;
  const { lengthscale, signalStd, noiseStd } = runnerUp.theta;
  const candidate: LogTheta = [Math.log(lengthscale), Math.log(signalStd), Math.log(noiseStd)];
  const distance = (point: LogTheta) =>
    Math.max(...point.map((value, i) => Math.abs(value - start[i]!)));
  return distance(candidate) < distance(refit.logTheta) ? candidate : null;
}

/**
 * The exact gradient and Hessian at θ̂ of the data without point `index`, from the full data's
 * factorisation (removal-start.ts), or null where there is no basis for them.
 */
function reducedDerivativesAtFit(
  shared: InfluenceShared,
  fit: FitResult,
  reduced: Dataset,
  index: number,
) {
  if (shared.removalBasis === undefined) shared.removalBasis = removalStartBasis(shared.data!, fit);
  const basis = shared.removalBasis;
  return basis && removalObjectiveDerivatives(basis, fit, reduced, index);
}
