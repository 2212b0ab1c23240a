/**
 * The leave-one-out objective (loo.ts) of the data without one point, at the full data's θ̂, from
 * the full data's factorisation: its exact value, gradient and Hessian in log θ in O(n²) per point
 * after O(n³) once, instead of a fresh O(n³) evaluation per point (removal-start.ts;
 * docs/rules.md, "Point influence").
 *
 * With P = K⁻¹ of all n points, removing point k leaves P₋ = M restricted to the other points,
 *
 *   M = P − uuᵀ/c,   u = P eₖ,   c = Pₖₖ,
 *
 * an n×n matrix whose row and column k vanish, so that M X M ignores row and column k of any X
 * and every reduced quantity is a full-size vector whose entry k is 0 (and is skipped):
 *
 *   α₋ = My = α − s u  (s = αₖ/c),      c₋ₐ = Pₐₐ − uₐ²/c,
 *   βᵢ₋ = MKᵢα₋ = βᵢ − s qᵢ − u (βᵢₖ − s qᵢₖ)/c,
 *   γᵢ₋ = diag(MKᵢM) = γᵢ − 2 u∘qᵢ/c + u∘u qᵢₖ/c²,
 *
 * with Qᵢ = PKᵢP and qᵢ its row k. For the Hessian's diagonals, with X, Y ∈ {Kᵢ}, T = PXPYP, its
 * row k t (tₐ = Tₖₐ) and column k t' (t'ₐ = Tₐₖ), and x, y the rows k of PXP, PYP:
 *
 *   diag(MXMYM)ₐ = Tₐₐ − uₐ(tₐ + t'ₐ)/c − xₐyₐ/c + uₐ(xₖyₐ + xₐyₖ)/c² + uₐ²Tₖₖ/c² − uₐ²xₖyₖ/c³,
 *   diag(MZM)ₐ   = (PZP)ₐₐ − 2uₐ(PZP)ₖₐ/c + uₐ²(PZP)ₖₖ/c²          (Z = Kᵢⱼ),
 *
 * each the expansion of M = P − wwᵀ (w = u/√c) in the triple product. The rest of the Hessian,
 * u₋ = Ma₋ (a₋ = α₋/c₋), Kⱼu₋ and u₋ᵀKᵢⱼα₋, takes four matrix–vector products per point. As in
 * loo.ts, K_ℓ = σf²Δ, K_f = 2(K − σn²I), K_n = 2σn²I, so every Qᵢ, PKᵢPKⱼP and PKᵢⱼP is a
 * combination of P, P², P³, S = PΔP, SP, AS (A = PΔ) and PΔ₂P: four O(n³) products beyond an
 * evaluation's (P², S, PΔ₂ are its own). The final sums are loo.ts's (`looGradient`,
 * `looHessian`). Gradients and Hessians in log θ do not depend on the units (standardize.ts), so
 * the full data's internal units serve for every reduced dataset; the value is in those units.
 */
import type { FitInternals } from '../fit';
import { dot, multiplyMatrixVector, multiplyTransposed } from '../linalg';
import type { LogTheta, Matrix3 } from '../types';
import { LOG_TWO_PI, looGradient, looHessian } from './loo';
import { PAIRS } from './loo-curvature';

/** Σ coefficient × matrix (n×n, row-major). */
type Combination = readonly (readonly [number, Float64Array])[];

/** The full data's quantities at θ̂ from which every removal's LOO derivatives are had. */
export interface LooDowndate {
  n: number;
  signalVariance: number;
  noiseVariance: number;
  /** P, R, Δ = ∂R/∂log ℓ, Δ₂ = ∂²R/∂(log ℓ)² (copies). */
  matrices: Record<'P' | 'R' | 'D' | 'E', Float64Array>;
  /** α, diag P, βᵢ and γᵢ of the full data. */
  alpha: Float64Array;
  precisionDiagonal: Float64Array;
  beta: Float64Array[];
  gamma: Float64Array[];
  /** Qᵢ = PKᵢP. */
  sandwiches: Combination[];
  /** PKᵢPKⱼP and PKᵢⱼP for the pairs of PAIRS. */
  triples: Combination[];
  seconds: Combination[];
  /** 2 diag(PKᵢPKⱼP) − diag(PKᵢⱼP) of the full data, for the pairs of PAIRS. */
  curvature: Float64Array[];
  /** n-vectors for one removal. */
  scratch: Record<ScratchName, Float64Array> & Record<ScratchSetName, Float64Array[]>;
}

type ScratchName =
  | 'alpha'
  | 'precisionDiagonal'
  | 'residualWeight'
  | 'varianceWeight'
  | 'u'
  | 'precisionA'
  | 'dU'
  | 'd2U'
  | 'rowT'
  | 'columnT'
  | 'rowSecond';
