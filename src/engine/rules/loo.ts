/**
 * The leave-one-out rule (Rasmussen & Williams 2006, §5.4.2): with P = K⁻¹, α = Py, c = diag P,
 * the predictive distribution of yₐ given every other point is N(yₐ − αₐ/cₐ, 1/cₐ), so
 *
 *   L_LOO(θ) = Σₐ fₐ − (n/2) log 2π,   fₐ = ½ log cₐ − αₐ²/(2cₐ),
 *
 * from one factorisation of K. With βᵢ = PKᵢα and γᵢ = diag(PKᵢP) (∂ᵢα = −βᵢ, ∂ᵢc = −γᵢ) and the
 * per-point weights aₐ = αₐ/cₐ, bₐ = 1/(2cₐ) + αₐ²/(2cₐ²):
 *
 *   gᵢ  = Σₐ aₐβᵢₐ − bₐγᵢₐ                                        (R&W eq. 5.13)
 *   Hᵢⱼ = Σₐ [−βᵢβⱼ/c + (α/c²)(βᵢγⱼ + βⱼγᵢ) − (1/(2c²) + α²/c³)γᵢγⱼ]ₐ
 *         − (Kⱼu)·βᵢ − (Kᵢu)·βⱼ + uᵀKᵢⱼα + Σₐ bₐ [2(PKᵢPKⱼP)ₐₐ − (PKᵢⱼP)ₐₐ],   u = Pa
 *
 * (docs/rules.md derives them). Every diagonal follows from P, A = P ∂R/∂log ℓ (the likelihood's
 * order-2 buffers), P², S = PΔP and PΔ₂ (Δ = ∂R/∂log ℓ, Δ₂ = ∂²R/∂(log ℓ)²): three products
 * beyond the likelihood's, as PK_fP = 2(P − σn²P²) and PK_nP = 2σn²P².
 *
 * The Hessian alone needs only the sums Σₐ bₐ(PMP)ₐₐ = tr(M·PBP), B = diag b, not the diagonals:
 * with Q = PBP they are ⟨P, Q⟩, ⟨A, Q⟩ and ⟨Δ₂, Q⟩ (Frobenius products) and Σₐ bₐ(AS)ₐₐ, two
 * symmetric products in all (`hessianOnly`, for a polish that wants no sensitivities).
 */
import { evaluateLikelihood, type LikelihoodWorkspace } from '../likelihood';
import { dot, dotRange, multiplyMatrixVector, multiplyTransposed } from '../linalg';
import { LOO_CURVATURE_SUM_COUNT } from '../loo-curvature-terms';
import { curvatureSums, pairCurvature, PAIRS, zeroDiagonals } from './loo-curvature';
import type { ObjectiveEvaluation } from '../objective';
import { relativeSolveError, type EvaluationRoundoff } from '../roundoff';
import { zeroMatrix3 } from '../small3';
import type { LogTheta, Matrix3 } from '../types';

export const LOG_TWO_PI = Math.log(2 * Math.PI);

type Vectors3 = [Float64Array, Float64Array, Float64Array];
type Vectors6 = [
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
];

/** What an evaluation leaves behind for the sensitivities (loo-partials.ts), in internal units. */
export interface LooWorkspace {
  n: number;
  /** c = diag P. */
  precisionDiagonal: Float64Array;
  /** a = α/c. */
  residualWeight: Float64Array;
  /** b = 1/(2c) + α²/(2c²). */
  varianceWeight: Float64Array;
  /** βᵢ = PKᵢα for (ℓ, σf, σn). */
  beta: Vectors3;
  /** γᵢ = diag(PKᵢP). */
  gamma: Vectors3;
  /** u = Pa (order 2). */
  u: Float64Array;
  /** Kᵢu (order 2). */
  kernelU: Vectors3;
  /** P² (order 2). */
  precisionSquared: Float64Array;
  /** S = PΔP = AP (order 2). */
  sandwich: Float64Array;
  /** PΔ₂ (order 2). */
  scratch: Float64Array;
  /** diag P², diag P³, diag S, diag SP, diag AS, diag PΔ₂P. */
  diagonals: Float64Array[];
  /** 2 diag(PKᵢPKⱼP) − diag(PKᵢⱼP) for the pairs of PAIRS (order 2). */
  curvature: Float64Array[];
  /** The b-weighted sums of the Hessian alone (`looCurvatureSums`, LOO_CURVATURE_SUM). */
  curvatureSums: Float64Array;
  /** L at the last evaluation. */
  likelihood: number;
  evaluatedLogTheta: LogTheta | null;
  evaluatedOrder: 0 | 1 | 2;
}

