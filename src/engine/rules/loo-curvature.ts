/**
 * The curvature terms of the leave-one-out Hessian (loo.ts): 2(PKᵢPKⱼP)ₐₐ − (PKᵢⱼP)ₐₐ for each pair
 * (i, j) from a few diagonals of products of P, S = PΔP and PΔ₂P, per point or — for the Hessian
 * alone — summed with the weights b by the dense kernels' `looCurvatureSums` (docs/rules.md).
 */
import type { LikelihoodWorkspace } from '../likelihood';
import { LOO_CURVATURE_SUM } from '../loo-curvature-terms';
import type { LooWorkspace } from './loo';

/** The pairs (i, j), i ≤ j, of the Hessian's upper triangle, in the order of `curvature`. */
export const PAIRS = [
  [0, 0],
  [0, 1],
  [0, 2],
  [1, 1],
  [1, 2],
  [2, 2],
] as const;

/** One point's diagonals (or their sums weighted by b) that the curvature is made of. */
export interface CurvatureDiagonals {
  /** Pₐₐ. */
  c: number;
  /** (P²)ₐₐ, (P³)ₐₐ. */
  d2: number;
  d3: number;
  /** S = PΔP: Sₐₐ, (SP)ₐₐ, (AS)ₐₐ. */
  s1: number;
  s2: number;
  s3: number;
  /** (PΔ₂P)ₐₐ. */
  e2: number;
}

export function zeroDiagonals(): CurvatureDiagonals {
  return { c: 0, d2: 0, d3: 0, s1: 0, s2: 0, s3: 0, e2: 0 };
}

/**
 * 2(PKᵢPKⱼP)ₐₐ − (PKᵢⱼP)ₐₐ for the pairs of PAIRS from the diagonals (module comment): K_ℓ = σf²Δ,
 * PK_fP = 2(P − σn²P²), PK_nP = 2σn²P². Linear in the diagonals, so their b-weighted sums give
 * the b-weighted sums of the curvature.
 */
export function pairCurvature(
  { c, d2, d3, s1, s2, s3, e2 }: CurvatureDiagonals,
  signalVariance: number,
  noiseVariance: number,
  out: Float64Array,
): void {
  const s4 = signalVariance * signalVariance;
  const n4 = noiseVariance * noiseVariance;
  out[0] = 2 * (s4 * s3) - signalVariance * e2;
  out[1] = 2 * (2 * signalVariance * (s1 - noiseVariance * s2)) - 2 * signalVariance * s1;
  out[2] = 2 * (2 * signalVariance * noiseVariance * s2);
  out[3] = 2 * (4 * (c - 2 * noiseVariance * d2 + n4 * d3)) - 4 * (c - noiseVariance * d2);
  out[4] = 2 * (4 * noiseVariance * (d2 - noiseVariance * d3));
  out[5] = 2 * (4 * n4 * d3) - 4 * noiseVariance * d2;
}

/**
 * Σₐ bₐ [2(PKᵢPKⱼP)ₐₐ − (PKᵢⱼP)ₐₐ] for the pairs of PAIRS without the diagonals: with Q = PBP,
 * Σ bₐ(PMP)ₐₐ = tr(MQ), so Σ b d3 = ⟨P, Q⟩, Σ b s2 = tr(ΔPQ) = ⟨A, Q⟩, Σ b e2 = ⟨Δ₂, Q⟩, and
 * Σ b s3 = Σₐ bₐ(AS)ₐₐ with S = AP: two symmetric products, in the dense kernels'
 * `looCurvatureSums` (loo-curvature-terms.ts). The JavaScript kernels compute in `precisionSquared`,
 * `sandwich` and `scratch`, which then hold none of what the workspace documents (order 1 only).
 */
export function curvatureSums(
  likelihood: LikelihoodWorkspace,
  loo: LooWorkspace,
  signalVariance: number,
  noiseVariance: number,
): Float64Array {
  const { n, precision } = likelihood;
  const { precisionDiagonal: c, varianceWeight: b } = loo;
  const [d2, , s1] = loo.diagonals as [Float64Array, Float64Array, Float64Array];
  const terms = loo.curvatureSums;
  likelihood.kernels.looCurvatureSums(
    {
      n,
      precision,
      precisionTimesDLogLengthscale: likelihood.precisionTimesDLogLengthscale,
      correlationD2LogLengthscale: likelihood.correlationD2LogLengthscale,
      varianceWeight: b,
    },
    { weighted: loo.scratch, q: loo.precisionSquared, sandwich: loo.sandwich },
    terms,
  );
  const sums = zeroDiagonals();
  for (let k = 0; k < n; k++) {
    sums.c += b[k]! * c[k]!;
    sums.d2 += b[k]! * d2[k]!;
    sums.s1 += b[k]! * s1[k]!;
  }
  sums.d3 = terms[LOO_CURVATURE_SUM.d3]!;
  sums.s2 = terms[LOO_CURVATURE_SUM.s2]!;
  sums.e2 = terms[LOO_CURVATURE_SUM.e2]!;
  sums.s3 = terms[LOO_CURVATURE_SUM.s3]!;
  const out = new Float64Array(PAIRS.length);
  pairCurvature(sums, signalVariance, noiseVariance, out);
  return out;
}
