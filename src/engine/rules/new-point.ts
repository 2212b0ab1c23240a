/**
 * Where a new point would pull θ̂ (docs/rules.md, "A new point"). Add (x*, y*) with weight w, its
 * noise σn²/w and its likelihood tempered, so that w = 0 is the data as they are. The rule's
 * objective then changes at the rate φ(θ) = ∂R/∂w at w = 0, and by the implicit function theorem
 * the first-order pull of adding the point is dθ̂/dw = −H⁻¹ ∇φ. With the latent posterior at x*
 * given the data, f* ~ N(μ*, v*), μ* = k*ᵀα, v* = σf² − k*ᵀz, z = Pk*, and r = y* − μ*:
 *
 *   ml:   φ = E[log N(y* | f*, σn²)] = −log σn − ½ log 2π − (r² + v*)/(2σn²)
 *   map:  the same, plus the motion of a data-relative prior's centres with a new point (prior.ts)
 *   loo:  φ = log N(y* | μ*, v* + σn²) + [r aᵀz + bᵀ(z∘z)]/σn²   (its own held-out term, plus how
 *         conditioning on the new point moves every other point's: dα = −z r/σn², dc = z∘z/σn²)
 *
 * For fixed x*, ∇φ is a quadratic polynomial in r (so in y*), whose coefficients need
 * ∂ᵢμ* = ∂ᵢk*ᵀα − k*ᵀβᵢ, ∂ᵢv* = 2σf²[i = f] − 2∂ᵢk*ᵀz + zᵀKᵢz and, for loo,
 * ∂ᵢz = P∂ᵢk* − PKᵢz: a few products with P and ∂R/∂log ℓ, O(n²) per x*, O(1) per y*.
 */
import type { FitInternals } from '../fit';
import { kernelCorrelationAndLogDerivative } from '../kernels';
import { dot, multiplyMatrixVector } from '../linalg';
import type { LogTheta } from '../types';
import { sharedPieces, type SharedPieces } from './loo-partials';
import { priorCenterMotion } from './prior';

/** ∇φ at one x* as polynomials in y* (internal units): gradient[i] = c[i][0] + c[i][1]y + c[i][2]y². */
export interface PullColumn {
  coefficients: [LogTheta, LogTheta, LogTheta];
  /** The latent posterior mean and variance at x* (internal units). */
  mean: number;
  variance: number;
}

