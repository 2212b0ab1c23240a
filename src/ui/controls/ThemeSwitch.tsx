import type { UiMessageKey } from '../../i18n/messages';
import { useI18n } from '../i18n';
import { THEME_CHOICES, setThemeChoice, useThemeChoice, type ThemeChoice } from '../theme';
import { ToolbarSelect } from './ToolbarSelect';

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
    <ToolbarSelect
      label={t('themeLabel')}
      value={choice}
      choices={THEME_CHOICES.map((value) => ({ value, label: t(LABELS[value]) }))}
      onChange={setThemeChoice}
      testId="theme"
    />
  );
}
