/**
 * The mixed partials of the leave-one-out gradient (loo.ts) in y, x and the points' weights, for the
 * implicit function theorem (docs/rules.md, "LOO: mixed partials"). gᵢ is a function of P = K⁻¹ (through
 * α = Py, c = diag P, βᵢ, γᵢ) and of Kᵢ; writing its derivatives as dgᵢ = tr(Gᵢ dK) + tr(Hᵢ dKᵢ)
 * with symmetric
 *
 *   Gᵢ = −[sym(α⊗Ppᵢ) + PQᵢP + sym(βᵢ⊗u) + sym(α⊗wᵢ)] + 2 sym(YᵢBP),   Hᵢ = sym(u⊗α) − W,
 *
 * pᵢ = βᵢ/c − αγᵢ/c², Qᵢ = diag(qᵢ), qᵢ = −αβᵢ/c² + γᵢ(1/(2c²) + α²/c³), Yᵢ = PKᵢP, wᵢ = Yᵢa,
 * B = diag(b), W = PBP, every move of the data is a contraction:
 *
 *   ∂gᵢ/∂y   = Ppᵢ + wᵢ
 *   ∂gᵢ/∂x_k = 2 Σ_b D_kb Gᵢ,kb + 2 Σ_b Dⁱ_kb Hᵢ,kb          (∂K/∂x_k = e_k d_kᵀ + d_k e_kᵀ)
 *   ∂gᵢ/∂w_j = −σn² Gᵢ,jj − 2σn² [i = n] H_n,jj + (a_jβᵢ,j − b_jγᵢ,j)
 *              + σn²(½γᵢ,j − α_jβᵢ,j) + [i = n] σn²(α_j² − c_j)
 *
 * where the weight enters as the point's noise variance σn²/w_j and as the factor w_j on its own
 * term, whose predictive variance keeps the noise σn² (the last two lines). The contractions cost
 * four products (DP, DP·P, DS, PBP) and O(n²) per hyperparameter.
 */
import type { LikelihoodWorkspace } from '../likelihood';
import { multiplyMatrixVector, multiplyTransposed } from '../linalg';
import { fillInputDerivatives } from '../sensitivity-terms';
import type { LogTheta, Rows3 } from '../types';
import type { LooWorkspace } from './loo';
import { rows3, type MixedPartials } from './ml-partials';

/** out_k = Σ_a A_ka B_ka v_a. */
function hadamardTimesVector(
  a: Float64Array,
  b: Float64Array,
  v: Float64Array,
  n: number,
  out: Float64Array,
): void {
  for (let k = 0; k < n; k++) {
    const offset = k * n;
    let sum = 0;
    for (let j = 0; j < n; j++) sum += a[offset + j]! * b[offset + j]! * v[j]!;
    out[k] = sum;
  }
}

/** The pieces shared by every contraction: pᵢ, qᵢ, Ppᵢ and wᵢ = Yᵢa. */
export interface SharedPieces {
  p: Rows3;
  q: Rows3;
  precisionP: Rows3;
  w: Rows3;
  /** Sa and P²a. */
  sandwichA: Float64Array;
  squaredA: Float64Array;
}

export function sharedPieces(
  likelihood: LikelihoodWorkspace,
  loo: LooWorkspace,
  noiseVariance: number,
  signalVariance: number,
): SharedPieces {
  const { n, alpha, precision } = likelihood;
  const { precisionDiagonal: c, residualWeight: a, beta, gamma } = loo;
  const p = rows3(n);
  const q = rows3(n);
  const precisionP = rows3(n);
  const w = rows3(n);
  for (let i = 0; i < 3; i++) {
    const row = i as 0 | 1 | 2;
    for (let k = 0; k < n; k++) {
      const ck = c[k]!;
      const ak = alpha[k]!;
      p[row][k] = beta[row][k]! / ck - (ak * gamma[row][k]!) / (ck * ck);
      q[row][k] =
        (-ak * beta[row][k]!) / (ck * ck) +
        gamma[row][k]! * (0.5 / (ck * ck) + (ak * ak) / (ck * ck * ck));
    }
    multiplyMatrixVector(precision, n, p[row], precisionP[row]);
  }
  const sandwichA = new Float64Array(n);
  const squaredA = new Float64Array(n);
  multiplyMatrixVector(loo.sandwich, n, a, sandwichA);
  multiplyMatrixVector(loo.precisionSquared, n, a, squaredA);
  for (let k = 0; k < n; k++) {
    // Y_ℓ = σf²S, Y_f = 2(P − σn²P²), Y_n = 2σn²P².
    w[0][k] = signalVariance * sandwichA[k]!;
    w[1][k] = 2 * (loo.u[k]! - noiseVariance * squaredA[k]!);
    w[2][k] = 2 * noiseVariance * squaredA[k]!;
  }
  return { p, q, precisionP, w, sandwichA, squaredA };
}