/** Buffers for n points; with `recycled` (the same size, no longer used) its buffers are reused. */
export function createLooWorkspace(n: number, recycled: LooWorkspace | null = null): LooWorkspace {
  if (recycled && recycled.n === n) {
    return { ...recycled, likelihood: Number.NaN, evaluatedLogTheta: null, evaluatedOrder: 0 };
  }
  const vector = () => new Float64Array(n);
  const three = (): Vectors3 => [vector(), vector(), vector()];
  return {
    n,
    precisionDiagonal: vector(),
    residualWeight: vector(),
    varianceWeight: vector(),
    beta: three(),
    gamma: three(),
    u: vector(),
    kernelU: three(),
    precisionSquared: new Float64Array(n * n),
    sandwich: new Float64Array(n * n),
    scratch: new Float64Array(n * n),
    diagonals: Array.from({ length: 6 }, vector),
    curvature: Array.from({ length: 6 }, vector),
    curvatureSums: new Float64Array(LOO_CURVATURE_SUM_COUNT),
    likelihood: Number.NaN,
    evaluatedLogTheta: null,
    evaluatedOrder: 0,
  };
}

/** out_a = Σ_b A_ab B_ab: the diagonal of ABᵀ (of AB when B is symmetric). */
export function rowDots(a: Float64Array, b: Float64Array, n: number, out: Float64Array): void {
  for (let row = 0; row < n; row++) out[row] = dotRange(a, row * n, b, row * n, n);
}

/**
 * L_LOO at internal log θ to the given order; leaves the likelihood's buffers (order 2 when
 * order ≥ 1) and its own in the workspaces. Throws NotPositiveDefiniteError like the likelihood.
 * With `hessianOnly` an order-2 evaluation computes the Hessian from sums (module comment) and
 * leaves its own buffers to order 1 only: P², S and the per-point curvature are not filled.
 */
