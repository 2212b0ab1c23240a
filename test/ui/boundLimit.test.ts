/** Which hyperparameters of θ̂ the search region's edge stopped, as the readout says it. */
import { describe, expect, it } from 'vitest';
import { fitHyperparameters, validateDataset } from '../../src/engine';
import { findPreset } from '../../src/state/presets';
import { boundLimit } from '../../src/ui/boundLimit';

const fitOf = (id: 'noise' | 'sine' | 'outlier', rule: 'ml' | 'loo' = 'ml') => {
  const points = findPreset(id).points;
  return fitHyperparameters(
    validateDataset(
      points.map((p) => p.x),
      points.map((p) => p.y),
    ),
    { rule },
  );
};

describe('boundLimit', () => {
  it('pure noise: ℓ runs to ∞, σf and σn are estimates', () => {
    const { diagnostics } = fitOf('noise');
    expect(boundLimit(diagnostics, 'lengthscale')).toBe('infinity');
    expect(boundLimit(diagnostics, 'signalStd')).toBeNull();
    expect(boundLimit(diagnostics, 'noiseStd')).toBeNull();
  });

  it('the noisy sine: every value an estimate', () => {
    const { diagnostics } = fitOf('sine');
    for (const name of ['lengthscale', 'signalStd', 'noiseStd'] as const)
      expect(boundLimit(diagnostics, name)).toBeNull();
  });

  it('reads each edge: σf to ∞ and σn to 0 under LOO-CV’s runaway, σn held on its floor', () => {
    const base = fitOf('sine').diagnostics;
    const with_ = (boundary: typeof base.boundary, constrained = base.constrained) => ({
      ...base,
      boundary,
      constrained,
    });
    // The outlier under LOO-CV: σf runs away and σn vanishes (the readout's 88.2 and 0.0064).
    const runaway = fitOf('outlier', 'loo').diagnostics;
    expect(boundLimit(runaway, 'lengthscale')).toBeNull();
    expect(boundLimit(runaway, 'signalStd')).toBe('infinity');
    expect(boundLimit(runaway, 'noiseStd')).toBe('zero');
    expect(boundLimit(with_(['lengthscale-below-spacing']), 'lengthscale')).toBe('zero');
    expect(boundLimit(with_(['signal-vanishing']), 'signalStd')).toBe('zero');
    const floor = with_(['noise-vanishing'], { name: 'noiseStd' } as never);
    expect(boundLimit(floor, 'noiseStd')).toBe('floor');
  });
});
