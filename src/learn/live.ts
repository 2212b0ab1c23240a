/**
 * The live figures: each replaces its static picture. Figures 2, 6a–c and 8 and the exercises are the
 * project's widget (`mount()`); figures 1, 3, 4, 5 and 7 need what the widget does not offer (ℓ set
 * by hand, one point's response curve, the theorem's numbers, the refits, two objectives) and are
 * drawn here from the engine.
 */
import { mount, type EmbedHandle, type MountOptions } from '../embed/mount';
import { finiteDifferenceCheck } from '../engine';
import { evaluateLikelihood, createLikelihoodWorkspace } from '../engine/likelihood';
import { escapeHtml, messageValues, richText } from './article';
import {
  ARTICLE_KERNEL,
  ARTICLE_WIDGET_HEIGHT,
  CLUSTER_POINTS,
  FLAT_POINTS,
  FLOOR_POINTS,
  OUTLIER_POINTS,
  SINE_POINTS,
} from './datasets';
import { mountExercise } from './exercise';
import { curveFor, type ArticleFacts, type FittedData } from './facts';
import { partingDigits } from '../ui/format';
import { iftNumbersTex, tex } from './formulas';
import { iftNumbers } from './iftNumbers';
import { fill, formatNumber, type Language, type LearnMessages } from './messages';
import { compareObjectives } from './sourceObjective';
import { curveSvg, fitSvg } from './svg';
import { STEP7_KERNEL, STEP7_POINTS } from './datasets';

/** Shows `content` in the figure's live slot instead of its static picture. */
export function goLive(figure: HTMLElement): HTMLElement {
  const live = figure.querySelector<HTMLElement>('.figure-live')!;
  figure.querySelector<HTMLElement>('.figure-static')!.hidden = true;
  live.hidden = false;
  figure.dataset.live = 'true';
  return live;
}

/** A <select> of the points, labelled, calling `onPick` with the index. */
function pointPicker(
  language: Language,
  m: LearnMessages,
  fitted: FittedData,
  selected: number,
  onPick: (index: number) => void,
): HTMLElement {
  const label = document.createElement('label');
  label.className = 'picker';
  label.append(`${m.pointPicker} `);
  const select = document.createElement('select');
  fitted.points.forEach((p, i) => {
    const option = document.createElement('option');
    option.value = String(i);
    option.textContent = fill(m.pointOption, {
      point: i + 1,
      x: formatNumber(language, p.x, 3),
    });
    option.selected = i === selected;
    select.append(option);
  });
  select.addEventListener('change', () => onPick(Number(select.value)));
  label.append(select);
  return label;
}

export function widgetOptions(kind: string): MountOptions {
  const common = {
    kernel: ARTICLE_KERNEL,
    band: true,
    theme: 'light',
    height: ARTICLE_WIDGET_HEIGHT,
  } as const;
  switch (kind) {
    case 'clusters':
      return { ...common, points: CLUSTER_POINTS, panels: ['readout', 'status'] };
    // Step 6: the status line is the point of these two figures (why the arrows are hidden, or held).
    case 'flat':
      return { ...common, points: FLAT_POINTS, panels: ['readout', 'status'] };
    case 'floor':
      return { ...common, points: FLOOR_POINTS, panels: ['readout', 'status'] };
    case 'outlier':
      return {
        ...common,
        points: OUTLIER_POINTS,
        hyperparameter: 'noiseStd',
        panels: ['controls', 'readout'],
      };
    default:
      return { ...common, points: SINE_POINTS, panels: ['readout'] };
  }
}

