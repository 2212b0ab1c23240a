import { memo, useMemo } from 'react';
import { selectManualFit } from '../../state';
import { useExplorer } from '../context';
import type { PlotScales } from './geometry';

/** z for a central 95% interval of a normal distribution. */
const Z_95 = 1.959963984540054;

interface Curve {
  x: Float64Array;
  mean: Float64Array;
  variance: Float64Array;
}

/**
 * Path coordinates are whole tenths of a pixel, drawn in a group scaled by this: integers are
 * written (and parsed by the browser) several times faster than decimals, and both paths are
 * rebuilt on every refit of a drag.
 */
const TENTHS = 10;

/**
 * SVG paths of a posterior's mean and 95% band, held to the plot's rectangle, in tenths of a
 * pixel (see {@link TENTHS}). Written in one pass: d3's generic line and area generators cost
 * several times more over 401 samples.
 */
function curvePaths({ x, mean, variance }: Curve, scales: PlotScales) {
  // Held to the plot's rectangle instead of clipped: a clip path costs a mask on every frame.
  const [bottom, top] = scales.y.domain() as [number, number];
  const inside = (value: number) =>
    Math.round(TENTHS * scales.y(Math.min(top, Math.max(bottom, value))));
  let meanPath = '';
  let upper = '';
  const lower: string[] = [];
  for (let i = 0; i < x.length; i++) {
    const m = mean[i] ?? Number.NaN;
    const v = variance[i] ?? Number.NaN;
    if (!Number.isFinite(m) || !Number.isFinite(v) || v < 0) continue;
    const sd = Z_95 * Math.sqrt(v);
    const at = Math.round(TENTHS * scales.x(x[i] ?? 0));
    // After M, further pairs are line segments.
    const separator = meanPath === '' ? 'M' : ' ';
    meanPath += `${separator}${at} ${inside(m)}`;
    upper += `${separator}${at} ${inside(m + sd)}`;
    lower.push(`${at} ${inside(m - sd)}`);
  }
  if (meanPath === '') return { meanPath: null, bandPath: null };
  const bandPath = `${upper} ${lower.reverse().join(' ')}Z`;
  return { meanPath, bandPath };
}

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
