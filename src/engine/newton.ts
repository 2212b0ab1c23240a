/**
 * Local maximisation of an objective (the log marginal likelihood L, or another selection rule's;
 * objective.ts) in log θ by Newton's method with the exact Hessian (Nocedal & Wright 2006,
 * §3.4: modified Newton with eigenvalue modification, backtracking line search, step cap), inside a
 * box of internal log θ that keeps the factorisation well posed. Converged when the Newton step is
 * below 1e-9 in every log coordinate (the gradient is then ~1e-9·|H|, and θ is exact to ~1e-18).
 */
import { NotPositiveDefiniteError } from './linalg';
import type { Objective, ObjectiveEvaluation } from './objective';
import { symmetricEigen3 } from './small3';
import type { LogTheta, Matrix3 } from './types';

/** Box on internal (standardised) log θ. */
export interface LogThetaBounds {
  lower: LogTheta;
  upper: LogTheta;
}

export interface PolishResult {
  /** Order-2 evaluation at the returned point. */
  evaluation: ObjectiveEvaluation;
  steps: number;
  converged: boolean;
  /** Per coordinate: −1 on the lower bound, +1 on the upper bound, 0 interior. */
  activeBounds: [number, number, number];
}

const STEP_TOLERANCE = 1e-9;
const MAX_ITERATIONS = 60;
const MAX_STEP = 1.5;
const MIN_CURVATURE = 1e-6;
/** Distance in every log coordinate within which an iterate is taken to be in a known basin. */
const KNOWN_MAXIMUM_RADIUS = 0.02;

function safeEvaluate(
  workspace: Objective,
  logTheta: LogTheta,
  order: 0 | 1 | 2,
): ObjectiveEvaluation | null {
  try {
    return workspace.evaluate(logTheta, order);
  } catch (error) {
    if (error instanceof NotPositiveDefiniteError) return null;
    throw error;
  }
}

function clampToBounds(logTheta: LogTheta, bounds: LogThetaBounds): LogTheta {
  return logTheta.map((value, i) =>
    Math.min(bounds.upper[i]!, Math.max(bounds.lower[i]!, value)),
  ) as LogTheta;
}

/** An order-1 evaluation completed with a Hessian from elsewhere (null stays null). */
function withHessian(
  evaluation: ObjectiveEvaluation | null,
  hessian: Matrix3,
): ObjectiveEvaluation | null {
  return evaluation && { ...evaluation, hessian: hessian.map((row) => [...row]) as Matrix3 };
}

/**
 * An ascent direction from the gradient g and Hessian H: −H⁻¹g when H is negative definite,
 * otherwise with each eigenvalue λ replaced by −max(|λ|, δ) so the step still climbs.
 * Coordinates held on an active bound (gradient pushing outwards) are frozen.
 */
function ascentStep(evaluation: ObjectiveEvaluation, frozen: boolean[]): LogTheta {
  const gradient = evaluation.gradient!;
  const hessian = evaluation.hessian!.map((row) => [...row]) as typeof evaluation.hessian & object;
  const g = gradient.map((value, i) => (frozen[i] ? 0 : value)) as LogTheta;
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
  for (let k = 0; k < 3; k++) {
    const curvature = Math.max(Math.abs(values[k]!), MIN_CURVATURE * scale);
    const vector = vectors[k]!;
    const coefficient = (vector[0] * g[0] + vector[1] * g[1] + vector[2] * g[2]) / curvature;
    for (let i = 0; i < 3; i++) step[i as 0 | 1 | 2] += coefficient * vector[i as 0 | 1 | 2];
  }
  const largest = Math.max(...step.map(Math.abs));
  if (largest > MAX_STEP) for (let i = 0; i < 3; i++) step[i as 0 | 1 | 2] *= MAX_STEP / largest;
  return step;
}

