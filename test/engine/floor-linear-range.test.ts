/**
 * The trust note's claim at a maximum with σn on its floor: the arrows (constrained
 * sensitivities) hold "for moves of a point much smaller than σn". Measured: on exact samples of
 * a smooth function, a move of any point by σ̂n/10 changes ℓ̂ as its arrow predicts to within 1 %,
 * for every kernel; with the RBF kernel a move of 10·σ̂n already parts from the arrow by more,
 * which is why the note bounds the moves.
 */
import { describe, expect, it } from 'vitest';
import { analyze, predictLogTheta, validateDataset, type KernelName } from '../../src/engine';

const xs = Array.from({ length: 20 }, (_, i) => 0.5 * i + 0.1 * Math.sin(3 * i));
const ys = xs.map(Math.sin);

/** |ℓ predicted by the arrows / ℓ refitted − 1| after moving point `index` up by `dy`. */
function lengthscaleGap(kernel: KernelName, index: number, dy: number): number {
  const data = validateDataset(xs, ys);
  const base = analyze(data, { kernel });
  const movedY = ys.slice();
  movedY[index]! += dy;
  const moved = validateDataset(xs, movedY);
  const refit = analyze(moved, { kernel });
  const predicted = predictLogTheta(data, base.fit, base.sensitivities, moved);
  return Math.abs(Math.exp(predicted[0] - refit.fit.logTheta[0]) - 1);
}

function floorFit(kernel: KernelName) {
  const fit = analyze(validateDataset(xs, ys), { kernel }).fit;
  expect(fit.diagnostics.constrained?.held).toEqual(['noiseStd']);
  return fit;
}

describe('arrows with σn held on its floor', () => {
  it.each(['rbf', 'matern52', 'matern32'] as const)(
    'predict ℓ̂ to 1 percent for moves of σn/10 (%s, every point)',
    (kernel) => {
      const noise = floorFit(kernel).theta.noiseStd;
      for (let index = 0; index < xs.length; index++) {
        expect(lengthscaleGap(kernel, index, noise / 10)).toBeLessThan(0.01);
      }
    },
  );

  it('part from the refits for moves of 10·σn (rbf, a middle point)', () => {
    const noise = floorFit('rbf').theta.noiseStd;
    expect(lengthscaleGap('rbf', 10, 10 * noise)).toBeGreaterThan(0.05);
  });
});
