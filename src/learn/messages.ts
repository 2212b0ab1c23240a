/**
 * The article's message catalogues (messages.en.ts, messages.es.ts), the language choice and the
 * formatting of the numbers the engine fills in.
 *
 * Each language's text is a chunk of its own: the page loads only its reader's
 * (`loadArticleMessages`); the build and the tests, which need both, have them in catalogues.ts.
 */
import type { en } from './messages.en';
import { parseLanguage, type Language } from '../i18n/language';
import { formatNumber as formatDisplayNumber } from '../ui/format';

/** Every key of the English catalogue, each a string: a catalogue missing one fails the typecheck. */
export type LearnMessages = { readonly [Key in keyof typeof en]: string };
export type MessageKey = keyof LearnMessages;

export { LANGUAGE_NAMES, LANGUAGES, parseLanguage, fill } from '../i18n/language';
export type { Language } from '../i18n/language';

/** Each language's text as a separate chunk (a dynamic import). */
const LOADERS: Readonly<Record<Language, () => Promise<LearnMessages>>> = {
  en: async () => (await import('./messages.en')).en,
  es: async () => (await import('./messages.es')).es,
};

/** Loads the article's text in `language`. */
export function loadArticleMessages(language: Language): Promise<LearnMessages> {
  return LOADERS[language]();
}

/**
 * The article's language: `?lang=` first, then the language the page was built in when it is
 * fixed (learn.es.html), then the reader's browser (es* → es, anything else → en).
 */
export function chooseLanguage(
  search: string,
  fixed: string | null,
  browser: readonly string[],
): Language {
  const asked = parseLanguage(new URLSearchParams(search).get('lang'));
  if (asked) return asked;
  const pageLanguage = parseLanguage(fixed);
  if (pageLanguage) return pageLanguage;
  return parseLanguage(browser[0]) === 'es' ? 'es' : 'en';
}

/**
 * Numbers for prose, `digits` significant, written as the explorer and the widgets write them
 * (ui/format.ts): the language's decimal mark, trailing zeros kept, no grouping, a true minus
 * sign (U+2212) — so ℓ̂ reads the same in a sentence as in the widget beside it.
 */
export function formatNumber(language: Language, value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  return formatDisplayNumber(value, digits, language);
}

/** A message's fixed text pieces (between placeholders and markup), for the language tests. */
export function messageFragments(template: string): string[] {
  return template
    .split(/\{\w+\}|\*\*|\*/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}
