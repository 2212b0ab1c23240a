import { describe, expect, it } from 'vitest';
import { pointsToCsv, pointsToJson, pointsToPython } from '../../src/ui/export/exportData';

const points = [
  { x: 0.5, y: -1.25 },
  { x: 2, y: 0.125 },
  { x: 9.75, y: 3 },
];
const fit = {
  kernel: 'matern52' as const,
  theta: { lengthscale: 1.5, signalStd: 0.8, noiseStd: 0.1 },
  lml: -3.25,
};

describe('text exports', () => {
  it('writes CSV with a header, one point per line, in order', () => {
    expect(pointsToCsv(points)).toBe('x,y\n0.5,-1.25\n2,0.125\n9.75,3\n');
  });

  it('writes the command line’s JSON input, with the fit when known', () => {
    const withFit = JSON.parse(pointsToJson(points, 'matern52', fit)) as Record<string, unknown>;
    expect(withFit).toEqual({
      x: [0.5, 2, 9.75],
      y: [-1.25, 0.125, 3],
      kernel: 'matern52',
      theta: fit.theta,
      lml: -3.25,
    });
    expect(JSON.parse(pointsToJson(points, 'rbf', null))).toEqual({
      x: [0.5, 2, 9.75],
      y: [-1.25, 0.125, 3],
      kernel: 'rbf',
    });
  });

  it('writes scikit-learn code for the same model, started at θ̂', () => {
    const python = pointsToPython(points, 'matern52', fit);
    expect(python).toContain('x = np.array([0.5, 2, 9.75]).reshape(-1, 1)');
    expect(python).toContain('y = np.array([-1.25, 0.125, 3])');
    // σf² = 0.64, σn² = 0.01, the Matérn 5/2 with ℓ = 1.5.
    expect(python).toContain('ConstantKernel(0.64, (1e-8, 1e4))');
    expect(python).toContain('Matern(1.5, (1e-3, 1e3), nu=2.5)');
    expect(python).toContain('WhiteKernel(0.01, (1e-12, 1e2))');
    expect(python).toContain('normalize_y=False');
    expect(python).toContain('# noise std 0.1, log marginal likelihood -3.25.');
    expect(pointsToPython(points, 'rbf', null)).toContain('RBF(1, (1e-3, 1e3))');
    expect(pointsToPython(points, 'matern32', null)).toContain('nu=1.5');
  });
});
