/**
 * `--prior` for `--rule map`: the log-normal priors on ℓ, σf and σn (docs/rules.md, rule `map`),
 * in part — what is left out keeps the engine's default (DEFAULT_PRIOR):
 *
 *     --prior lengthscale=0.5:1,noiseStd=0.05:2,absolute
 *
 * Each NAME=MEDIAN:LOGSD gives a prior's median (a multiple of the data's scale, or in the data's
 * units after `absolute`) and the standard deviation of its log; either part may be left empty
 * (`noiseStd=:2`). `absolute` (or `relative`, the default) says what the medians are relative to.
 */
import { CliError } from './cli-error';
import { quoteText } from '../engine/input-error';
import type { PriorOptions } from '../engine';

const NAMES = ['lengthscale', 'signalStd', 'noiseStd'] as const;
const EXPECTED =
  'NAME=MEDIAN:LOGSD pairs (NAME lengthscale, signalStd or noiseStd; numbers > 0), separated by commas, optionally with absolute';

function positive(text: string, what: string): number | undefined {
  if (text === '') return undefined;
  const value = Number(text);
  if (!(Number.isFinite(value) && value > 0) || !/^[0-9.eE+-]+$/.test(text)) {
    throw new CliError(`--prior: ${what} ${quoteText(text)} is not a number > 0`);
  }
  return value;
}

/** Parses the text after --prior. Throws CliError naming the first bad part. */
export function parsePrior(value: string | undefined): PriorOptions {
  if (value === undefined || value === '') throw new CliError(`--prior needs ${EXPECTED}`);
  const prior: PriorOptions = {};
  for (const part of value.split(',')) {
    if (part === 'absolute' || part === 'relative') {
      prior.relativeTo = part === 'absolute' ? 'absolute' : 'data';
      continue;
    }
    const match = /^([A-Za-z]+)=([^:]*):?([^:]*)$/.exec(part);
    const name = match?.[1] as (typeof NAMES)[number] | undefined;
    if (!match || !name || !NAMES.includes(name)) {
      throw new CliError(`--prior: ${quoteText(part)} is not one of ${EXPECTED}`);
    }
    if (prior[name]) throw new CliError(`--prior: ${name} given more than once`);
    const median = positive(match[2]!, `the median of ${name}`);
    const logSd = positive(match[3]!, `the log-sd of ${name}`);
    prior[name] = {
      ...(median === undefined ? {} : { median }),
      ...(logSd === undefined ? {} : { logSd }),
    };
  }
  return prior;
}
