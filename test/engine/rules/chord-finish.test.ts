/**
 * The chord finish of a removal refit's polish (newton.ts, `finishWithChord`): where the Newton
 * step from the cubic start's evaluation cannot finish, a first-order evaluation at its end and a
 * chord step on the Hessian from before land where the ordinary polish stops, to its step
 * tolerance, with one order-2 evaluation fewer.
 */
import { describe, expect, it } from 'vitest';
import {
  fitHyperparameters,
  type Dataset,
  type LogTheta,
  type SelectionRule,
} from '../../../src/engine';
import { createLikelihoodWorkspace } from '../../../src/engine/likelihood';
import { polishMaximum, type PolishOptions } from '../../../src/engine/newton';
import { removalStart, removalStartBasis } from '../../../src/engine/removal-start';
import { looSearchBounds } from '../../../src/engine/rules/loo-search';
import { createRuleObjective } from '../../../src/engine/rules/objective';
import { internalPrior } from '../../../src/engine/rules/prior';
import { searchBounds } from '../../../src/engine/search-region';
import { standardize, toInternalLogTheta } from '../../../src/engine/standardize';
import { noisySine, without } from './cases';

/** A hundred points: enough that some removals move θ̂ too far for one Newton step to finish. */
const DATASETS: [SelectionRule, Dataset][] = [
  ['loo', noisySine(100, 7, { frequency: 0.4 })],
  ['ml', noisySine(100, 7, { frequency: 0.4 })],
];

describe.each(DATASETS)('the chord finish under rule %s', (rule, data) => {
  it('lands where the ordinary polish stops, to its tolerance, one order-2 evaluation sooner', () => {
    const fit = fitHyperparameters(data, { rule, kernel: 'rbf' });
    const basis = removalStartBasis(data, fit)!;
    let chords = 0;
    for (let index = 0; index < data.x.length; index++) {
      const reduced = without(data, index);
      const start = removalStart(basis, fit, reduced, index, 0.05);
      if (!start) continue;
      const { x, y, map } = standardize(reduced);
      const objective = createRuleObjective(
        rule,
        createLikelihoodWorkspace(fit.kernel, x, y),
        fit.prior && internalPrior(fit.prior, map),
      );
      const counts = [0, 0, 0];
      const counted = {
        evaluate(logTheta: LogTheta, order: 0 | 1 | 2) {
          counts[order]!++;
          return objective.evaluate(logTheta, order);
        },
      };
      const bounds =
        rule === 'loo' ? looSearchBounds(x, map.internalYRms) : searchBounds(x, map.internalYRms);
      const origin = {
        ...start.origin,
        logTheta: toInternalLogTheta(start.origin.logTheta, map),
        value: Number.NaN,
      };
      const from = toInternalLogTheta(start.logTheta, map);
      const polish = (options: PolishOptions) => {
        counts.fill(0);
        const result = polishMaximum(counted, from, bounds, { origin, ...options })!;
        return { result, counts: [...counts] };
      };
      const ordinary = polish({});
      const stepped = polish({ finishWithStep: true });
      const chorded = polish({ finishWithStep: true, finishWithChord: true });
      if (chorded.counts[1] === stepped.counts[1]) {
        // No chord: the same polish.
        expect(chorded.result.evaluation.logTheta).toEqual(stepped.result.evaluation.logTheta);
        continue;
      }
      chords++;
      expect(chorded.result.finishedWithStep).toBe(true);
      expect(chorded.counts[2]).toBe(stepped.counts[2]! - 1);
      expect(chorded.counts[1]).toBe(stepped.counts[1]! + 1);
      chorded.result.evaluation.logTheta.forEach((value, i) =>
        expect(Math.abs(value - ordinary.result.evaluation.logTheta[i]!)).toBeLessThan(1e-9),
      );
    }
    expect(chords).toBeGreaterThan(0);
  });
});
