/**
 * The article's computed numbers: step 4's H, ∂²L/∂θ∂yᵢ and −H⁻¹g are the engine's sensitivities;
 * step 5's finite difference agrees; the exercise points are what their questions say; both
 * catalogues have the same placeholders; the rendered article carries every section in each
 * language; the exercises whose arrows show the answer keep them for after it.
 */
import { describe, expect, it } from 'vitest';
import { fitHyperparameters, posterior } from '../../src/engine';
import {
  ARTICLE_KERNEL,
  CLUSTER_POINTS,
  EXERCISE_OUTLIER_POINTS,
  EXERCISE_SINE_POINTS,
  FLAT_POINTS,
  FLOOR_POINTS,
  OUTLIER_POINTS,
  SINE_POINTS,
} from '../../src/learn/datasets';
import type { Point } from '../../src/state';
import { LENGTHSCALE_RANGE } from '../../src/engine/search-region';
import { computeArticleFacts, logSlopes } from '../../src/learn/facts';
import { partingDigits } from '../../src/ui/format';
import { COORDINATE_STEP } from '../../src/state/domain';
import { iftNumbers } from '../../src/learn/iftNumbers';
import { CATALOGUES } from '../../src/learn/catalogues';
import { formatNumber, type MessageKey } from '../../src/learn/messages';
import {
  arrowsGiveAnswer,
  reasonsGiveAnswer,
  renderArticle,
  SECTION_IDS,
} from '../../src/learn/article';

const facts = computeArticleFacts();