/**
 * Newton-polishes `workspace` — the objective to climb: the likelihood's or a rule's — from `start`
 * (internal log θ). Returns null if K is singular at the start, or if
 * `abandonBelow` is given and the local quadratic model shows this maximum cannot come within
 * reach of it (L + 2·predicted gain < abandonBelow): a basin that can neither win nor tie; or
 * when the iterate comes within KNOWN_MAXIMUM_RADIUS of one of `knownMaxima` (a basin already
 * polished).
 *
 * With `startHessian` — the Hessian of a nearby maximum, such as the previous θ̂ before the data
 * moved a little — the first step is taken with it (a chord step) and the start is evaluated only
 * to first order. Every later point, and whatever point is returned, has its own exact Hessian.
 */
export function polishMaximum(
  workspace: Objective,
  start: LogTheta,
  bounds: LogThetaBounds,
  abandonBelow = -Infinity,
  knownMaxima: readonly LogTheta[] = [],
  startHessian: Matrix3 | null = null,
): PolishResult | null {
  let current = startHessian
    ? withHessian(safeEvaluate(workspace, clampToBounds(start, bounds), 1), startHessian)
    : safeEvaluate(workspace, clampToBounds(start, bounds), 2);
  if (!current) return null;
  let hessianIsExact = !startHessian;
  let steps = 0;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const atBound = current.logTheta.map((value, i) =>
      value <= bounds.lower[i]! ? -1 : value >= bounds.upper[i]! ? 1 : 0,
    ) as [number, number, number];
    const frozen = atBound.map(
      (side, i) =>
        (side === -1 && current!.gradient![i]! < 0) || (side === 1 && current!.gradient![i]! > 0),
    );
    const step = ascentStep(current, frozen);
    const predictedGain =
      0.5 * step.reduce((sum, value, i) => sum + value * current!.gradient![i]!, 0);
    if (current.value + 2 * predictedGain < abandonBelow) return null;
    const position = current.logTheta;
    const isKnown = knownMaxima.some((known) =>
      known.every((value, i) => Math.abs(value - position[i]!) < KNOWN_MAXIMUM_RADIUS),
    );
    if (isKnown) return null;
    if (Math.max(...step.map(Math.abs)) < STEP_TOLERANCE) {
      if (!hessianIsExact) {
        // Converged on a borrowed Hessian: evaluate the real one here and check again.
        current = safeEvaluate(workspace, current.logTheta, 2);
        if (!current) return null;
        hessianIsExact = true;
        continue;
      }
      return {
        evaluation: current,
        steps,
        converged: true,
        activeBounds: atBound.map((side, i) => (frozen[i] ? side : 0)) as [number, number, number],
      };
    }
    // Backtrack until L does not decrease (a singular K counts as −∞).
    let scale = 1;
    let accepted: ObjectiveEvaluation | null = null;
    for (let halving = 0; halving < 40; halving++) {
      const trial = clampToBounds(
        current.logTheta.map((value, i) => value + scale * step[i]!) as LogTheta,
        bounds,
      );
      // The full step is usually accepted, so it is evaluated to order 2 at once; shorter ones are
      // probed by value first.
      const probe = safeEvaluate(workspace, trial, halving === 0 ? 2 : 0);
      if (probe && probe.value >= current.value - 1e-12 * Math.abs(current.value)) {
        accepted = halving === 0 ? probe : safeEvaluate(workspace, trial, 2);
        if (accepted) break;
      }
      scale *= 0.5;
    }
    if (!accepted) {
      // No ascent possible at machine precision: the current point is as good as it gets.
      const exact = hessianIsExact ? current : safeEvaluate(workspace, current.logTheta, 2);
      if (!exact) return null;
      return { evaluation: exact, steps, converged: false, activeBounds: atBound };
    }
    current = accepted;
    hessianIsExact = true;
    steps++;
  }
  return { evaluation: current, steps, converged: false, activeBounds: [0, 0, 0] };
}
