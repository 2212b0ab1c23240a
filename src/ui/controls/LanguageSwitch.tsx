import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../i18n/language';
import { useI18n } from '../i18n';

/** English or Spanish, beside the theme switch; the page keeps the choice in `?lang=`. */
export function LanguageSwitch({ onChange }: { onChange: (language: Language) => void }) {
  const { t, language } = useI18n();
  return (
    <label className="toolbar-group theme-switch">
      <span className="toolbar-label">{t('languageLabel')}</span>
      <select
        className="select"
        value={language}
        onChange={(event) => onChange(event.target.value as Language)}
        data-testid="language"
      >
        {LANGUAGES.map((value) => (
          <option key={value} value={value} lang={value}>
            {LANGUAGE_NAMES[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
