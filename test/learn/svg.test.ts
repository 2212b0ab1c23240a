/**
 * The article's pictures: tick labels on both axes of the response curve (figure 3), its tangent
 * drawn with the slope the text gives, and every number on them in the reader's language with a
 * true minus sign, as the explorer writes them; every arrow inside its plot area, clear of the
 * axes' letters (figure 6b's end points sit high, their arrows pointing up).
 */
import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/learn/article';
import { CATALOGUES } from '../../src/learn/catalogues';
import { ARTICLE_KERNEL } from '../../src/learn/datasets';
import { computeArticleFacts } from '../../src/learn/facts';
import { formatNumber } from '../../src/learn/messages';
import { curveSvg, fitSvg, tickLabels } from '../../src/learn/svg';

const facts = computeArticleFacts();

/** The plot area of an SVG text, read off its two axis lines (the horizontal one first). */
function plotArea(svg: string) {
  const [horizontal, vertical] = [
    ...svg.matchAll(/<line class="axis" x1="([^"]+)" x2="([^"]+)" y1="([^"]+)" y2="([^"]+)"/g),
  ].map((m) => m.slice(1).map(Number));
  return {
    left: vertical![0]!,
    right: horizontal![1]!,
    top: Math.min(vertical![2]!, vertical![3]!),
    bottom: horizontal![2]!,
  };
}

/** Every point of each arrow: its shaft's ends and its heads' corners. */
function arrowPoints(svg: string): { x: number; y: number }[][] {
  return [...svg.matchAll(/<g class="arrow[^"]*"[^>]*>(.*?)<\/g>/g)].map((arrow) => [
    ...[
      ...arrow[1]!.matchAll(/x1="(-?[\d.]+)" y1="(-?[\d.]+)" x2="(-?[\d.]+)" y2="(-?[\d.]+)"/g),
    ].flatMap((m) => [
      { x: Number(m[1]), y: Number(m[2]) },
      { x: Number(m[3]), y: Number(m[4]) },
    ]),
    ...[...arrow[1]!.matchAll(/points="([^"]*)"/g)].flatMap((m) =>
      m[1]!.split(' ').map((corner) => {
        const [x, y] = corner.split(',').map(Number);
        return { x: x!, y: y! };
      }),
    ),
  ]);
}

/** The tick labels of an SVG text: [x labels, y labels] (y labels are right-aligned). */
function ticks(svg: string): { x: string[]; y: string[] } {
  const all = [
    ...svg.matchAll(/<text class="tick"[^>]*text-anchor="(middle|end)">([^<]*)<\/text>/g),
  ];
  return {
    x: all.filter((m) => m[1] === 'middle').map((m) => m[2]!),
    y: all.filter((m) => m[1] === 'end').map((m) => m[2]!),
  };
}

