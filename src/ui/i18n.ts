/**
 * The language of the explorer or widget, for React: components read their words and number
 * formats through `useI18n()`. The page (main.tsx) or `mount()` provides it.
 */
import { createContext, useContext } from 'react';
import type { Language } from '../i18n/language';
import { translator, type Translator } from '../i18n/messages';

export const LanguageContext = createContext<Language>('en');

/** The messages and number formats of the language in force. */
export function useI18n(): Translator {
  return translator(useContext(LanguageContext));
}
