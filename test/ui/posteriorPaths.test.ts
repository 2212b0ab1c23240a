/**
 * The posterior's paths as drawn: in whole tenths of a pixel, read back through the plot's
 * scales they give every sample's mean and 95% band edge to within half a tenth of a pixel, held
 * to the plot's rectangle; the band runs along the upper edge and back along the lower one;
 * samples that are not finite are left out.
 */
import { describe, expect, it } from 'vitest';
import { plotScales, PLOT_MARGINS } from '../../src/ui/plot/geometry';
import { curvePaths, TENTHS } from '../../src/ui/plot/posteriorPaths';

const Z_95 = 1.959963984540054;
const scales = plotScales(866, 540, PLOT_MARGINS);

/** The (x, y) pairs of a path written as "M x y x y …", in pixels. */
function pairs(path: string): [number, number][] {
  const numbers = path.replace(/^M/, '').replace(/Z$/, '').trim().split(' ').map(Number);
  const out: [number, number][] = [];
  for (let i = 0; i < numbers.length; i += 2)
    out.push([numbers[i]! / TENTHS, numbers[i + 1]! / TENTHS]);
  return out;
}

describe('the posterior paths', () => {
  const n = 41;
  const x = Float64Array.from({ length: n }, (_, i) => (10 * i) / (n - 1));
  const mean = x.map((value) => Math.sin(value));
  const variance = x.map((value) => 0.02 + 0.01 * Math.cos(value));

  it('put every sample where the scales do, to half a tenth of a pixel', () => {
    const { meanPath, bandPath } = curvePaths({ x, mean, variance }, scales);
    const line = pairs(meanPath!);
    const band = pairs(bandPath!);
    expect(line).toHaveLength(n);
    expect(band).toHaveLength(2 * n);
    for (let i = 0; i < n; i++) {
      const sd = Z_95 * Math.sqrt(variance[i]!);
      expect(Math.abs(line[i]![0] - scales.x(x[i]!))).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(line[i]![1] - scales.y(mean[i]!))).toBeLessThanOrEqual(0.05 + 1e-9);
      // Along the upper edge, then back along the lower one.
      expect(Math.abs(band[i]![1] - scales.y(mean[i]! + sd))).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(band[2 * n - 1 - i]![1] - scales.y(mean[i]! - sd))).toBeLessThanOrEqual(
        0.05 + 1e-9,
      );
    }
    expect(bandPath!.endsWith('Z')).toBe(true);
  });

  it('hold the band to the plot and leave out samples that are not finite', () => {
    const wide = Float64Array.from(variance, (value, i) => (i === 3 ? Number.NaN : value * 1e4));
    const { meanPath, bandPath } = curvePaths({ x, mean, variance: wide }, scales);
    expect(pairs(meanPath!)).toHaveLength(n - 1);
    const [bottom, top] = scales.y.range() as [number, number];
    for (const [, y] of pairs(bandPath!)) {
      expect(y).toBeGreaterThanOrEqual(top - 1e-9);
      expect(y).toBeLessThanOrEqual(bottom + 1e-9);
    }
    expect(curvePaths({ x, mean: x.map(() => Number.NaN), variance }, scales)).toEqual({
      meanPath: null,
      bandPath: null,
    });
  });
});
