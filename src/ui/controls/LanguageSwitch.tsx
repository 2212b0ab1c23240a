import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../i18n/language';
import { useI18n } from '../i18n';
import { ToolbarSelect } from './ToolbarSelect';

/** English or Spanish, beside the theme switch; the page keeps the choice in `?lang=`. */
export function LanguageSwitch({ onChange }: { onChange: (language: Language) => void }) {
  const { t, language } = useI18n();
  return (
    <ToolbarSelect
      label={t('languageLabel')}
      value={language}
      choices={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value], lang: value }))}
      onChange={onChange}
      testId="language"
    />
  );
}
