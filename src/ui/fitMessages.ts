/**
 * The page's words for what the engine's diagnostics say, in terms of what the reader sees: a
 * boundary optimum as the shape the plot shows (a straight line, a curve through every point),
 * a near tie as the two explanations of the data that compete, named from their θ's.
 */
import { NEAR_TIE_GAP } from '../engine/near-tie';
import type { BoundaryFlag, Diagnostics, Hyperparameters, SelectionRule } from '../engine/types';
import type { AnalysisView } from '../state';
import { translator, type Translator, type UiMessageKey } from '../i18n/messages';
import type { GlossaryTerm } from './glossary';
import { OBJECTIVE_KEYS, reasonMessage } from './reasonText';

type Result = AnalysisView['result'];

/**
 * σn/σf at which noise stops being "little" and starts being "much". Below it a fit has little
 * noise, above it much, but only where the other fit agrees: two fits that both call the data
 * mostly noise (or mostly signal) differ only in "more" or "less".
 */
const NOISE_WORD_RATIO = 0.5;

/**
 * A fit's shape and noise in words, relative to another fit: "a wiggly fit (ℓ = 0.46, little
 * noise)". `other` decides which is the wiggly one and which the noisy one.
 */
export function describeFit(
  theta: Hyperparameters,
  other: Hyperparameters,
  span: number,
  tr: Translator = translator('en'),
): string {
  const shorter = theta.lengthscale < other.lengthscale;
  const noiseRatio = theta.noiseStd / theta.signalStd;
  const otherRatio = other.noiseStd / other.signalStd;
  const noisier = noiseRatio > otherRatio;
  const shape = shorter ? 'Wiggly' : theta.lengthscale > span ? 'Flat' : 'Smooth';
  return tr.t('fitDescription', {
    shape: tr.t(`fit${shape}${noisier ? 'Noisy' : ''}`),
    lengthscale: tr.number(theta.lengthscale, 2),
    noise: tr.t(
      noisier
        ? noiseRatio >= NOISE_WORD_RATIO
          ? 'muchNoise'
          : 'moreNoise'
        : noiseRatio < NOISE_WORD_RATIO
          ? 'littleNoise'
          : 'lessNoise',
    ),
  });
}

/** Two near-tied maxima of `rule`'s objective named in words, the fitted one first. */
export function nearTieMessage(
  theta: Hyperparameters,
  runnerUp: { theta: Hyperparameters; lmlGap: number },
  span: number,
  tr: Translator = translator('en'),
  rule: SelectionRule = 'ml',
): string {
  return tr.t('nearTie', {
    first: describeFit(theta, runnerUp.theta, span, tr),
    second: describeFit(runnerUp.theta, theta, span, tr),
    gap: tr.number(runnerUp.lmlGap, 2),
    objective: tr.t(OBJECTIVE_KEYS[rule].gap),
  });
}

/**
 * Whether the posterior mean on the page's grid is a straight line: its largest departure from
 * the line through its ends is below 1 % of the data's y range. Flat when that line also rises
 * by less than 1 % of the range across the plot.
 */
export function meanShape(result: Result, yRange: number): 'flat' | 'straight' | 'curved' {
  const { x, mean } = result.posterior;
  const n = mean.length;
  if (n < 2) return 'curved';
  const x0 = x[0]!;
  const x1 = x[n - 1]!;
  const m0 = mean[0]!;
  const m1 = mean[n - 1]!;
  const tolerance = 0.01 * Math.max(yRange, 1e-12);
  for (let i = 0; i < n; i++) {
    const line = m0 + ((m1 - m0) * (x[i]! - x0)) / (x1 - x0);
    if (Math.abs(mean[i]! - line) > tolerance) return 'curved';
  }
  return Math.abs(m1 - m0) < tolerance ? 'flat' : 'straight';
}

/** What a boundary optimum looks like on the plot, in plain words. */
export function boundaryMessage(
  flag: BoundaryFlag,
  result: Result,
  yRange: number,
  tr: Translator = translator('en'),
): string {
  switch (flag) {
    case 'lengthscale-beyond-span': {
      const shape = meanShape(result, yRange);
      if (shape === 'flat') return tr.t('boundaryFlatLine');
      if (shape === 'straight') return tr.t('boundaryStraightLine');
      return tr.t('boundaryBeyondSpan');
    }
    case 'lengthscale-below-spacing':
      return tr.t('boundaryBelowSpacing');
    case 'noise-vanishing':
      return tr.t('boundaryNoiseVanishing');
    case 'signal-vanishing':
      return tr.t('boundarySignalVanishing');
    case 'signal-unbounded':
      return tr.t('boundarySignalUnbounded');
  }
}

function spanOf(values: Iterable<number>): number {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  return max > min ? max - min : 0;
}

/**
 * The fit's diagnostic reasons in the page's words: boundary flags and near ties rewritten for
 * what the plot shows, every other reason from the catalogue (reasonText.ts).
 */
export function fitReasons(
  result: Result,
  points: readonly { x: number; y: number }[],
  tr: Translator = translator('en'),
): string[] {
  const { diagnostics, theta } = result;
  const yRange = spanOf(points.map((p) => p.y));
  const xSpan = spanOf(points.map((p) => p.x));
  const runnerUp = diagnostics.runnerUp;
  return diagnostics.keyedReasons.map((reason) => {
    switch (reason.code) {
      case 'lengthscale-below-spacing':
      case 'lengthscale-beyond-span':
      case 'noise-vanishing':
      case 'signal-vanishing':
      case 'signal-unbounded':
        return boundaryMessage(reason.code, result, yRange, tr);
      case 'near-tie':
        if (runnerUp && runnerUp.lmlGap < NEAR_TIE_GAP)
          return nearTieMessage(theta, runnerUp, xSpan, tr, reason.rule);
        return reasonMessage(reason, tr);
      default:
        return reasonMessage(reason, tr);
    }
  });
}

/**
 * What the readout says of the Hessian at θ̂, as the diagnostics judge it: at a maximum on the
 * noise floor, negative definite with σn held (the theorem uses the free hyperparameters); on any
 * other bound, no peak at all — the objective still rises past the edge of the search, whatever
 * the curvature where it stopped; inside the region, negative definite or not.
 */
export function hessianVerdict(
  diagnostics: Pick<Diagnostics, 'negativeDefinite' | 'boundary' | 'constrained'>,
): { message: UiMessageKey; term: GlossaryTerm } {
  if (diagnostics.constrained)
    return diagnostics.negativeDefinite
      ? { message: 'negativeDefiniteHeld', term: 'negativeDefinite' }
      : { message: 'notNegativeDefinite', term: 'negativeDefinite' };
  if (diagnostics.boundary.length > 0) return { message: 'hessianOnBound', term: 'onBound' };
  return {
    message: diagnostics.negativeDefinite ? 'negativeDefinite' : 'notNegativeDefinite',
    term: 'negativeDefinite',
  };
}