export function evaluateLoo(
  likelihood: LikelihoodWorkspace,
  loo: LooWorkspace,
  logTheta: LogTheta,
  order: 0 | 1 | 2,
  hessianOnly = false,
): ObjectiveEvaluation {
  loo.evaluatedLogTheta = null;
  const likelihoodEvaluation = evaluateLikelihood(likelihood, logTheta, order === 0 ? 1 : 2);
  loo.likelihood = likelihoodEvaluation.value;
  const { n, precision, alpha } = likelihood;
  const c = loo.precisionDiagonal;
  // Rounding (roundoff.ts): c and α carry relative errors of about u·κ̂, so fₐ carries about
  // u·κ̂ (½ + (3/2) αₐ²/cₐ) and each gradient term aₐβᵢₐ, bₐγᵢₐ about u·κ̂ times its size.
  const conditionEstimate = likelihoodEvaluation.roundoff?.conditionEstimate ?? 1;
  const relative = relativeSolveError(conditionEstimate);
  let value = -0.5 * n * LOG_TWO_PI;
  let valueScale = 0;
  for (let k = 0; k < n; k++) {
    c[k] = precision[k * n + k]!;
    const residualTerm = (alpha[k]! * alpha[k]!) / c[k]!;
    value += 0.5 * Math.log(c[k]!) - 0.5 * residualTerm;
    valueScale += 0.5 + 1.5 * residualTerm;
  }
  const roundoff: EvaluationRoundoff = {
    conditionEstimate,
    ...(likelihoodEvaluation.roundoff?.normCondition !== undefined
      ? { normCondition: likelihoodEvaluation.roundoff.normCondition }
      : {}),
    value: relative * valueScale,
    gradient: null,
  };
  loo.evaluatedLogTheta = logTheta;
  loo.evaluatedOrder = 0;
  if (order === 0) return { logTheta, value, gradient: null, hessian: null, roundoff };

  const signalVariance = Math.exp(2 * logTheta[1]);
  const noiseVariance = Math.exp(2 * logTheta[2]);
  const a = loo.residualWeight;
  const b = loo.varianceWeight;
  const [d2, d3, s1, s2, s3, e2] = loo.diagonals as Vectors6;
  const product = likelihood.precisionTimesDLogLengthscale;
  d2.set(likelihood.precisionSquaredDiagonal);
  s1.set(likelihood.productPrecisionDiagonal);
  const [betaL, betaF, betaN] = loo.beta;
  const [gammaL, gammaF, gammaN] = loo.gamma;
  for (let k = 0; k < n; k++) {
    a[k] = alpha[k]! / c[k]!;
    b[k] = 0.5 / c[k]! + 0.5 * a[k]! * a[k]!;
    // β from the likelihood's Aα, PRα, Pα; γ from diag(AP), diag P, diag P².
    betaL[k] = signalVariance * likelihood.productAlpha[k]!;
    betaF[k] = 2 * signalVariance * likelihood.precisionRAlpha[k]!;
    betaN[k] = 2 * noiseVariance * likelihood.precisionAlpha[k]!;
    gammaL[k] = signalVariance * s1[k]!;
    gammaF[k] = 2 * (c[k]! - noiseVariance * d2[k]!);
    gammaN[k] = 2 * noiseVariance * d2[k]!;
  }
  const { gradient, scale: gradientScale } = looGradient(a, b, loo.beta, loo.gamma, -1);
  roundoff.gradient = gradientScale.map((scale) => relative * scale) as LogTheta;
  loo.evaluatedOrder = 1;
  if (order === 1) return { logTheta, value, gradient, hessian: null, roundoff };

  const { precisionSquared, sandwich, scratch, u } = loo;
  const { kernels } = likelihood;
  const symmetric = { symmetricResult: true };
  multiplyMatrixVector(precision, n, a, u);
  const [kuL, kuF, kuN] = loo.kernelU;
  multiplyMatrixVector(likelihood.correlationDLogLengthscale, n, u, kuL);
  multiplyMatrixVector(likelihood.correlation, n, u, kuF);
  for (let k = 0; k < n; k++) {
    kuL[k] = signalVariance * kuL[k]!;
    kuF[k] = 2 * signalVariance * kuF[k]!;
    kuN[k] = 2 * noiseVariance * u[k]!;
  }
  const beta = loo.beta;
  const gamma = loo.gamma;
  const kernelU = loo.kernelU;
  const { dRAlpha, rAlpha, d2RAlpha } = likelihood;
  // uᵀKᵢⱼα: K_ℓℓ = σf²Δ₂, K_ℓf = 2σf²Δ, K_ff = 4σf²R, K_nn = 4σn²I, K_ℓn = K_fn = 0.
  const uSecondAlpha = [
    [signalVariance * dot(u, d2RAlpha), 2 * signalVariance * dot(u, dRAlpha), 0],
    [0, 4 * signalVariance * dot(u, rAlpha), 0],
    [0, 0, 4 * noiseVariance * dot(u, alpha)],
  ];
  const terms = {
    precisionDiagonal: c,
    alpha,
    varianceWeight: b,
    beta,
    gamma,
    kernelU,
    uSecondAlpha,
  };
  if (hessianOnly) {
    const sums = curvatureSums(likelihood, loo, signalVariance, noiseVariance);
    return { logTheta, value, gradient, hessian: looHessian(terms, { sums }, -1), roundoff };
  }
  multiplyTransposed(kernels, precision, precision, n, precisionSquared, symmetric);
  multiplyTransposed(kernels, product, precision, n, sandwich, symmetric); // AP = PΔP, symmetric
  multiplyTransposed(kernels, precision, likelihood.correlationD2LogLengthscale, n, scratch);
  rowDots(precisionSquared, precision, n, d3);
  rowDots(sandwich, precision, n, s2);
  rowDots(product, sandwich, n, s3);
  rowDots(scratch, precision, n, e2);
  const at = zeroDiagonals();
  const pairs = new Float64Array(PAIRS.length);
  for (let k = 0; k < n; k++) {
    at.c = c[k]!;
    at.d2 = d2[k]!;
    at.d3 = d3[k]!;
    at.s1 = s1[k]!;
    at.s2 = s2[k]!;
    at.s3 = s3[k]!;
    at.e2 = e2[k]!;
    pairCurvature(at, signalVariance, noiseVariance, pairs);
    for (let pair = 0; pair < PAIRS.length; pair++) loo.curvature[pair]![k] = pairs[pair]!;
  }
  const hessian = looHessian(terms, { perPoint: loo.curvature }, -1);
  loo.evaluatedOrder = 2;
  return { logTheta, value, gradient, hessian, roundoff };
}

