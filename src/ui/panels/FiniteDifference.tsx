import { HYPERPARAMETER_NAMES } from '../../engine/types';
import { useExplorer, useExplorerStore } from '../context';
import { HYPERPARAMETER_LABELS, partingDigits } from '../format';
import { useI18n } from '../i18n';

/**
 * Checks the implicit-function column for the selected point against central-difference refits
 * (perturb yᵢ by ±h, refit, divide) and shows how many digits agree.
 */
export function FiniteDifference() {
  const store = useExplorerStore();
  const selectedIndex = useExplorer((s) => s.selectedIndex);
  const check = useExplorer((s) => s.finiteDifference);
  const dragging = useExplorer((s) => s.drag?.active ?? false);
  const result = check?.status === 'done' ? check.result : null;
  const { t, number: formatNumber } = useI18n();
  // Two digits past those that agree, so the reader sees the two columns agree and then part.
  const shown = result ? partingDigits(result.agreeDigits) : 0;

  return (
    <section className="card" aria-labelledby="fd-title" data-testid="fd-check">
      <div className="card-body">
        <h2 id="fd-title">{t('checkTitle')}</h2>
        <p className="panel-text">{t('checkIntro')}</p>
        <button
          type="button"
          className="button"
          disabled={selectedIndex === null || dragging || check?.status === 'pending'}
          onClick={() => store.getState().checkFiniteDifference()}
          data-testid="fd-run"
        >
          {selectedIndex === null
            ? t('checkSelect')
            : check?.status === 'pending'
              ? t('checkRefitting', { index: selectedIndex + 1 })
              : t('checkRun', { index: selectedIndex + 1 })}
        </button>
        {check?.status === 'done' && !result && (
          <p className="panel-text" role="status">
            {t('checkFailed')}
          </p>
        )}
        {result && (
          <div role="status" style={{ marginTop: 12 }}>
            <p className="panel-text">
              <span className="digits num" data-testid="fd-digits">
                {Math.floor(result.agreeDigits)}
              </span>{' '}
              {t('checkDigits', { index: result.index + 1 })}
            </p>
            <table className="compare">
              <thead>
                <tr>
                  <th scope="col">∂ log θ̂/∂yᵢ</th>
                  <th scope="col">{t('checkIft')}</th>
                  <th scope="col">{t('checkFd')}</th>
                </tr>
              </thead>
              <tbody>
                {HYPERPARAMETER_NAMES.map((name, k) => (
                  <tr key={name}>
                    <td style={{ color: `var(--${name})` }}>
                      {HYPERPARAMETER_LABELS[name].symbol}
                      <sub>{HYPERPARAMETER_LABELS[name].subscript}</sub>
                    </td>
                    <td className="num">{formatNumber(result.ift[k] ?? Number.NaN, shown)}</td>
                    <td className="num">{formatNumber(result.fd[k] ?? Number.NaN, shown)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
