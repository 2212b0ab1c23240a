import { describe, expect, it } from 'vitest';
import { snapPoint, X_DOMAIN, Y_DOMAIN } from '../../src/state/domain';
import {
  DEFAULT_PRESET_ID,
  findPreset,
  matchPreset,
  noisySine,
  PRESETS,
} from '../../src/state/presets';

describe('presets', () => {
  it('offers the five datasets, each inside the plot and on the coordinate grid', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['sine', 'outlier', 'clusters', 'step', 'noise']);
    for (const preset of PRESETS) {
      expect(preset.points.length).toBeGreaterThanOrEqual(10);
      for (const point of preset.points) {
        expect(point.x).toBeGreaterThanOrEqual(X_DOMAIN[0]);
        expect(point.x).toBeLessThanOrEqual(X_DOMAIN[1]);
        expect(point.y).toBeGreaterThanOrEqual(Y_DOMAIN[0]);
        expect(point.y).toBeLessThanOrEqual(Y_DOMAIN[1]);
        expect(snapPoint(point.x, point.y)).toEqual(point);
      }
    }
  });

  it('makes the default a deterministic noisy sine of 12 points', () => {
    const sine = findPreset(DEFAULT_PRESET_ID).points;
    expect(sine).toHaveLength(12);
    expect(noisySine()).toEqual(sine);
    expect(noisySine(12, 8)).not.toEqual(sine);
    // Noise is small: every point is within 0.6 of the curve 1.2 sin(0.8 x).
    for (const { x, y } of sine) expect(Math.abs(y - 1.2 * Math.sin(0.8 * x))).toBeLessThan(0.6);
  });

  it('puts exactly one point far from the curve in the outlier preset', () => {
    const outlier = findPreset('outlier').points;
    const far = outlier.filter(({ x, y }) => Math.abs(y - 1.2 * Math.sin(0.8 * x)) > 1);
    expect(far).toHaveLength(1);
    expect(far[0]?.x).toBeCloseTo(5, 0);
  });

  it('throws on an unknown preset', () => {
    expect(() => findPreset('nope' as never)).toThrow(/Unknown preset "nope"/);
  });
});

describe('matchPreset', () => {
  it('names a preset from its exact points and nothing else', () => {
    for (const preset of PRESETS) expect(matchPreset(preset.points)).toBe(preset.id);
    const moved = findPreset('step').points.map((p, i) =>
      i === 3 ? { x: p.x, y: p.y + 0.001 } : p,
    );
    expect(matchPreset(moved)).toBeNull();
    expect(matchPreset(findPreset('sine').points.slice(1))).toBeNull();
  });
});
