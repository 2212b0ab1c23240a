import { useExplorerStore } from '../ui/context';
import { useI18n } from '../ui/i18n';
import { ArrowsLayer } from '../ui/plot/ArrowsLayer';
import { Axes } from '../ui/plot/Axes';
import { PlotArea } from '../ui/plot/PlotArea';
import { PlotKey } from '../ui/plot/PlotKey';
import { PointsLayer } from '../ui/plot/PointsLayer';
import { PosteriorLayer } from '../ui/plot/PosteriorLayer';
import { useElementWidth } from '../ui/plot/useElementWidth';
import { usePlotFrame } from '../ui/plot/usePlotFrame';
import { embedPlotHeight } from './layout';

/**
 * The explorer's plot (points, posterior, arrows, key) at the width of its container and at a
 * height the page may fix. The layers and the key's place beside or above the data are the
 * explorer's own; only the frame differs.
 */
export function EmbedPlot({ height }: { height: number | null }) {
  const store = useExplorerStore();
  const { t } = useI18n();
  const [measure, width] = useElementWidth();
  const plotHeight = height ?? embedPlotHeight(width);
  const { layout, scales, setLayer, addPointAt } = usePlotFrame(store, width, plotHeight);

  return (
    <div ref={measure} className="plot-frame" data-testid="embed-plot">
      {width > 0 && (
        <svg
          className="plot"
          width={width}
          height={plotHeight}
          viewBox={`0 0 ${width} ${plotHeight}`}
          role="group"
          aria-label={t('embedPlotLabel')}
        >
          <PlotKey scales={scales} box={layout.key} />
          <g ref={setLayer} transform={`translate(${layout.margins.left},${layout.margins.top})`}>
            <Axes scales={scales} />
            <PlotArea scales={scales} onAdd={addPointAt} />
            <PosteriorLayer scales={scales} />
            <ArrowsLayer scales={scales} />
            <PointsLayer scales={scales} />
          </g>
        </svg>
      )}
    </div>
  );
}
