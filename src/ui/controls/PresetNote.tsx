import { useState } from 'react';
import { findPreset, type PresetId } from '../../state';
import { useExplorer } from '../context';
import { useI18n } from '../i18n';
import { presetText, useExplorerMessages } from '../explorerText';
import { RULE_MESSAGES } from '../ruleText';

/**
 * The teaching note of the dataset on screen, shown in full beside the data menu (not in a
 * tooltip): what to look for. Every claim a note makes is measured in test/state/presets.test.ts.
 * Once the reader edits the points the note is dimmed and, when no point is being dragged, says
 * it is about the points as loaded (its claims were made for them); during a drag its text stays
 * as it was, so nothing above the plot reflows under a dragging finger. The
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
  // Said in words once the hand is off the point: mid-drag the text keeps its length.
  const dragging = useExplorer((s) => s.drag?.active ?? false);
  const saysEdited = edited && !dragging;
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
          {saysEdited && ` ${say('presetAsLoaded')}`}
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
