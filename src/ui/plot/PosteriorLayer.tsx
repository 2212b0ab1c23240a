import { area, line } from 'd3';
import { memo, useMemo } from 'react';
import { useExplorer } from '../context';
import type { PlotScales } from './geometry';

/** z for a central 95% interval of a normal distribution. */
const Z_95 = 1.959963984540054;

/**
 * The posterior mean of f and its 95% band (mean ± 1.96·sd of the latent f, without σn²).
 * Faded while it belongs to data the points have since left.
 */
export const PosteriorLayer = memo(function PosteriorLayer({ scales }: { scales: PlotScales }) {
  const posterior = useExplorer((s) => s.analysis?.result.posterior);
  const stale = useExplorer(
    (s) => s.analysis !== null && s.analysis.structureVersion !== s.structureVersion,
  );
  const showBand = useExplorer((s) => s.options.showBand);

  const paths = useMemo(() => {
    if (!posterior) return null;
    const { x, mean, variance } = posterior;
    const indices = Array.from(x.keys()).filter(
      (i) => Number.isFinite(mean[i]) && Number.isFinite(variance[i]) && (variance[i] ?? -1) >= 0,
    );
    const sd = (i: number) => Z_95 * Math.sqrt(variance[i] ?? 0);
    // Held to the plot's rectangle instead of clipped: a clip path costs a mask on every frame.
    const [bottom, top] = scales.y.domain() as [number, number];
    const inside = (value: number) => scales.y(Math.min(top, Math.max(bottom, value)));
    const meanPath = line<number>()
      .x((i) => scales.x(x[i] ?? 0))
      .y((i) => inside(mean[i] ?? 0))(indices);
    const bandPath = area<number>()
      .x((i) => scales.x(x[i] ?? 0))
      .y0((i) => inside((mean[i] ?? 0) - sd(i)))
      .y1((i) => inside((mean[i] ?? 0) + sd(i)))(indices);
    return { meanPath, bandPath };
  }, [posterior, scales]);

  if (!paths) return null;
  return (
    <g
      className={stale ? 'posterior stale' : 'posterior'}

      aria-hidden="true"
    >
      {showBand && paths.bandPath && <path className="band" d={paths.bandPath} />}
      {paths.meanPath && <path className="mean" d={paths.meanPath} />}
    </g>
  );
});
