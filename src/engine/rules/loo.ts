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
 */
import { evaluateLikelihood, type LikelihoodWorkspace } from '../likelihood';
import { dot, dotRange, multiplyMatrixVector, multiplyTransposed } from '../linalg';
import type { ObjectiveEvaluation } from '../objective';
import { relativeSolveError, type EvaluationRoundoff } from '../roundoff';
import { zeroMatrix3 } from '../small3';
import type { LogTheta } from '../types';

const LOG_TWO_PI = Math.log(2 * Math.PI);

type Vectors3 = [Float64Array, Float64Array, Float64Array];

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
 */
export function evaluateLoo(
  likelihood: LikelihoodWorkspace,
  loo: LooWorkspace,
  logTheta: LogTheta,
  order: 0 | 1 | 2,
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
  const [d2, d3, s1, s2, s3, e2] = loo.diagonals as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const product = likelihood.precisionTimesDLogLengthscale;
  rowDots(precision, precision, n, d2);
  rowDots(product, precision, n, s1);
  const [betaL, betaF, betaN] = loo.beta;
  const [gammaL, gammaF, gammaN] = loo.gamma;
  const gradient: LogTheta = [0, 0, 0];
  const gradientScale: LogTheta = [0, 0, 0];
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
    gradient[0] += a[k]! * betaL[k]! - b[k]! * gammaL[k]!;
    gradient[1] += a[k]! * betaF[k]! - b[k]! * gammaF[k]!;
    gradient[2] += a[k]! * betaN[k]! - b[k]! * gammaN[k]!;
    gradientScale[0] += Math.abs(a[k]! * betaL[k]!) + Math.abs(b[k]! * gammaL[k]!);
    gradientScale[1] += Math.abs(a[k]! * betaF[k]!) + Math.abs(b[k]! * gammaF[k]!);
    gradientScale[2] += Math.abs(a[k]! * betaN[k]!) + Math.abs(b[k]! * gammaN[k]!);
  }
  roundoff.gradient = gradientScale.map((scale) => relative * scale) as LogTheta;
  loo.evaluatedOrder = 1;
  if (order === 1) return { logTheta, value, gradient, hessian: null, roundoff };

  const { precisionSquared, sandwich, scratch, u } = loo;
  const { kernels } = likelihood;
  const symmetric = { symmetricResult: true };
  multiplyTransposed(kernels, precision, precision, n, precisionSquared, symmetric);
  multiplyTransposed(kernels, product, precision, n, sandwich, symmetric); // AP = PΔP, symmetric
  multiplyTransposed(kernels, precision, likelihood.correlationD2LogLengthscale, n, scratch);
  rowDots(precisionSquared, precision, n, d3);
  rowDots(sandwich, precision, n, s2);
  rowDots(product, sandwich, n, s3);
  rowDots(scratch, precision, n, e2);
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
  const s4 = signalVariance * signalVariance;
  const n4 = noiseVariance * noiseVariance;
  const hessian = zeroMatrix3();
  for (let i = 0; i < 3; i++) {
    for (let j = i; j < 3; j++) {
      const bi = beta[i]!;
      const bj = beta[j]!;
      const gi = gamma[i]!;
      const gj = gamma[j]!;
      let sum = -dot(kernelU[j]!, bi) - dot(kernelU[i]!, bj) + uSecondAlpha[i]![j]!;
      for (let k = 0; k < n; k++) {
        const ck = c[k]!;
        const ak = alpha[k]!;
        // (PKᵢPKⱼP)ₖₖ and (PKᵢⱼP)ₖₖ for this pair (see the module comment).
        let sandwichTwice: number;
        let secondDerivative: number;
        const pair = i * 3 + j;
        if (pair === 0) {
          sandwichTwice = s4 * s3[k]!;
          secondDerivative = signalVariance * e2[k]!;
        } else if (pair === 1) {
          sandwichTwice = 2 * signalVariance * (s1[k]! - noiseVariance * s2[k]!);
          secondDerivative = 2 * signalVariance * s1[k]!;
        } else if (pair === 2) {
          sandwichTwice = 2 * signalVariance * noiseVariance * s2[k]!;
          secondDerivative = 0;
        } else if (pair === 4) {
          sandwichTwice = 4 * (ck - 2 * noiseVariance * d2[k]! + n4 * d3[k]!);
          secondDerivative = 4 * (ck - noiseVariance * d2[k]!);
        } else if (pair === 5) {
          sandwichTwice = 4 * noiseVariance * (d2[k]! - noiseVariance * d3[k]!);
          secondDerivative = 0;
        } else {
          sandwichTwice = 4 * n4 * d3[k]!;
          secondDerivative = 4 * noiseVariance * d2[k]!;
        }
        sum +=
          -(bi[k]! * bj[k]!) / ck +
          (ak / (ck * ck)) * (bi[k]! * gj[k]! + bj[k]! * gi[k]!) -
          (0.5 / (ck * ck) + (ak * ak) / (ck * ck * ck)) * gi[k]! * gj[k]! +
          b[k]! * (2 * sandwichTwice - secondDerivative);
      }
      hessian[i]![j as 0 | 1 | 2] = sum;
      hessian[j]![i as 0 | 1 | 2] = sum;
    }
  }
  loo.evaluatedOrder = 2;
  return { logTheta, value, gradient, hessian, roundoff };
}