/** ∂g/∂y and ∂g/∂x of the leave-one-out objective (internal units, buffers at θ̂ to order 2). */
export function looMixedPartials(
  likelihood: LikelihoodWorkspace,
  loo: LooWorkspace,
  logTheta: LogTheta,
): MixedPartials {
  const { n, alpha, precision } = likelihood;
  const signalVariance = Math.exp(2 * logTheta[1]);
  const noiseVariance = Math.exp(2 * logTheta[2]);
  const { beta, u, varianceWeight: b } = loo;
  const pieces = sharedPieces(likelihood, loo, noiseVariance, signalVariance);
  const gradientY = rows3(n);
  for (let i = 0; i < 3; i++) {
    for (let k = 0; k < n; k++) {
      gradientY[i as 0 | 1 | 2][k] =
        pieces.precisionP[i as 0 | 1 | 2][k]! + pieces.w[i as 0 | 1 | 2][k]!;
    }
  }

  // D = σf² ∂ρ/∂x and D^ℓ = σf² ∂²ρ/∂x∂log ℓ (antisymmetric); D^f = 2D, D^n = 0.
  const square = () => new Float64Array(n * n);
  const d = square();
  const dLog = square();
  fillInputDerivatives(likelihood, d, dLog);
  for (let k = 0; k < n * n; k++) {
    d[k] = signalVariance * d[k]!;
    dLog[k] = signalVariance * dLog[k]!;
  }
  const f = square(); // F = DP
  const fp = square(); // FP = DP²
  const ds = square(); // DS
  const scaled = square(); // PB, then W = PBP
  const weighted = square();
  const { kernels } = likelihood;
  multiplyTransposed(kernels, d, precision, n, f);
  multiplyTransposed(kernels, f, precision, n, fp);
  multiplyTransposed(kernels, d, loo.sandwich, n, ds);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) scaled[row * n + col] = precision[row * n + col]! * b[col]!;
  }
  multiplyTransposed(kernels, precision, scaled, n, weighted, { symmetricResult: true });

  const vector = () => new Float64Array(n);
  const times = (matrix: Float64Array, v: Float64Array) => {
    const out = vector();
    multiplyMatrixVector(matrix, n, v, out);
    return out;
  };
  const hadamard = (left: Float64Array, right: Float64Array, v: Float64Array) => {
    const out = vector();
    hadamardTimesVector(left, right, v, n, out);
    return out;
  };
  const dAlpha = times(d, alpha);
  const dU = times(d, u);
  const dLogAlpha = times(dLog, alpha);
  const dLogU = times(dLog, u);
  const precisionFB = hadamard(precision, f, b);
  const sandwichFB = hadamard(loo.sandwich, f, b);
  const squaredFB = hadamard(loo.precisionSquared, f, b);
  const precisionDsB = hadamard(precision, ds, b);
  const precisionFpB = hadamard(precision, fp, b);
  const ones = vector().fill(1);
  const dLogW = hadamard(dLog, weighted, ones);
  const dW = hadamard(d, weighted, ones);
  const gradientX = rows3(n);
  for (let i = 0; i < 3; i++) {
    const row = i as 0 | 1 | 2;
    const dPrecisionP = times(d, pieces.precisionP[row]);
    const dBeta = times(d, beta[row]);
    const dW_i = times(d, pieces.w[row]);
    const pfq = hadamard(precision, f, pieces.q[row]);
    const out = gradientX[row];
    for (let k = 0; k < n; k++) {
      // Σ_a Yᵢ,ka F_ka b_a + Σ_a P_ka (DYᵢ)_ka b_a with DY_ℓ = σf²DS, DY_f = 2(F − σn²FP),
      // DY_n = 2σn²FP.
      let sandwichTerm: number;
      if (i === 0) {
        sandwichTerm = signalVariance * (sandwichFB[k]! + precisionDsB[k]!);
      } else if (i === 1) {
        sandwichTerm =
          2 * (precisionFB[k]! - noiseVariance * squaredFB[k]!) +
          2 * (precisionFB[k]! - noiseVariance * precisionFpB[k]!);
      } else {
        sandwichTerm = 2 * noiseVariance * (squaredFB[k]! + precisionFpB[k]!);
      }
      let value =
        -(alpha[k]! * dPrecisionP[k]! + pieces.precisionP[row][k]! * dAlpha[k]!) -
        2 * pfq[k]! -
        (beta[row][k]! * dU[k]! + u[k]! * dBeta[k]!) -
        (alpha[k]! * dW_i[k]! + pieces.w[row][k]! * dAlpha[k]!) +
        2 * sandwichTerm;
      // 2 Σ_b Dⁱ_kb Hᵢ,kb with Hᵢ = sym(u⊗α) − W.
      if (i === 0) value += u[k]! * dLogAlpha[k]! + alpha[k]! * dLogU[k]! - 2 * dLogW[k]!;
      else if (i === 1) value += 2 * (u[k]! * dAlpha[k]! + alpha[k]! * dU[k]! - 2 * dW[k]!);
      out[k] = value;
    }
  }
  return { y: gradientY, x: gradientX };
}