type ScratchSetName = 'rowSandwich' | 'beta' | 'gamma' | 'kernelU' | 'curvature';

function rowOf(combination: Combination, n: number, row: number, out: Float64Array): Float64Array {
  out.fill(0);
  for (const [coefficient, matrix] of combination) {
    for (let a = 0; a < n; a++) out[a] = out[a]! + coefficient * matrix[row * n + a]!;
  }
  return out;
}

function columnOf(combination: Combination, n: number, column: number, out: Float64Array) {
  out.fill(0);
  for (const [coefficient, matrix] of combination) {
    for (let a = 0; a < n; a++) out[a] = out[a]! + coefficient * matrix[a * n + column]!;
  }
  return out;
}

function diagonalOf(combination: Combination, n: number): Float64Array {
  const out = new Float64Array(n);
  for (const [coefficient, matrix] of combination) {
    for (let a = 0; a < n; a++) out[a] = out[a]! + coefficient * matrix[a * n + a]!;
  }
  return out;
}

const scaled = (factor: number, combination: Combination): Combination =>
  combination.map(([coefficient, matrix]) => [factor * coefficient, matrix] as const);

/**
 * The downdate's quantities from a `loo` fit's state whose buffers describe θ̂ to order 2
 * (rules/state.ts, `fitState`): four O(n³) products, once.
 */
export function createLooDowndate(state: FitInternals): LooDowndate {
  const { workspace, objective } = state;
  const loo = objective.loo;
  if (!loo || loo.evaluatedOrder !== 2) throw new Error('the LOO downdate needs an order-2 state');
  const { n, kernels } = workspace;
  const signalVariance = Math.exp(2 * state.internalLogTheta[1]);
  const noiseVariance = Math.exp(2 * state.internalLogTheta[2]);
  const P = workspace.precision.slice();
  const A = workspace.precisionTimesDLogLengthscale;
  const P2 = loo.precisionSquared.slice();
  const S = loo.sandwich.slice();
  const times = (x: Float64Array, y: Float64Array) => {
    const out = new Float64Array(n * n);
    multiplyTransposed(kernels, x, y, n, out); // X Yᵀ = XY for the symmetric Y used here
    return out;
  };
  const P3 = times(P2, P);
  const SP = times(S, P);
  const AS = times(A, S);
  const PE = times(loo.scratch, P); // PΔ₂ · P
  const s2 = signalVariance;
  const n2 = noiseVariance;
  const sandwiches: Combination[] = [
    [[s2, S]],
    [
      [2, P],
      [-2 * n2, P2],
    ],
    [[2 * n2, P2]],
  ];
  const triples: Combination[] = [
    [[s2 * s2, AS]],
    [
      [2 * s2, S],
      [-2 * s2 * n2, SP],
    ],
    [[2 * s2 * n2, SP]],
    [
      [4, P],
      [-8 * n2, P2],
      [4 * n2 * n2, P3],
    ],
    [
      [4 * n2, P2],
      [-4 * n2 * n2, P3],
    ],
    [[4 * n2 * n2, P3]],
  ];
  // PKᵢⱼP: K_ℓℓ = σf²Δ₂, K_ℓf = 2σf²Δ, K_ff = 2K_f, K_nn = 2K_n, K_ℓn = K_fn = 0.
  const seconds: Combination[] = [
    [[s2, PE]],
    scaled(2, sandwiches[0]!),
    [],
    scaled(2, sandwiches[1]!),
    [],
    scaled(2, sandwiches[2]!),
  ];
  const curvature = PAIRS.map((_, pair) => {
    const triple = diagonalOf(triples[pair]!, n);
    const second = diagonalOf(seconds[pair]!, n);
    return triple.map((value, a) => 2 * value - second[a]!);
  });
  const vector = () => new Float64Array(n);
  const three = () => [vector(), vector(), vector()];
  return {
    n,
    signalVariance,
    noiseVariance,
    matrices: {
      P,
      R: workspace.correlation.slice(),
      D: workspace.correlationDLogLengthscale.slice(),
      E: workspace.correlationD2LogLengthscale.slice(),
    },
    alpha: workspace.alpha.slice(),
    precisionDiagonal: loo.precisionDiagonal.slice(),
    beta: loo.beta.map((values) => values.slice()),
    gamma: loo.gamma.map((values) => values.slice()),
    sandwiches,
    triples,
    seconds,
    curvature,
    scratch: {
      alpha: vector(),
      precisionDiagonal: vector(),
      residualWeight: vector(),
      varianceWeight: vector(),
      u: vector(),
      precisionA: vector(),
      dU: vector(),
      d2U: vector(),
      rowT: vector(),
      columnT: vector(),
      rowSecond: vector(),
      rowSandwich: three(),
      beta: three(),
      gamma: three(),
      kernelU: three(),
      curvature: PAIRS.map(vector),
    },
  };
}