function liveFit(
  figure: HTMLElement,
  language: Language,
  m: LearnMessages,
  facts: ArticleFacts,
): void {
  const { sine } = facts;
  const live = goLive(figure);
  const best = sine.fit.theta;
  const workspace = createLikelihoodWorkspace(ARTICLE_KERNEL, sine.data.x, sine.data.y);
  const picture = document.createElement('div');
  const readout = document.createElement('p');
  readout.className = 'readout';
  readout.setAttribute('aria-live', 'polite');
  const label = document.createElement('label');
  label.className = 'slider';
  const slider = document.createElement('input');
  slider.type = 'range';
  // log ℓ from log 0.2 to log 10, in 200 steps.
  slider.min = '0';
  slider.max = '200';
  const toLengthscale = (step: number) => 0.2 * Math.pow(50, step / 200);
  // Half a step in log ℓ: the step this close to ℓ̂ is the slider's nearest to the maximum.
  const halfStep = Math.log(50) / 400;
  slider.value = String(Math.round((200 * Math.log(1 / 0.2)) / Math.log(50)));
  label.append(`${m.fig1Slider} `, slider);
  const draw = () => {
    const lengthscale = toLengthscale(Number(slider.value));
    const theta = { ...best, lengthscale };
    const lml = evaluateLikelihood(
      workspace,
      [Math.log(lengthscale), Math.log(best.signalStd), Math.log(best.noiseStd)],
      0,
    ).value;
    picture.innerHTML = fitSvg({ points: sine.points, theta, kernel: ARTICLE_KERNEL, language });
    const gap = sine.fit.lml - lml;
    const n = (v: number) => formatNumber(language, v, 4);
    slider.setAttribute('aria-valuetext', `ℓ = ${n(lengthscale)}`);
    const nearest = Math.abs(Math.log(lengthscale / best.lengthscale)) <= halfStep;
    readout.textContent = `${fill(m.fig1Value, { l: n(lengthscale), lml: n(lml) })} ${
      nearest
        ? fill(m.fig1AtBest, { best: n(best.lengthscale), gap: n(gap) })
        : fill(m.fig1Best, { bestLml: n(sine.fit.lml), best: n(best.lengthscale), gap: n(gap) })
    }`;
  };
  slider.addEventListener('input', draw);
  live.append(picture, label, readout);
  draw();
}

function liveCurve(
  figure: HTMLElement,
  language: Language,
  m: LearnMessages,
  facts: ArticleFacts,
): void {
  const live = goLive(figure);
  const picture = document.createElement('div');
  const readout = document.createElement('p');
  readout.className = 'readout';
  const caption = figure.querySelector('figcaption')!;
  const draw = (index: number) => {
    const curve = index === facts.focusPoint ? facts.curve : curveFor(facts.sine, index);
    picture.innerHTML = curveSvg(curve, language);
    figure.dataset.slope = String(curve.slope?.[0] ?? Number.NaN);
    figure.dataset.index = String(index);
    caption.innerHTML = richText(m.fig3Caption, { point: String(index + 1) });
    readout.textContent = fill(m.fig3Slope, {
      slope: formatNumber(language, curve.slope?.[0] ?? Number.NaN, 4),
      refits: curve.refits,
    });
  };
  live.append(pointPicker(language, m, facts.sine, facts.focusPoint, draw), picture, readout);
  draw(facts.focusPoint);
}

function liveIft(
  figure: HTMLElement,
  language: Language,
  m: LearnMessages,
  facts: ArticleFacts,
): void {
  const live = goLive(figure);
  const formula = document.createElement('div');
  formula.className = 'formula live-formula';
  const note = document.createElement('p');
  const draw = (index: number) => {
    const numbers = iftNumbers(facts.sine, index);
    formula.innerHTML = tex(
      iftNumbersTex(language, index + 1, numbers.hessian, numbers.mixed, numbers.result),
    );
    note.innerHTML = richText(m.fig4Note, { point: String(index + 1) });
  };
  live.append(pointPicker(language, m, facts.sine, facts.focusPoint, draw), formula, note);
  draw(facts.focusPoint);
}

function liveCheck(
  figure: HTMLElement,
  language: Language,
  m: LearnMessages,
  facts: ArticleFacts,
): void {
  const live = goLive(figure);
  const table = document.createElement('div');
  table.setAttribute('aria-live', 'polite');
  let index = facts.focusPoint;
  const draw = () => {
    const { sine } = facts;
    const check = finiteDifferenceCheck(sine.data, sine.fit, index, sine.sensitivities);
    figure.dataset.digits = String(check.agreeDigits);
    const names = ['log ℓ̂', 'log σ̂f', 'log σ̂n'];
    const digits = partingDigits(check.agreeDigits);
    table.innerHTML = `<table class="numbers"><thead><tr><td></td><th scope="col">${escapeHtml(m.fig5Theorem)}</th><th scope="col">${escapeHtml(m.fig5Refit)}</th></tr></thead><tbody>${names
      .map(
        (name, i) =>
          `<tr><th scope="row">d ${name}/dy${index + 1}</th><td>${formatNumber(language, check.ift[i]!, digits)}</td><td>${formatNumber(language, check.fd[i]!, digits)}</td></tr>`,
      )
      .join(
        '',
      )}</tbody></table><p>${richText(m.fig5Digits, { digits: String(Math.floor(check.agreeDigits)) })}</p>`;
  };
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = m.fig5Button;
  button.addEventListener('click', draw);
  live.append(
    pointPicker(language, m, facts.sine, index, (picked) => {
      index = picked;
      draw();
    }),
    button,
    table,
  );
  draw();
}