/** Computes the columns for one fitted state; `column(x)` takes x* in internal units. */
export function pullColumns(state: FitInternals): (x: number) => PullColumn {
  const { workspace, objective, internalLogTheta } = state;
  const { n, alpha, precision, kernel } = workspace;
  const lengthscale = Math.exp(internalLogTheta[0]);
  const signalVariance = Math.exp(2 * internalLogTheta[1]);
  const noiseVariance = Math.exp(2 * internalLogTheta[2]);
  const betas = [
    workspace.productAlpha.map((value) => signalVariance * value),
    workspace.precisionRAlpha.map((value) => 2 * signalVariance * value),
    workspace.precisionAlpha.map((value) => 2 * noiseVariance * value),
  ];
  const motion = priorCenterMotion(objective.prior, workspace.x, workspace.y);
  const loo = objective.loo;
  const pieces: SharedPieces | null = loo
    ? sharedPieces(workspace, loo, noiseVariance, signalVariance)
    : null;
  const cross = new Float64Array(n);
  const crossDerivative = new Float64Array(n);
  const z = new Float64Array(n);
  const deltaZ = new Float64Array(n);
  const pair = new Float64Array(2);
  const precisionZ = new Float64Array(n);
  const difference = new Float64Array(n);
  const lengthscaleZ = new Float64Array(n);

  return (xStar) => {
    for (let a = 0; a < n; a++) {
      kernelCorrelationAndLogDerivative(
        kernel,
        Math.abs(xStar - workspace.x[a]!),
        lengthscale,
        pair,
      );
      cross[a] = signalVariance * pair[0]!;
      crossDerivative[a] = signalVariance * pair[1]!;
    }
    multiplyMatrixVector(precision, n, cross, z);
    multiplyMatrixVector(workspace.correlationDLogLengthscale, n, z, deltaZ);
    const mean = dot(cross, alpha);
    const crossZ = dot(cross, z);
    const variance = signalVariance - crossZ;
    const zz = dot(z, z);
    const dMean: LogTheta = [
      dot(crossDerivative, alpha) - dot(cross, betas[0]!),
      2 * mean - dot(cross, betas[1]!),
      -dot(cross, betas[2]!),
    ];
    const dVariance: LogTheta = [
      -2 * dot(crossDerivative, z) + signalVariance * dot(z, deltaZ),
      2 * signalVariance - 2 * crossZ - 2 * noiseVariance * zz,
      2 * noiseVariance * zz,
    ];
    // Coefficients of ∇φ in r = y* − μ*.
    const c: [LogTheta, LogTheta, LogTheta] = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    if (!loo) {
      for (let i = 0; i < 3; i++) {
        c[i]![0] = (-0.5 * dVariance[i]!) / noiseVariance;
        c[i]![1] = dMean[i]! / noiseVariance;
      }
      c[2][0] += -1 + variance / noiseVariance;
      c[2][2] = 1 / noiseVariance;
    } else {
      const { residualWeight: a, varianceWeight: b } = loo;
      multiplyMatrixVector(precision, n, z, precisionZ);
      for (let k = 0; k < n; k++) difference[k] = crossDerivative[k]! - signalVariance * deltaZ[k]!;
      multiplyMatrixVector(precision, n, difference, lengthscaleZ);
      const total = variance + noiseVariance;
      const aZ = dot(a, z);
      let bZZ = 0;
      for (let k = 0; k < n; k++) bZZ += b[k]! * z[k]! * z[k]!;
      for (let i = 0; i < 3; i++) {
        const dTotal = dVariance[i]! + (i === 2 ? 2 * noiseVariance : 0);
        // ∂ᵢz: σf²P(∂r* − Δz), 2σn²Pz, −2σn²Pz.
        const dz = i === 0 ? lengthscaleZ : precisionZ;
        const dzScale = i === 0 ? 1 : i === 1 ? 2 * noiseVariance : -2 * noiseVariance;
        const aDz = dzScale * dot(a, dz);
        let bZDz = 0;
        let qZZ = 0;
        for (let k = 0; k < n; k++) {
          bZDz += b[k]! * z[k]! * dz[k]!;
          qZZ += pieces!.q[i as 0 | 1 | 2][k]! * z[k]! * z[k]!;
        }
        bZDz *= dzScale;
        const pZ = dot(pieces!.p[i as 0 | 1 | 2], z);
        const own = [(-0.5 * dTotal) / total, dMean[i]! / total, dTotal / (2 * total * total)];
        const moved = [
          (-(i === 2 ? 2 : 0) * bZZ - dMean[i]! * aZ + qZZ + 2 * bZDz) / noiseVariance,
          (-(i === 2 ? 2 : 0) * aZ - pZ + aDz) / noiseVariance,
        ];
        c[i]![0] = own[0]! + moved[0]!;
        c[i]![1] = own[1]! + moved[1]!;
        c[i]![2] = own[2]!;
      }
    }
    // r = y − μ*: re-expand as polynomials in y.
    const coefficients = c.map(([c0, c1, c2]) => [
      c0 - c1 * mean + c2 * mean * mean,
      c1 - 2 * c2 * mean,
      c2,
    ]) as [LogTheta, LogTheta, LogTheta];
    if (motion) {
      // The prior's centres move by (1/sᵢ²)·½((x − x̄)²/s_x² − 1)/n and ½(y²/s_y² − 1)/n.
      const atZero = motion.dw(xStar, 0);
      const atOne = motion.dw(xStar, 1);
      for (let i = 0; i < 3; i++) {
        coefficients[i]![0] += atZero[i]!;
        coefficients[i]![2] += atOne[i]! - atZero[i]!;
      }
    }
    return { coefficients, mean, variance };
  };
}
