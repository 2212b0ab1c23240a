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
import { polishMaximum, type PolishOptions } from '../../../src/engine/newton';
import { removalStart, removalStartBasis } from '../../../src/engine/removal-start';
import { noisySine, removalPolishInputs, without } from './cases';

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
      const { objective, bounds, origin, from } = removalPolishInputs(fit, reduced, start);
      const counts = [0, 0, 0];
      const counted = {
        evaluate(logTheta: LogTheta, order: 0 | 1 | 2) {
          counts[order]!++;
          return objective.evaluate(logTheta, order);
        },
      };
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