describe('the article', () => {
  it("step 4's numbers give the engine's d log θ̂/dy for every point", () => {
    const { sine } = facts;
    if (!sine.sensitivities.defined) throw new Error('the sine must have sensitivities');
    for (let i = 0; i < sine.points.length; i++) {
      const { result } = iftNumbers(sine, i);
      for (let row = 0; row < 3; row++)
        expect(result[row]).toBeCloseTo(sine.sensitivities.dLogTheta_dy[row as 0 | 1 | 2][i]!, 10);
    }
  });

  it('step 5: the finite-difference refit agrees to at least 6 digits', () => {
    expect(facts.check.agreeDigits).toBeGreaterThanOrEqual(6);
  });

  it('step 5 states its h: two refits that far apart give the theorem’s slope', () => {
    const { sine, focusPoint, check } = facts;
    const h = check.step;
    expect(h).toBeGreaterThan(0);
    const refit = (move: number) => {
      const y = Float64Array.from(sine.data.y);
      y[focusPoint] = y[focusPoint]! + move;
      return fitHyperparameters(
        { x: sine.data.x, y },
        { warmStart: { logTheta: sine.fit.logTheta } },
      ).logTheta;
    };
    const [up, down] = [refit(h), refit(-h)];
    // One central difference at h, before the extrapolation with h/2, already agrees to ~h².
    up.forEach((value, k) =>
      expect(Math.abs((value - down[k]!) / (2 * h) - check.ift[k]!)).toBeLessThan(
        1e-3 * Math.max(...check.ift.map(Math.abs)),
      ),
    );
    for (const language of ['en', 'es'] as const) {
      const html = renderArticle(language, CATALOGUES[language], facts, {
        spanishHref: 'learn.es.html',
      });
      expect(html).toContain(`h = ${formatNumber(language, h, 2)}`);
    }
  });

  it('step 6a: ℓ̂ of the flat data is where the search stops, as its caption says', () => {
    const { flat, flatSpan } = facts;
    const times = flat.fit.theta.lengthscale / flatSpan;
    expect(times).toBeCloseTo(LENGTHSCALE_RANGE.beyondSpan, 6);
    expect(renderArticle('en', CATALOGUES.en, facts, { spanishHref: 'learn.es.html' })).toContain(
      `where the search stops (${formatNumber('en', times, 4)} times the inputs’ span of`,
    );
  });

  it('step 1: the band is f’s alone, so many of the noisy sine’s points lie outside it', () => {
    const { data, fit } = facts.sine;
    const { mean, variance } = posterior(data, fit.theta, ARTICLE_KERNEL, data.x);
    const outside = Array.from(data.y).filter(
      (y, i) => Math.abs(y - mean[i]!) > 1.96 * Math.sqrt(variance[i]!),
    ).length;
    expect(outside).toBeGreaterThan(data.y.length / 4);
  });

  it('step 6b: σ̂n on its floor is below the smallest step a point can be dragged, as the text says', () => {
    expect(facts.floor.fit.theta.noiseStd).toBeLessThan(COORDINATE_STEP);
    expect(COORDINATE_STEP).toBe(0.001);
    for (const language of ['en', 'es'] as const)
      expect(
        renderArticle(language, CATALOGUES[language], facts, { spanishHref: 'learn.es.html' }),
      ).toContain(
        language === 'en' ? 'below 0.001, the smallest step' : 'debajo de 0,001, el paso',
      );
  });

  it("step 3's curve: its slope is the point's ℓ arrow, and the refits rise along it", () => {
    const slope = facts.curve.slope?.[0] ?? Number.NaN;
    expect(slope).toBeCloseTo(
      facts.sine.sensitivities.defined
        ? facts.sine.sensitivities.dLogTheta_dy[0][facts.focusPoint]!
        : NaN,
      10,
    );
    const lengthscales = Array.from(facts.curve.logTheta[0]);
    const centre = facts.curve.centre;
    const h = facts.curve.values[centre + 1]! - facts.curve.values[centre]!;
    const secant = (lengthscales[centre + 1]! - lengthscales[centre - 1]!) / (2 * h);
    expect(Math.abs(secant - slope)).toBeLessThan(0.02 * Math.abs(slope));
  });

  it('the exercise points: one above the fitted curve that shrinks ℓ̂ when raised, and an outlier 2 above the sine that grows ℓ̂ when lowered', () => {
    // Exercise 1: "sits above the fitted curve"; raised by 0.25 (the page's button) ℓ̂ shrinks,
    // by at least 1 %, to first order and in an exact refit alike, so the answer is clear.
    const index = facts.abovePoint;
    const { data, fit } = facts.exerciseSine;
    const { mean } = posterior(data, fit.theta, ARTICLE_KERNEL, data.x);
    expect(data.y[index]!).toBeGreaterThan(mean[index]!);
    const slope = logSlopes(facts.exerciseSine, 0)[index]!;
    expect(0.25 * slope).toBeLessThan(-0.01);
    const raised = Float64Array.from(data.y);
    raised[index]! += 0.25;
    const refit = fitHyperparameters({ x: data.x, y: raised }, { kernel: ARTICLE_KERNEL });
    expect(Math.log(refit.theta.lengthscale / fit.theta.lengthscale)).toBeLessThan(-0.01);
    // Exercise 2: "the outlier, lifted 2 above the sine the other points follow"; lowered by
    // 0.25 towards the fitted curve, ℓ̂ grows by at least 1 %, to first order and exactly.
    const lifted = facts.liftedPoint;
    const outlier = facts.exerciseOutlier.points[lifted]!;
    expect(outlier.y - 1.2 * Math.sin(0.8 * outlier.x)).toBeCloseTo(2, 2);
    const others = facts.exerciseOutlier.points.filter((_, i) => i !== lifted);
    for (const { x, y } of others) expect(Math.abs(y - 1.2 * Math.sin(0.8 * x))).toBeLessThan(1);
    const outlierData = facts.exerciseOutlier.data;
    const outlierMean = posterior(
      outlierData,
      facts.exerciseOutlier.fit.theta,
      ARTICLE_KERNEL,
      outlierData.x,
    ).mean;
    expect(outlierData.y[lifted]!).toBeGreaterThan(outlierMean[lifted]! + 0.25);
    expect(-0.25 * logSlopes(facts.exerciseOutlier, 0)[lifted]!).toBeGreaterThan(0.01);
    const lowered = Float64Array.from(outlierData.y);
    lowered[lifted]! -= 0.25;
    const loweredFit = fitHyperparameters(
      { x: outlierData.x, y: lowered },
      { kernel: ARTICLE_KERNEL },
    );
    expect(
      Math.log(loweredFit.theta.lengthscale / facts.exerciseOutlier.fit.theta.lengthscale),
    ).toBeGreaterThan(0.01);
    // Step 8's outlier, in figure 8: its σn arrow the longest, by the factor the text gives.
    const figureOutlier = facts.outlier.points[facts.outlierPull.index]!;
    expect(figureOutlier.y - 1.2 * Math.sin(0.8 * figureOutlier.x)).toBeCloseTo(2, 1);
    expect(facts.outlierPull.ratio).toBeGreaterThan(1.5);
  });

  it('the exercises’ data are not any figure’s: the figures before them do not show the answers', () => {
    const figures = [SINE_POINTS, OUTLIER_POINTS, CLUSTER_POINTS, FLOOR_POINTS, FLAT_POINTS];
    const same = (a: readonly Point[], b: readonly Point[]) =>
      a.length === b.length && a.every((p, i) => p.x === b[i]!.x && p.y === b[i]!.y);
    for (const exercise of [EXERCISE_SINE_POINTS, EXERCISE_OUTLIER_POINTS])
      for (const figure of figures) expect(same(exercise, figure)).toBe(false);
    // Fresh noise: no point of exercise 1 is where any point of figure 2 is.
    for (const p of EXERCISE_SINE_POINTS)
      expect(SINE_POINTS.some((q) => q.x === p.x && q.y === p.y)).toBe(false);
  });

  it('step 8: on ℓ the longest arrow is at an end of the data, and the outlier’s right-hand neighbour outpulls it', () => {
    for (const data of [facts.sine, facts.outlier]) {
      const lengths = Array.from(logSlopes(data, 0), Math.abs);
      const longest = lengths.indexOf(Math.max(...lengths));
      const order = Array.from(data.data.x.keys()).sort(
        (a, b) => data.data.x[a]! - data.data.x[b]!,
      );
      expect([order[0], order.at(-1)]).toContain(longest);
    }
    const lengths = Array.from(logSlopes(facts.outlier, 0), Math.abs);
    const outlier = facts.outlierPull.index;
    const right = Array.from(facts.outlier.data.x.keys())
      .filter((k) => facts.outlier.data.x[k]! > facts.outlier.data.x[outlier]!)
      .reduce((a, b) => (facts.outlier.data.x[a]! < facts.outlier.data.x[b]! ? a : b));
    expect(lengths[right]!).toBeGreaterThan(lengths[outlier]!);
  });

  it('the clusters preset has a runner-up explanation within 2 nats (step 6)', () => {
    expect(facts.clusterGap).toBeGreaterThan(0);
    expect(facts.clusterGap).toBeLessThan(2);
  });

  it('both catalogues use the same placeholders in every message', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(CATALOGUES.en) as MessageKey[])
      expect(placeholders(CATALOGUES.es[key]), key).toEqual(placeholders(CATALOGUES.en[key]));
  });

  it("step 5's table prints two digits more than agree, so the two columns visibly part", () => {
    const { agreeDigits, ift, fd } = facts.check;
    const digits = partingDigits(agreeDigits);
    expect(digits).toBe(Math.floor(agreeDigits) + 2);
    const html = renderArticle('en', CATALOGUES.en, facts, { spanishHref: 'learn.es.html' });
    const shown = [0, 1, 2].map((i) =>
      [ift[i]!, fd[i]!].map((value) => formatNumber('en', value, digits)),
    );
    for (const [theorem, refits] of shown)
      expect(html).toContain(`<td>${theorem}</td><td>${refits}</td>`);
    // At least one row parts in its last digits.
    expect(shown.some(([theorem, refits]) => theorem !== refits)).toBe(true);
    expect(html).toContain(`Digits that agree, against the largest: ${Math.floor(agreeDigits)}.`);
    // "Against the largest": every row's difference is below 10^−digits of the largest derivative,
    // though a smaller row may agree to fewer of its own significant digits.
    const largest = Math.max(...ift.map(Math.abs));
    ift.forEach((value, i) =>
      expect(Math.abs(value - fd[i]!)).toBeLessThan(10 ** -Math.floor(agreeDigits) * largest),
    );
  });

  it('renders every section, with a static picture per figure, in each language', () => {
    for (const language of ['en', 'es'] as const) {
      const html = renderArticle(language, CATALOGUES[language], facts, {
        spanishHref: 'learn.es.html',
      });
      for (const id of SECTION_IDS) expect(html).toContain(`id="${id}"`);
      expect(html.match(/class="figure-static"/g)?.length).toBeGreaterThanOrEqual(10);
      const names = new Set(
        Object.values(CATALOGUES.en).flatMap((text) =>
          [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
        ),
      );
      for (const name of names) expect(html).not.toContain(`{${name}}`);
      // The way back to the explorer keeps the reader's language.
      expect(html).toContain(`<a class="home" href="./?lang=${language}">`);
    }
  });

  it('exercises 1 and 2 hide their arrows until the reader answers, and say so; exercise 3 shows them', () => {
    // 1 and 2: the ringed point's ℓ arrow is the answer to "grow or shrink". 3: the arrow is what
    // the reader is asked to trust or not, and it cannot show the jump.
    expect([1, 2, 3].map((n) => arrowsGiveAnswer(n as 1 | 2 | 3))).toEqual([true, true, false]);
    expect([1, 2, 3].map((n) => reasonsGiveAnswer(n as 1 | 2 | 3))).toEqual([false, false, true]);
    for (const language of ['en', 'es'] as const) {
      const m = CATALOGUES[language];
      const html = renderArticle(language, m, facts, { spanishHref: 'learn.es.html' });
      for (const number of [1, 2, 3]) {
        const start = html.indexOf(`id="exercise-${number}"`);
        const exercise = html.slice(start, html.indexOf('class="feedback"', start));
        const hides = number !== 3;
        expect(exercise, `${language} exercise ${number}`).toContain(
          `data-arrows="${hides ? 'after-guess' : 'always'}"`,
        );
        // The note is in the page's language, hidden until the live figure hides the arrows
        // (the static picture draws none) or, in exercise 3, the words on trusting them.
        const note = `<p class="arrows-note" data-testid="arrows-note" hidden>${hides ? m.exArrowsHidden : m.exReasonsHidden}</p>`;
        expect(exercise, `${language} exercise ${number}`).toContain(note);
        expect(exercise).toContain(`data-reasons="${hides ? 'always' : 'after-guess'}"`);
        // The static picture draws no arrow to give the answer away either.
        expect(exercise).not.toContain('data-testid="learn-arrow"');
      }
    }
    expect(CATALOGUES.en.exArrowsHidden).not.toBe(CATALOGUES.es.exArrowsHidden);
  });

  it('prints each exercise question once (the figure below it has a caption of its own)', () => {
    for (const language of ['en', 'es'] as const) {
      const html = renderArticle(language, CATALOGUES[language], facts, {
        spanishHref: 'learn.es.html',
      });
      for (const number of [1, 2, 3]) {
        const exercise = html.slice(
          html.indexOf(`id="exercise-${number}"`),
          html.indexOf('class="moves"', html.indexOf(`id="exercise-${number}"`)),
        );
        // The printed text only: the choices' group label (an attribute) may repeat it for screen readers.
        const printed = exercise.replace(/<[^>]*>/g, '');
        const question = /<p class="question">(.*?)<\/p>/
          .exec(exercise)![1]!
          .replace(/<[^>]*>/g, '');
        expect(printed.split(question).length - 1, `${language} exercise ${number}`).toBe(1);
      }
    }
  });
});
