/**
 * The likelihood of the data without one point, at the full data's θ̂, from the full data's
 * factorisation: its exact gradient and Hessian in O(n) per point after O(n³) once, instead of a
 * fresh O(n³) evaluation per point (removal-start.ts; docs/rules.md, "Point influence").
 *
 * Without point i, at θ̂, the block inverse gives every sum of the likelihood (likelihood.ts,
 * likelihood-terms.ts) of the n − 1 remaining points from quantities of all n. With P = K⁻¹,
 * D = ∂R/∂log ℓ, A = PD, p = P·ᵢ (column i of P), c = Pᵢᵢ, s = αᵢ/c, b = p − c eᵢ and
 * a = Aᵢ·ᵀ − Aᵢᵢeᵢ (vectors of length n whose entry i is 0, on which a full matrix acts as its
 * block without row and column i):
 *
 *   P₋ = P₋ᵢ,₋ᵢ − bbᵀ/c,    α₋ = α − s p,    A₋ = P₋D₋ = A₋ᵢ,₋ᵢ − baᵀ/c,
 *
 * (the last as bᵀD₋ = a − c Dᵢ,₋ᵢ). Then for a symmetric M ∈ {R, D, ∂²R}, with Mp = (PM)ᵢ·ᵀ,
 *
 *   M₋α₋            = Mα − s Mp                       (entry i dropped),
 *   bᵀMb            = (PMP)ᵢᵢ − 2c (PM)ᵢᵢ + c² Mᵢᵢ,
 *   ⟨P₋, M₋⟩        = ⟨P, M⟩ − 2 (PM)ᵢᵢ + c Mᵢᵢ − bᵀMb / c,
 *   P₋u             = Pu − b (pᵀu)/c                  (uᵢ = 0),
 *   ⟨A₋, P₋⟩        = ⟨A, P⟩ − (AP)ᵢᵢ − (PA)ᵢᵢ + c Aᵢᵢ − (bᵀAb + bᵀPa)/c + (bᵀb)(aᵀb)/c²,
 *   tr(A₋²)         = tr(A²) − 2 (A²)ᵢᵢ + Aᵢᵢ² − 2 aᵀAb / c + (aᵀb)²/c²,
 *   ‖P₋‖²           = ‖P‖² − 2 (P²)ᵢᵢ + c² − 2 bᵀPb / c + (bᵀb)²/c²,
 *
 * where bᵀb = (P²)ᵢᵢ − c², aᵀb = (AP)ᵢᵢ − cAᵢᵢ, bᵀAb = (PAP)ᵢᵢ − c(AP)ᵢᵢ − c(PA)ᵢᵢ + c²Aᵢᵢ,
 * bᵀPa = (PAP)ᵢᵢ − Aᵢᵢ(P²)ᵢᵢ − c(AP)ᵢᵢ + c²Aᵢᵢ, aᵀAb = (AAP)ᵢᵢ − c(A²)ᵢᵢ − Aᵢᵢ(AP)ᵢᵢ + cAᵢᵢ²,
 * bᵀPb = (P³)ᵢᵢ − 2c(P²)ᵢᵢ + c³, and P(Mα − s Mp − eᵢ(…)) needs the rows of PMP. So the products
 * PR, P∂²R, AP, PRP and P² (five O(n³) products, once) and their diagonals make each removal's
 * sums O(n), and the gradient and Hessian follow from them as for a direct evaluation
 * (likelihoodGradient, likelihoodHessian). Gradients and Hessians in log θ do not depend on the
 * units (standardize.ts), so the full data's internal units serve for every reduced dataset.
 * (‖P₋‖² is split into its diagonal and the rest by difference here, where a direct evaluation
 * sums the squares of each; where σn²P ≈ I that costs digits of the start, not of any result.)
 */