/**
 * gᵢ = Σₐ aₐβᵢₐ − bₐγᵢₐ over every point but `skip` (−1: every point), and Σₐ |aₐβᵢₐ| + |bₐγᵢₐ|,
 * the scale of its rounding.
 */
export function looGradient(
  a: Float64Array,
  b: Float64Array,
  beta: readonly Float64Array[],
  gamma: readonly Float64Array[],
  skip: number,
): { gradient: LogTheta; scale: LogTheta } {
  const gradient: LogTheta = [0, 0, 0];
  const scale: LogTheta = [0, 0, 0];
  for (let k = 0; k < a.length; k++) {
    if (k === skip) continue;
    for (let i = 0; i < 3; i++) {
      const residualTerm = a[k]! * beta[i]![k]!;
      const varianceTerm = b[k]! * gamma[i]![k]!;
      gradient[i as 0 | 1 | 2] += residualTerm - varianceTerm;
      scale[i as 0 | 1 | 2] += Math.abs(residualTerm) + Math.abs(varianceTerm);
    }
  }
  return { gradient, scale };
}

/** What the Hessian's sums are made of (the module comment), one entry per point. */
export interface LooHessianTerms {
  /** c. */
  precisionDiagonal: Float64Array;
  alpha: Float64Array;
  /** b. */
  varianceWeight: Float64Array;
  beta: readonly Float64Array[];
  gamma: readonly Float64Array[];
  /** Kᵢu. */
  kernelU: readonly Float64Array[];
  /** uᵀKᵢⱼα (upper triangle). */
  uSecondAlpha: readonly (readonly number[])[];
}

/**
 * Hᵢⱼ from its terms, with the curvature 2 diag(PKᵢPKⱼP) − diag(PKᵢⱼP) for the pairs of PAIRS
 * either per point (`perPoint`) or already summed with the weights b (`sums`, skip −1 only), over
 * every point but `skip` (−1: every point; Kᵢu must vanish there or β must).
 */
export function looHessian(
  terms: LooHessianTerms,
  curvature: { perPoint: readonly Float64Array[] } | { sums: Float64Array },
  skip: number,
): Matrix3 {
  const perPoint = 'perPoint' in curvature ? curvature.perPoint : null;
  if (!perPoint && skip !== -1) throw new Error('curvature sums cover every point');
  const { precisionDiagonal: c, alpha, varianceWeight: b, beta, gamma, kernelU } = terms;
  const hessian = zeroMatrix3();
  PAIRS.forEach(([i, j], pair) => {
    const bi = beta[i]!;
    const bj = beta[j]!;
    const gi = gamma[i]!;
    const gj = gamma[j]!;
    let sum = -dot(kernelU[j]!, bi) - dot(kernelU[i]!, bj) + terms.uSecondAlpha[i]![j]!;
    if (!perPoint) sum += (curvature as { sums: Float64Array }).sums[pair]!;
    for (let k = 0; k < c.length; k++) {
      if (k === skip) continue;
      const ck = c[k]!;
      const ak = alpha[k]!;
      sum +=
        -(bi[k]! * bj[k]!) / ck +
        (ak / (ck * ck)) * (bi[k]! * gj[k]! + bj[k]! * gi[k]!) -
        (0.5 / (ck * ck) + (ak * ak) / (ck * ck * ck)) * gi[k]! * gj[k]! +
        (perPoint ? b[k]! * perPoint[pair]![k]! : 0);
    }
    hessian[i]![j] = sum;
    hessian[j]![i] = sum;
  });
  return hessian;
}
