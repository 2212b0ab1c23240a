import { describe, expect, it } from 'vitest';
import {
  ellipseAxes,
  fitHyperparameters,
  landscapeBoxAround,
  LANDSCAPE_LIMITS,
  LANDSCAPE_MARGINS,
  laplaceEllipse,
  likelihoodLandscape,
  profileAt,
  profileCovariance,
  validateDataset,
  type Dataset,
  type Matrix2,
  type Matrix3,
} from '../../src/engine';
import { createLikelihoodWorkspace, evaluateLikelihood } from '../../src/engine/likelihood';
import { normalGenerator } from '../../src/engine/random';
import { referenceCases } from '../fixtures/reference';

/** A noisy sine of n evenly spread points: well determined, so the peak is nearly quadratic. */
function noisySine(n: number, noise: number, seed: number): Dataset {
  const normal = normalGenerator(seed);
  const x = Array.from({ length: n }, (_, i) => (10 * (i + 0.5)) / n);
  return validateDataset(
    x,
    x.map((value) => Math.sin(0.8 * value) + noise * normal()),
  );
}

/** The inverse of a 3×3 matrix by cofactors: independent of the engine's eigen-based inverse. */
function inverseByCofactors(m: Matrix3): number[][] {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const cofactors = [
    [e * i - f * h, -(d * i - f * g), d * h - e * g],
    [-(b * i - c * h), a * i - c * g, -(a * h - b * g)],
    [b * f - c * e, -(a * f - c * d), a * e - b * d],
  ];
  const determinant = a * cofactors[0]![0]! + b * cofactors[0]![1]! + c * cofactors[0]![2]!;
  // Adjugate = transpose of the cofactor matrix.
  return [0, 1, 2].map((row) => [0, 1, 2].map((col) => cofactors[col]![row]! / determinant));
}

/** The profile log-likelihood at (log ℓ, log g), straight from the engine's landscape. */
function profile(data: Dataset, u: [number, number]): number {
  return likelihoodLandscape(data, 'rbf', {
    lengthscales: Float64Array.of(Math.exp(u[0])),
    noiseRatios: Float64Array.of(Math.exp(u[1])),
  }).profileLml[0]!;
}

function quadraticForm(covariance: Matrix2, u: [number, number]): number {
  const [[a, b], [, d]] = covariance;
  const determinant = a * d - b * b;
  return (d * u[0] * u[0] - 2 * b * u[0] * u[1] + a * u[1] * u[1]) / determinant;
}

const data = noisySine(40, 0.15, 7);
const fit = fitHyperparameters(data);
const centre: [number, number] = [fit.logTheta[0], 2 * (fit.logTheta[2] - fit.logTheta[1])];

describe('the Laplace covariance in the landscape coordinates (log ℓ, log σn²/σf²)', () => {
  it('is J(−H⁻¹)Jᵀ with J = [[1, 0, 0], [0, −2, 2]]', () => {
    expect(fit.diagnostics.negativeDefinite).toBe(true);
    const covariance = profileCovariance(fit.hessianLogTheta)!;
    const sigma = inverseByCofactors(fit.hessianLogTheta).map((row) => row.map((v) => -v));
    const J = [
      [1, 0, 0],
      [0, -2, 2],
    ];
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 2; c++) {
        let expected = 0;
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) expected += J[r]![i]! * sigma[i]![j]! * J[c]![j]!;
        expect(covariance[r]![c]!).toBeCloseTo(expected, 10);
      }
    }
  });

  it('is the inverse of minus the profile likelihood’s Hessian, measured on the landscape', () => {
    // Profiling σf out of a quadratic leaves the inverse marginal covariance: check it against
    // central differences of the engine's profile likelihood around θ̂.
    const covariance = profileCovariance(fit.hessianLogTheta)!;
    const h = 1e-3;
    const at = (du: number, dv: number) => profile(data, [centre[0] + du, centre[1] + dv]);
    const f0 = at(0, 0);
    const huu = (at(h, 0) - 2 * f0 + at(-h, 0)) / h ** 2;
    const hvv = (at(0, h) - 2 * f0 + at(0, -h)) / h ** 2;
    const huv = (at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h ** 2);
    const [[a, b], [, d]] = covariance;
    const determinant = a * d - b * b;
    const precision = [
      [d / determinant, -b / determinant],
      [-b / determinant, a / determinant],
    ];
    const scale = Math.max(Math.abs(huu), Math.abs(hvv));
    expect(Math.abs(-huu - precision[0]![0]!) / scale).toBeLessThan(1e-4);
    expect(Math.abs(-hvv - precision[1]![1]!) / scale).toBeLessThan(1e-4);
    expect(Math.abs(-huv - precision[0]![1]!) / scale).toBeLessThan(1e-4);
  });

  it('is null when the Hessian is not negative definite', () => {
    const saddle: Matrix3 = [
      [-2, 0, 0],
      [0, 1, 0],
      [0, 0, -3],
    ];
    expect(profileCovariance(saddle)).toBeNull();
    expect(
      profileCovariance([
        [Number.NaN, 0, 0],
        [0, -1, 0],
        [0, 0, -1],
      ]),
    ).toBeNull();
  });
});