import type { FitInternals } from './fit';
import { likelihoodGradient, likelihoodHessian } from './likelihood';
import { TERM, TERM_COUNT } from './likelihood-terms';
import { multiplyMatrixVector, multiplyTransposed } from './linalg';
import type { LogTheta, Matrix3 } from './types';

/** The full data's quantities at θ̂ from which every removal's derivatives are had. */
export interface RemovalDowndate {
  n: number;
  signalVariance: number;
  noiseVariance: number;
  /** P, A = PD, PR, P∂²R, PRP, AP = PDP, P² (n×n, row-major). */
  matrices: Record<'P' | 'A' | 'PR' | 'PE' | 'PRP' | 'AP' | 'P2', Float64Array>;
  /** α, Rα, Dα, ∂²Rα, PRα, Aα, Pα and the diagonals named by their matrix. */
  vectors: Record<VectorName, Float64Array>;
  /** ⟨P, R⟩, ⟨P, D⟩, ⟨P, ∂²R⟩, tr P, ⟨A, P⟩, tr(A²), ‖P‖². */
  sums: Record<'PR' | 'PD' | 'PE' | 'P' | 'AP' | 'AA' | 'PP', number>;
  /** n-vectors for one removal: α₋, M₋α₋ (M = R, D, ∂²R), then P times R₋α₋, D₋α₋, α₋. */
  scratch: Record<'reducedAlpha' | 'uR' | 'uD' | 'uE' | 'wR' | 'wD' | 'wA', Float64Array>;
}

type VectorName =
  | 'alpha'
  | 'Ra'
  | 'Da'
  | 'Ea'
  | 'PRa'
  | 'Aa'
  | 'Pa'
  | 'dR'
  | 'dD'
  | 'dE'
  | 'dPR'
  | 'dA'
  | 'dPE'
  | 'dPRP'
  | 'dAP'
  | 'dPEP'
  | 'dPAP'
  | 'dAAP'
  | 'dPA'
  | 'dAA'
  | 'dP2'
  | 'dP3';

/** diag(XY) for n×n row-major X, Y: Σₖ Xᵢₖ Yₖᵢ. */
function diagonalOfProduct(x: Float64Array, y: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += x[i * n + k]! * y[k * n + i]!;
    out[i] = sum;
  }
  return out;
}

function traceOf(vector: Float64Array): number {
  return vector.reduce((sum, value) => sum + value, 0);
}

/**
 * The downdate's quantities from a fit's state whose likelihood buffers describe θ̂ to order 2
 * (rules/state.ts, `fitState`): O(n³) once, on the workspace's dense kernels.
 */
