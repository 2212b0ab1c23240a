/**
 * Local maximisation of an objective — the log marginal likelihood L, or another selection rule's
 * (objective.ts) — by Newton's method with the exact Hessian (Nocedal & Wright 2006, §3.4:
 * modified Newton with eigenvalue modification, backtracking line search, step cap), in the search
 * coordinates φ = (log ℓ, log σf, log(σn/σf)) of search-region.ts and inside their box: a
 * coordinate on a face of the box with the gradient pushing outwards is held there (projected
 * Newton), so a maximum on a face is a Karush–Kuhn–Tucker point of the box.
 *
 * Converged when the step is what rounding error alone would cause: |sᵢ| ≤ max(1e-9, Σⱼ|Mᵢⱼ|δgⱼ)
 * for every coordinate, with M the (modified) inverse Hessian and δg the estimated rounding error
 * of the gradient (roundoff.ts). On well-conditioned data δg is ~1e-13 and the 1e-9 step rules;
 * on nearly noise-free data (κ(K) ~ 1e10) δg is what stops it. Steps in the quadratic regime
 * (below 1e-4) that fail to converge are rounding error too: after STALLED_STEPS of them the polish
 * stops, so it never spends more than a few evaluations polishing noise. "L" below stands for
 * whichever objective is climbed; an objective without a rounding estimate (none today: the
 * likelihood, `map` and `loo` all carry one) is polished to the 1e-9 step alone.
 */
import type { Objective, ObjectiveEvaluation } from './objective';
import { fromSearchCoordinates, toSearchCoordinates, type SearchBox } from './search-region';
import { evaluatePoint, safeEvaluate, toSearchPoint, type SearchPoint } from './search-point';
import {
  chordError,
  dot3,
  FINISHING_ERROR,
  finishingError,
  modelAt,
  type PolishOrigin,
} from './newton-finish';
import { symmetricEigen3, zeroMatrix3 } from './small3';
import type { LogTheta, Matrix3 } from './types';

export interface PolishResult {
  /** Order-2 evaluation at the returned point (log θ). */
  evaluation: ObjectiveEvaluation;
  steps: number;
  converged: boolean;
  /**
   * Per search coordinate φ (log ℓ, log σf, log σn/σf): −1 held on the lower face, +1 on the
   * upper face, 0 free.
   */
  activeBounds: [number, number, number];
  /**
   * The polish ended with an unevaluated Newton step (PolishOptions.finishWithStep): `evaluation`
   * is the quadratic model at the stepped point, from the evaluation one step before.
   */
  finishedWithStep?: boolean;
}

const STEP_TOLERANCE = 1e-9;
const MAX_ITERATIONS = 60;
const MAX_STEP = 1.5;
const MIN_CURVATURE = 1e-6;
/** Steps below this are in Newton's quadratic regime: two or three more converge. */
const QUADRATIC_REGIME = 1e-4;
/** Steps in the quadratic regime after which a polish that has not converged is stopped. */
const STALLED_STEPS = 4;
/**
 * Steps where L is not concave after which the polish stops where it is: it is climbing a ridge or
 * plateau towards a face of the box (σf fading on pure noise, ℓ growing on a straight line), an
 * optimum without a strict maximum whose supremum it has nearly reached.
 */
const NON_CONCAVE_STEPS = 12;
/** Full steps at least this long and this well aligned with the last one are extrapolated. */
const EXTRAPOLATE_ABOVE = 0.1;
const EXTRAPOLATE_COSINE = 0.95;
/** Distance in every log coordinate within which an iterate is taken to be in a known basin. */
const KNOWN_MAXIMUM_RADIUS = 0.02;
/** … or within this distance, with a step that leaves less than CONTRACTION of it to go. */
const CONTRACTION_RADIUS = 1.5;
const CONTRACTION = 0.25;

