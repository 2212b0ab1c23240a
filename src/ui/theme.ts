/**
 * Light or dark: the reader's choice ('auto' follows the system), remembered in localStorage and
 * written to `data-theme` on the root element, which the style sheet reads. Components that
 * paint colours themselves (the landscape's canvas) ask `useDarkTheme()` which one is in force.
 */
import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'auto' | 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['auto', 'light', 'dark'];

const STORAGE_KEY = 'gp-explorer-theme';

const listeners = new Set<() => void>();
let darkQuery: MediaQueryList | null = null;

function systemDark(): MediaQueryList {
  darkQuery ??= window.matchMedia('(prefers-color-scheme: dark)');
  return darkQuery;
}

function isChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** The remembered choice ('auto' when none, or when storage is not available). */
export function storedThemeChoice(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isChoice(value) ? value : 'auto';
  } catch {
    return 'auto';
  }
}

/** The choice in force: what `data-theme` on the root says. */
export function currentThemeChoice(): ThemeChoice {
  const value = document.documentElement.dataset.theme;
  return isChoice(value) ? value : 'auto';
}

/** Applies a choice to the page and remembers it. */
export function setThemeChoice(choice: ThemeChoice): void {
  document.documentElement.dataset.theme = choice;
  try {
    window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Private browsing may refuse storage: the choice still holds for this visit.
  }
  for (const listener of listeners) listener();
}

/** Writes the remembered choice to the page; call once before the first render. */
export function applyStoredTheme(): void {
  document.documentElement.dataset.theme = storedThemeChoice();
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  systemDark().addEventListener('change', onChange);
  return () => {
    listeners.delete(onChange);
    systemDark().removeEventListener('change', onChange);
  };
}

/** The reader's choice, re-rendering when it changes. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, currentThemeChoice);
}

/** True while dark colours are in force (chosen, or 'auto' on a dark system). */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(subscribe, () => {
    const choice = currentThemeChoice();
    return choice === 'dark' || (choice === 'auto' && systemDark().matches);
  });
}