describe('the article’s pictures', () => {
  it('figure 3 labels its vertical axis in ℓ̂ on a log scale, with the decimal mark of the language', () => {
    for (const language of ['en', 'es'] as const) {
      const { y } = ticks(curveSvg(facts.curve, language));
      expect(y.length, language).toBeGreaterThanOrEqual(2);
      const values = y.map((label) => Number(label.replace(',', '.').replace('\u2212', '-')));
      for (const value of values) expect(Number.isFinite(value)).toBe(true);
      // Ticks within the range of the refitted ℓ̂ (padded), increasing.
      const logLengthscales = Array.from(facts.curve.logTheta[0]);
      expect(Math.log(Math.min(...values))).toBeGreaterThan(Math.min(...logLengthscales) - 0.5);
      expect(Math.log(Math.max(...values))).toBeLessThan(Math.max(...logLengthscales) + 0.5);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      if (y.some((label) => /[.,]/.test(label)))
        expect(
          y.every((label) => !label.includes(language === 'es' ? '.' : ',')),
          language,
        ).toBe(true);
    }
  });

  it('figure 3 draws the tangent with the slope the text gives, d log ℓ̂/dyᵢ, read off its ticks', () => {
    const svg = curveSvg(facts.curve, 'en');
    // Pixel positions of the tick labels give each axis's scale.
    const scale = (anchor: 'middle' | 'end', coordinate: 'x' | 'y') => {
      const marks = [
        ...svg.matchAll(
          new RegExp(
            `<text class="tick" x="([^"]+)" y="([^"]+)" text-anchor="${anchor}">([^<]*)</text>`,
            'g',
          ),
        ),
      ].map((m) => ({
        pixel: Number(coordinate === 'x' ? m[1] : m[2]),
        // The vertical axis is ℓ̂ on a log scale: its pixels are linear in log ℓ̂.
        value:
          coordinate === 'y'
            ? Math.log(Number(m[3]!.replace('\u2212', '-')))
            : Number(m[3]!.replace('\u2212', '-')),
      }));
      const [first, last] = [marks[0]!, marks.at(-1)!];
      return (last.pixel - first.pixel) / (last.value - first.value);
    };
    const line = svg.match(
      /<line class="tangent" x1="([^"]+)" y1="([^"]+)" x2="([^"]+)" y2="([^"]+)"/,
    )!;
    const [x1, y1, x2, y2] = line.slice(1).map(Number) as [number, number, number, number];
    const drawn = (y2 - y1) / scale('end', 'y') / ((x2 - x1) / scale('middle', 'x'));
    // Pixels are rounded to 0.1 and the y labels sit 4 px below their tick: 2 % is plenty.
    expect(Math.abs(drawn / facts.curve.slope![0] - 1)).toBeLessThan(0.02);
    expect(svg).toContain('>ℓ̂ (log)<');
  });

  it('every arrow of every picture ends inside its plot area; the axes’ letters lie outside it', () => {
    for (const language of ['en', 'es'] as const) {
      const html = renderArticle(language, CATALOGUES[language], facts, {
        spanishHref: 'learn.es.html',
      });
      const pictures = [...html.matchAll(/<svg class="learn-svg[^"]*fit-picture.*?<\/svg>/g)].map(
        (m) => m[0],
      );
      const floor = /id="figure-floor".*?<\/figure>/s.exec(html)![0];
      expect(floor).toContain('data-testid="learn-arrow"');
      let arrows = 0;
      for (const svg of pictures) {
        const area = plotArea(svg);
        for (const arrow of arrowPoints(svg)) {
          arrows++;
          expect(arrow.length).toBeGreaterThanOrEqual(5);
          for (const { x, y } of arrow) {
            // Points on the vertical axis (x = 0): the head is as wide as their dot, no wider.
            expect(x).toBeGreaterThanOrEqual(area.left - 5);
            expect(x).toBeLessThanOrEqual(area.right + 5);
            expect(y, `${language}: an arrow reaches y = ${y}`).toBeGreaterThanOrEqual(area.top);
            expect(y).toBeLessThanOrEqual(area.bottom);
          }
        }
        // The letters: y above the plot area (its baseline with room for a descender), x right of it.
        const [xLabel, yLabel] = [
          ...svg.matchAll(
            /<text class="label(?: x-label)?" x="([^"]+)" y="([^"]+)"[^>]*>([^<]*)<\/text>/g,
          ),
        ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] }));
        expect(xLabel!.text).toBe('x');
        // Anchored at its end: a letter of 14 px type is narrower than 14 px.
        expect(svg).toMatch(/<text class="label x-label" [^>]*text-anchor="end">x</);
        expect(xLabel!.x - 14).toBeGreaterThanOrEqual(area.right);
        expect(yLabel!.text).toBe('y');
        expect(yLabel!.y).toBeLessThanOrEqual(area.top - 4);
      }
      // Figures 2, 6b, 6c and 8 draw an arrow on (nearly) every point.
      expect(arrows, language).toBeGreaterThan(60);
    }
  });

  it('an arrow that would leave the plot area stops at its edge, marked with a second head', () => {
    // Two points at the top and bottom of the picture, pulling outwards as hard as the arrows go.
    const points = [
      { x: 0, y: 2 },
      { x: 5, y: 0 },
      { x: 10, y: -2 },
    ];
    const svg = fitSvg({
      points,
      theta: facts.sine.fit.theta,
      kernel: ARTICLE_KERNEL,
      arrows: Float64Array.from([1, 0.01, -1]),
      language: 'en',
    });
    const area = plotArea(svg);
    const arrows = arrowPoints(svg);
    expect(arrows).toHaveLength(2);
    const ends = arrows.map((arrow) => arrow.map((p) => p.y));
    expect(Math.min(...ends[0]!)).toBeCloseTo(area.top, 0);
    expect(Math.max(...ends[1]!)).toBeCloseTo(area.bottom, 0);
    expect(svg.match(/data-edge="true"/g)).toHaveLength(2);
  });

  it('writes negative ticks with a minus sign, never a hyphen', () => {
    const svg = fitSvg({
      points: facts.sine.points,
      theta: facts.sine.fit.theta,
      kernel: ARTICLE_KERNEL,
      language: 'es',
    });
    const { y } = ticks(svg);
    expect(y).toContain('\u22121');
    for (const label of [...y, ...ticks(svg).x]) expect(label).not.toContain('-');
    expect(tickLabels([-0.5, 0, 0.5], 'es')).toEqual(['\u22120,5', '0,0', '0,5']);
    expect(tickLabels([-2, 0, 2], 'en')).toEqual(['\u22122', '0', '2']);
  });

  it('prose numbers carry the minus sign too', () => {
    expect(formatNumber('en', -0.1234, 3)).toBe('\u22120.123');
    expect(formatNumber('es', -2.5, 3)).toBe('\u22122,50');
  });

  it('prose numbers read as the widgets write them: trailing zeros kept, no grouping', () => {
    expect(formatNumber('en', 2.1, 3)).toBe('2.10');
    expect(formatNumber('en', 8792.3, 4)).toBe('8792');
    expect(formatNumber('es', 2.102, 4)).toBe('2,102');
  });
});
