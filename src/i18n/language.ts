/**
 * The languages of the page and the widget, how one is chosen (`?lang=`, an option, the browser),
 * and the filling of `{name}` placeholders in a message. Shared by the explorer, the widget and
 * the article.
 */

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the switches. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', es: 'Español' };

/** `value` if it names a supported language (en, es, es-AR, …), else null. */
export function parseLanguage(value: string | null | undefined): Language | null {
  const base = value?.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === base) ?? null;
}

/** The reader's browser language: es… gives Spanish, anything else English. */
export function browserLanguage(
  browser: readonly string[] = typeof navigator === 'undefined'
    ? []
    : navigator.languages.length > 0
      ? navigator.languages
      : [navigator.language],
): Language {
  return parseLanguage(browser[0]) === 'es' ? 'es' : 'en';
}

/** `?lang=` of a query string when it names a language, else null. */
export function queryLanguage(search: string): Language | null {
  return parseLanguage(new URLSearchParams(search).get('lang'));
}

/** `search` with `lang` set to `language` (other parameters kept), with its leading '?'. */
export function withQueryLanguage(search: string, language: Language): string {
  const params = new URLSearchParams(search);
  params.set('lang', language);
  return `?${params.toString()}`;
}

/** Fills `{name}` in a message with `values` (already formatted). */
export function fill(
  template: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