function clampToBounds(phi: LogTheta, bounds: SearchBox): LogTheta {
  return phi.map((value, i) =>
    Math.min(bounds.upper[i]!, Math.max(bounds.lower[i]!, value)),
  ) as LogTheta;
}

/**
 * An ascent direction from the gradient g and Hessian H: −H⁻¹g when H is negative definite,
 * otherwise with each eigenvalue λ replaced by −|λ| so the step still climbs; and the (modified)
 * inverse M it used, for the rounding error of the step. Along each eigenvector the step is at
 * most MAX_STEP, so where L is nearly flat but still rising (σf fading to nothing on pure noise)
 * the polish strides instead of creeping; a component of g within its rounding error is no
 * direction at all and takes no step. Coordinates held on an active bound are frozen.
 */
function ascentStep(
  point: SearchPoint,
  frozen: boolean[],
): { step: LogTheta; inverse: Matrix3; concave: boolean } {
  const hessian = point.hessian.map((row) => [...row]) as Matrix3;
  const g = point.gradient.map((value, i) => (frozen[i] ? 0 : value)) as LogTheta;
  for (let i = 0; i < 3; i++) {
    if (!frozen[i]) continue;
    for (let j = 0; j < 3; j++) {
      hessian[i]![j as 0 | 1 | 2] = i === j ? -1 : 0;
      hessian[j]![i as 0 | 1 | 2] = i === j ? -1 : 0;
    }
  }
  const { values, vectors } = symmetricEigen3(hessian);
  const scale = Math.max(...values.map(Math.abs), 1);
  const step: LogTheta = [0, 0, 0];
  const inverse = zeroMatrix3();
  for (let k = 0; k < 3; k++) {
    const vector = vectors[k]!;
    const slope = vector[0] * g[0] + vector[1] * g[1] + vector[2] * g[2];
    const slopeRoundoff = vector.reduce(
      (sum, weight, i) => sum + (frozen[i] ? 0 : Math.abs(weight) * point.gradientRoundoff[i]!),
      0,
    );
    const flat = Math.abs(values[k]!) < MIN_CURVATURE * scale;
    const curvature = Math.max(Math.abs(values[k]!), Number.MIN_VALUE);
    let coefficient = slope / curvature;
    if (flat && Math.abs(slope) <= slopeRoundoff) coefficient = 0;
    coefficient = Math.max(-MAX_STEP, Math.min(MAX_STEP, coefficient));
    for (let i = 0; i < 3; i++) {
      step[i as 0 | 1 | 2] += coefficient * vector[i as 0 | 1 | 2];
      if (frozen[i] || flat) continue;
      for (let j = 0; j < 3; j++) {
        if (frozen[j]) continue;
        inverse[i]![j as 0 | 1 | 2] += (vector[i]! * vector[j]!) / curvature;
      }
    }
  }
  const largest = Math.max(...step.map(Math.abs));
  if (largest > MAX_STEP) for (let i = 0; i < 3; i++) step[i as 0 | 1 | 2] *= MAX_STEP / largest;
  const concave = values.every((value) => value < -MIN_CURVATURE * scale);
  return { step, inverse, concave };
}

/** The largest difference of two points in any coordinate. */
function maxDistance(a: LogTheta, b: LogTheta): number {
  return Math.max(...a.map((value, i) => Math.abs(value - b[i]!)));
}

/** The t ≥ 0 at which φ + t·step first meets a face of the box (Infinity if never). */
function rayToFace(phi: LogTheta, step: LogTheta, bounds: SearchBox): number {
  let reach = Infinity;
  for (let i = 0; i < 3; i++) {
    const direction = step[i]!;
    if (direction > 0) reach = Math.min(reach, (bounds.upper[i]! - phi[i]!) / direction);
    if (direction < 0) reach = Math.min(reach, (bounds.lower[i]! - phi[i]!) / direction);
  }
  return reach;
}

