/**
 * Whether the implicit function theorem applies at θ̂, and how far to trust what it says.
 * dθ̂/d(data) = −H⁻¹ ∂²L/∂θ∂(data) needs H negative definite at an interior stationary point; near
 * ties between maxima mean the fit itself can jump, which no derivative describes.
 */
import { symmetricEigen3 } from './small3';
import type { BoundaryFlag, Diagnostics, Hyperparameters, Matrix3, TrustVerdict } from './types';

/** Likelihood gap (nats) below which two maxima count as a near tie. */
export const NEAR_TIE_GAP = 1;
/** Hessian condition number above which the sensitivities are flagged as ill-conditioned. */
export const ILL_CONDITIONED = 1e8;
/**
 * Eigenvalues of H within this fraction of its largest are zero to working precision: H is built
 * from sums whose rounding is of that order, so their sign carries no information.
 */
export const NUMERICALLY_ZERO = 1e-12;

/** The engine's words for each boundary flag (the page rewords them for what it shows). */
export const BOUNDARY_REASONS: Record<BoundaryFlag, string> = {
  'lengthscale-below-spacing':
    'the lengthscale runs to zero (below the spacing of the inputs): the data look like pure noise',
  'lengthscale-beyond-span':
    'the lengthscale runs to infinity (far beyond the span of the inputs): the data look like a straight line or a constant',
  'noise-vanishing': 'the noise runs to zero: the fit interpolates the data',
  'signal-vanishing': 'the signal runs to zero: the data are explained by noise alone',
  'signal-unbounded':
    'the signal variance runs to infinity: the rule prefers an ever flatter, ever larger prior whose predictions interpolate smoothly',
};

export interface DiagnosticsInput {
  hessian: Matrix3;
  boundary: BoundaryFlag[];
  converged: boolean;
  lml: number;
  runnerUp: { theta: Hyperparameters; lml: number } | null;
  /** What `lml` is when the rule is not maximum likelihood (named in the near-tie reason). */
  objectiveName?: string | null;
}

export function diagnose(input: DiagnosticsInput): Diagnostics {
  const { values } = symmetricEigen3(input.hessian);
  const magnitudes = values.map(Math.abs);
  const largest = Math.max(...magnitudes);
  const smallest = Math.min(...magnitudes);
  const conditionNumber = smallest === 0 ? Infinity : largest / smallest;
  const negativeDefinite = values.every((value) => value < -NUMERICALLY_ZERO * largest);
  const reasons: string[] = [];
  let trust: TrustVerdict = 'trusted';
  const demote = (to: TrustVerdict, reason: string) => {
    reasons.push(reason);
    if (to === 'untrusted' || trust === 'trusted') trust = to;
  };
  // A boundary flag already says why no stationary point was reached.
  if (!input.converged && input.boundary.length === 0) {
    demote('untrusted', 'the optimiser did not converge to a stationary point');
  }
  for (const flag of input.boundary) demote('untrusted', BOUNDARY_REASONS[flag]);
  if (!negativeDefinite && input.boundary.length === 0) {
    demote(
      'untrusted',
      'the likelihood is flat or saddle-shaped at the optimum (the Hessian is not negative definite)',
    );
  } else if (negativeDefinite && conditionNumber > ILL_CONDITIONED) {
    demote(
      'caution',
      `the optimum is nearly flat in one direction (condition number ${conditionNumber.toExponential(1)})`,
    );
  }
  const runnerUp = input.runnerUp
    ? { ...input.runnerUp, lmlGap: input.lml - input.runnerUp.lml }
    : null;
  if (runnerUp && runnerUp.lmlGap < NEAR_TIE_GAP) {
    demote(
      'caution',
      `another maximum is almost as likely (${input.objectiveName ?? 'log-likelihood'} gap ${runnerUp.lmlGap.toFixed(2)}): a small change in the data can make the fit jump`,
    );
  }
  return {
    hessianEigLog: values,
    conditionNumber,
    negativeDefinite,
    boundary: input.boundary,
    runnerUp,
    trust,
    reasons,
  };
}
