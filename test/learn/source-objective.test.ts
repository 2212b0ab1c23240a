/**
 * The claims of the article's step 7, measured on its dataset (the default noisy sine, RBF): the
 * source's objective F(θ; y) = −yᵀK⁻¹y − ½ log|K| is L(θ; √2·y) up to (n/2) log 2π; with σf and
 * σn free, ℓ̂ and dℓ̂/dy are those of the likelihood and σ̂f, σ̂n are √2 times larger; with σf held
 * fixed, ℓ̂ moves. F is evaluated here independently, from an explicit covariance matrix.
 */
import { describe, expect, it } from 'vitest';
import { validateDataset, type KernelName } from '../../src/engine';
import { createLikelihoodWorkspace, evaluateLikelihood } from '../../src/engine/likelihood';
import { compareObjectives } from '../../src/learn/sourceObjective';
import { STEP7_KERNEL, STEP7_POINTS } from '../../src/learn/datasets';

/** F(θ; y) = −yᵀK⁻¹y − ½ log|K| for the RBF kernel, by a plain Cholesky factorisation. */
function sourceObjective(
  points: readonly { x: number; y: number }[],
  lengthscale: number,
  signalStd: number,
  noiseStd: number,
): number {
  const n = points.length;
  const k = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const r = (points[i]!.x - points[j]!.x) / lengthscale;
      k[i * n + j] = signalStd ** 2 * Math.exp(-0.5 * r * r) + (i === j ? noiseStd ** 2 : 0);
    }
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let sum = k[i * n + j]!;
      for (let m = 0; m < j; m++) sum -= l[i * n + m]! * l[j * n + m]!;
      l[i * n + j] = i === j ? Math.sqrt(sum) : sum / l[j * n + j]!;
    }
  const z = new Float64Array(n); // L z = y, yᵀK⁻¹y = |z|²
  let logDet = 0;
  for (let i = 0; i < n; i++) {
    let sum = points[i]!.y;
    for (let m = 0; m < i; m++) sum -= l[i * n + m]! * z[m]!;
    z[i] = sum / l[i * n + i]!;
    logDet += 2 * Math.log(l[i * n + i]!);
  }
  let quadratic = 0;
  for (const value of z) quadratic += value * value;
  return -quadratic - 0.5 * logDet;
}

describe("the source's objective (the article's step 7)", () => {
  const kernel: KernelName = STEP7_KERNEL;
  const comparison = compareObjectives(STEP7_POINTS, kernel);

  it("is the engine's likelihood of √2·y up to (n/2) log 2π", () => {
    const n = STEP7_POINTS.length;
    const data = validateDataset(
      STEP7_POINTS.map((p) => p.x),
      STEP7_POINTS.map((p) => Math.SQRT2 * p.y),
    );
    const workspace = createLikelihoodWorkspace(kernel, data.x, data.y);
    for (const [l, sf, sn] of [
      [0.7, 0.5, 0.2],
      [2.2, 1.1, 0.26],
      [5, 3, 1],
    ] as const) {
      const f = sourceObjective(STEP7_POINTS, l, sf, sn);
      const likelihood = evaluateLikelihood(
        workspace,
        [Math.log(l), Math.log(sf), Math.log(sn)],
        0,
      );
      expect(likelihood.value + 0.5 * n * Math.log(2 * Math.PI)).toBeCloseTo(f, 9);
    }
    // The free fit under F maximises F: its value there beats every small move.
    const { lengthscale, signalStd, noiseStd } = comparison.source.theta;
    const best = sourceObjective(STEP7_POINTS, lengthscale, signalStd, noiseStd);
    for (const factor of [0.99, 1.01])
      for (const which of [0, 1, 2]) {
        const theta = [lengthscale, signalStd, noiseStd];
        theta[which]! *= factor;
        expect(sourceObjective(STEP7_POINTS, theta[0]!, theta[1]!, theta[2]!)).toBeLessThan(best);
      }
  });

  it('with σf and σn free: the same ℓ̂ and dℓ̂/dy, σ̂f and σ̂n √2 times larger', () => {
    const { likelihood, source } = comparison;
    expect(source.theta.lengthscale / likelihood.theta.lengthscale).toBeCloseTo(1, 9);
    expect(source.theta.signalStd / likelihood.theta.signalStd).toBeCloseTo(Math.SQRT2, 9);
    expect(source.theta.noiseStd / likelihood.theta.noiseStd).toBeCloseTo(Math.SQRT2, 9);
    const a = comparison.likelihoodLogLengthscaleSlope;
    const b = comparison.sourceLogLengthscaleSlope;
    const largest = Math.max(...a.map(Math.abs));
    expect(largest).toBeGreaterThan(0.01);
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-8 * largest);
  });

  it('with σf fixed: L gives back θ̂, F moves ℓ̂ (by more than 10 %) and its gradient is zero there', () => {
    const { likelihood, likelihoodFixed, sourceFixed } = comparison;
    expect(likelihoodFixed.lengthscale / likelihood.theta.lengthscale).toBeCloseTo(1, 8);
    expect(likelihoodFixed.noiseStd / likelihood.theta.noiseStd).toBeCloseTo(1, 8);
    expect(Math.abs(sourceFixed.lengthscale / likelihood.theta.lengthscale - 1)).toBeGreaterThan(
      0.1,
    );
    // Stationarity of the independent F in (ℓ, σn), by central differences in log θ.
    const { lengthscale: l, signalStd: sf, noiseStd: sn } = sourceFixed;
    const h = 1e-5;
    const dLogL =
      (sourceObjective(STEP7_POINTS, l * Math.exp(h), sf, sn) -
        sourceObjective(STEP7_POINTS, l * Math.exp(-h), sf, sn)) /
      (2 * h);
    const dLogN =
      (sourceObjective(STEP7_POINTS, l, sf, sn * Math.exp(h)) -
        sourceObjective(STEP7_POINTS, l, sf, sn * Math.exp(-h))) /
      (2 * h);
    expect(Math.abs(dLogL)).toBeLessThan(1e-6);
    expect(Math.abs(dLogN)).toBeLessThan(1e-6);
    expect(sourceFixed.value).toBeCloseTo(sourceObjective(STEP7_POINTS, l, sf, sn), 8);
  });
});
