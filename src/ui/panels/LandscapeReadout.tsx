import type { LandscapeGrid, LandscapePosition, ManualFitView } from '../../state';
import { useExplorerMessages } from '../explorerText';
import { useI18n } from '../i18n';
import { likelihoodChangeText } from '../lostLikelihood';
import { interpolateProfile } from './landscapeGeometry';

/**
 * What the landscape says at the crosshair: ℓ, σn²/σf² and the profile log-likelihood there,
 * read between the grid's samples (≈), or exact where θ was set by hand and its fit has arrived.
 * Keyboard moves are announced; pointer moves are only shown.
 */
export function LandscapeReadout({
  id,
  cursor,
  announce,
  grid,
  peakLml,
  fitLml,
  manual,
  near,
}: {
  id: string;
  cursor: LandscapePosition | null;
  announce: boolean;
  grid: LandscapeGrid | null;
  peakLml: number | null;
  fitLml: number | null;
  manual: ManualFitView | null;
  /** Whether two places are the same spot on screen. */
  near: (a: LandscapePosition, b: LandscapePosition) => boolean;
}) {
  const tr = useI18n();
  const { number: formatNumber } = tr;
  const say = useExplorerMessages();
  const exact =
    cursor !== null &&
    manual?.fit !== null &&
    manual !== null &&
    near(cursor, manual.place) &&
    fitLml !== null;
  const lml = !cursor
    ? Number.NaN
    : exact && manual?.fit
      ? manual.fit.lml
      : grid
        ? interpolateProfile(grid, cursor.lengthscale, cursor.noiseRatio)
        : Number.NaN;
  const top = exact ? fitLml : peakLml;
  // On the θ set by hand, its own (rounded) coordinates, so the numbers match the plot's.
  const place = exact && manual ? manual.place : cursor;
  const text = !place
    ? say('landscapeHint')
    : `ℓ = ${formatNumber(place.lengthscale, 3)}, σn²/σf² = ${formatNumber(place.noiseRatio, 2)}: ` +
      (Number.isFinite(lml) && top !== null
        ? `log p ${exact ? '=' : '≈'} ${formatNumber(lml, 4)} nats, ${likelihoodChangeText(lml - top, tr)}.`
        : say('landscapeOutside'));
  return (
    <>
      <p
        id={id}
        className="landscape-readout num"
        data-testid="landscape-readout"
        data-lengthscale={place?.lengthscale}
        data-noise-ratio={place?.noiseRatio}
        data-lml={Number.isFinite(lml) ? lml : undefined}
        data-exact={exact}
      >
        {text}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announce ? text : ''}
      </p>
    </>
  );
}
