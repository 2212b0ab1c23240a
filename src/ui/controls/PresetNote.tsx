import { findPreset } from '../../state';
import { useExplorer } from '../context';

/**
 * The teaching note of the dataset on screen, shown in full beside the data menu (not in a
 * tooltip): what to look for. Every claim a note makes is measured in test/state/presets.test.ts.
 * Once the reader edits the points the note no longer applies, and it says so.
 */
export function PresetNote() {
  const presetId = useExplorer((s) => s.presetId);
  const preset = presetId === null ? null : findPreset(presetId);
  return (
    <p
      className="preset-note"
      data-testid="preset-note"
      data-preset={presetId ?? undefined}
      aria-live="polite"
    >
      {preset ? (
        <>
          <strong>{preset.label}.</strong> {preset.description}
        </>
      ) : (
        <>
          <strong>Your points.</strong> Each arrow still shows how its point pulls θ̂; pick a dataset
          from the menu for a guided example.
        </>
      )}
    </p>
  );
}
