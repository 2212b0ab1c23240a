import { scaleLinear, scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import { laplaceEllipse, likelihoodLandscape, validateDataset } from '../../src/engine';
import {
  ellipsePath,
  interpolateProfile,
  logTicks,
  placeLabels,
} from '../../src/ui/panels/landscapeGeometry';
import {
  KEY_ARROW_PADDING,
  KEY_COLUMN,
  plotHeight,
  plotLayout,
  plotScales,
  POINT_RADIUS,
} from '../../src/ui/plot/geometry';
import { nearestPoint } from '../../src/ui/plot/pointDrag';
import { likelihoodChangeText } from '../../src/ui/lostLikelihood';

/** The numbers of an SVG path, in order. */
function numbers(path: string): number[] {
  return (path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
}

describe('reading the landscape between its samples', () => {
  const data = validateDataset([0, 1, 2, 3, 4, 5, 6], [0.1, 0.8, 0.9, 0.2, -0.6, -0.9, -0.3]);
  const grid = likelihoodLandscape(data, 'rbf', {
    lengthscales: Float64Array.from({ length: 9 }, (_, i) => 0.3 * 2 ** (i / 2)),
    noiseRatios: Float64Array.from({ length: 7 }, (_, j) => 1e-3 * 10 ** (j / 2)),
  });

  it('is exact on the samples and between the two neighbours on an edge', () => {
    const rows = grid.noiseRatios.length;
    for (const [i, j] of [
      [0, 0],
      [4, 3],
      [8, 6],
    ] as const) {
      expect(interpolateProfile(grid, grid.lengthscales[i]!, grid.noiseRatios[j]!)).toBeCloseTo(
        grid.profileLml[i * rows + j]!,
        9,
      );
    }
    // Halfway (in log ℓ) between samples (2, 3) and (3, 3): the mean of the two.
    const between = Math.sqrt(grid.lengthscales[2]! * grid.lengthscales[3]!);
    expect(interpolateProfile(grid, between, grid.noiseRatios[3]!)).toBeCloseTo(
      (grid.profileLml[2 * rows + 3]! + grid.profileLml[3 * rows + 3]!) / 2,
      9,
    );
  });

  it('is NaN outside the grid', () => {
    expect(interpolateProfile(grid, 0.1, 0.01)).toBeNaN();
    expect(interpolateProfile(grid, 1, 10)).toBeNaN();
  });
});

describe('log-axis ticks', () => {
  it('are powers of ten, thinned to the count that fits', () => {
    expect(logTicks([0.05, 50], 6)).toEqual([0.1, 1, 10]);
    expect(logTicks([1e-6, 1e2], 5)).toEqual([1e-6, 1e-4, 1e-2, 1, 100]);
    expect(logTicks([1e-12, 1e6], 6).length).toBeLessThanOrEqual(6);
  });

  it('add 2 and 5 on a short axis', () => {
    expect(logTicks([0.3, 6], 6)).toEqual([0.5, 1, 2, 5]);
  });
});

describe('the Laplace ellipse as a path', () => {
  const x = scaleLog([0.05, 50], [0, 500]);
  const y = scaleLog([1e-6, 100], [400, 0]);

  it('maps the ellipse in (log ℓ, log g) through the log scales', () => {
    const covariance: [[number, number], [number, number]] = [
      [0.04, 0.01],
      [0.01, 0.5],
    ];
    const centre: [number, number] = [Math.log(1.5), Math.log(0.01)];
    const values = numbers(ellipsePath(centre, covariance, 1, x, y));
    const expected = laplaceEllipse(centre, covariance, 1, 72).flatMap(([u, v]) => [
      x(Math.exp(u)),
      y(Math.exp(v)),
    ]);
    expect(values).toHaveLength(expected.length);
    values.forEach((value, k) => expect(Math.abs(value - expected[k]!)).toBeLessThanOrEqual(0.05));
  });

  it('stays finite for an ellipse far wider than the axes', () => {
    const values = numbers(
      ellipsePath(
        [0, 0],
        [
          [1e6, 0],
          [0, 1e8],
        ],
        2,
        x,
        y,
      ),
    );
    expect(values.every(Number.isFinite)).toBe(true);
  });
});

describe('marker labels', () => {
  it('go to the right where there is room, and elsewhere where there is not', () => {
    const placed = placeLabels(
      [
        { id: 'a', x: 100, y: 100, radius: 6, text: 'θ̂' },
        { id: 'b', x: 490, y: 100, radius: 6, text: 'runner-up' },
      ],
      500,
      300,
    );
    expect(placed[0]).toMatchObject({ id: 'a', anchor: 'start' });
    expect(placed[0]!.x).toBeGreaterThan(100);
    // No room to the right of b: its label goes left.
    expect(placed[1]).toMatchObject({ id: 'b', anchor: 'end' });
  });

  it('keep clear of each other and of the markers', () => {
    const markers = [
      { id: 'optimum', x: 200, y: 150, radius: 7, text: 'θ̂' },
      { id: 'runner-up', x: 214, y: 150, radius: 6, text: 'runner-up, 0.12 nats lower' },
      { id: 'manual', x: 206, y: 163, radius: 7, text: 'your θ' },
    ];
    const placed = placeLabels(markers, 500, 300);
    const boxes = placed.map((label, k) => {
      const width = markers[k]!.text.length * 6.6;
      const left =
        label.anchor === 'start'
          ? label.x
          : label.anchor === 'end'
            ? label.x - width
            : label.x - width / 2;
      return { left, right: left + width, top: label.y - 9, bottom: label.y + 3 };
    });
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const A = boxes[a]!;
        const B = boxes[b]!;
        const apart =
          A.right <= B.left || B.right <= A.left || A.bottom <= B.top || B.bottom <= A.top;
        expect(apart, `${markers[a]!.id} and ${markers[b]!.id}`).toBe(true);
      }
      for (const marker of markers) {
        const box = boxes[a]!;
        const clear =
          box.right <= marker.x - marker.radius ||
          box.left >= marker.x + marker.radius ||
          box.bottom <= marker.y - marker.radius ||
          box.top >= marker.y + marker.radius;
        expect(clear, `${markers[a]!.id}'s label and the ${marker.id} marker`).toBe(true);
      }
    }
  });
});

