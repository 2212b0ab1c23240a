import { Toggle } from './Toggle';
import { KERNEL_NAMES, HYPERPARAMETER_NAMES } from '../../engine/types';
import { useExplorer, useExplorerStore } from '../context';
import { HYPERPARAMETER_LABELS, KERNEL_LABELS } from '../format';
import { useI18n } from '../i18n';
import { useExplorerMessages } from '../explorerText';
import { DataMenu } from './DataMenu';
import { Segmented } from './Segmented';

/** Data, kernel, what the arrows show, layers, and undo/redo/reset. */
export function Toolbar() {
  const store = useExplorerStore();
  const actions = store.getState();
  const kernel = useExplorer((s) => s.kernel);
  const options = useExplorer((s) => s.options);
  const canUndo = useExplorer((s) => s.history.past.length > 0);
  const canRedo = useExplorer((s) => s.history.future.length > 0);
  const tr = useI18n();
  const { t } = tr;
  const say = useExplorerMessages();

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbarLabel')}>
      <DataMenu />
      <div className="toolbar-group">
        <span className="toolbar-label" id="kernel-label">
          {t('kernelLabel')}
        </span>
        <Segmented
          name="kernel"
          labelledBy="kernel-label"
          value={kernel}
          options={KERNEL_NAMES.map((name) => ({ value: name, label: KERNEL_LABELS[name] }))}
          onChange={actions.setKernel}
        />
      </div>
      <div className="toolbar-group">
        <span className="toolbar-label" id="arrows-label">
          {t('arrowsLabel')}
        </span>
        <Segmented
          name="hyperparameter"
          labelledBy="arrows-label"
          value={options.hyperparameter}
          options={HYPERPARAMETER_NAMES.map((name) => ({
            value: name,
            label: (
              <span style={{ fontStyle: 'italic', fontWeight: 600 }}>
                {HYPERPARAMETER_LABELS[name].symbol}
                <sub style={{ fontStyle: 'normal' }}>{HYPERPARAMETER_LABELS[name].subscript}</sub>
              </span>
            ),
            ariaLabel: t('arrowsShow', { name: tr.hyperparameterName(name) }),
          }))}
          onChange={actions.setHyperparameter}
        />
        <Toggle
          checked={options.arrowMode === 'vector'}
          onChange={(both) => actions.setArrowMode(both ? 'vector' : 'vertical')}
          label={t('xAndY')}
          testId="toggle-vector"
        />
      </div>
      <div className="toolbar-group">
        <span className="toolbar-label">{t('showLabel')}</span>
        <Toggle
          checked={options.showBand}
          onChange={actions.setShowBand}
          label={t('band')}
          testId="toggle-band"
        />
        <Toggle
          checked={options.showLandscape}
          onChange={actions.setShowLandscape}
          label={t('landscape')}
          testId="toggle-landscape"
        />
      </div>
      <span className="toolbar-spacer" />
      <div className="toolbar-group">
        <button
          type="button"
          className="button quiet"
          disabled={!canUndo}
          onClick={actions.undo}
          data-testid="undo"
          aria-label={t('undo')}
          title={t('undoTitle')}
          aria-keyshortcuts="Control+Z"
        >
          <Icon d="M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-4" />
          <span className="button-text phone-only">{t('undo')}</span>
        </button>
        <button
          type="button"
          className="button quiet"
          disabled={!canRedo}
          onClick={actions.redo}
          data-testid="redo"
          aria-label={t('redo')}
          title={t('redoTitle')}
          aria-keyshortcuts="Control+Shift+Z"
        >
          <Icon d="m15 14 5-5-5-5M20 9H9a5 5 0 0 0 0 10h4" />
          <span className="button-text phone-only">{t('redo')}</span>
        </button>
        <button
          type="button"
          className="button quiet"
          onClick={actions.reset}
          data-testid="reset"
          title={say('presetResetTitle')}
        >
          <Icon d="M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5" /> {t('reset')}
        </button>
      </div>
    </div>
  );
}

export function Icon({ d }: { d: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={d} />
    </svg>
  );
}
