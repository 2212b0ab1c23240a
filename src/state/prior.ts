/**
 * The `map` rule's prior as the explorer holds it: log-normal in each hyperparameter, relative to
 * the data (docs/rules.md), with each median a multiple of the data's own scale and each spread
 * shown to the reader as the factor of its 95 % range, e^(1.96 s) for log-sd s.
 */
import { DEFAULT_PRIOR } from '../engine/rules/prior';
import type { HyperparameterName, HyperparameterPrior, LogNormalPrior } from '../engine/types';

/** The z of a two-sided 95 % range of a normal distribution. */
const Z95 = 1.959963984540054;

/** Medians the explorer accepts, as multiples of the data's scale. */
export const PRIOR_MEDIAN_RANGE: readonly [number, number] = [1e-3, 1e3];
/** 95 % factors the explorer accepts: from a nearly fixed value to a nearly flat prior. */
export const PRIOR_FACTOR_RANGE: readonly [number, number] = [1.01, 1e6];

export const PRIOR_NAMES: readonly HyperparameterName[] = ['lengthscale', 'signalStd', 'noiseStd'];

/** The factor f with P(θ/f < θ < θ·f) = 95 % about the median: e^(1.96 s). */
export function priorFactor(logSd: number): number {
  return Math.exp(Z95 * logSd);
}

/** The log-sd whose 95 % range is a factor f either way. */
export function logSdOfFactor(factor: number): number {
  return Math.log(factor) / Z95;
}

/** True when a median or a factor typed by the reader can be used. */
export function isPriorMedian(value: number): boolean {
  return Number.isFinite(value) && value >= PRIOR_MEDIAN_RANGE[0] && value <= PRIOR_MEDIAN_RANGE[1];
}
export function isPriorFactor(value: number): boolean {
  return Number.isFinite(value) && value >= PRIOR_FACTOR_RANGE[0] && value <= PRIOR_FACTOR_RANGE[1];
}

/** True when every median and spread of `prior` is one the explorer accepts. */
export function isUsablePrior(prior: HyperparameterPrior): boolean {
  return PRIOR_NAMES.every(
    (name) =>
      isPriorMedian(prior[name].median) &&
      prior[name].logSd > 0 &&
      isPriorFactor(priorFactor(prior[name].logSd)),
  );
}

/** The prior with one hyperparameter's part replaced. */
export function withPrior(
  prior: HyperparameterPrior,
  name: HyperparameterName,
  part: Partial<LogNormalPrior>,
): HyperparameterPrior {
  return { ...prior, [name]: { ...prior[name], ...part } };
}

export function isDefaultPrior(prior: HyperparameterPrior): boolean {
  return (
    prior.relativeTo === DEFAULT_PRIOR.relativeTo &&
    PRIOR_NAMES.every(
      (name) =>
        prior[name].median === DEFAULT_PRIOR[name].median &&
        prior[name].logSd === DEFAULT_PRIOR[name].logSd,
    )
  );
}

/** `median:logSd` for ℓ, σf and σn, comma-separated, in full precision (the link's `pr=`). */
export function encodePrior(prior: HyperparameterPrior): string {
  return PRIOR_NAMES.map((name) => `${prior[name].median}:${prior[name].logSd}`).join(',');
}

/**
 * Reads `encodePrior`'s text; null when it is not three `median:logSd` pairs whose medians and
 * factors the explorer accepts.
 */
export function decodePrior(text: string): HyperparameterPrior | null {
  const parts = text.split(',');
  if (parts.length !== PRIOR_NAMES.length) return null;
  let prior: HyperparameterPrior = { ...DEFAULT_PRIOR, relativeTo: 'data' };
  for (const [index, part] of parts.entries()) {
    const match = /^([0-9.e+-]{1,24}):([0-9.e+-]{1,24})$/i.exec(part);
    if (!match) return null;
    const median = Number(match[1]);
    const logSd = Number(match[2]);
    prior = withPrior(prior, PRIOR_NAMES[index]!, { median, logSd });
  }
  return isUsablePrior(prior) ? prior : null;
}
