/**
 * Whether the implicit function theorem applies at θ̂, and how far to trust what it says.
 * dθ̂/d(data) = −H⁻¹ ∂²L/∂θ∂(data) needs H negative definite at an interior stationary point — or,
 * at a maximum on the noise floor, the Hessian of the free hyperparameters negative definite with
 * σn/σf held (optimum.ts); near ties between maxima mean the fit itself can jump, which no
 * derivative describes; and on nearly noise-free data rounding error can swamp the curvature.
 */
import { NEAR_TIE_GAP } from './near-tie';
import { NUMERICALLY_ZERO, type MaximumKind } from './optimum';
import { inverseSymmetric3, restrictedInverse3, symmetricEigen3 } from './small3';
import { reasonText, type Reason } from './reasons';
import type {
  BoundaryFlag,
  Diagnostics,
  HeldBound,
  Hyperparameters,
  LogTheta,
  Matrix3,
  SelectionRule,
  TrustVerdict,
} from './types';

const SEARCH_UNIT_AXES: readonly LogTheta[] = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

export { NEAR_TIE_GAP, NUMERICALLY_ZERO };

/** Hessian condition number above which the sensitivities are flagged as ill-conditioned. */
export const ILL_CONDITIONED = 1e8;
/** Relative rounding error of the sensitivities above which they are flagged (caution). */
export const IMPRECISE = 1e-6;
/** … and above which they are noise (untrusted). */
export const SWAMPED = 1;
/** Above this the arrows keep only their rough size and direction. */
const ROUGH = 0.1;
/** Multiples of the Hessian's measured rounding error an eigenvalue must clear to count. */
const ROUNDOFF_MARGIN = 3;

export interface DiagnosticsInput {
  hessian: Matrix3;
  kind: MaximumKind;
  boundary: BoundaryFlag[];
  converged: boolean;
  lml: number;
  runnerUp: { theta: Hyperparameters; lml: number } | null;
  /** The rule whose objective `lml` is (named in the reasons); default `ml`. */
  rule?: SelectionRule;
  /** σn/σf at θ̂, for the messages. */
  noiseToSignal: number;
  roundoff: {
    /** κ̂ of K at θ̂ (roundoff.ts). */
    covarianceCondition: number;
    /** One sample of the Hessian's rounding error (roundoff-check.ts), or null if not measured. */
    hessianDifference: Matrix3 | null;
    /** The relative error of ∂²L/∂θ∂(data), about u·κ̂. */
    mixedPartialError: number;
  };
}

/** The held bound of a maximum on the noise floor, in plain words. */
export function noiseFloorBound(noiseToSignal: number): HeldBound {
  return {
    held: ['noiseStd'],
    reason: reasonText({ code: 'noise-floor', noiseToSignal }),
  };
}

function digits(relativeError: number): number {
  return Math.max(0, Math.floor(-Math.log10(relativeError)));
}

/** A·B for 3×3 matrices. */
function multiply3(a: Matrix3, b: Matrix3): Matrix3 {
  return a.map((row) =>
    [0, 1, 2].map((j) => row.reduce((sum, value, k) => sum + value * b[k]![j]!, 0)),
  ) as Matrix3;
}

/**
 * The curvature the implicit function theorem uses — H, or ZᵀHZ at a noise-floor maximum — as
 * eigenpairs, with each eigenvalue's first-order change vᵀΔHv under the measured rounding ΔH.
 */
function relevantSpectrum(
  hessian: Matrix3,
  difference: Matrix3 | null,
  freeAxes: readonly LogTheta[],
): { values: number[]; shifts: number[] } {
  const axes = freeAxes.length > 0 ? freeAxes : [];
  const project = (matrix: Matrix3, u: LogTheta, v: LogTheta) =>
    u.reduce(
      (sum, ui, i) => sum + ui * v.reduce((inner, vj, j) => inner + matrix[i]![j]! * vj, 0),
      0,
    );
  // Pad the k×k block to 3×3 with an eigenvalue far from the others, then drop it.
  const pad = -1e3 * (1 + Math.max(...hessian.flat().map(Math.abs)));
  const reduced = [0, 1, 2].map((a) =>
    [0, 1, 2].map((b) => {
      const u = axes[a];
      const v = axes[b];
      if (!u || !v) return a === b ? pad : 0;
      return project(hessian, u, v);
    }),
  ) as Matrix3;
  const { values, vectors } = symmetricEigen3(reduced);
  const result = { values: [] as number[], shifts: [] as number[] };
  values.forEach((value, k) => {
    if (
      value === pad ||
      vectors[k]!.some((weight, i) => i >= axes.length && Math.abs(weight) > 0.5)
    )
      return;
    result.values.push(value);
    let shift = 0;
    if (difference) {
      // The eigenvector in log θ: Σ_a v_a z_a.
      const direction = [0, 1, 2].map((i) =>
        axes.reduce((sum, axis, a) => sum + vectors[k]![a]! * axis[i]!, 0),
      ) as LogTheta;
      shift = Math.abs(project(difference, direction, direction));
    }
    result.shifts.push(shift);
  });
  return result;
}