/**
 * L_LOO of the data without point `index` and its gradient and Hessian in log θ, at the full
 * data's θ̂ (internal units), from the downdate (see the header).
 */
export function looRemovalDerivatives(
  downdate: LooDowndate,
  index: number,
): { value: number; gradient: LogTheta; hessian: Matrix3 } {
  const { n, matrices, signalVariance, noiseVariance, scratch } = downdate;
  const k = index;
  const P = matrices.P;
  const u = P.subarray(k * n, (k + 1) * n);
  const c = P[k * n + k]!;
  const s = downdate.alpha[k]! / c;
  const q = downdate.sandwiches.map((sandwich, i) =>
    rowOf(sandwich, n, k, scratch.rowSandwich[i]!),
  );

  const { alpha, precisionDiagonal, residualWeight: a, varianceWeight: b } = scratch;
  let value = -0.5 * (n - 1) * LOG_TWO_PI;
  for (let j = 0; j < n; j++) {
    alpha[j] = downdate.alpha[j]! - s * u[j]!;
    precisionDiagonal[j] = downdate.precisionDiagonal[j]! - (u[j]! * u[j]!) / c;
    a[j] = alpha[j]! / precisionDiagonal[j]!;
    b[j] = 0.5 / precisionDiagonal[j]! + 0.5 * a[j]! * a[j]!;
    if (j !== k) value += 0.5 * Math.log(precisionDiagonal[j]!) - 0.5 * a[j]! * alpha[j]!;
  }
  alpha[k] = 0;
  a[k] = 0;
  b[k] = 0;
  for (let i = 0; i < 3; i++) {
    const full = downdate.beta[i]!;
    const qi = q[i]!;
    const own = (full[k]! - s * qi[k]!) / c;
    const beta = scratch.beta[i]!;
    const gamma = scratch.gamma[i]!;
    for (let j = 0; j < n; j++) {
      beta[j] = full[j]! - s * qi[j]! - u[j]! * own;
      gamma[j] = downdate.gamma[i]![j]! + (u[j]! * ((u[j]! * qi[k]!) / c - 2 * qi[j]!)) / c;
    }
    beta[k] = 0;
  }
  const { gradient } = looGradient(a, b, scratch.beta, scratch.gamma, k);

  // u₋ = Ma₋ and the kernels applied to it.
  const { precisionA, dU, d2U } = scratch;
  const [uL, uF, uN] = scratch.kernelU as [Float64Array, Float64Array, Float64Array];
  multiplyMatrixVector(P, n, a, precisionA);
  const projection = dot(u, a) / c;
  for (let j = 0; j < n; j++) uN[j] = precisionA[j]! - u[j]! * projection;
  uN[k] = 0;
  multiplyMatrixVector(matrices.D, n, uN, dU);
  multiplyMatrixVector(matrices.R, n, uN, uF);
  multiplyMatrixVector(matrices.E, n, uN, d2U);
  const uSecondAlpha = [
    [signalVariance * dot(d2U, alpha), 2 * signalVariance * dot(dU, alpha), 0],
    [0, 4 * signalVariance * dot(uF, alpha), 0],
    [0, 0, 4 * noiseVariance * dot(uN, alpha)],
  ];
  for (let j = 0; j < n; j++) {
    uL[j] = signalVariance * dU[j]!;
    uF[j] = 2 * signalVariance * uF[j]!;
    uN[j] = 2 * noiseVariance * uN[j]!;
  }

  const { rowT, columnT, rowSecond } = scratch;
  PAIRS.forEach(([i, j], pair) => {
    const x = q[i]!;
    const y = q[j]!;
    rowOf(downdate.triples[pair]!, n, k, rowT);
    columnOf(downdate.triples[pair]!, n, k, columnT);
    rowOf(downdate.seconds[pair]!, n, k, rowSecond);
    const full = downdate.curvature[pair]!;
    const out = scratch.curvature[pair]!;
    const xk = x[k]!;
    const yk = y[k]!;
    for (let m = 0; m < n; m++) {
      const um = u[m]!;
      const triple =
        (-um * (rowT[m]! + columnT[m]!) - x[m]! * y[m]!) / c +
        (um * (xk * y[m]! + x[m]! * yk + um * rowT[k]!)) / (c * c) -
        (um * um * xk * yk) / (c * c * c);
      const second = (um * ((um * rowSecond[k]!) / c - 2 * rowSecond[m]!)) / c;
      out[m] = full[m]! + 2 * triple - second;
    }
  });
  const hessian = looHessian(
    {
      precisionDiagonal,
      alpha,
      varianceWeight: b,
      beta: scratch.beta,
      gamma: scratch.gamma,
      kernelU: scratch.kernelU,
      uSecondAlpha,
    },
    { perPoint: scratch.curvature },
    k,
  );
  return { value, gradient, hessian };
}