function liveSource(
  figure: HTMLElement,
  language: Language,
  m: LearnMessages,
  facts: ArticleFacts,
): void {
  const live = goLive(figure);
  const table = document.createElement('div');
  table.setAttribute('aria-live', 'polite');
  const fitted = facts.objectives.likelihood.theta.signalStd;
  const n = (v: number, digits = 6) => formatNumber(language, v, digits);
  const label = document.createElement('label');
  label.className = 'picker';
  label.append(`${m.fig7SignalPicker} `);
  const select = document.createElement('select');
  for (const factor of [0.5, 1, 2]) {
    const option = document.createElement('option');
    option.value = String(factor);
    option.textContent = `σf = ${n(fitted * factor, 3)}`;
    option.selected = factor === 1;
    select.append(option);
  }
  label.append(select);
  const draw = () => {
    const signal = fitted * Number(select.value);
    const o = compareObjectives(STEP7_POINTS, STEP7_KERNEL, signal);
    figure.dataset.fixedLikelihood = String(o.likelihoodFixed.lengthscale);
    figure.dataset.fixedSource = String(o.sourceFixed.lengthscale);
    const fixed = escapeHtml(fill(m.fig7Fixed, { signal: n(signal, 3) }));
    const row = (name: string, free: typeof o.likelihood, fixedFit: typeof o.sourceFixed) =>
      `<tr><th scope="row">${escapeHtml(name)}</th><td>${n(free.theta.lengthscale)}</td><td>${n(free.theta.signalStd)}</td><td>${n(fixedFit.lengthscale)}</td></tr>`;
    table.innerHTML = `<table class="numbers"><thead><tr><th scope="col">${escapeHtml(m.fig7Objective)}</th><th scope="col">ℓ̂ (${escapeHtml(m.fig7Free)})</th><th scope="col">σ̂f (${escapeHtml(m.fig7Free)})</th><th scope="col">ℓ̂ (${fixed})</th></tr></thead><tbody>${row(m.fig7Likelihood, o.likelihood, o.likelihoodFixed)}${row(m.fig7Source, o.source, o.sourceFixed)}</tbody></table>`;
  };
  select.addEventListener('change', draw);
  // The slopes' agreement is for σf free, whichever σf the picker holds: it stays under the table.
  const slopes = document.createElement('p');
  slopes.dataset.testid = 'source-slopes';
  slopes.innerHTML = richText(m.fig7SlopeSame, messageValues(language, facts));
  live.append(label, table, slopes);
  draw();
}

/** Replaces every static picture under `root` with its live figure. */
export function mountLiveFigures(
  root: HTMLElement,
  language: Language,
  m: LearnMessages,
  facts: ArticleFacts,
): EmbedHandle[] {
  const widgets: EmbedHandle[] = [];
  const figure = (id: string) => root.querySelector<HTMLElement>(`#figure-${id}`);
  const run = (id: string, make: (f: HTMLElement) => void) => {
    const element = figure(id);
    if (element) make(element);
  };
  run('fit', (f) => liveFit(f, language, m, facts));
  run('curve', (f) => liveCurve(f, language, m, facts));
  run('ift', (f) => liveIft(f, language, m, facts));
  run('check', (f) => liveCheck(f, language, m, facts));
  run('source', (f) => liveSource(f, language, m, facts));
  for (const element of root.querySelectorAll<HTMLElement>('figure[data-widget]')) {
    const host = document.createElement('div');
    host.className = 'widget';
    goLive(element).append(host);
    widgets.push(
      mount(host, {
        ...widgetOptions(element.dataset.widget ?? 'sine'),
        lang: language,
        // The text speaks of these points: a tap or a long press must not add or remove one.
        fixedPointCount: true,
      }),
    );
  }
  for (const exercise of root.querySelectorAll<HTMLElement>('[data-exercise]'))
    widgets.push(mountExercise(exercise, language, m, facts));
  return widgets;
}