export function diagnose(input: DiagnosticsInput): Diagnostics {
  const { values } = symmetricEigen3(input.hessian);
  const { kind } = input;
  const difference = input.roundoff.hessianDifference;
  const constrained = kind.onNoiseFloor ? noiseFloorBound(input.noiseToSignal) : null;
  // At a noise-floor maximum the theorem uses the Hessian of the free hyperparameters.
  const axes = constrained ? kind.freeAxes : SEARCH_UNIT_AXES;
  const relevant = relevantSpectrum(input.hessian, difference, axes);
  const magnitudes = relevant.values.map(Math.abs);
  const largest = Math.max(...magnitudes);
  const smallest = Math.min(...magnitudes);
  const conditionNumber = smallest === 0 ? Infinity : largest / smallest;
  const negativeDefiniteExactly = relevant.values.every(
    (value) => value < -NUMERICALLY_ZERO * largest,
  );
  const negativeDefinite =
    negativeDefiniteExactly &&
    relevant.values.every((value, k) => value + ROUNDOFF_MARGIN * relevant.shifts[k]! < 0);
  // The relative error of dθ̂ = −M ∂g that the rounding of H causes: ‖M ΔH‖∞, M the (restricted)
  // inverse; plus that of the mixed partials themselves.
  let curvatureError = 0;
  if (difference && negativeDefiniteExactly) {
    const inverse = constrained
      ? restrictedInverse3(input.hessian, kind.freeAxes)
      : inverseSymmetric3(input.hessian);
    const product = multiply3(inverse, difference);
    curvatureError = Math.max(
      ...product.map((row) => row.reduce((sum, v) => sum + Math.abs(v), 0)),
    );
  }
  const sensitivityError = curvatureError + input.roundoff.mixedPartialError;
  const rule = input.rule ?? 'ml';
  const noiseToSignal = input.noiseToSignal;
  const keyedReasons: Reason[] = [];
  let trust: TrustVerdict = 'trusted';
  const demote = (to: TrustVerdict, reason: Reason) => {
    keyedReasons.push(reason);
    if (to === 'untrusted' || trust === 'trusted') trust = to;
  };
  const unbounded = constrained ? [] : input.boundary;
  // A boundary flag already says why no stationary point was reached.
  if (!input.converged && unbounded.length === 0) demote('untrusted', { code: 'not-converged' });
  for (const flag of unbounded) demote('untrusted', { code: flag });
  if (constrained) demote('caution', { code: 'noise-floor', noiseToSignal });
  const swamped = negativeDefiniteExactly && (!negativeDefinite || sensitivityError > SWAMPED);
  if (swamped) {
    demote('untrusted', { code: 'swamped', noiseToSignal, rule });
  } else if (!negativeDefinite && unbounded.length === 0) {
    demote('untrusted', { code: 'flat', rule });
  } else if (negativeDefinite && conditionNumber > ILL_CONDITIONED) {
    demote('caution', { code: 'ill-conditioned', condition: conditionNumber });
  }
  if (negativeDefinite && !swamped && sensitivityError > IMPRECISE) {
    demote(
      'caution',
      sensitivityError > ROUGH
        ? { code: 'rough-digits', noiseToSignal }
        : { code: 'few-digits', noiseToSignal, digits: digits(sensitivityError) },
    );
  }
  const runnerUp = input.runnerUp
    ? { ...input.runnerUp, lmlGap: input.lml - input.runnerUp.lml }
    : null;
  if (runnerUp && runnerUp.lmlGap < NEAR_TIE_GAP) {
    demote('caution', { code: 'near-tie', gap: runnerUp.lmlGap, rule });
  }
  return {
    hessianEigLog: values,
    conditionNumber,
    negativeDefinite,
    boundary: input.boundary,
    constrained,
    roundoff: {
      covarianceCondition: input.roundoff.covarianceCondition,
      hessian: difference
        ? Math.max(...difference.flat().map(Math.abs)) / Math.max(...values.map(Math.abs))
        : 0,
      sensitivities: sensitivityError,
    },
    runnerUp,
    trust,
    reasons: keyedReasons.map(reasonText),
    keyedReasons,
  };
}