/**
 * The point at φ evaluated to first order, carrying `hessian` (log θ) of the point a step before
 * as its own: the start of a chord step (null where K is singular).
 */
function chordPoint(objective: Objective, phi: LogTheta, hessian: Matrix3): SearchPoint | null {
  const evaluation = safeEvaluate(objective, phi, 1);
  return evaluation && toSearchPoint({ ...evaluation, hessian }, hessian);
}

/** Σⱼ |Mᵢⱼ| δgⱼ: the step that the gradient's rounding error alone could cause. */
function roundoffStep(inverse: Matrix3, gradientRoundoff: LogTheta): LogTheta {
  return inverse.map((row) =>
    row.reduce((sum, value, j) => sum + Math.abs(value) * gradientRoundoff[j]!, 0),
  ) as LogTheta;
}

export interface PolishOptions {
  /**
   * Give up (return null) once the local quadratic model shows this maximum cannot come within
   * reach of it (L + 2·predicted gain < abandonBelow): a basin that can neither win nor place.
   */
  abandonBelow?: number;
  /**
   * Maxima already found (log θ): give up when the iterate comes within KNOWN_MAXIMUM_RADIUS of
   * one, or contracts onto it.
   */
  knownMaxima?: readonly LogTheta[];
  /**
   * The Hessian (log θ) of a nearby maximum, such as the previous θ̂ before the data moved a
   * little: the first step is taken with it (a chord step) and the start is evaluated only to
   * first order. Every later point, and whatever point is returned, has its own exact Hessian.
   */
  startHessian?: Matrix3 | null;
  /**
   * Converged once every step component is below this (or rounding error); 1e-9 by default. A
   * start for a polish on more data needs far less.
   */
  stepTolerance?: number;
  /**
   * End with an unevaluated Newton step once the iteration is quadratic and that step's predicted
   * error is below the step tolerance (FINISHING_ERROR): the result is then the stepped point, with
   * the last evaluation's Hessian and the quadratic model's value and gradient (`finishedWithStep`).
   * Saves the evaluation that would only confirm convergence, for many refits of nearly equal data
   * (influence.ts).
   */
  finishWithStep?: boolean;
  /**
   * With `finishWithStep`, where the Newton step's predicted error e is too large to finish but
   * a chord step after it would leave about e²/|s| (chordError, newton-finish.ts) below the step
   * tolerance: evaluate the stepped point to first order only and finish with a chord step, on the
   * Hessian of the point before. The result then carries that Hessian (two steps back, both in the
   * quadratic regime) and a first-order evaluation's value and gradient, modelled.
   */
  finishWithChord?: boolean;
  /** An exact order-2 evaluation `start` was predicted from: the finish's previous point. */
  origin?: PolishOrigin | null;
}

/**
 * Newton-polishes `objective` — the likelihood's or a rule's — from `start` (internal log θ) inside `bounds` (a box on φ). Returns null if K is
 * singular at the start, or when abandoned (see PolishOptions).
 */
