/**
 * The article's pictures: tick labels on both axes of the response curve (figure 3), and every
 * number on them in the reader's language with a true minus sign, as the explorer writes them.
 */
import { describe, expect, it } from 'vitest';
import { ARTICLE_KERNEL } from '../../src/learn/datasets';
import { computeArticleFacts } from '../../src/learn/facts';
import { formatNumber } from '../../src/learn/messages';
import { curveSvg, fitSvg, tickLabels } from '../../src/learn/svg';

const facts = computeArticleFacts();

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
  it('figure 3 labels its vertical axis (ℓ̂), with the decimal mark of the language', () => {
    for (const language of ['en', 'es'] as const) {
      const { y } = ticks(curveSvg(facts.curve, language));
      expect(y.length, language).toBeGreaterThanOrEqual(2);
      const values = y.map((label) => Number(label.replace(',', '.').replace('\u2212', '-')));
      for (const value of values) expect(Number.isFinite(value)).toBe(true);
      // Ticks within the range of the refitted ℓ̂ (padded), increasing.
      const lengthscales = Array.from(facts.curve.logTheta[0], Math.exp);
      expect(Math.min(...values)).toBeGreaterThan(Math.min(...lengthscales) - 1);
      expect(Math.max(...values)).toBeLessThan(Math.max(...lengthscales) + 1);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      if (y.some((label) => /[.,]/.test(label)))
        expect(
          y.every((label) => !label.includes(language === 'es' ? '.' : ',')),
          language,
        ).toBe(true);
    }
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
    expect(formatNumber('es', -2.5, 3)).toBe('\u22122,5');
  });
});
