/**
 * Each selection rule against the independent implementation (independent-gp.ts): the objective's
 * value, gradient and Hessian against direct evaluation and its finite differences; θ̂ against
 * numerical optimisation of the direct objective; and dθ̂/dy, dθ̂/dx against finite-difference
 * refits — for every rule and kernel.
 */
import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  fitHyperparameters,
  type HyperparameterPrior,
  type LogTheta,
} from '../../../src/engine';
import { resolvePrior } from '../../../src/engine/rules/prior';
import {
  engineObjective,
  KERNELS,
  plain,
  refitMoved,
  relativeToLargest,
  RULE_CASE,
  RULES,
} from './cases';
import { ruleObjective } from './independent-gp';
import { fdGradient, fdHessian, maximize, spreadStarts } from './optimize';

const data = RULE_CASE;
const absolutePrior: HyperparameterPrior = resolvePrior({
  relativeTo: 'absolute',
  lengthscale: { median: 1.5, logSd: 0.8 },
  signalStd: { median: 2, logSd: 1 },
  noiseStd: { median: 0.3, logSd: 1.2 },
});

const variants = [
  ...RULES.flatMap((rule) =>
    KERNELS.map((kernel) => ({ rule, kernel, prior: null as HyperparameterPrior | null })),
  ),
  { rule: 'map' as const, kernel: 'rbf' as const, prior: absolutePrior },
];

describe.each(variants)('rule $rule, kernel $kernel', ({ rule, kernel, prior }) => {
  const options = { kernel, rule, ...(prior ? { prior } : {}) };
  const fit = fitHyperparameters(data, options);
  const usedPrior = fit.prior ?? undefined;
  const direct = (logTheta: LogTheta) =>
    ruleObjective(rule, kernel, plain(data), logTheta, usedPrior);

  it('evaluates the objective, its gradient and Hessian as the direct implementation does', () => {
    for (const offset of [
      [0, 0, 0],
      [0.3, -0.2, 0.25],
      [-0.4, 0.3, -0.5],
    ]) {
      const point = fit.logTheta.map((value, i) => value + offset[i]!) as LogTheta;
      const engine = engineObjective(rule, kernel, data, point, fit.prior);
      expect(Math.abs(engine.value - direct(point))).toBeLessThan(
        1e-10 * Math.max(1, Math.abs(engine.value)),
      );
      const hessianScale = Math.max(...engine.hessian.flat().map(Math.abs));
      const gradient = fdGradient(direct, point);
      engine.gradient.forEach((value, i) =>
        expect(Math.abs(value - gradient[i]!)).toBeLessThan(1e-7 * hessianScale),
      );
      const hessian = fdHessian(direct, point);
      engine.hessian.forEach((row, i) =>
        row.forEach((value, j) =>
          expect(Math.abs(value - hessian[i]![j]!)).toBeLessThan(1e-5 * hessianScale),
        ),
      );
    }
  });

  it('finds θ̂ of the direct objective to 1e-7 relative', () => {
    expect(fit.rule).toBe(rule);
    expect(fit.diagnostics.trust).toBe('trusted');
    const reference = maximize(direct, spreadStarts(plain(data).x, plain(data).y));
    fit.logTheta.forEach((value, i) => expect(Math.abs(value - reference[i]!)).toBeLessThan(1e-7));
    expect(Math.abs(fit.objective - direct(fit.logTheta))).toBeLessThan(
      1e-9 * Math.abs(fit.objective),
    );
  });

  it('matches finite-difference refits for dθ̂/dy and dθ̂/dx to 1e-5', () => {
    const sensitivities = computeSensitivities(data, fit);
    if (!sensitivities.defined) throw new Error(sensitivities.reason);
    const n = data.x.length;
    const hy = 1e-4 * Math.sqrt(data.y.reduce((s, v) => s + v * v, 0) / n);
    const hx = 1e-4 * (Math.max(...data.x) - Math.min(...data.x));
    // Central differences at h and 2h, Richardson-extrapolated: error O(h⁴).
    const fdY = [0, 1, 2].map(() => new Float64Array(n));
    const fdX = [0, 1, 2].map(() => new Float64Array(n));
    for (let k = 0; k < n; k++) {
      for (const [coordinate, h, out] of [
        ['y', hy, fdY],
        ['x', hx, fdX],
      ] as const) {
        const central = (step: number) => {
          const up = refitMoved(data, fit, coordinate, k, step);
          const down = refitMoved(data, fit, coordinate, k, -step);
          return up.map((value, i) => (value - down[i]!) / (2 * step));
        };
        const fine = central(h);
        const coarse = central(2 * h);
        for (let i = 0; i < 3; i++) out[i]![k] = (4 * fine[i]! - coarse[i]!) / 3;
      }
    }
    expect(relativeToLargest(sensitivities.dLogTheta_dy, fdY)).toBeLessThan(1e-5);
    expect(relativeToLargest(sensitivities.dLogTheta_dx, fdX)).toBeLessThan(1e-5);
  });
});
