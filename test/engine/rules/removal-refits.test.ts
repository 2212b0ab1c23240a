/**
 * The refits behind point influence (src/engine/influence.ts): a Newton polish that ends with an
 * unevaluated step (newton.ts, `finishWithStep`) lands where the ordinary polish stops, one
 * evaluation sooner, with the quadratic model's value and gradient there; a refit in the
 * buffers of the one before (fit.ts, `refitOnBuffersOf`) gives the fit a fresh workspace gives;
 * and its Hessian-only evaluations (RuleObjective.secondOrder) give the full ones' Hessian, while
 * the sensitivities of such a refit still see full buffers.
 */
import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  fitHyperparameters,
  type Dataset,
  type FitOptions,
  type LogTheta,
  type SelectionRule,
} from '../../../src/engine';
import { fitInternals, refitOnBuffersOf, sameRuleOptions } from '../../../src/engine/fit';
import { createLikelihoodWorkspace } from '../../../src/engine/likelihood';
import { polishMaximum } from '../../../src/engine/newton';
import type { Objective } from '../../../src/engine/objective';
import { looSearchBounds } from '../../../src/engine/rules/loo-search';
import { createRuleObjective } from '../../../src/engine/rules/objective';
import { internalPrior } from '../../../src/engine/rules/prior';
import { searchBounds } from '../../../src/engine/search-region';
import { standardize, toInternalLogTheta } from '../../../src/engine/standardize';
import { RULE_CASE, RULES, without } from './cases';

/** The rule's objective on `data` (internal units), counting its evaluations, and its box. */
function countedObjective(
  rule: SelectionRule,
  data: Dataset,
  fit: ReturnType<typeof fitHyperparameters>,
) {
  const { x, y, map } = standardize(data);
  const objective = createRuleObjective(
    rule,
    createLikelihoodWorkspace(fit.kernel, x, y),
    fit.prior && internalPrior(fit.prior, map),
  );
  const counted = {
    evaluations: 0,
    evaluate(logTheta: LogTheta, order: 0 | 1 | 2) {
      counted.evaluations++;
      return objective.evaluate(logTheta, order);
    },
  } satisfies Objective & { evaluations: number };
  const bounds =
    rule === 'loo' ? looSearchBounds(x, map.internalYRms) : searchBounds(x, map.internalYRms);
  return { counted, bounds, start: toInternalLogTheta(fit.logTheta, map) };
}

describe.each(RULES)('removal refits under rule %s', (rule) => {
  const data = RULE_CASE;
  const fit = fitHyperparameters(data, { rule, kernel: 'matern52' });

  it('finish with a step where the ordinary polish stops, one evaluation sooner', () => {
    let finished = 0;
    for (let index = 0; index < data.x.length; index++) {
      const reduced = without(data, index);
      const plain = countedObjective(rule, reduced, fit);
      const quick = countedObjective(rule, reduced, fit);
      const options = { startHessian: fit.hessianLogTheta };
      const ordinary = polishMaximum(plain.counted, plain.start, plain.bounds, options)!;
      const stepped = polishMaximum(quick.counted, quick.start, quick.bounds, {
        ...options,
        finishWithStep: true,
      })!;
      // The step lands where the ordinary polish evaluated last and stopped.
      expect(stepped.evaluation.logTheta).toEqual(ordinary.evaluation.logTheta);
      if (!stepped.finishedWithStep) {
        expect(quick.counted.evaluations).toBe(plain.counted.evaluations);
        continue;
      }
      finished++;
      expect(quick.counted.evaluations).toBeLessThan(plain.counted.evaluations);
      // The quadratic model's value and gradient at the stepped point are the objective's.
      const exact = plain.counted.evaluate(stepped.evaluation.logTheta, 2);
      expect(Math.abs(stepped.evaluation.value - exact.value)).toBeLessThan(
        1e-12 * Math.abs(exact.value) + 1e-12,
      );
      const curvature = Math.max(...exact.hessian!.flat().map(Math.abs));
      stepped.evaluation.gradient!.forEach((value, i) =>
        expect(Math.abs(value - exact.gradient![i]!)).toBeLessThan(1e-8 * curvature),
      );
    }
    expect(finished).toBeGreaterThan(data.x.length / 2);
  });

  it('refits in the buffers of the refit before, as a fresh workspace does', () => {
    const options: FitOptions = {
      ...sameRuleOptions(fit),
      starts: [{ logTheta: fit.logTheta, hessianLogTheta: fit.hessianLogTheta }],
    };
    let donor = refitOnBuffersOf(without(data, 0), options, null);
    for (const index of [1, 7, data.x.length - 1]) {
      const reduced = without(data, index);
      const buffers = fitInternals(donor)!.workspace.precision;
      const refit = refitOnBuffersOf(reduced, options, donor);
      expect(fitInternals(donor)).toBeUndefined();
      expect(fitInternals(refit)!.workspace.precision).toBe(buffers);
      const fresh = fitHyperparameters(reduced, options);
      refit.logTheta.forEach((value, i) =>
        expect(Math.abs(value - fresh.logTheta[i]!)).toBeLessThan(1e-10),
      );
      expect(refit.diagnostics.trust).toBe(fresh.diagnostics.trust);
      donor = refit;
    }
  });

  it('evaluates the Hessian alone as the full evaluation does, and leaves the rest to fitState', () => {
    const { x, y, map } = standardize(data);
    const make = () =>
      createRuleObjective(
        rule,
        createLikelihoodWorkspace(fit.kernel, x, y),
        fit.prior && internalPrior(fit.prior, map),
      );
    const full = make();
    const lean = make();
    lean.secondOrder = 'hessian';
    for (const offset of [0, 0.3, -0.5]) {
      const point = toInternalLogTheta(fit.logTheta, map).map((v) => v + offset) as LogTheta;
      const expected = full.evaluate(point, 2);
      const actual = lean.evaluate(point, 2);
      expect(actual.value).toBe(expected.value);
      expect(actual.gradient).toEqual(expected.gradient);
      const scale = Math.max(...expected.hessian!.flat().map(Math.abs));
      actual.hessian!.forEach((row, i) =>
        row.forEach((value, j) =>
          expect(Math.abs(value - expected.hessian![i]![j]!)).toBeLessThan(1e-12 * scale),
        ),
      );
      // Only the loo rule has buffers that a Hessian-only evaluation leaves unfilled.
      if (lean.loo) expect(lean.loo.evaluatedOrder).toBe(1);
    }
    // A removal refit polishes with Hessian-only evaluations; its sensitivities are a fresh fit's.
    const reduced = without(data, 3);
    const options: FitOptions = {
      ...sameRuleOptions(fit),
      starts: [{ logTheta: fit.logTheta, hessianLogTheta: fit.hessianLogTheta }],
    };
    const refit = refitOnBuffersOf(reduced, options, null);
    const fresh = fitHyperparameters(reduced, options);
    const fromRefit = computeSensitivities(reduced, refit);
    const fromFresh = computeSensitivities(reduced, fresh);
    if (!fromRefit.defined || !fromFresh.defined) throw new Error('undefined sensitivities');
    // The two θ̂ agree to the polish's tolerance, not to the last bit; stale buffers would not.
    const largest = Math.max(...fromFresh.dLogTheta_dy.flatMap((row) => Array.from(row, Math.abs)));
    fromRefit.dLogTheta_dy.forEach((row, r) =>
      row.forEach((value, i) =>
        expect(Math.abs(value - fromFresh.dLogTheta_dy[r]![i]!)).toBeLessThan(1e-6 * largest),
      ),
    );
  });
});
