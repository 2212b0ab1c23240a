/**
 * The explorer's text beyond the catalogues (src/i18n/messages.ts): the glossary's explanations
 * (Term.tsx) and the presets' names and teaching notes. The English ships with the code
 * (glossary.ts, src/state/presets.ts); the Spanish is a chunk of its own (src/i18n/explorer.es.ts)
 * that the explorer loads with the Spanish catalogue (`loadExplorerLanguage`), so an English page
 * does not download it and the widget, which shows neither, never does.
 */
import type { Language } from '../i18n/language';
import { loadLanguage } from '../i18n/messages';
import type { Preset, PresetId } from '../state';
import { GLOSSARY, type GlossaryEntry, type GlossaryTerm } from './glossary';

/** A preset's name and teaching note. */
export interface PresetText {
  label: string;
  description: string;
}

interface ExplorerText {
  glossary: Readonly<Record<GlossaryTerm, GlossaryEntry>>;
  /** Each preset's text, or null where it is the preset's own (English). */
  presets: Readonly<Record<PresetId, PresetText>> | null;
}

const LOADERS: Readonly<Record<Language, () => Promise<ExplorerText>>> = {
  en: () => Promise.resolve({ glossary: GLOSSARY, presets: null }),
  es: async () => {
    const { GLOSSARY_ES, PRESET_TEXT_ES } = await import('../i18n/explorer.es');
    return { glossary: GLOSSARY_ES, presets: PRESET_TEXT_ES };
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
  return explorerText(language).presets?.[preset.id] ?? preset;
}
