import { scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  arrowShape,
  KEY_COLUMN,
  plotHeight,
  plotLayout,
  presentationKeyScale,
  plotScales,
  POINT_RADIUS,
  shareInside,
  edgeShare,
  EDGE_STUB_PX,
} from '../../src/ui/plot/geometry';
import {
  bandStrength,
  contourBands,
  LANDSCAPE_LEVELS,
} from '../../src/ui/panels/landscapeGeometry';

/** The numbers of an SVG path, in order. */
function numbers(path: string): number[] {
  return (path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
}

describe('plot geometry', () => {
  it('maps the data domain onto the inner plot, y upward', () => {
    const scales = plotScales(800, plotHeight(800));
    expect(scales.x(0)).toBe(0);
    expect(scales.x(10)).toBe(scales.innerWidth);
    expect(scales.y(-3)).toBe(scales.innerHeight);
    expect(scales.y(3)).toBe(0);
    // A phone's plot: tall enough for about 40 px per unit of y under its key strip.
    expect(plotHeight(200)).toBe(380);
    expect(plotHeight(390, 844)).toBe(380);
    expect(plotHeight(2000)).toBe(540);
  });

  it('gives the key a scale of its own: wider column and taller strip for presentation’s large words', () => {
    expect(presentationKeyScale(1400)).toBe(1.5);
    expect(presentationKeyScale(690)).toBe(1);
    const ordinary = plotLayout(1400, 900);
    const large = plotLayout(1400, 900, 0, 1.5);
    expect(ordinary.key).toMatchObject({ layout: 'column', scale: 1 });
    expect(large.key).toMatchObject({ layout: 'column', scale: 1.5 });
    expect(ordinary.margins.right).toBe(KEY_COLUMN.width + KEY_COLUMN.gap);
    expect(large.key.width + 4).toBe(Math.round(1.5 * KEY_COLUMN.width));
    // The column ends at the plot's right edge either way.
    expect(large.key.x + large.key.width + 4).toBe(1400);
    // A strip above a narrow plot: at least two lines of the larger words.
    const strip = plotLayout(390, 300, 0, 1.5).key;
    expect(strip.layout).toBe('row');
    expect(strip.height).toBeGreaterThanOrEqual(1.5 * 46 - 6);
  });

  it('draws an arrow from the dot’s edge whose length beyond it is exactly the vector', () => {
    const shape = arrowShape(100, 50, 0, -40, false);
    expect(shape).not.toBeNull();
    expect(Number(shape?.shaft.x1)).toBe(100);
    expect(Number(shape?.shaft.y1)).toBeCloseTo(50 - POINT_RADIUS - 1.5, 1);
    // The shaft stops inside the head, on the arrow's line.
    expect(Number(shape?.shaft.x2)).toBe(100);
    expect(Number(shape?.shaft.y2)).toBeLessThan(50 - POINT_RADIUS - 1.5 - 40 + 8);
    // The head's tip is the first corner of the head's polygon.
    const [tipX, tipY] = numbers(shape?.heads[0] ?? '');
    expect(tipX).toBe(100);
    expect(tipY).toBeCloseTo(50 - POINT_RADIUS - 1.5 - 40, 1);
    expect(arrowShape(0, 0, 0.1, 0.1, false)).toBeNull();
    expect(arrowShape(0, 0, Number.NaN, 5, false)).toBeNull();
    const capped = arrowShape(0, 0, 30, 0, true);
    expect(capped?.heads).toHaveLength(2);
    // Each head is a triangle; the second sits behind the first along the arrow.
    const [first, second] = (capped?.heads ?? []).map(numbers);
    expect(first).toHaveLength(6);
    expect(second).toHaveLength(6);
    expect(second![0]).toBeLessThan(first![0]!);
  });

  it('shortens an arrow whose tip would cross the plot’s edge so that its tip is on the edge', () => {
    const gap = POINT_RADIUS + 1.5;
    // The y range as a scale gives it, bottom first.
    const [xRange, yRange] = [
      [0, 200],
      [100, 0],
    ];
    expect(shareInside(50, 50, 0, -30, xRange, yRange)).toBe(1);
    expect(shareInside(50, 50, 0, 30, xRange, yRange)).toBe(1);
    // Up from y = 20: the arrow starts `gap` above the dot and has 20 − gap left to the top.
    const up = shareInside(50, 20, 0, -40, xRange, yRange);
    expect(up).toBeCloseTo((20 - gap) / 40, 12);
    const [, tipY] = numbers(arrowShape(50, 20, 0, -40 * up, true)?.heads[0] ?? '');
    expect(tipY).toBeCloseTo(0, 1);
    // Down past the bottom, and along both axes at once (the nearer edge wins).
    expect(shareInside(50, 90, 0, 20, xRange, yRange)).toBeCloseTo((10 - gap) / 20, 12);
    const diagonal = shareInside(190, 50, 30, 40, xRange, yRange);
    const [ux, uy] = [30 / 50, 40 / 50];
    expect(diagonal).toBeCloseTo(Math.min((10 - ux * gap) / 30, (50 - uy * gap) / 40), 12);
    // A dot at the edge with its arrow pointing out: nothing left to draw inside …
    expect(shareInside(50, 0, 0, -10, xRange, yRange)).toBe(0);
    // … so the drawn share keeps a stub that shows the way (or the whole arrow, if shorter).
    expect(edgeShare(50, 0, 0, -70, xRange, yRange)).toBeCloseTo(EDGE_STUB_PX / 70, 12);
    expect(edgeShare(50, 0, 0, -10, xRange, yRange)).toBe(1);
    expect(edgeShare(50, 50, 0, -60, xRange, yRange)).toBe(
      shareInside(50, 50, 0, -60, xRange, yRange),
    );
  });
});

describe('landscape contours', () => {
  it('fills nested bands around the maximum of a smooth bump, in pixel space', () => {
    const size = 24;
    const lengthscales = Float64Array.from(
      { length: size },
      (_, i) => 0.1 * 1000 ** (i / (size - 1)),
    );
    const noiseRatios = Float64Array.from(
      { length: size },
      (_, j) => 1e-4 * 1e4 ** (j / (size - 1)),
    );
    const profileLml = new Float64Array(size * size);
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        profileLml[i * size + j] = -10 - (40 * ((i - 12) ** 2 + (j - 6) ** 2)) / size;
      }
    }
    profileLml[0] = Number.NaN;
    const x = scaleLog([0.1, 100], [0, 240]);
    const y = scaleLog([1e-4, 1], [200, 0]);
    const grid = {
      lengthscales,
      noiseRatios,
      profileLml,
      best: { lengthscale: 1, noiseRatio: 0.01, lml: -10 },
    };
    const bands = contourBands(grid, x, y);
    expect(bands.map((band) => band.level)).toEqual([...LANDSCAPE_LEVELS]);
    for (const band of bands) {
      const values = numbers(band.path);
      expect(values.every(Number.isFinite)).toBe(true);
      expect(Math.min(...values)).toBeGreaterThan(-20);
    }
    // The innermost band surrounds the maximum at grid cell (12, 6).
    const inner = numbers(bands.at(-1)?.path ?? '');
    const xs = inner.filter((_, k) => k % 2 === 0);
    const ys = inner.filter((_, k) => k % 2 === 1);
    const peakX = x(lengthscales[12] ?? 0);
    const peakY = y(noiseRatios[6] ?? 0);
    expect(Math.min(...xs)).toBeLessThan(peakX);
    expect(Math.max(...xs)).toBeGreaterThan(peakX);
    expect(Math.min(...ys)).toBeLessThan(peakY);
    expect(Math.max(...ys)).toBeGreaterThan(peakY);
    expect(bandStrength(-0.5)).toBe(1);
    expect(bandStrength(-64)).toBeLessThan(0.1);
  });
});