export function createRemovalDowndate(state: FitInternals): RemovalDowndate {
  const workspace = state.workspace;
  const { n, kernels } = workspace;
  const [, logSignal, logNoise] = state.internalLogTheta;
  const P = workspace.precision.slice();
  const A = workspace.precisionTimesDLogLengthscale.slice();
  const R = workspace.correlation;
  const D = workspace.correlationDLogLengthscale;
  const E = workspace.correlationD2LogLengthscale;
  // X Yᵀ = XY for the symmetric Y used here.
  const times = (x: Float64Array, y: Float64Array) => {
    const out = new Float64Array(n * n);
    multiplyTransposed(kernels, x, y, n, out);
    return out;
  };
  const PR = times(P, R);
  const PE = times(P, E);
  const PRP = times(PR, P);
  const AP = times(A, P);
  const P2 = times(P, P);
  const matrixVector = (matrix: Float64Array, vector: Float64Array) => {
    const out = new Float64Array(n);
    multiplyMatrixVector(matrix, n, vector, out);
    return out;
  };
  const alpha = workspace.alpha.slice();
  const diagonal = (matrix: Float64Array) =>
    Float64Array.from({ length: n }, (_, i) => matrix[i * n + i]!);
  const vectors: Record<VectorName, Float64Array> = {
    alpha,
    Ra: matrixVector(R, alpha),
    Da: matrixVector(D, alpha),
    Ea: matrixVector(E, alpha),
    PRa: matrixVector(PR, alpha),
    Aa: matrixVector(A, alpha),
    Pa: matrixVector(P, alpha),
    dR: diagonal(R),
    dD: diagonal(D),
    dE: diagonal(E),
    dPR: diagonal(PR),
    dA: diagonal(A),
    dPE: diagonal(PE),
    dPRP: diagonal(PRP),
    dAP: diagonal(AP),
    dPEP: diagonalOfProduct(PE, P, n),
    dPAP: diagonalOfProduct(P, AP, n),
    dAAP: diagonalOfProduct(A, AP, n),
    dPA: diagonalOfProduct(P, A, n),
    dAA: diagonalOfProduct(A, A, n),
    dP2: diagonal(P2),
    dP3: diagonalOfProduct(P2, P, n),
  };
  return {
    n,
    signalVariance: Math.exp(2 * logSignal),
    noiseVariance: Math.exp(2 * logNoise),
    matrices: { P, A, PR, PE, PRP, AP, P2 },
    vectors,
    sums: {
      PR: traceOf(vectors.dPR),
      PD: traceOf(vectors.dA),
      PE: traceOf(vectors.dPE),
      P: traceOf(vectors.dR.map((_, i) => P[i * n + i]!)),
      AP: traceOf(vectors.dAP),
      AA: traceOf(vectors.dAA),
      PP: traceOf(vectors.dP2),
    },
    scratch: {
      reducedAlpha: new Float64Array(n),
      uR: new Float64Array(n),
      uD: new Float64Array(n),
      uE: new Float64Array(n),
      wR: new Float64Array(n),
      wD: new Float64Array(n),
      wA: new Float64Array(n),
    },
  };
}

/**
 * The gradient and Hessian in log θ of the likelihood of the data without point `index`, at the
 * full data's θ̂, in O(n) from the downdate (see the header).
 */
