import { useId } from 'react';
import {
  HYPERPARAMETER_NAMES,
  KERNEL_NAMES,
  type HyperparameterName,
  type KernelName,
} from '../engine/types';
import { encodeSharedState } from '../state';
import { useExplorer, useExplorerStore } from '../ui/context';
import { HYPERPARAMETER_LABELS, KERNEL_LABELS, plainSymbol } from '../ui/format';

/** A link to the full explorer holding the widget's current points and settings. */
function OpenInExplorer({ appUrl }: { appUrl: string }) {
  const points = useExplorer((s) => s.points);
  const kernel = useExplorer((s) => s.kernel);
  const options = useExplorer((s) => s.options);
  const href = `${appUrl.replace(/#.*$/, '')}#${encodeSharedState({ points, kernel, options })}`;
  return (
    <a className="embed-link" href={href} target="_blank" rel="noopener" data-testid="open-app">
      Open in explorer ↗
    </a>
  );
}

/** The widget's few controls: kernel, which hyperparameter the arrows show, and reset. */
export function EmbedControls({ appUrl, onReset }: { appUrl: string | null; onReset: () => void }) {
  const store = useExplorerStore();
  const kernel = useExplorer((s) => s.kernel);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const kernelId = useId();
  const arrowsId = useId();

  return (
    <div className="embed-controls" role="toolbar" aria-label="Widget controls">
      <label htmlFor={kernelId}>
        Kernel
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
      <label htmlFor={arrowsId}>
        Arrows
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
              {plainSymbol(name)} — {HYPERPARAMETER_LABELS[name].name}
            </option>
          ))}
        </select>
      </label>
      <span className="embed-spacer" />
      <button type="button" className="button quiet" onClick={onReset} data-testid="embed-reset">
        Reset
      </button>
      {appUrl !== null && <OpenInExplorer appUrl={appUrl} />}
    </div>
  );
}
