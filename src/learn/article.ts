/**
 * The article as HTML text, from a message catalogue and the engine's numbers (facts.ts). The
 * build renders it into learn.html (English) and learn.es.html (Spanish), so the text and a static
 * picture of every figure are there without JavaScript; the page renders it again when the
 * reader's language is not the one it was built in. Figures are `<figure data-figure>` with a
 * static picture (`.figure-static`) that the live figure (`.figure-live`) replaces.
 */
import { ARTICLE_KERNEL, JUMP_DIRECTION, JUMP_POINT } from './datasets';
import { logSlopes, type ArticleFacts } from './facts';
import {
  GP_TEX,
  IFT_TEX,
  iftNumbersTex,
  RULE_TEX,
  SOURCE_TEX,
  STATIONARY_TEX,
  STATIONARY_TEX_ES,
  tex,
} from './formulas';
import { iftNumbers } from './iftNumbers';
import {
  fill,
  formatNumber,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  type LearnMessages,
  type MessageKey,
} from './messages';
import { curveSvg, fitSvg } from './svg';
import { formatNumber as formatDisplayed, partingDigits } from '../ui/format';

export const SECTION_IDS = [
  'step-1',
  'step-2',
  'step-3',
  'step-4',
  'step-5',
  'step-6',
  'step-7',
  'step-8',
  'exercises',
] as const;

export const QUESTION_URL = 'https://stats.stackexchange.com/q/446850';
export const ANSWER_URL = 'https://stats.stackexchange.com/a/447199';

/** The exercises, in the order the page shows them. */
export type ExerciseNumber = 1 | 2 | 3;

/**
 * Whether an exercise's arrows show its answer, so its live figure shows them only once the
 * reader has chosen one. Exercises 1 and 2 ask whether ℓ̂ grows or shrinks when the ringed point
 * moves: the point's ℓ arrow says exactly that. Exercise 3 asks whether ℓ̂ follows the arrow or
 * jumps: its arrow is part of the question, and it cannot show the jump.
 */
export function arrowsGiveAnswer(number: ExerciseNumber): boolean {
  return number !== 3;
}

/**
 * Whether an exercise's trust words show its answer: exercise 3's caution says a small change can
 * make the fit jump, which is what it asks. They show once the reader has chosen.
 */
export function reasonsGiveAnswer(number: ExerciseNumber): boolean {
  return number === 3;
}

export interface RenderOptions {
  /** Where the Spanish article lives: `learn.es.html` in the build, `learn.html?lang=es` in dev. */
  spanishHref: string;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A message as HTML: escaped, `**strong**`, `*em*`, placeholders filled (values escaped too). */
export function richText(template: string, values: Record<string, string | number> = {}): string {
  return escapeHtml(fill(template, values))
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\*(.+?)\*/g, '<em>$1</em>');
}

/** The numbers each message needs, formatted for the language. */
export function messageValues(language: Language, facts: ArticleFacts): Record<string, string> {
  const n = (value: number, digits = 3) => formatNumber(language, value, digits);
  const o = facts.objectives;
  const slopeDiff = Math.max(
    ...o.likelihoodLogLengthscaleSlope.map((v, i) => Math.abs(v - o.sourceLogLengthscaleSlope[i]!)),
  );
  return {
    n: String(facts.sine.points.length),
    // θ̂ as the widgets beside the text show it: four digits.
    best: n(facts.sine.fit.theta.lengthscale, 4),
    point: String(facts.focusPoint + 1),
    digits: String(Math.floor(facts.check.agreeDigits)),
    gap: n(facts.clusterGap, 2),
    lengthscale: n(o.likelihood.theta.lengthscale),
    signalL: n(o.likelihood.theta.signalStd),
    signalF: n(o.source.theta.signalStd),
    ratio: n(o.source.theta.signalStd / o.likelihood.theta.signalStd, 4),
    fixedL: n(o.likelihoodFixed.lengthscale),
    fixedF: n(o.sourceFixed.lengthscale),
    floorN: String(facts.floor.points.length),
    floorNoise: n(facts.floor.fit.theta.noiseStd, 2),
    floorRatio: n(facts.floor.fit.theta.noiseStd / facts.floor.fit.theta.signalStd, 2),
    flatN: String(facts.flat.points.length),
    flatLengthscale: n(facts.flat.fit.theta.lengthscale, 4),
    flatSpan: n(facts.flatSpan),
    flatTimes: n(facts.flat.fit.theta.lengthscale / facts.flatSpan, 4),
    h: n(facts.check.step, 2),
    diff: formatDisplayed(slopeDiff, 2, language),
  };
}