export function removalDerivatives(
  downdate: RemovalDowndate,
  index: number,
): { gradient: LogTheta; hessian: Matrix3 } {
  const { n, matrices: m, vectors: v, sums, signalVariance, noiseVariance } = downdate;
  const i = index;
  const row = i * n;
  const P = m.P;
  const c = P[row + i]!;
  const s = v.alpha[i]! / c;
  const at = (name: VectorName) => v[name][i]!;
  const Aii = m.A[row + i]!;
  const pp = at('dP2');
  const bb = pp - c * c;
  const ab = at('dAP') - c * Aii;
  const bAb = at('dPAP') - c * at('dAP') - c * at('dPA') + c * c * Aii;
  const bPa = at('dPAP') - Aii * pp - c * at('dAP') + c * c * Aii;
  const aAb = at('dAAP') - c * at('dAA') - Aii * at('dAP') + c * Aii * Aii;
  const bPb = at('dP3') - 2 * c * pp + c * c * c;
  const precisionDot = (full: number, dPM: number, dM: number, dPMP: number) =>
    full - 2 * dPM + c * dM - (dPMP - 2 * c * dPM + c * c * dM) / c;

  // α₋, M₋α₋ (M = R, D, ∂²R), and P applied to α₋, R₋α₋, D₋α₋ before the rank-one term.
  const { reducedAlpha, uR, uD, uE, wR, wD, wA } = downdate.scratch;
  const ownR = at('Ra') - s * at('dPR');
  const ownD = at('Da') - s * at('dA');
  for (let k = 0; k < n; k++) {
    const pk = P[row + k]!;
    reducedAlpha[k] = v.alpha[k]! - s * pk;
    uR[k] = v.Ra[k]! - s * m.PR[row + k]!;
    uD[k] = v.Da[k]! - s * m.A[row + k]!;
    uE[k] = v.Ea[k]! - s * m.PE[row + k]!;
    wR[k] = v.PRa[k]! - s * m.PRP[row + k]! - pk * ownR;
    wD[k] = v.Aa[k]! - s * m.AP[k * n + i]! - pk * ownD;
    wA[k] = v.Pa[k]! - s * m.P2[row + k]!;
  }
  for (const vector of [reducedAlpha, uR, uD, uE]) vector[i] = 0;
  const dot = (x: Float64Array, y: Float64Array) => {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += x[k]! * y[k]!;
    return sum;
  };
  const pDotD = dot(P.subarray(row, row + n), uD);
  const pDotR = dot(P.subarray(row, row + n), uR);
  const pDotA = dot(P.subarray(row, row + n), reducedAlpha);
  // uᵀP₋w = uᵀPw − (pᵀu)(pᵀw)/c for u, w with entry i zero.
  const quadratic = (u: Float64Array, pu: number, pw: Float64Array, pDotW: number) =>
    dot(u, pw) - (pu * pDotW) / c;

  const terms = new Float64Array(TERM_COUNT);
  terms[TERM.alphaDRAlpha] = dot(reducedAlpha, uD);
  terms[TERM.alphaRAlpha] = dot(reducedAlpha, uR);
  terms[TERM.alphaAlpha] = dot(reducedAlpha, reducedAlpha);
  terms[TERM.alphaD2RAlpha] = dot(reducedAlpha, uE);
  terms[TERM.precisionDotR] = precisionDot(sums.PR, at('dPR'), at('dR'), at('dPRP'));
  terms[TERM.precisionDotDR] = precisionDot(sums.PD, at('dA'), at('dD'), at('dAP'));
  terms[TERM.traceProduct] = terms[TERM.precisionDotDR]!;
  terms[TERM.precisionDotD2R] = precisionDot(sums.PE, at('dPE'), at('dE'), at('dPEP'));
  terms[TERM.tracePrecision] = sums.P - c - bb / c;
  terms[TERM.productDotPrecision] =
    sums.AP - at('dAP') - at('dPA') + c * Aii - (bAb + bPa) / c + (bb * ab) / (c * c);
  terms[TERM.productTraceOfSquare] =
    sums.AA - 2 * at('dAA') + Aii * Aii - (2 * aAb) / c + (ab * ab) / (c * c);
  terms[TERM.dRAlphaDotProductAlpha] = quadratic(uD, pDotD, wD, pDotD);
  terms[TERM.dRAlphaDotPrecisionRAlpha] = quadratic(uD, pDotD, wR, pDotR);
  terms[TERM.dRAlphaDotPrecisionAlpha] = quadratic(uD, pDotD, wA, pDotA);
  terms[TERM.rAlphaDotPrecisionRAlpha] = quadratic(uR, pDotR, wR, pDotR);
  terms[TERM.rAlphaDotPrecisionAlpha] = quadratic(uR, pDotR, wA, pDotA);
  terms[TERM.alphaDotPrecisionAlpha] = quadratic(reducedAlpha, pDotA, wA, pDotA);

  let diagonalSquares = 0;
  let identityMinusScaledDiagonalSquares = 0;
  for (let k = 0; k < n; k++) {
    if (k === i) continue;
    const bk = P[row + k]!;
    const diagonal = P[k * n + k]! - (bk * bk) / c;
    diagonalSquares += diagonal * diagonal;
    identityMinusScaledDiagonalSquares += (1 - noiseVariance * diagonal) ** 2;
  }
  const squares = sums.PP - 2 * pp + c * c - (2 * bPb) / c + (bb * bb) / (c * c);
  terms[TERM.precisionLowerSquares] = 0.5 * (squares - diagonalSquares);
  terms[TERM.precisionDiagonalSquares] = diagonalSquares;
  terms[TERM.identityMinusScaledDiagonalSquares] = identityMinusScaledDiagonalSquares;
  return {
    gradient: likelihoodGradient(terms, signalVariance, noiseVariance),
    hessian: likelihoodHessian(terms, signalVariance, noiseVariance),
  };
}
