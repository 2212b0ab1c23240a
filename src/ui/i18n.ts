/**
 * The language of the explorer or widget, for React: components read their words and number
 * formats through `useI18n()`. The page (main.tsx) or `mount()` provides it.
 */
import { createContext, createElement, Fragment, useContext, type ReactNode } from 'react';
import type { Language } from '../i18n/language';
import { translator, type Translator } from '../i18n/messages';

export const LanguageContext = createContext<Language>('en');

/** The messages and number formats of the language in force. */
export function useI18n(): Translator {
  return translator(useContext(LanguageContext));
}

/**
 * A message whose `{name}` placeholders are React nodes (a term with its explanation, a number):
 * the pieces in order, for a sentence that mixes text and elements.
 */
export function fillNodes(
  template: string,
  nodes: Readonly<Record<string, ReactNode>>,
): ReactNode[] {
  return template
    .split(/(\{\w+\})/)
    .filter((piece) => piece !== '')
    .map((piece, k) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      return createElement(
        Fragment,
        { key: k },
        name !== undefined && name in nodes ? nodes[name] : piece,
      );
    });
}
