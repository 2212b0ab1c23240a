import { PRESETS, type PresetId } from '../../state';
import { useExplorer, useExplorerStore } from '../context';
import { presetText } from '../explorerText';
import { useI18n } from '../i18n';

/**
 * The data menu: the built-in datasets by name (each note on hover), and "Your points" once the
 * reader has edited them. In the toolbar, and in presentation mode's bar, where a lecturer
 * switches datasets without leaving it (`testId` tells the two apart).
 */
export function DataMenu({ testId = 'preset' }: { testId?: string }) {
  const store = useExplorerStore();
  const presetId = useExplorer((s) => s.presetId);
  const tr = useI18n();
  const { t } = tr;
  return (
    <label className="toolbar-group">
      <span className="toolbar-label">{t('dataLabel')}</span>
      <select
        className="select"
        value={presetId ?? ''}
        onChange={(event) =>
          event.target.value && store.getState().loadPreset(event.target.value as PresetId)
        }
        data-testid={testId}
        aria-label={t('datasetLabel')}
      >
        {presetId === null && <option value="">{t('yourPoints')}</option>}
        {PRESETS.map((preset) => (
          <option
            key={preset.id}
            value={preset.id}
            title={presetText(preset, tr.language).description}
          >
            {presetText(preset, tr.language).label}
          </option>
        ))}
      </select>
    </label>
  );
}
