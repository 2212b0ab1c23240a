import { THEME_CHOICES, setThemeChoice, useThemeChoice, type ThemeChoice } from '../theme';

const LABELS: Record<ThemeChoice, string> = {
  auto: 'Auto (system)',
  light: 'Light',
  dark: 'Dark',
};

/** Light, dark, or the system's choice; remembered for the next visit (theme.ts). */
export function ThemeSwitch() {
  const choice = useThemeChoice();
  return (
    <label className="toolbar-group theme-switch">
      <span className="toolbar-label">Theme</span>
      <select
        className="select"
        value={choice}
        onChange={(event) => setThemeChoice(event.target.value as ThemeChoice)}
        data-testid="theme"
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
