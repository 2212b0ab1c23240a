/** A preset's name and teaching note in the reader's language. */
import { PRESET_TEXT_ES } from '../i18n/presets.es';
import type { Language } from '../i18n/language';
import type { Preset } from '../state';

export function presetText(
  preset: Preset,
  language: Language,
): { label: string; description: string } {
  return language === 'es' ? PRESET_TEXT_ES[preset.id] : preset;
}