describe('the Laplace ellipses', () => {
  const covariance = profileCovariance(fit.hessianLogTheta)!;

  it('have their axes along the eigenvectors of Σᵤ, k√λ long', () => {
    for (const k of [1, 2]) {
      const axes = ellipseAxes(covariance, k);
      for (const axis of axes) {
        const [x, y] = axis.direction;
        const image = [
          covariance[0][0] * x + covariance[0][1] * y,
          covariance[1][0] * x + covariance[1][1] * y,
        ];
        const eigenvalue = (axis.halfLength / k) ** 2;
        expect(Math.hypot(x, y)).toBeCloseTo(1, 12);
        expect(image[0]!).toBeCloseTo(eigenvalue * x, 10);
        expect(image[1]!).toBeCloseTo(eigenvalue * y, 10);
      }
      expect(axes[0].halfLength).toBeGreaterThanOrEqual(axes[1].halfLength);
      const [first, second] = axes.map((axis) => axis.direction);
      expect(first![0] * second![0] + first![1] * second![1]).toBeCloseTo(0, 12);
    }
  });

  it('are the level sets (u − û)ᵀΣᵤ⁻¹(u − û) = k²', () => {
    for (const k of [1, 2]) {
      for (const point of laplaceEllipse(centre, covariance, k, 36)) {
        const offset: [number, number] = [point[0] - centre[0], point[1] - centre[1]];
        expect(quadraticForm(covariance, offset)).toBeCloseTo(k * k, 9);
      }
    }
  });

  it('are, close to θ̂, the contours k²/2 nats below the top (the approximation is second order)', () => {
    // Laplace matches the likelihood to second order: on a small ellipse the profile likelihood
    // drops by k²/2 up to a relative error O(k). Farther out the true contours may depart from the
    // ellipses; the page draws both.
    for (const k of [0.01, 0.02]) {
      for (const point of laplaceEllipse(centre, covariance, k, 24)) {
        const drop = fit.lml - profile(data, point);
        expect(Math.abs(drop / ((k * k) / 2) - 1)).toBeLessThan(0.05);
      }
    }
  });
});

describe('the landscape box', () => {
  const base = {
    lengthscaleRange: [0.05, 50] as [number, number],
    noiseRatioRange: [1e-6, 1e2] as [number, number],
  };

  it('is the base box when every maximum lies well inside it', () => {
    expect(landscapeBoxAround(base, [{ lengthscale: 1.5, noiseRatio: 0.01 }])).toEqual(base);
  });

  it('widens to hold each maximum with its margins, on both axes', () => {
    const box = landscapeBoxAround(base, [
      { lengthscale: 1.5, noiseRatio: 0.01 },
      { lengthscale: 4462, noiseRatio: 3e-8 },
    ]);
    expect(box.lengthscaleRange[0]).toBe(0.05);
    expect(box.lengthscaleRange[1]).toBeCloseTo(4462 * LANDSCAPE_MARGINS.lengthscale, 9);
    expect(box.noiseRatioRange[0]).toBeCloseTo(3e-8 / LANDSCAPE_MARGINS.noiseRatio, 20);
    expect(box.noiseRatioRange[1]).toBe(1e2);
  });

  it('stays within its limits and ignores places that are not positive and finite', () => {
    const box = landscapeBoxAround(base, [
      { lengthscale: 1e9, noiseRatio: 1e-30 },
      { lengthscale: Number.NaN, noiseRatio: -1 },
      { lengthscale: Infinity, noiseRatio: 0 },
    ]);
    expect(box.lengthscaleRange).toEqual([0.05, LANDSCAPE_LIMITS.lengthscaleRange[1]]);
    expect(box.noiseRatioRange).toEqual([LANDSCAPE_LIMITS.noiseRatioRange[0], 1e2]);
  });
});

describe('the landscape at one place', () => {
  it('is the full log likelihood at ℓ, the profile-optimal σf, and σn = σf √g', () => {
    const sine = referenceCases['sine10']!;
    const reference = validateDataset(sine.x, sine.y);
    for (const place of [
      { lengthscale: 0.4, noiseRatio: 0.3 },
      { lengthscale: 3, noiseRatio: 1e-4 },
    ]) {
      const { theta, lml } = profileAt(reference, 'rbf', place);
      expect(theta.lengthscale).toBe(place.lengthscale);
      expect((theta.noiseStd / theta.signalStd) ** 2).toBeCloseTo(place.noiseRatio, 12);
      const workspace = createLikelihoodWorkspace('rbf', reference.x, reference.y);
      const logTheta = [theta.lengthscale, theta.signalStd, theta.noiseStd].map(Math.log) as [
        number,
        number,
        number,
      ];
      const full = evaluateLikelihood(workspace, logTheta, 1);
      expect(lml).toBeCloseTo(full.value, 9);
      // σf is optimal at fixed g: moving σf and σn together (d log σf = d log σn) is flat.
      const gradient = full.gradient!;
      expect(Math.abs(gradient[1] + gradient[2])).toBeLessThan(1e-8);
    }
  });
});
