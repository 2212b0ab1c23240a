/**
 * The Laplace approximation of the likelihood around θ̂, in the landscape's coordinates.
 *
 * Near a strict maximum, L(θ) ≈ L(θ̂) + ½ (θ − θ̂)ᵀ H (θ − θ̂) in θ = (log ℓ, log σf, log σn): to
 * second order the likelihood is a Gaussian in θ with covariance Σ = −H⁻¹ (the Laplace
 * approximation; MacKay 2003, *Information Theory, Inference, and Learning Algorithms*, ch. 27).
 * A sharp peak (large |H|) gives a small Σ: θ̂ is well determined by the data.
 *
 * The landscape plots u = (log ℓ, log g) with g = σn²/σf², a linear map of θ:
 *
 *     u = J θ,   J = ⎡1   0  0⎤   (log g = 2 log σn − 2 log σf),
 *                    ⎣0  −2  2⎦
 *
 * so u has the marginal covariance Σᵤ = J Σ Jᵀ:
 *
 *     Σᵤ₁₁ = Σ₁₁,   Σᵤ₁₂ = 2 (Σ₁₃ − Σ₁₂),   Σᵤ₂₂ = 4 (Σ₂₂ − 2 Σ₂₃ + Σ₃₃).
 *
 * The landscape shows the profile likelihood (σf maximised at fixed u). For a quadratic L the
 * profile over the remaining coordinate is −½ (u − û)ᵀ Σᵤ⁻¹ (u − û) (the Schur complement of the
 * precision equals the inverse of the marginal covariance), so the ellipse
 * (u − û)ᵀ Σᵤ⁻¹ (u − û) = k² is the Laplace prediction of the contour k²/2 nats below the top:
 * k = 1 at 0.5 nats, k = 2 at 2 nats.
 */
import { inverseSymmetric3 } from './small3';
import type { Matrix3 } from './types';

/** A symmetric 2×2 matrix as rows. */
export type Matrix2 = [[number, number], [number, number]];

/**
 * Σᵤ = J (−H⁻¹) Jᵀ, the Laplace covariance of (log ℓ, log σn²/σf²) from the Hessian of L in
 * (log ℓ, log σf, log σn); null unless it is positive definite (H negative definite).
 */
export function profileCovariance(hessianLogTheta: Matrix3): Matrix2 | null {
  if (!hessianLogTheta.every((row) => row.every(Number.isFinite))) return null;
  const inverse = inverseSymmetric3(hessianLogTheta);
  const sigma = (i: 0 | 1 | 2, j: 0 | 1 | 2) => -inverse[i][j];
  const aa = sigma(0, 0);
  const ab = 2 * (sigma(0, 2) - sigma(0, 1));
  const bb = 4 * (sigma(1, 1) - 2 * sigma(1, 2) + sigma(2, 2));
  const positiveDefinite = aa > 0 && bb > 0 && aa * bb - ab * ab > 0;
  return positiveDefinite && [aa, ab, bb].every(Number.isFinite)
    ? [
        [aa, ab],
        [ab, bb],
      ]
    : null;
}

/** A principal axis of an ellipse: its unit direction and its half-length. */
export interface EllipseAxis {
  direction: [number, number];
  halfLength: number;
}

/**
 * The principal axes of {u : uᵀ C⁻¹ u = k²} for a positive definite C: along the eigenvectors of
 * C, with half-lengths k √λ. The longer axis first.
 */
export function ellipseAxes(covariance: Matrix2, k: number): [EllipseAxis, EllipseAxis] {
  const [[a, b], [, d]] = covariance;
  const mean = (a + d) / 2;
  const radius = Math.hypot((a - d) / 2, b);
  const larger = mean + radius;
  const smaller = Math.max(0, mean - radius);
  // Eigenvector of the larger eigenvalue: (b, λ − a), or (λ − d, b), whichever is better scaled.
  const first: [number, number] =
    Math.abs(larger - a) + Math.abs(b) >= Math.abs(larger - d) + Math.abs(b)
      ? [b, larger - a]
      : [larger - d, b];
  const norm = Math.hypot(first[0], first[1]);
  const major: [number, number] = norm > 0 ? [first[0] / norm, first[1] / norm] : [1, 0];
  return [
    { direction: major, halfLength: k * Math.sqrt(larger) },
    { direction: [-major[1], major[0]], halfLength: k * Math.sqrt(smaller) },
  ];
}

/**
 * `segments` points on the ellipse (u − centre)ᵀ C⁻¹ (u − centre) = k², in order around it:
 * centre + k √λ₁ cos t e₁ + k √λ₂ sin t e₂.
 */
export function laplaceEllipse(
  centre: [number, number],
  covariance: Matrix2,
  k: number,
  segments = 72,
): [number, number][] {
  const [major, minor] = ellipseAxes(covariance, k);
  return Array.from({ length: segments }, (_, i) => {
    const t = (2 * Math.PI * i) / segments;
    const along = major.halfLength * Math.cos(t);
    const across = minor.halfLength * Math.sin(t);
    return [
      centre[0] + along * major.direction[0] + across * minor.direction[0],
      centre[1] + along * major.direction[1] + across * minor.direction[1],
    ];
  });
}
