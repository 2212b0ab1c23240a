import type { UiMessageKey } from '../../i18n/messages';
import { useI18n } from '../i18n';
import { THEME_CHOICES, setThemeChoice, useThemeChoice, type ThemeChoice } from '../theme';

const LABELS: Record<ThemeChoice, UiMessageKey> = {
  auto: 'themeAuto',
  light: 'themeLight',
  dark: 'themeDark',
};

/** Light, dark, or the system's choice; remembered for the next visit (theme.ts). */
export function ThemeSwitch() {
  const choice = useThemeChoice();
  const { t } = useI18n();
  return (
    <label className="toolbar-group theme-switch">
      <span className="toolbar-label">{t('themeLabel')}</span>
      <select
        className="select"
        value={choice}
        onChange={(event) => setThemeChoice(event.target.value as ThemeChoice)}
        data-testid="theme"
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {t(LABELS[value])}
          </option>
        ))}
      </select>
    </label>
  );
}
