import type { CSSProperties } from 'react';
import { selectManualFit } from '../../state';
import { useExplorer, useExplorerStore } from '../context';
import { useI18n } from '../i18n';
import { likelihoodChangeText } from '../lostLikelihood';

/**
 * While the reader has set θ by hand on the landscape: which θ the plot shows, how much less
 * likely it makes the data than θ̂, and the way back to θ̂. On wide plots it sits in the key's
 * column beside the data (`style` places it), so nothing on the page moves when it appears.
 */
export function ManualFitBanner({ style }: { style?: CSSProperties }) {
  const store = useExplorerStore();
  const manual = useExplorer(selectManualFit);
  const tr = useI18n();
  const { t, number: formatNumber } = tr;
  if (!manual) return null;
  const { place, fit, change } = manual;
  return (
    <div
      className={`manual-banner${style ? ' in-key' : ''}`}
      style={style}
      role="status"
      data-testid="manual-fit"
    >
      <p className="manual-theta num">
        <strong>{t('yourTheta')}</strong> ℓ = {formatNumber(place.lengthscale, 3)}, σn²/σf² ={' '}
        {formatNumber(place.noiseRatio, 2)}
        {fit && (
          <>
            {' '}
            {t('manualSigmaAtBest', {
              signal: formatNumber(fit.theta.signalStd, 3),
              noise: formatNumber(fit.theta.noiseStd, 3),
            })}
          </>
        )}
      </p>
      <p>
        {!fit ? (
          t('computingFit')
        ) : (
          <>
            <span data-testid="manual-change" data-nats={change?.toFixed(6)}>
              {change === null ? '' : likelihoodChangeText(change, tr)}
            </span>
            .{!fit.posterior && ` ${t('curveSingular')}`} {t('arrowsGreyedManual')}
          </>
        )}
      </p>
      <button
        type="button"
        className="button"
        data-testid="back-to-fit"
        onClick={() => store.getState().setManualTheta(null)}
      >
        {t('backToFit')}
      </button>
    </div>
  );
}
