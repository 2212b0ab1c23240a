import { memo, useMemo } from 'react';
import { selectManualFit } from '../../state';
import { useExplorer } from '../context';
import type { PlotScales } from './geometry';
import { curvePaths, TENTHS } from './posteriorPaths';

/**
 * The posterior mean of f and its 95% band (mean ± 1.96·sd of the latent f, without σn²), at θ̂
 * or, while the reader has set θ by hand on the landscape, at that θ, with θ̂'s mean dashed
 * beside it for comparison. Faded while it belongs to data the points have since left.
 */
export const PosteriorLayer = memo(function PosteriorLayer({ scales }: { scales: PlotScales }) {
  const posterior = useExplorer((s) => s.analysis?.result.posterior);
  const manual = useExplorer(selectManualFit);
  const stale = useExplorer(
    (s) => s.analysis !== null && s.analysis.structureVersion !== s.structureVersion,
  );
  const showBand = useExplorer((s) => s.options.showBand);
  const manualPosterior = manual?.fit?.posterior ?? null;

  const paths = useMemo(
    () => (posterior ? curvePaths(posterior, scales) : null),
    [posterior, scales],
  );
  const manualPaths = useMemo(
    () =>
      posterior && manualPosterior
        ? curvePaths({ x: posterior.x, ...manualPosterior }, scales)
        : null,
    [posterior, manualPosterior, scales],
  );

  if (!paths) return null;
  const shown = manualPaths ?? paths;
  return (
    <g
      className={stale ? 'posterior stale' : 'posterior'}
      data-testid="posterior"
      data-theta={manualPaths ? 'manual' : 'fitted'}
      transform={`scale(${1 / TENTHS})`}
      aria-hidden="true"
    >
      {showBand && shown.bandPath && <path className="band" d={shown.bandPath} />}
      {manualPaths && paths.meanPath && (
        <path className="mean fitted-reference" d={paths.meanPath} />
      )}
      {shown.meanPath && <path className="mean" d={shown.meanPath} />}
    </g>
  );
});
