import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPoints,
  formatPointsText,
  MAX_EMBED_POINTS,
  parsePointsText,
} from '../../src/embed/pointsText';
import { snapPoint } from '../../src/state';

describe('points written as text', () => {
  it('reads x,y pairs separated by semicolons or spaces, onto the plot grid', () => {
    expect(parsePointsText('0.5,0.2; 1.8,0.9;3.1,-0.4')).toEqual({
      ok: true,
      points: [
        { x: 0.5, y: 0.2 },
        { x: 1.8, y: 0.9 },
        { x: 3.1, y: -0.4 },
      ],
    });
    expect(parsePointsText('  1,1 2,2\n3,-3  ')).toEqual({
      ok: true,
      points: [
        { x: 1, y: 1 },
        { x: 2, y: 2 },
        { x: 3, y: -3 },
      ],
    });
    const snapped = parsePointsText('1.00049,0.3;2,0.1;3,0');
    expect(snapped.ok && snapped.points[0]).toEqual({ x: 1, y: 0.3 });
  });

  it('names the first bad pair and what is wrong with it', () => {
    const message = (text: string) => {
      const parsed = parsePointsText(text);
      return parsed.ok ? 'parsed' : parsed.message;
    };
    expect(message('')).toBe('no points given');
    expect(message('1,2;3')).toBe('pair 2 "3" must be an x and a y separated by a comma');
    expect(message('1,2;3,4,5;6,7')).toBe(
      'pair 2 "3,4,5" must be an x and a y separated by a comma',
    );
    expect(message('1,2;2,abc;3,1')).toBe('pair 2 has "abc", which is not a finite number');
    expect(message('1,2;,1;3,1')).toBe('pair 2 has "", which is not a finite number');
    expect(message('1,2;2,Infinity;3,1')).toBe(
      'pair 2 has "Infinity", which is not a finite number',
    );
    expect(message('1,1;2,1')).toBe(
      '2 points given; at least 3 are needed to fit three hyperparameters',
    );
    expect(message('1,1;12,1;3,1')).toBe(
      'point 2 (x = 12) lies outside the plot: x must be in [0, 10] and y in [-3, 3]',
    );
    expect(message('1,1;2,-3.5;3,1')).toBe(
      'point 2 (y = -3.5) lies outside the plot: x must be in [0, 10] and y in [-3, 3]',
    );
    const tooMany = Array.from(
      { length: MAX_EMBED_POINTS + 1 },
      (_, i) => `${(i / 20).toFixed(2)},0`,
    );
    expect(message(tooMany.join(';'))).toBe(
      `${MAX_EMBED_POINTS + 1} points given; an embedded widget holds at most ${MAX_EMBED_POINTS}`,
    );
  });

  it('checks points given from JavaScript the same way', () => {
    expect(
      checkPoints([
        { x: 1, y: 0 },
        { x: 2, y: Number.NaN },
        { x: 3, y: 0 },
      ]),
    ).toMatchObject({
      ok: false,
      message: 'point 2 needs finite numbers x and y',
    });
    expect(checkPoints('1,2' as unknown as { x: number; y: number }[])).toMatchObject({
      ok: false,
      message: 'points must be an array of {x, y} or text, not "1,2"',
    });
  });

  it('formats any set of plot points so that reading it back gives them exactly', () => {
    const point = fc
      .record({
        x: fc.double({ min: 0, max: 10, noNaN: true }),
        y: fc.double({ min: -3, max: 3, noNaN: true }),
      })
      .map(({ x, y }) => snapPoint(x, y));
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: MAX_EMBED_POINTS }), (points) => {
        expect(parsePointsText(formatPointsText(points))).toEqual({ ok: true, points });
      }),
    );
  });
});
