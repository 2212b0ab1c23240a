/**
 * What a page in one language must not show: the fixed text pieces of that language's other
 * catalogue, for the tests that walk a page's text (learn.e2e, i18n.e2e).
 */
import type { Language } from '../../src/i18n/language';
import { messageFragments } from '../../src/learn/messages';

/**
 * The fixed text pieces of `catalogues[language]` that the other language's catalogue does not
 * also use (at least four characters, with a word of three letters or more).
 */
export function ownFragments(
  catalogues: Readonly<Record<Language, Readonly<Record<string, string>>>>,
  language: Language,
): string[] {
  const other = catalogues[language === 'en' ? 'es' : 'en'];
  const theirs = new Set(Object.values(other).flatMap(messageFragments));
  return [
    ...new Set(
      Object.values(catalogues[language])
        .flatMap(messageFragments)
        .filter(
          (piece) => piece.length >= 4 && !theirs.has(piece) && /[a-záéíóúñ]{3}/i.test(piece),
        ),
    ),
  ];
}