interface Section {
  id: (typeof SECTION_IDS)[number];
  title: MessageKey;
  body: string;
}

/** The article in `language`, whose text `m` is. */
export function renderArticle(
  language: Language,
  m: LearnMessages,
  facts: ArticleFacts,
  options: RenderOptions,
): string {
  const values = messageValues(language, facts);
  const p = (key: MessageKey, extra: Record<string, string> = {}) =>
    `<p>${richText(m[key], { ...values, ...extra })}</p>`;
  const math = (source: string) => `<div class="formula">${tex(source)}</div>`;
  const figure = (
    id: string,
    caption: string,
    staticPicture: string,
    attributes = '',
  ) => `<figure class="learn-figure" id="figure-${id}" data-figure="${id}" data-live="false"${attributes}>
<div class="figure-static" role="img" aria-labelledby="caption-${id}">${staticPicture}<p class="static-note">${escapeHtml(m.staticNote)}</p></div>
<div class="figure-live" hidden></div>
<figcaption id="caption-${id}">${caption}</figcaption>
</figure>`;
  const sine = facts.sine;
  const kernel = ARTICLE_KERNEL;
  const sineFit = (arrows: boolean, highlight: number | null = null) =>
    fitSvg({
      points: sine.points,
      theta: sine.fit.theta,
      kernel,
      arrows: arrows ? logSlopes(sine, 0) : null,
      highlight,
      language,
    });
  const ift = iftNumbers(sine, facts.focusPoint);
  const checkTable = (check: ArticleFacts['check']) => {
    const names = ['log ℓ̂', 'log σ̂f', 'log σ̂n'];
    const digits = partingDigits(check.agreeDigits);
    const rows = names
      .map(
        (name, i) =>
          `<tr><th scope="row">d ${name}/dy</th><td>${formatNumber(language, check.ift[i]!, digits)}</td><td>${formatNumber(language, check.fd[i]!, digits)}</td></tr>`,
      )
      .join('');
    return `<table class="numbers"><thead><tr><td></td><th scope="col">${escapeHtml(m.fig5Theorem)}</th><th scope="col">${escapeHtml(m.fig5Refit)}</th></tr></thead><tbody>${rows}</tbody></table><p>${richText(m.fig5Digits, values)}</p>`;
  };
  const o = facts.objectives;
  const objectivesTable = `<table class="numbers"><thead><tr><th scope="col">${escapeHtml(m.fig7Objective)}</th><th scope="col">ℓ̂ (${escapeHtml(m.fig7Free)})</th><th scope="col">σ̂f (${escapeHtml(m.fig7Free)})</th><th scope="col">ℓ̂ (${escapeHtml(fill(m.fig7Fixed, { signal: values.signalL! }))})</th></tr></thead><tbody>
<tr><th scope="row">${escapeHtml(m.fig7Likelihood)}</th><td>${formatNumber(language, o.likelihood.theta.lengthscale, 6)}</td><td>${formatNumber(language, o.likelihood.theta.signalStd, 6)}</td><td>${formatNumber(language, o.likelihoodFixed.lengthscale, 6)}</td></tr>
<tr><th scope="row">${escapeHtml(m.fig7Source)}</th><td>${formatNumber(language, o.source.theta.lengthscale, 6)}</td><td>${formatNumber(language, o.source.theta.signalStd, 6)}</td><td>${formatNumber(language, o.sourceFixed.lengthscale, 6)}</td></tr>
</tbody></table><p>${richText(m.fig7SlopeSame, values)}</p>`;

  const exercise = (
    number: ExerciseNumber,
    question: MessageKey,
    points: number,
    index: number,
  ) => {
    const fitted = number === 2 ? facts.outlier : facts.clusters;
    const picture =
      number === 1
        ? sineFit(false, index)
        : fitSvg({
            points: fitted.points,
            theta: fitted.fit.theta,
            kernel,
            highlight: index,
            language,
          });
    const direction = number === 1 ? 'up' : number === 2 ? 'down' : JUMP_DIRECTION;
    const [first, second]: [[string, MessageKey], [string, MessageKey]] =
      number === 3
        ? [
            ['follow', 'ex3Follow'],
            ['jump', 'ex3Jump'],
          ]
        : [
            ['grow', 'exGrow'],
            ['shrink', 'exShrink'],
          ];
    // Hidden until the live figure hides its arrows: the static picture draws none to explain.
    const hiddenNote = arrowsGiveAnswer(number)
      ? m.exArrowsHidden
      : reasonsGiveAnswer(number)
        ? m.exReasonsHidden
        : null;
    const arrowsNote = hiddenNote
      ? `<p class="arrows-note" data-testid="arrows-note" hidden>${escapeHtml(hiddenNote)}</p>\n`
      : '';
    return `<div class="exercise" id="exercise-${number}" data-exercise="${number}" data-point="${index}" data-direction="${direction}" data-points="${points}" data-arrows="${arrowsGiveAnswer(number) ? 'after-guess' : 'always'}" data-reasons="${reasonsGiveAnswer(number) ? 'after-guess' : 'always'}">
<p class="question">${richText(m[question], { point: String(index + 1) })}</p>
<div class="choices" role="group" aria-label="${escapeHtml(fill(m[question], { point: String(index + 1) }))}">
<button type="button" class="choice" data-guess="${first[0]}" aria-pressed="false">${escapeHtml(m[first[1]])}</button>
<button type="button" class="choice" data-guess="${second[0]}" aria-pressed="false">${escapeHtml(m[second[1]])}</button>
</div>
<p class="locked-note" data-testid="locked-note" hidden>${escapeHtml(m.exLocked)}</p>
${arrowsNote}${figure(`exercise-${number}`, richText(m.exFigureCaption, { number: String(number), point: String(index + 1) }), picture)}
<div class="moves">
<button type="button" class="move" data-move="up">${escapeHtml(m.exMoveUp)}</button>
<button type="button" class="move" data-move="down">${escapeHtml(m.exMoveDown)}</button>
<button type="button" class="reset">${escapeHtml(m.exReset)}</button>
</div>
<p class="feedback" role="status" aria-live="polite" data-testid="exercise-feedback">${escapeHtml(m.exWaiting)}</p>
</div>`;
  };

  const sections: Section[] = [
    {
      id: 'step-1',
      title: 's1Title',
      body:
        p('s1Intro') +
        `<ul><li>${richText(m.s1Lengthscale)}</li><li>${richText(m.s1Signal)}</li><li>${richText(m.s1Noise)}</li></ul>` +
        p('s1Play') +
        figure('fit', richText(m.fig1Caption, values), sineFit(false)),
    },
    {
      id: 'step-2',
      title: 's2Title',
      body:
        p('s2P1') +
        p('s2P2') +
        math(RULE_TEX) +
        p('s2P3') +
        figure('rule', richText(m.fig2Caption, values), sineFit(true), ' data-widget="sine"'),
    },
    {
      id: 'step-3',
      title: 's3Title',
      body:
        p('s3P1') +
        p('s3P2') +
        figure('curve', richText(m.fig3Caption, values), curveSvg(facts.curve, language)),
    },
    {
      id: 'step-4',
      title: 's4Title',
      body:
        p('s4P1') +
        math(language === 'es' ? STATIONARY_TEX_ES : STATIONARY_TEX) +
        p('s4P2') +
        math(IFT_TEX) +
        p('s4P3') +
        math(GP_TEX) +
        figure(
          'ift',
          richText(m.fig4Caption, values),
          `<div class="formula live-formula">${tex(iftNumbersTex(language, ift.index + 1, ift.hessian, ift.mixed, ift.result))}</div><p>${richText(m.fig4Note, values)}</p>`,
        ),
    },
    {
      id: 'step-5',
      title: 's5Title',
      body: p('s5P1') + figure('check', richText(m.fig5Caption, values), checkTable(facts.check)),
    },
    {
      id: 'step-6',
      title: 's6Title',
      body:
        p('s6P1') +
        `<ul><li>${richText(m.s6Flat)}</li><li>${richText(m.s6Boundary)}</li><li>${richText(m.s6Tie)}</li><li>${richText(m.s6Large)}</li></ul>` +
        p('s6Marks') +
        figure(
          'flat',
          richText(m.fig6FlatCaption, values),
          fitSvg({ points: facts.flat.points, theta: facts.flat.fit.theta, kernel, language }),
          ' data-widget="flat"',
        ) +
        figure(
          'floor',
          richText(m.fig6FloorCaption, values),
          fitSvg({
            points: facts.floor.points,
            theta: facts.floor.fit.theta,
            kernel,
            language,
            arrows: logSlopes(facts.floor, 0),
          }),
          ' data-widget="floor"',
        ) +
        figure(
          'breaks',
          richText(m.fig6Caption, values),
          fitSvg({
            points: facts.clusters.points,
            theta: facts.clusters.fit.theta,
            kernel,
            language,
            arrows: logSlopes(facts.clusters, 0),
          }),
          ' data-widget="clusters"',
        ),
    },
    {
      id: 'step-7',
      title: 's7Title',
      body:
        p('s7P1') +
        math(SOURCE_TEX) +
        p('s7P2') +
        p('s7P3') +
        figure('source', richText(m.fig7Caption, values), objectivesTable),
    },
    {
      id: 'step-8',
      title: 's8Title',
      body:
        p('s8P1') +
        p('s8P2', { ratio: formatNumber(language, facts.outlierPull.ratio, 2) }) +
        figure(
          'whole',
          richText(m.fig8Caption, values),
          fitSvg({
            points: facts.outlier.points,
            theta: facts.outlier.fit.theta,
            kernel,
            language,
            arrows: logSlopes(facts.outlier, 2),
          }),
          ' data-widget="outlier"',
        ),
    },
    {
      id: 'exercises',
      title: 'exTitle',
      body:
        p('exIntro') +
        exercise(1, 'ex1Question', facts.exerciseSine.points.length, facts.abovePoint) +
        exercise(2, 'ex2Question', facts.exerciseOutlier.points.length, facts.liftedPoint) +
        exercise(3, 'ex3Question', facts.clusters.points.length, JUMP_POINT),
    },
  ];

  const hrefs: Record<Language, string> = { en: 'learn.html?lang=en', es: options.spanishHref };
  const switcher = LANGUAGES.map((other) =>
    other === language
      ? `<a aria-current="page" lang="${other}" hreflang="${other}" href="${hrefs[other]}">${LANGUAGE_NAMES[other]}</a>`
      : `<a lang="${other}" hreflang="${other}" href="${hrefs[other]}" data-lang="${other}">${LANGUAGE_NAMES[other]}</a>`,
  ).join('');
  const source = richText(m.source, {
    question: `\u0000q`,
    answer: `\u0000a`,
  })
    .replace('\u0000q', `<a href="${QUESTION_URL}">${escapeHtml(m.sourceQuestion)}</a>`)
    .replace('\u0000a', `<a href="${ANSWER_URL}">${escapeHtml(m.sourceAnswer)}</a>`);

  return `<a class="skip" href="#article">${escapeHtml(m.skipToArticle)}</a>
<header class="learn-masthead">
<a class="home" href="./?lang=${language}">${escapeHtml(m.explorerLink)}</a>
<nav class="languages" aria-label="${escapeHtml(m.languageLabel)}">${switcher}</nav>
</header>
<main id="article" class="learn-article" data-language="${language}">
<h1>${escapeHtml(m.title)}</h1>
<p class="lead">${escapeHtml(m.lead)}</p>
<p class="source">${source}</p>
${sections.map((s) => `<section id="${s.id}" aria-labelledby="${s.id}-title"><h2 id="${s.id}-title">${escapeHtml(m[s.title])}</h2>${s.body}</section>`).join('\n')}
</main>
<footer class="learn-footer"><p>${escapeHtml(m.footer)}</p></footer>`;
}
