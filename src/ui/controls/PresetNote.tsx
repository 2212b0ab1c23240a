import { useState } from 'react';
import { findPreset, type PresetId } from '../../state';
import { useExplorer } from '../context';
import { useI18n } from '../i18n';
import { presetText, useExplorerMessages } from '../explorerText';
import { RULE_MESSAGES } from '../ruleText';

/**
 * The teaching note of the dataset on screen, shown in full beside the data menu (not in a
 * tooltip): what to look for. Every claim a note makes is measured in test/state/presets.test.ts.
 * Once the reader edits the points the note is dimmed — its claims were made for the points as
 * loaded — but keeps its text, so nothing above the plot reflows under a dragging finger. The
 * claims are measured for ML-II: under another rule the note is dimmed too and says so.
 */
export function PresetNote() {
  const presetId = useExplorer((s) => s.presetId);
  const { t, language } = useI18n();
  // The last preset loaded: its note stays (dimmed) while the reader edits its points.
  const [loaded, setLoaded] = useState<PresetId | null>(presetId);
  if (presetId !== null && presetId !== loaded) setLoaded(presetId);
  const preset = loaded === null ? null : findPreset(loaded);
  const edited = presetId === null;
  const rule = useExplorer((s) => s.options.rule);
  const say = useExplorerMessages();
  const otherRule = rule !== 'ml' && preset !== null;
  const text = preset ? presetText(preset, language) : null;
  const dimmedBecause = edited
    ? t('presetEdited')
    : otherRule
      ? say('presetOtherRule', { rule: t(RULE_MESSAGES[rule].name) })
      : undefined;
  return (
    <p
      className={`preset-note${(edited || otherRule) && preset ? ' edited' : ''}`}
      data-testid="preset-note"
      data-preset={loaded ?? undefined}
      data-edited={edited || undefined}
      data-rule={otherRule ? rule : undefined}
      title={preset ? dimmedBecause : undefined}
      aria-live="polite"
    >
      {text ? (
        <>
          <strong>{text.label}</strong>
          {otherRule && ` ${say('presetUnderMl')}`}. {text.description}
        </>
      ) : (
        <>
          <strong>{t('yourPoints')}.</strong> {t('yourPointsNote')}
        </>
      )}
    </p>
  );
}
