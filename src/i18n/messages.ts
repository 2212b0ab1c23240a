/**
 * The explorer's and the widget's message catalogues (messages.en.ts, messages.es.ts) and a typed
 * translator over them, with the number formats of the language (src/ui/format.ts).
 *
 * Each language's catalogue is a chunk of its own, loaded on first use (`loadLanguage`), so a page
 * or a widget in one language does not download the other's text; what renders text waits for
 * it. Only the problems with what the page was given (options.en.ts, options.es.ts) ship with the
 * code in both languages: they are said at once where they are found (`problemText`).
 */
import {
  formatCoordinate,
  formatLogRatio,
  formatNumber,
  formatPercent,
  formatSigned,
} from '../ui/format';
import type { HyperparameterName } from '../engine/types';
import { fill, LANGUAGE_NAMES, type Language } from './language';
import type { Notice, NoticeKey, NoticeValue, ProblemKey, ProblemNotice } from './notice';
import type { en } from './messages.en';
import { optionsEn } from './options.en';
import { optionsEs } from './options.es';

/** Every key of the English catalogue, each a string: a catalogue missing one fails the typecheck. */
export type UiMessages = { readonly [Key in keyof typeof en]: string };
export type UiMessageKey = keyof UiMessages;

/** Each language's catalogue as a separate chunk (a dynamic import). */
const CATALOGUE_LOADERS: Readonly<Record<Language, () => Promise<UiMessages>>> = {
  en: async () => (await import('./messages.en')).en,
  es: async () => (await import('./messages.es')).es,
};

/** The problems' catalogues, in every language at once. */
const PROBLEM_CATALOGUES: Readonly<Record<Language, Readonly<Record<ProblemKey, string>>>> = {
  en: optionsEn,
  es: optionsEs,
};

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

/**
 * The text of notices over `messages`: counts with `language`'s digit grouping, nested notices
 * filled in turn.
 */
function noticeFormatter<Key extends NoticeKey>(
  messages: Readonly<Record<Key, string>>,
  language: Language,
): (notice: Notice<Key>) => string {
  const counts = new Intl.NumberFormat(language, { maximumFractionDigits: 6 });
  const noticeText = ({ key, values = {} }: Notice<Key>): string => {
    const shown = (value: NoticeValue<Key>) =>
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
  return noticeText;
}

const problemFormatters = new Map<Language, (problem: ProblemNotice) => string>();

/**
 * A problem with an option, a link or the address in `language` (English by default, for logs
 * and scripts), with no catalogue to wait for.
 */
export function problemText(problem: ProblemNotice, language: Language = 'en'): string {
  let format = problemFormatters.get(language);
  if (!format) {
    format = noticeFormatter(PROBLEM_CATALOGUES[language], language);
    problemFormatters.set(language, format);
  }
  return format(problem);
}

const HYPERPARAMETER_NAME_KEYS: Record<HyperparameterName, UiMessageKey> = {
  lengthscale: 'nameLengthscale',
  signalStd: 'nameSignalStd',
  noiseStd: 'nameNoiseStd',
};

const catalogues = new Map<Language, UiMessages>();
const loads = new Map<Language, Promise<Translator>>();
const translators = new Map<Language, Translator>();

/**
 * Loads `language`'s catalogue (once; a failed load is tried again on the next call) and gives
 * its translator.
 */
export function loadLanguage(language: Language): Promise<Translator> {
  let load = loads.get(language);
  if (!load) {
    load = CATALOGUE_LOADERS[language]().then((messages) => {
      catalogues.set(language, messages);
      return translator(language);
    });
    load.catch(() => loads.delete(language));
    loads.set(language, load);
  }
  return load;
}

/** Whether `language`'s catalogue is loaded, so `translator(language)` can be called. */
export function isLanguageLoaded(language: Language): boolean {
  return catalogues.has(language);
}

/**
 * The translator for `language` (one per language, so it is stable across renders). Its
 * catalogue must be loaded first (`loadLanguage`): text is never shown in a language the reader
 * did not ask for while theirs is on its way.
 */
export function translator(language: Language): Translator {
  let found = translators.get(language);
  if (!found) {
    const messages = catalogues.get(language);
    if (!messages)
      throw new Error(
        `The ${LANGUAGE_NAMES[language]} messages are not loaded yet: await loadLanguage('${language}') before showing text in it.`,
      );
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
      notice: noticeFormatter(messages, language),
    };
    translators.set(language, found);
  }
  return found;
}
