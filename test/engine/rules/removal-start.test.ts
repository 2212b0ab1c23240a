/**
 * Where the removal refits of point influence start (src/engine/removal-start.ts,
 * removal-downdate.ts, rules/loo-downdate.ts), for every rule: the reduced data's gradient and
 * Hessian at the full data's θ̂, had from the full data's factorisation, equal a direct evaluation
 * on the n − 1 points to round-off; the cubic step from there lands nearer the refit than Newton's
 * step does; a polish from it that ends with an unevaluated step (its error predicted from the
 * full data's third derivatives) lands where the ordinary polish stops, one evaluation sooner, and
 * does so for most points; and the influence computed from these starts still equals cold refits
 * to 1e-9.
 */
import { describe, expect, it } from 'vitest';
import {
  fitHyperparameters,
  pointInfluence,
  type Dataset,
  type KernelName,
  type LogTheta,
  type Matrix3,
  type SelectionRule,
} from '../../../src/engine';
import { polishMaximum } from '../../../src/engine/newton';
import {
  cubicStep,
  removalObjectiveDerivatives,
  removalStart,
  removalStartBasis,
} from '../../../src/engine/removal-start';
import {
  coldRefit,
  engineObjective,
  KERNELS,
  LOO_CASE,
  noisySine,
  removalPolishInputs,
  without,
} from './cases';

/**
 * Thirty points with a strict interior maximum for every kernel under `ml` and `map`; for `loo`,
 * which runs off to a boundary on smoother data (docs/rules.md), forty points of a faster sine.
 */
const DATASETS: [SelectionRule, Dataset][] = [
  ['ml', noisySine(30, 3, { noise: 0.2 })],
  ['map', noisySine(30, 3, { noise: 0.2 })],
  ['loo', LOO_CASE],
];

const largest = (values: number[]) => Math.max(...values.map(Math.abs));

const ZERO_THIRD = [0, 1, 2].map(() => [
  [0, 0, 0],
  [0, 0, 0],
  [0, 0, 0],
]) as [Matrix3, Matrix3, Matrix3];

describe.each(DATASETS)('removal starts under rule %s', (rule, DATA) => {
  it.each(KERNELS)(
    'the downdate’s gradient and Hessian without each point equal a direct evaluation (%s)',
    (kernel: KernelName) => {
      const fit = fitHyperparameters(DATA, { rule, kernel });
      expect(fit.diagnostics.trust).not.toBe('untrusted');
      const basis = removalStartBasis(DATA, fit)!;
      for (let index = 0; index < DATA.x.length; index++) {
        const reduced = without(DATA, index);
        const got = removalObjectiveDerivatives(basis, fit, reduced, index);
        const direct = engineObjective(rule, kernel, reduced, fit.logTheta, fit.prior);
        const scale = largest(direct.hessian.flat());
        got.gradient.forEach((value, i) =>
          expect(Math.abs(value - direct.gradient[i]!)).toBeLessThan(1e-11 * scale),
        );
        got.hessian
          .flat()
          .forEach((value, k) =>
            expect(Math.abs(value - direct.hessian.flat()[k]!)).toBeLessThan(1e-11 * scale),
          );
      }
    },
  );

  it('starts each refit nearer the refitted θ̂ than Newton’s step from θ̂ would', () => {
    const fit = fitHyperparameters(DATA, { rule, kernel: 'matern52' });
    const basis = removalStartBasis(DATA, fit)!;
    let cubicError = 0;
    let newtonError = 0;
    for (let index = 0; index < DATA.x.length; index++) {
      const reduced = without(DATA, index);
      const start = removalStart(basis, fit, reduced, index, Infinity)!;
      const { gradient, hessian } = start.origin;
      const newton = cubicStep(gradient, hessian, ZERO_THIRD)!;
      const cold = coldRefit(DATA, fit, index);
      cubicError += largest(start.logTheta.map((value, i) => value - cold[i]!));
      newtonError += largest(newton.map((value, i) => fit.logTheta[i]! + value - cold[i]!));
    }
    expect(cubicError).toBeLessThan(newtonError / 3);
  });

  it.each(KERNELS)(
    'a polish from the cubic start that ends with an unevaluated step lands where the ordinary polish stops, one evaluation sooner (%s)',
    (kernel) => {
      const fit = fitHyperparameters(DATA, { rule, kernel });
      const basis = removalStartBasis(DATA, fit)!;
      let starts = 0;
      let finished = 0;
      for (let index = 0; index < DATA.x.length; index++) {
        const reduced = without(DATA, index);
        const start = removalStart(basis, fit, reduced, index, 0.05);
        if (!start) continue;
        starts++;
        const { objective, bounds, origin, from } = removalPolishInputs(fit, reduced, start);
        let evaluations = 0;
        const counted = {
          evaluate(logTheta: LogTheta, order: 0 | 1 | 2) {
            evaluations++;
            return objective.evaluate(logTheta, order);
          },
        };
        const ordinary = polishMaximum(counted, from, bounds, { origin })!;
        const ordinaryEvaluations = evaluations;
        evaluations = 0;
        const stepped = polishMaximum(counted, from, bounds, { origin, finishWithStep: true })!;
        expect(stepped.evaluation.logTheta).toEqual(ordinary.evaluation.logTheta);
        if (stepped.finishedWithStep) {
          finished++;
          expect(evaluations).toBe(ordinaryEvaluations - 1);
        } else {
          expect(evaluations).toBe(ordinaryEvaluations);
        }
      }
      expect(starts).toBeGreaterThan(DATA.x.length / 2);
      expect(finished).toBeGreaterThan(starts / 2);
    },
  );

  it.each(KERNELS)(
    'removal influence from these starts equals cold refits to 1e-9 (%s)',
    (kernel) => {
      const fit = fitHyperparameters(DATA, { rule, kernel });
      const influence = pointInfluence(DATA, fit);
      const basis = removalStartBasis(DATA, fit)!;
      let cubicStarts = 0;
      influence.points.forEach((point) => {
        expect(point.status).toBe('continued');
        const cold = coldRefit(DATA, fit, point.index);
        point.removal!.forEach((value, i) =>
          expect(Math.abs(fit.logTheta[i]! + value - cold[i]!)).toBeLessThan(1e-9),
        );
        // pointInfluence starts from the cubic step where it stays within 0.05 of θ̂.
        if (removalStart(basis, fit, without(DATA, point.index), point.index, 0.05)) cubicStarts++;
      });
      expect(cubicStarts).toBeGreaterThan(DATA.x.length / 2);
    },
  );
});
