/**
 * Stationary correlation functions ρ(r; ℓ) and the derivatives the likelihood, its Hessian and the
 * x-sensitivities need. Each kernel is written as ρ = φ(s) with s = c r / ℓ, so that with ∂s/∂log ℓ = −s:
 *
 *   ρ            = φ(s)
 *   ∂ρ/∂log ℓ    = −s φ'(s)
 *   ∂²ρ/∂log ℓ²  = s φ'(s) + s² φ''(s)
 *   ∂ρ/∂r        = (c/ℓ) φ'(s)
 *   ∂²ρ/∂r∂log ℓ = −(c/ℓ) (φ'(s) + s φ''(s))
 *
 * The derivatives in r are never filled separately: as ρ depends on r/ℓ only, ∂/∂log ℓ = −r ∂/∂r,
 * so ∂ρ/∂r and ∂²ρ/∂r∂log ℓ are the log ℓ-derivatives divided by −r (sensitivity-terms.ts).
 *
 * rbf:      φ = exp(−s²/2),          c = 1
 * matern52: φ = (1 + s + s²/3) e^−s, c = √5   (Rasmussen & Williams 2006, eq. 4.17)
 * matern32: φ = (1 + s) e^−s,        c = √3
 */
import type { DenseKernels } from './dense-kernels';
import type { KernelName } from './types';

/** φ(s), φ'(s), φ''(s) at one s, written into a reusable triple. */
type ProfileEvaluator = (s: number, out: Float64Array) => void;

interface KernelDefinition {
  /** The constant c in s = c r / ℓ. */
  scale: number;
  profile: ProfileEvaluator;
}

const KERNELS: Record<KernelName, KernelDefinition> = {
  rbf: {
    scale: 1,
    profile(s, out) {
      const phi = Math.exp(-0.5 * s * s);
      out[0] = phi;
      out[1] = -s * phi;
      out[2] = (s * s - 1) * phi;
    },
  },
  matern52: {
    scale: Math.sqrt(5),
    profile(s, out) {
      const decay = Math.exp(-s);
      out[0] = (1 + s + (s * s) / 3) * decay;
      out[1] = -(s / 3) * (1 + s) * decay;
      out[2] = ((s * s - s - 1) / 3) * decay;
    },
  },
  matern32: {
    scale: Math.sqrt(3),
    profile(s, out) {
      const decay = Math.exp(-s);
      out[0] = (1 + s) * decay;
      out[1] = -s * decay;
      out[2] = (s - 1) * decay;
    },
  },
};

const scratch = new Float64Array(3);

/** ρ(r; ℓ) for one distance r ≥ 0. */
export function kernelCorrelation(
  kernel: KernelName,
  distance: number,
  lengthscale: number,
): number {
  const definition = KERNELS[kernel];
  definition.profile((definition.scale * distance) / lengthscale, scratch);
  return scratch[0]!;
}

/**
 * ρ(r; ℓ) and ∂ρ/∂log ℓ = −s φ'(s) for one distance r ≥ 0, written into `out` (the cross-covariance
 * of a new input and its derivative, for the new-point pull).
 */
export function kernelCorrelationAndLogDerivative(
  kernel: KernelName,
  distance: number,
  lengthscale: number,
  out: Float64Array,
): void {
  const definition = KERNELS[kernel];
  const s = (definition.scale * distance) / lengthscale;
  definition.profile(s, scratch);
  out[0] = scratch[0]!;
  out[1] = -s * scratch[1]!;
}

/** Correlation matrices over the training inputs, each n×n row-major and symmetric. */
export interface CorrelationMatrices {
  /** R_ab = ρ(|x_a − x_b|). */
  correlation: Float64Array;
  /** ∂R/∂log ℓ. */
  correlationDLogLengthscale: Float64Array;
  /** ∂²R/∂(log ℓ)². */
  correlationD2LogLengthscale: Float64Array;
}

/**
 * Fills R, ∂R/∂log ℓ and ∂²R/∂(log ℓ)² for inputs x (one φ evaluation per pair) on `kernels`
 * (in WebAssembly SIMD, with its own exp, where they are the WebAssembly kernels).
 */
export function fillCorrelationMatrices(
  kernels: DenseKernels,
  kernel: KernelName,
  x: Float64Array,
  lengthscale: number,
  out: CorrelationMatrices,
): void {
  kernels.fillCorrelationMatrices(
    kernel,
    x,
    KERNELS[kernel].scale / lengthscale,
    out.correlation,
    out.correlationDLogLengthscale,
    out.correlationD2LogLengthscale,
  );
}

/** Fills only R (for the landscape and the posterior). */
export function fillCorrelation(
  kernels: DenseKernels,
  kernel: KernelName,
  x: Float64Array,
  lengthscale: number,
  correlation: Float64Array,
): void {
  kernels.fillCorrelationMatrices(kernel, x, KERNELS[kernel].scale / lengthscale, correlation);
}

/**
 * R_ab = φ(s) with s = sPerDistance |x_a − x_b| and, when given, ∂R/∂log ℓ = −s φ'(s) and
 * ∂²R/∂(log ℓ)² = s φ'(s) + s² φ''(s): the JavaScript reference for fillCorrelationMatrices in
 * wasm/dense/correlation.wat.
 */
export function fillCorrelationMatricesJs(
  kernel: KernelName,
  x: Float64Array,
  sPerDistance: number,
  correlation: Float64Array,
  dR?: Float64Array,
  d2R?: Float64Array,
): void {
  const n = x.length;
  const { profile } = KERNELS[kernel];
  for (let a = 0; a < n; a++) {
    const xa = x[a]!;
    const aOffset = a * n;
    correlation[aOffset + a] = 1;
    if (dR) dR[aOffset + a] = 0;
    if (d2R) d2R[aOffset + a] = 0;
    for (let b = 0; b < a; b++) {
      const s = Math.abs(xa - x[b]!) * sPerDistance;
      profile(s, scratch);
      const bOffset = b * n;
      correlation[aOffset + b] = scratch[0]!;
      correlation[bOffset + a] = scratch[0]!;
      if (dR) {
        const dLog = -s * scratch[1]!;
        dR[aOffset + b] = dLog;
        dR[bOffset + a] = dLog;
      }
      if (d2R) {
        const d2Log = s * scratch[1]! + s * s * scratch[2]!;
        d2R[aOffset + b] = d2Log;
        d2R[bOffset + a] = d2Log;
      }
    }
  }
}