describe('the plot’s layout', () => {
  it('puts the key in a column beside the data on wide plots and in a strip above on narrow ones', () => {
    const wide = plotLayout(880, 500);
    expect(wide.key.layout).toBe('column');
    const scales = plotScales(880, 500, wide.margins);
    // The column starts right of the data area.
    expect(wide.key.x).toBeGreaterThanOrEqual(wide.margins.left + scales.innerWidth + 8);
    expect(wide.key.x + wide.key.width).toBeLessThanOrEqual(880);

    const narrow = plotLayout(KEY_COLUMN.minPlotWidth - 1, 300);
    expect(narrow.key.layout).toBe('row');
    expect(narrow.key.y + narrow.key.height).toBeLessThanOrEqual(narrow.margins.top);
    // The strip holds the key's vertical arrow, one unit of y long, above its dot, at any height.
    for (const height of [260, 300, 420, 700]) {
      const layout = plotLayout(KEY_COLUMN.minPlotWidth - 1, height);
      const { y } = plotScales(KEY_COLUMN.minPlotWidth - 1, height, layout.margins);
      const unit = y(0) - y(1);
      expect(layout.key.height).toBeGreaterThanOrEqual(unit + 2 * POINT_RADIUS + KEY_ARROW_PADDING);
      expect(layout.key.y + layout.key.height).toBeLessThanOrEqual(layout.margins.top);
    }
  });

  it('is as tall as the width asks, no taller than the room on screen, no shorter than readable', () => {
    expect(plotHeight(800)).toBe(540);
    expect(plotHeight(700, 400)).toBe(400);
    expect(plotHeight(700, 100)).toBe(260);
    expect(plotHeight(380, 1000)).toBe(380);
    // A narrow plot on a zoomed desktop is not a phone's: it keeps to the room, down to 260.
    expect(plotHeight(520, 245)).toBe(380);
    expect(plotHeight(520, 245, false, false)).toBe(260);
    expect(plotHeight(900, 650, true)).toBe(650);
  });
});

describe('which point a press takes', () => {
  const scales = {
    x: scaleLinear([0, 10], [0, 300]),
    y: scaleLinear([-3, 3], [240, 0]),
    innerWidth: 300,
    innerHeight: 240,
  };
  const points = [
    { x: 4, y: 0 },
    { x: 4.5, y: 0 },
  ];

  it('is the nearest within the touch radius, whatever the order', () => {
    // Points 15 px apart; a press 4 px from the first is 11 px from the second.
    expect(nearestPoint(points, scales, 124, 120)).toBe(0);
    expect(nearestPoint([...points].reverse(), scales, 124, 120)).toBe(1);
    expect(nearestPoint(points, scales, 132, 120)).toBe(1);
    expect(nearestPoint(points, scales, 60, 20)).toBeNull();
  });
});

describe('a change of log likelihood in words', () => {
  it('says how many times less well, and keeps the sign', () => {
    expect(likelihoodChangeText(-3.2)).toBe(
      '\u22123.2 nats: this θ explains the data e^3.2 ≈ 25× less well than θ̂',
    );
    expect(likelihoodChangeText(-0.001)).toMatch(/as well/);
    expect(likelihoodChangeText(-50)).toMatch(/≈ 5\.2×10²¹× less well/);
    // No more digits in the factor than in the nats.
    expect(likelihoodChangeText(-10.665)).toMatch(/e\^10\.7 ≈ 43000× less well/);
    expect(likelihoodChangeText(-6.2)).toMatch(/e\^6\.2 ≈ 490× less well/);
    expect(likelihoodChangeText(0.5)).toMatch(/^\+0\.50 nats: .* better than θ̂$/);
    expect(likelihoodChangeText(Number.NaN)).toMatch(/could not be computed/);
  });
});
