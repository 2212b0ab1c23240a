/**
 * The explorer's own Spanish text beyond its catalogue, as one chunk: the glossary and the
 * presets' names and notes (src/ui/explorerText.ts loads it). The widget shows neither.
 */
export { GLOSSARY_ES } from './glossary.es';
export { PRESET_TEXT_ES } from './presets.es';
