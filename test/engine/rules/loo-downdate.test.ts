/**
 * The leave-one-out objective without each point at the full data's θ̂, had from the full data's
 * factorisation (src/engine/rules/loo-downdate.ts): its value, gradient and Hessian equal a direct
 * evaluation (rules/loo.ts) on the n − 1 remaining points in the same units, for every kernel, on
 * the rule datasets and on random data.
 */
import { describe, expect, it } from 'vitest';
import { fitHyperparameters, validateDataset, type KernelName } from '../../../src/engine';
import { createLikelihoodWorkspace } from '../../../src/engine/likelihood';
import { normalGenerator } from '../../../src/engine/random';
import { createLooDowndate, looRemovalDerivatives } from '../../../src/engine/rules/loo-downdate';
import { createRuleObjective } from '../../../src/engine/rules/objective';
import { fitState } from '../../../src/engine/rules/state';
import { KERNELS, LOO_CASE, noisySine, RULE_CASE } from './cases';

/** n points at random x, y a sine plus noise. */
function randomData(n: number, seed: number) {
  const normal = normalGenerator(seed);
  const x = Array.from({ length: n }, () => 5 * normal());
  return validateDataset(
    x,
    x.map((value) => Math.sin(value) + 0.3 * normal()),
  );
}

const DATASETS = [
  ['sixteen points', RULE_CASE],
  ['forty points', LOO_CASE],
  ['thirty points of a slower sine', noisySine(30, 3, { noise: 0.2 })],
  ['twenty random points', randomData(20, 11)],
  ['fifty random points', randomData(50, 12)],
] as const;

describe.each(DATASETS)('the LOO objective without each point (%s)', (_, data) => {
  it.each(KERNELS)('equals a direct evaluation on the other points (%s)', (kernel: KernelName) => {
    const fit = fitHyperparameters(data, { rule: 'loo', kernel });
    const state = fitState(data, fit);
    const downdate = createLooDowndate(state);
    const { x, y } = state.workspace;
    // Both sides round with relative errors of about u·κ(K) (roundoff.ts): 1e-11 of the
    // Hessian's scale up to κ = 1e5 (most cases here), in proportion above.
    const condition = fit.diagnostics.roundoff.covarianceCondition;
    const tolerance = 1e-11 * Math.max(1, condition / 1e5);
    for (let index = 0; index < x.length; index++) {
      const keep = (_: number, k: number) => k !== index;
      const direct = createRuleObjective(
        'loo',
        createLikelihoodWorkspace(kernel, x.filter(keep), y.filter(keep)),
        null,
      ).evaluate(state.internalLogTheta, 2);
      const got = looRemovalDerivatives(downdate, index);
      const scale = Math.max(...direct.hessian!.flat().map(Math.abs));
      expect(Math.abs(got.value - direct.value)).toBeLessThan(
        tolerance * Math.max(1, Math.abs(direct.value)),
      );
      got.gradient.forEach((value, i) =>
        expect(Math.abs(value - direct.gradient![i]!)).toBeLessThan(tolerance * scale),
      );
      got.hessian.forEach((row, i) =>
        row.forEach((value, j) =>
          expect(Math.abs(value - direct.hessian![i]![j]!)).toBeLessThan(tolerance * scale),
        ),
      );
    }
  });
});
