/**
 * What docs/rules.md says about the rules on its datasets (test/fixtures/rules-datasets.json: a
 * noisy sine, an outlier, two clusters, a step and pure noise, twelve to fourteen points each) and
 * the reference fixtures, measured:
 * the prior gives pure noise an interior maximum; leave-one-out runs to its σf cap on the smooth
 * default sine but has interior maxima on structured data, with σf its flattest direction.
 */
import { describe, expect, it } from 'vitest';
import {
  fitHyperparameters,
  validateDataset,
  type Dataset,
  type FitResult,
  type KernelName,
} from '../../../src/engine';
import { symmetricEigen3 } from '../../../src/engine/small3';
import { referenceCases } from '../../fixtures/reference';
import ruleDatasets from '../../fixtures/rules-datasets.json';

type RuleDatasetName = keyof typeof ruleDatasets;

function dataset(name: RuleDatasetName): Dataset {
  const { x, y } = ruleDatasets[name];
  return validateDataset(x, y);
}

function flattest(fit: FitResult): { value: number; direction: number[] } {
  const { values, vectors } = symmetricEigen3(fit.hessianLogTheta);
  return { value: values[2], direction: vectors[2].map(Math.abs) };
}

describe('docs/rules.md, measured', () => {
  it('the prior gives pure noise an interior maximum that likelihood lacks', () => {
    const data = dataset('noise');
    expect(fitHyperparameters(data).diagnostics.boundary).toContain('lengthscale-below-spacing');
    expect(fitHyperparameters(data, { rule: 'map' }).diagnostics.trust).toBe('trusted');
  });

  it('leave-one-out runs to its σf cap on the default noisy sine', () => {
    const fit = fitHyperparameters(dataset('sine'), { rule: 'loo' });
    expect(fit.diagnostics.boundary).toEqual(['signal-unbounded']);
    expect(fit.theta.signalStd).toBeGreaterThan(50);
  });

  const structured: [string, Dataset, KernelName][] = [
    ['clusters', dataset('clusters'), 'rbf'],
    ['step', dataset('step'), 'rbf'],
    ['outlier', dataset('outlier'), 'rbf'],
    ...(['bumps25', 'rough30m', 'kink22m32'] as const).map(
      (name) =>
        [
          name,
          validateDataset(referenceCases[name]!.x, referenceCases[name]!.y),
          referenceCases[name]!.kernel,
        ] as [string, Dataset, KernelName],
    ),
  ];

  it.each(structured)('leave-one-out has an interior maximum on %s', (_name, data, kernel) => {
    const loo = fitHyperparameters(data, { rule: 'loo', kernel });
    expect(loo.diagnostics.trust).not.toBe('untrusted');
    expect(loo.diagnostics.boundary).toEqual([]);
  });

  it.each(structured.filter(([name]) => ['outlier', 'kink22m32', 'clusters'].includes(name)))(
    'its flattest direction on %s is mostly σf, and at least twice as flat as the likelihood’s',
    (_name, data, kernel) => {
      const loo = flattest(fitHyperparameters(data, { rule: 'loo', kernel }));
      const ml = flattest(fitHyperparameters(data, { kernel }));
      expect(loo.direction[1]).toBeGreaterThan(0.75);
      expect(Math.abs(loo.value)).toBeLessThan(Math.abs(ml.value) / 2);
    },
  );
});
