/**
 * What the Newton polish (newton.ts) climbs: a smooth function of θ = (log ℓ, log σf, log σn) with
 * its exact gradient and Hessian. The log marginal likelihood (likelihood.ts) is one; each selection
 * rule of rules/ provides its own (docs/rules.md).
 */
import type { EvaluationRoundoff } from './roundoff';
import type { LogTheta, Matrix3 } from './types';

/** The value of an objective at log θ and, on request, its gradient and Hessian in log θ. */
export interface ObjectiveEvaluation {
  logTheta: LogTheta;
  /** The objective's value at `logTheta` (for type-II maximum likelihood, L = log p(y | X, θ)). */
  value: number;
  gradient: LogTheta | null;
  hessian: Matrix3 | null;
  /**
   * The estimated rounding error of `value` and of each gradient component (roundoff.ts), where
   * the objective provides one; the Newton polish then stops at the precision float64 allows
   * (newton.ts, docs/numerics.md). Without it the polish uses its fixed step tolerance alone.
   */
  roundoff?: EvaluationRoundoff;
}

/** A function to maximise over log θ. */
export interface Objective {
  /**
   * Evaluates to the given derivative order (0: value, 1: + gradient, 2: + Hessian). Throws
   * NotPositiveDefiniteError where the covariance cannot be factorised.
   */
  evaluate(logTheta: LogTheta, order: 0 | 1 | 2): ObjectiveEvaluation;
}