/** ∂g/∂w_j of the leave-one-out objective at w = 1 (internal units, buffers at θ̂ to order 2). */
export function looWeightPartials(
  likelihood: LikelihoodWorkspace,
  loo: LooWorkspace,
  logTheta: LogTheta,
): Rows3 {
  const { n, alpha, precision } = likelihood;
  const signalVariance = Math.exp(2 * logTheta[1]);
  const noiseVariance = Math.exp(2 * logTheta[2]);
  const { beta, gamma, u, precisionDiagonal: c, residualWeight: a, varianceWeight: b } = loo;
  const pieces = sharedPieces(likelihood, loo, noiseVariance, signalVariance);
  const vector = () => new Float64Array(n);
  const hadamard = (left: Float64Array, right: Float64Array, v: Float64Array) => {
    const out = vector();
    hadamardTimesVector(left, right, v, n, out);
    return out;
  };
  const precisionPB = hadamard(precision, precision, b); // W_jj
  const sandwichPB = hadamard(loo.sandwich, precision, b);
  const squaredPB = hadamard(loo.precisionSquared, precision, b);
  const out = rows3(n);
  for (let i = 0; i < 3; i++) {
    const row = i as 0 | 1 | 2;
    const ppq = hadamard(precision, precision, pieces.q[row]);
    for (let j = 0; j < n; j++) {
      // (YᵢBP)_jj by Y_ℓ = σf²S, Y_f = 2(P − σn²P²), Y_n = 2σn²P².
      const yBP =
        i === 0
          ? signalVariance * sandwichPB[j]!
          : i === 1
            ? 2 * (precisionPB[j]! - noiseVariance * squaredPB[j]!)
            : 2 * noiseVariance * squaredPB[j]!;
      const gjj =
        -(
          alpha[j]! * pieces.precisionP[row][j]! +
          ppq[j]! +
          beta[row][j]! * u[j]! +
          alpha[j]! * pieces.w[row][j]!
        ) +
        2 * yBP;
      let value =
        -noiseVariance * gjj +
        (a[j]! * beta[row][j]! - b[j]! * gamma[row][j]!) +
        noiseVariance * (0.5 * gamma[row][j]! - alpha[j]! * beta[row][j]!);
      if (i === 2) {
        const hjj = u[j]! * alpha[j]! - precisionPB[j]!;
        value += -2 * noiseVariance * hjj + noiseVariance * (alpha[j]! * alpha[j]! - c[j]!);
      }
      out[row][j] = value;
    }
  }
  return out;
}
