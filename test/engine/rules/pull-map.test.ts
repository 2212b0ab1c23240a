/**
 * The new-point pull (src/engine/pull-map.ts): at sampled places the heat map matches finite
 * differences of the independent implementation's refits with the point added at small weights;
 * each column is a quadratic polynomial in y*; the exact refit with the point added matches a cold
 * fit of the augmented data.
 */
import { describe, expect, it } from 'vitest';
import {
  fitHyperparameters,
  newPointPull,
  newPointPullMap,
  pullMapAxes,
  refitWithAddedPoint,
  validateDataset,
  type KernelName,
} from '../../../src/engine';
import { plain, RULE_CASE, RULES } from './cases';
import { ruleObjective } from './independent-gp';
import { fdHessian, newtonPolish } from './optimize';

const data = RULE_CASE;

describe.each(
  RULES.flatMap((rule) => [
    { rule, kernel: 'rbf' as KernelName },
    ...(rule === 'ml' ? [{ rule, kernel: 'matern32' as KernelName }] : []),
  ]),
)('the pull of a new point under rule $rule ($kernel)', ({ rule, kernel }) => {
  const fit = fitHyperparameters(data, { rule, kernel });
  const { xs, ys } = pullMapAxes(data, 64, 48);
  const map = newPointPullMap(data, fit, { xs, ys });
  if (!map.defined) throw new Error(map.reason);

  it('matches finite-difference refits with the point added at a small weight', () => {
    const prior = fit.prior ?? undefined;
    const base = plain(data);
    // One Hessian of the plain data serves every refit: they all sit close to θ̂.
    const hessian = fdHessian(
      (logTheta) => ruleObjective(rule, kernel, base, logTheta, prior),
      fit.logTheta,
    );
    const solve = (w: number, x: number, y: number) =>
      newtonPolish(
        (logTheta) =>
          ruleObjective(
            rule,
            kernel,
            w === 0
              ? base
              : { x: [...base.x, x], y: [...base.y, y], w: [...base.x.map(() => 1), w] },
            logTheta,
            prior,
          ),
        fit.logTheta,
        hessian,
      );
    const atZero = solve(0, 0, 0);
    // Places inside and beyond the data, near and far from the posterior mean.
    for (const [i, j] of [
      [0, 0],
      [10, 30],
      [31, 24],
      [50, 5],
      [63, 47],
    ] as const) {
      const [x, y] = [xs[i]!, ys[j]!];
      const pull = [0, 1, 2].map((c) => map.dLogTheta_dw[c as 0 | 1 | 2][j * xs.length + i]!);
      // The five-point forward difference (error O(h⁴)) in the weight, from w = 0, with a step
      // that shrinks where the pull is strong (and so bends soon).
      const h = 3e-4 / Math.max(1, ...pull.map(Math.abs));
      const at = [1, 2, 3, 4].map((k) => solve(k * h, x, y));
      const fd = atZero.map(
        (value, c) =>
          (-25 * value + 48 * at[0]![c]! - 36 * at[1]![c]! + 16 * at[2]![c]! - 3 * at[3]![c]!) /
          (12 * h),
      );
      const scale = Math.max(...fd.map(Math.abs));
      pull.forEach((value, c) => expect(Math.abs(value - fd[c]!)).toBeLessThan(1e-5 * scale));
      expect(newPointPull(data, fit, x, y)).toEqual(pull);
    }
  });

  it('is a quadratic polynomial in y* in every column', () => {
    for (const i of [0, 17, 40, 63]) {
      for (let c = 0; c < 3; c++) {
        const column = Array.from(
          ys,
          (_, j) => map.dLogTheta_dw[c as 0 | 1 | 2][j * xs.length + i]!,
        );
        // Third differences of a quadratic on an even grid vanish.
        const scale = Math.max(...column.map(Math.abs));
        for (let j = 0; j + 3 < column.length; j++) {
          const third = column[j + 3]! - 3 * column[j + 2]! + 3 * column[j + 1]! - column[j]!;
          expect(Math.abs(third)).toBeLessThan(1e-11 * scale);
        }
      }
    }
  });
});

describe('the grid and the exact refit', () => {
  it('spans the data padded by 10% on each side', () => {
    const { xs, ys } = pullMapAxes(data, 5, 3);
    const span = Math.max(...data.x) - Math.min(...data.x);
    expect(xs[0]).toBeCloseTo(Math.min(...data.x) - 0.1 * span, 12);
    expect(xs[4]).toBeCloseTo(Math.max(...data.x) + 0.1 * span, 12);
    expect(ys).toHaveLength(3);
  });

  it.each(RULES)('refits with the point added as a cold fit does (%s)', (rule) => {
    const fit = fitHyperparameters(data, { rule });
    const point = { x: 9.1, y: 1.7 };
    const refit = refitWithAddedPoint(data, fit, point);
    const cold = fitHyperparameters(validateDataset([...data.x, point.x], [...data.y, point.y]), {
      rule,
    });
    refit.fit.logTheta.forEach((value, i) =>
      expect(Math.abs(value - cold.logTheta[i]!)).toBeLessThan(1e-9),
    );
    expect(refit.status).toBe('continued');
    refit.delta.forEach((value, i) =>
      expect(value).toBe(refit.fit.logTheta[i]! - fit.logTheta[i]!),
    );
    expect(refit.predictedDelta).toEqual(newPointPull(data, fit, point.x, point.y));
  });

  it('is undefined, with the reason, where the fit has no interior maximum', () => {
    const flat = validateDataset([0, 1, 2, 3], [1, 1, 1, 1]);
    const fit = fitHyperparameters(flat);
    expect(fit.diagnostics.trust).toBe('untrusted');
    const map = newPointPullMap(flat, fit, pullMapAxes(flat, 4, 4));
    expect(map.defined).toBe(false);
    if (!map.defined) expect(map.reason).toMatch(/implicit function theorem/);
  });
});