export function polishMaximum(
  objective: Objective,
  start: LogTheta,
  bounds: SearchBox,
  options: PolishOptions = {},
): PolishResult | null {
  const abandonBelow = options.abandonBelow ?? -Infinity;
  const knownMaxima = options.knownMaxima ?? [];
  const startHessian = options.startHessian ?? null;
  const stepTolerance = options.stepTolerance ?? STEP_TOLERANCE;
  const startPhi = clampToBounds(toSearchCoordinates(start), bounds);
  // A start already next to a maximum found is abandoned below at its first evaluation: spare it.
  const startLogTheta = fromSearchCoordinates(startPhi);
  if (knownMaxima.some((known) => maxDistance(known, startLogTheta) < KNOWN_MAXIMUM_RADIUS)) {
    return null;
  }
  let current: SearchPoint | null;
  if (startHessian) {
    const evaluation = safeEvaluate(objective, startPhi, 1);
    current = evaluation && toSearchPoint(evaluation, startHessian);
  } else {
    current = evaluatePoint(objective, startPhi);
  }
  if (!current) return null;
  let hessianIsExact = !startHessian;
  // The Newton step (φ) that led to the current point when its Hessian is the previous point's.
  let chordFrom: LogTheta | null = null;
  let steps = 0;
  let quadraticSteps = 0;
  let nonConcaveSteps = 0;
  let previousStep: LogTheta | null = null;
  // The last point whose Hessian was its own (for thirdDerivativeConstant).
  const origin = options.origin;
  let previous = origin ? toSearchPoint(origin, origin.hessian!) : null;
  let previousLength = Math.max(
    ...(previous?.phi.map((v, i) => Math.abs(v - startPhi[i]!)) ?? [Infinity]),
  );
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const point: SearchPoint = current;
    const atBound = point.phi.map((value, i) =>
      value <= bounds.lower[i]! ? -1 : value >= bounds.upper[i]! ? 1 : 0,
    ) as [number, number, number];
    const frozen = atBound.map(
      (side, i) =>
        (side === -1 && point.gradient[i]! < 0) || (side === 1 && point.gradient[i]! > 0),
    );
    const held = atBound.map((side, i) => (frozen[i] ? side : 0)) as [number, number, number];
    const { step, inverse, concave } = ascentStep(point, frozen);
    const predictedGain = 0.5 * step.reduce((sum, value, i) => sum + value * point.gradient[i]!, 0);
    if (point.evaluation.value + 2 * predictedGain < abandonBelow) return null;
    // In a known basin when here, or where this step leads, is next to a maximum already found —
    // or when the step closes most of the way to one: Newton's iteration is contracting onto it.
    const position = point.evaluation.logTheta;
    const target = fromSearchCoordinates(point.phi.map((v, i) => v + step[i]!) as LogTheta);
    const inKnownBasin = knownMaxima.some((known) => {
      const here = maxDistance(known, position);
      const there = maxDistance(known, target);
      return (
        here < KNOWN_MAXIMUM_RADIUS ||
        there < KNOWN_MAXIMUM_RADIUS ||
        (here < CONTRACTION_RADIUS && there < CONTRACTION * here)
      );
    });
    if (inKnownBasin) return null;
    const noise = roundoffStep(inverse, point.gradientRoundoff);
    const largestStep = Math.max(...step.map(Math.abs));
    // Rounding error ends the polish only at a maximum: where L curves upwards the ascent step is
    // still worth taking, whatever the gradient's precision.
    // The first step is always taken: a refit after a small change of the data starts where the
    // gradient was rounding error, and must still respond to the change.
    const withinRoundoff =
      largestStep < stepTolerance ||
      (concave &&
        steps > 0 &&
        step.every((value, i) => Math.abs(value) <= Math.max(stepTolerance, noise[i]!)));
    if (largestStep < QUADRATIC_REGIME) quadraticSteps++;
    if (!concave && ++nonConcaveSteps > NON_CONCAVE_STEPS && hessianIsExact) {
      return { evaluation: point.evaluation, steps, converged: false, activeBounds: held };
    }
    const stopping = withinRoundoff || quadraticSteps > STALLED_STEPS;
    if (stopping && hessianIsExact) {
      return { evaluation: point.evaluation, steps, converged: true, activeBounds: held };
    }
    // Set when this step's end is evaluated to first order only, for a chord step from there.
    let chordNext = false;
    if (
      options.finishWithStep &&
      (hessianIsExact || chordFrom) &&
      concave &&
      held.every((side) => side === 0)
    ) {
      const predictedError: number = chordFrom
        ? chordError(point, step, chordFrom, origin)
        : finishingError(point, step, inverse, previous, previousLength, origin);
      const targetPhi = point.phi.map((value, i) => value + step[i]!) as LogTheta;
      const inside = targetPhi.every((value, i) => value === clampToBounds(targetPhi, bounds)[i]);
      const finishTolerance = FINISHING_ERROR * stepTolerance;
      if (largestStep < QUADRATIC_REGIME && predictedError < finishTolerance && inside) {
        return {
          evaluation: modelAt(point, target),
          steps: steps + 1,
          converged: true,
          activeBounds: held,
          finishedWithStep: true,
        };
      }
      // A chord step from the stepped point would leave about e²/|s| (chordError): where that
      // finishes, its point needs no Hessian of its own.
      chordNext =
        options.finishWithChord === true &&
        !stopping &&
        hessianIsExact &&
        largestStep < QUADRATIC_REGIME &&
        inside &&
        predictedError ** 2 / largestStep < finishTolerance;
    }
    if (stopping) {
      // Converged on a borrowed Hessian that no chord finish covers: evaluate the real one here
      // and check again.
      current = evaluatePoint(objective, point.phi);
      if (!current) return null;
      hessianIsExact = true;
      chordFrom = null;
      continue;
    }
    // Backtrack until L does not decrease beyond its own rounding error (a singular K is −∞).
    const tolerance = Math.max(
      1e-12 * Math.abs(point.evaluation.value),
      point.evaluation.roundoff?.value ?? 0,
    );
    let scale = 1;
    let accepted: SearchPoint | null = null;
    for (let halving = 0; halving < 40; halving++) {
      const trial = clampToBounds(
        point.phi.map((value, i) => value + scale * step[i]!) as LogTheta,
        bounds,
      );
      // The full step is usually accepted, so it is evaluated to order 2 at once; shorter ones are
      // probed by value first.
      if (halving === 0) {
        const probe = chordNext
          ? chordPoint(objective, trial, point.evaluation.hessian!)
          : evaluatePoint(objective, trial);
        if (probe && probe.evaluation.value >= point.evaluation.value - tolerance) accepted = probe;
      } else {
        const probe = safeEvaluate(objective, trial, 0);
        if (probe && probe.value >= point.evaluation.value - tolerance) {
          accepted = evaluatePoint(objective, trial);
        }
      }
      if (accepted) break;
      scale *= 0.5;
    }
    if (!accepted) {
      // No ascent at working precision. A maximum if the predicted gain is below L's own
      // rounding error; otherwise the model is wrong and the point is not a stationary one.
      const exact = hessianIsExact ? point : evaluatePoint(objective, point.phi);
      if (!exact) return null;
      const converged = predictedGain <= (point.evaluation.roundoff?.value ?? 0);
      return { evaluation: exact.evaluation, steps, converged, activeBounds: held };
    }
    // Two full steps in nearly one direction: L is approaching a limit along a line (σn or σf
    // fading away, where Newton's step stays about ½ however far it goes). Try where the ray meets
    // the box; keep it if L is higher there.
    if (scale === 1 && previousStep && largestStep >= EXTRAPOLATE_ABOVE) {
      const cosine =
        dot3(step, previousStep) / Math.sqrt(dot3(step, step) * dot3(previousStep, previousStep));
      const reach = rayToFace(accepted.phi, step, bounds);
      if (cosine > EXTRAPOLATE_COSINE && reach > 1) {
        const far = clampToBounds(
          accepted.phi.map((value, i) => value + reach * step[i]!) as LogTheta,
          bounds,
        );
        const probe = safeEvaluate(objective, far, 0);
        if (probe && probe.value > accepted.evaluation.value)
          accepted = evaluatePoint(objective, far) ?? accepted;
      }
    }
    previousStep = scale === 1 ? step : null;
    previousLength = scale * largestStep;
    previous = hessianIsExact ? point : null;
    const chord: boolean = chordNext && scale === 1;
    chordFrom = chord ? step : null;
    current = accepted;
    hessianIsExact = !chord;
    steps++;
  }
  return { evaluation: current.evaluation, steps, converged: false, activeBounds: [0, 0, 0] };
}
