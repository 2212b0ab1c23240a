/**
 * The explorer's own Spanish text beyond its catalogue, as one chunk: the messages of the panels
 * only the explorer shows, the glossary and the presets' names and notes (src/ui/explorerText.ts
 * loads it). The widget shows none of them.
 */
export { explorerMessagesEs } from './explorerMessages.es';
export { GLOSSARY_ES } from './glossary.es';
export { PRESET_TEXT_ES } from './presets.es';
