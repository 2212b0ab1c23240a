/**
 * The explorer's text beyond the shared catalogues (src/i18n/messages.ts): the glossary's
 * explanations (Term.tsx), the presets' names and teaching notes, and the messages of the panels
 * only the explorer shows (src/i18n/explorerMessages.en.ts). The English ships with the explorer's
 * code (glossary.ts, src/i18n/presets.en.ts, explorerMessages.en.ts); the Spanish is a chunk of its
 * own (src/i18n/explorer.es.ts) that the explorer loads with the Spanish catalogue
 * (`loadExplorerLanguage`), so an English page does not download it, and the widget, which shows
 * none of it, never downloads either language's.
 */
import { useContext } from 'react';
import {
  explorerMessagesEn,
  type ExplorerMessageKey,
  type ExplorerMessages,
} from '../i18n/explorerMessages.en';
import { fill, type Language } from '../i18n/language';
import { loadLanguage } from '../i18n/messages';
import { PRESET_TEXT_EN, type PresetText } from '../i18n/presets.en';
import type { Preset, PresetId } from '../state';
import { GLOSSARY, type GlossaryEntry, type GlossaryTerm } from './glossary';
import { LanguageContext } from './i18n';

interface ExplorerText {
  messages: ExplorerMessages;
  glossary: Readonly<Record<GlossaryTerm, GlossaryEntry>>;
  /** Each preset's name and teaching note. */
  presets: Readonly<Record<PresetId, PresetText>>;
}

const LOADERS: Readonly<Record<Language, () => Promise<ExplorerText>>> = {
  en: () =>
    Promise.resolve({ messages: explorerMessagesEn, glossary: GLOSSARY, presets: PRESET_TEXT_EN }),
  es: async () => {
    const { explorerMessagesEs, GLOSSARY_ES, PRESET_TEXT_ES } = await import('../i18n/explorer.es');
    return { messages: explorerMessagesEs, glossary: GLOSSARY_ES, presets: PRESET_TEXT_ES };
  },
};

const loaded = new Map<Language, ExplorerText>();

/** Loads `language`'s explorer text (once) and its catalogue: what the explorer waits for. */
export async function loadExplorerLanguage(language: Language): Promise<void> {
  const [text] = await Promise.all([
    loaded.get(language) ?? LOADERS[language](),
    loadLanguage(language),
  ]);
  loaded.set(language, text);
}

function explorerText(language: Language): ExplorerText {
  const text = loaded.get(language);
  if (!text)
    throw new Error(
      `The explorer's ${language} text is not loaded yet: await loadExplorerLanguage('${language}') first.`,
    );
  return text;
}

/** A glossary term's name and explanation in `language`. */
export function glossaryEntry(term: GlossaryTerm, language: Language): GlossaryEntry {
  return explorerText(language).glossary[term];
}

/** A preset's name and teaching note in `language`. */
export function presetText(preset: Preset, language: Language): PresetText {
  return explorerText(language).presets[preset.id];
}

/** One of the explorer's own messages, with its `{name}` placeholders filled. */
export type ExplorerSay = (
  key: ExplorerMessageKey,
  values?: Readonly<Record<string, string | number>>,
) => string;

const sayers = new Map<Language, ExplorerSay>();

/** The explorer's own messages in `language` (one function per language, stable across renders). */
export function explorerMessages(language: Language): ExplorerSay {
  let say = sayers.get(language);
  if (!say) {
    const { messages } = explorerText(language);
    say = (key, values) => fill(messages[key], values);
    sayers.set(language, say);
  }
  return say;
}

/** The explorer's own messages in the language in force (beside `useI18n()`'s shared ones). */
export function useExplorerMessages(): ExplorerSay {
  return explorerMessages(useContext(LanguageContext));
}
