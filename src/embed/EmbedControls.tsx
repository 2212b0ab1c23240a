import { useId } from 'react';
import {
  HYPERPARAMETER_NAMES,
  KERNEL_NAMES,
  type HyperparameterName,
  type KernelName,
} from '../engine/types';
import { encodeSharedState } from '../state';
import { useExplorer, useExplorerStore } from '../ui/context';
import { useI18n } from '../ui/i18n';
import { KERNEL_LABELS, plainSymbol } from '../ui/format';

/** A link to the full explorer holding the widget's current points and settings. */
function OpenInExplorer({ appUrl }: { appUrl: string }) {
  const points = useExplorer((s) => s.points);
  const kernel = useExplorer((s) => s.kernel);
  const options = useExplorer((s) => s.options);
  const { t, language } = useI18n();
  const base = appUrl.replace(/#.*$/, '');
  const withLanguage = `${base}${base.includes('?') ? '&' : '?'}lang=${language}`;
  const href = `${withLanguage}#${encodeSharedState({ points, kernel, options })}`;
  return (
    <a
      className="embed-link"
      href={href}
      target="_blank"
      rel="noopener"
      aria-label={t('openInExplorer')}
      data-testid="open-app"
    >
      <span className="long">{t('openInExplorer')}</span>
      <span className="short">{t('openInExplorerShort')}</span>
    </a>
  );
}

/**
 * The widget's few controls: kernel, which hyperparameter the arrows show, and reset. In a narrow
 * widget (embed.css) they pair up in two rows, reset beside the kernel and a shorter link beside
 * the arrows, so that the plot keeps the height a third row would take.
 */
export function EmbedControls({ appUrl, onReset }: { appUrl: string | null; onReset: () => void }) {
  const store = useExplorerStore();
  const kernel = useExplorer((s) => s.kernel);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const kernelId = useId();
  const arrowsId = useId();
  const tr = useI18n();
  const { t } = tr;

  return (
    <div className="embed-controls" role="toolbar" aria-label={t('widgetControls')}>
      <label htmlFor={kernelId} className="kernel-control">
        {t('kernelLabel')}
        <select
          id={kernelId}
          className="select"
          value={kernel}
          onChange={(event) => store.getState().setKernel(event.target.value as KernelName)}
          data-testid="embed-kernel"
        >
          {KERNEL_NAMES.map((name) => (
            <option key={name} value={name}>
              {KERNEL_LABELS[name]}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={arrowsId} className="arrows-control">
        {t('arrowsLabel')}
        <select
          id={arrowsId}
          className="select"
          value={hyperparameter}
          onChange={(event) =>
            store.getState().setHyperparameter(event.target.value as HyperparameterName)
          }
          data-testid="embed-hyperparameter"
        >
          {HYPERPARAMETER_NAMES.map((name) => (
            <option key={name} value={name}>
              {plainSymbol(name)} — {tr.hyperparameterName(name)}
            </option>
          ))}
        </select>
      </label>
      <span className="embed-spacer" />
      <button type="button" className="button quiet" onClick={onReset} data-testid="embed-reset">
        {t('reset')}
      </button>
      {appUrl !== null && <OpenInExplorer appUrl={appUrl} />}
    </div>
  );
}
