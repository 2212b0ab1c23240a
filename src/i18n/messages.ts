/**
 * The explorer's and the widget's message catalogues (messages.en.ts, messages.es.ts) and a typed
 * translator over them, with the number formats of the language (src/ui/format.ts).
 */
import {
  formatCoordinate,
  formatLogRatio,
  formatNumber,
  formatPercent,
  formatSigned,
} from '../ui/format';
import type { HyperparameterName } from '../engine/types';
import { fill, type Language } from './language';
import type { Notice, NoticeValue } from './notice';
import { en } from './messages.en';
import { es } from './messages.es';

/** Every key of the English catalogue, each a string: a catalogue missing one fails the typecheck. */
export type UiMessages = { readonly [Key in keyof typeof en]: string };
export type UiMessageKey = keyof UiMessages;

export const UI_CATALOGUES: Readonly<Record<Language, UiMessages>> = { en, es };

/** A language's messages and number formats, bound together. */
export interface Translator {
  readonly language: Language;
  /** The message `key` with its `{name}` placeholders filled. */
  t(key: UiMessageKey, values?: Readonly<Record<string, string | number>>): string;
  number(value: number, digits?: number): string;
  signed(value: number, digits?: number): string;
  coordinate(value: number): string;
  percent(fraction: number): string;
  logRatio(logRatio: number): string;
  /** A hyperparameter's name ("lengthscale") and unit ("x units"). */
  hyperparameterName(name: HyperparameterName): string;
  hyperparameterUnit(name: HyperparameterName): string;
  /** A notice in this language: counts with the language's digit grouping, nested notices filled. */
  notice(notice: Notice): string;
}

const HYPERPARAMETER_NAME_KEYS: Record<HyperparameterName, UiMessageKey> = {
  lengthscale: 'nameLengthscale',
  signalStd: 'nameSignalStd',
  noiseStd: 'nameNoiseStd',
};

const translators = new Map<Language, Translator>();

/** The translator for `language` (one per language, so it is stable across renders). */
export function translator(language: Language): Translator {
  let found = translators.get(language);
  if (!found) {
    const messages = UI_CATALOGUES[language];
    const counts = new Intl.NumberFormat(language, { maximumFractionDigits: 6 });
    const noticeText = ({ key, values = {} }: Notice): string => {
      const shown = (value: NoticeValue) =>
        typeof value === 'number'
          ? counts.format(value)
          : typeof value === 'string'
            ? value
            : noticeText(value);
      return fill(
        messages[key],
        Object.fromEntries(Object.entries(values).map(([name, value]) => [name, shown(value)])),
      );
    };
    found = {
      language,
      t: (key, values) => fill(messages[key], values),
      number: (value, digits) => formatNumber(value, digits, language),
      signed: (value, digits) => formatSigned(value, digits, language),
      coordinate: (value) => formatCoordinate(value, language),
      percent: (fraction) => formatPercent(fraction, language),
      logRatio: (logRatio) => formatLogRatio(logRatio, language),
      hyperparameterName: (name) => messages[HYPERPARAMETER_NAME_KEYS[name]],
      hyperparameterUnit: (name) => messages[name === 'lengthscale' ? 'unitX' : 'unitY'],
      notice: noticeText,
    };
    translators.set(language, found);
  }
  return found;
}
