import { useCallback, useMemo, useState } from 'react';
import { useExplorer, useExplorerStore } from '../context';
import { useI18n } from '../i18n';
import { ArrowsLayer } from './ArrowsLayer';
import { DashWarmUp } from './DashWarmUp';
import { COMPARE_OFFSET, CompareArrowsLayer } from '../rules/CompareArrowsLayer';
import { PullMapLayer } from '../rules/PullMapLayer';
import { useCompareKeyRows } from '../rules/CompareKeyRows';
import { PointHighlight } from '../rules/PointHighlight';
import { ManualFitBanner } from './ManualFitBanner';
import { Axes } from './Axes';
import { plotHeight } from './geometry';
import { PlotArea } from './PlotArea';
import { PlotKey } from './PlotKey';
import { usePullMapKeyRow } from '../rules/PullMapKeyRow';
import { PointNumbers } from './PointNumbers';
import { PointsLayer } from './PointsLayer';
import { PosteriorLayer } from './PosteriorLayer';
import { useElementWidth } from './useElementWidth';
import { usePlotFrame } from './usePlotFrame';
import { useRoomBelow } from './useRoomBelow';

/** Id of the plot's live <svg> (fit, arrows, points). */
export const PLOT_SVG_ID = 'explorer-plot';

/**
 * What must fit under the plot on the first screen: its footer (one line), the card's edge and a
 * little air. Measured in Chromium with the explorer's fonts.
 */
const BELOW_PLOT = 52;
/** The widest viewport laid out as a phone, in CSS pixels (styles/responsive.css). */
const PHONE_MAX_WIDTH = 640;

/**
 * The hero: data points, the GP's mean and 95% band, an arrow on every point, and the key beside
 * (or above) the data. Scales depend only on the plot's size, so a drag changes positions and
 * paths, never layout; the size follows the width and the room left on screen, so the whole plot
 * shows on a projector.
 */
export function Plot() {
  const store = useExplorerStore();
  const presenting = useExplorer((s) => s.presentation);
  const dragging = useExplorer((s) => s.drag?.active ?? false);
  // While θ is set by hand the arrows (derivatives at θ̂, not at that θ) step back.
  const manual = useExplorer((s) => s.manualTheta !== null);
  // The rule of the arrows drawn (the answer's), and whether a second rule's stand beside them.
  const rule = useExplorer((s) => s.analysis?.result.rule);
  const comparing = useExplorer((s) => s.options.compareRule !== null);
  const { t } = useI18n();
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const [measure, width] = useElementWidth();
  // One ref for the plot's lifetime: a new one on every render would measure the frame and start
  // another ResizeObserver each time (never stopped, as the wrapper dropped measure's cleanup).
  const frameRef = useCallback(
    (element: HTMLDivElement | null) => {
      setFrame(element);
      return measure(element);
    },
    [measure],
  );
  const room = useRoomBelow(frame, BELOW_PLOT, dragging);
  // The phone layout's breakpoint (styles/responsive.css): a zoomed desktop's narrow plot keeps to the room.
  const phone = window.innerWidth <= PHONE_MAX_WIDTH;
  const height = plotHeight(width, room, presenting, phone);
  const { layout, scales, setLayer, addPointAt } = usePlotFrame(store, width, height);

  const frameSize = { width, height, viewBox: `0 0 ${width} ${height}` };
  const { key } = layout;
  const keyRules = useCompareKeyRows(key);
  const keyPull = usePullMapKeyRow(key, keyRules?.height ?? 0);
  // Memoised like its parts, so the (memoised) key redraws only when one of them changes.
  const keyBelow = useMemo(
    () =>
      keyRules || keyPull
        ? {
            node: (
              <>
                {keyRules?.node}
                {keyPull?.node}
              </>
            ),
            height: (keyRules?.height ?? 0) + (keyPull?.height ?? 0),
          }
        : null,
    [keyRules, keyPull],
  );
  // Beside the data, the θ set by hand is described at the foot of the key's column.
  const bannerInKey =
    key.layout === 'column'
      ? { left: key.x, width: key.width, bottom: height - key.y - key.height }
      : null;
  const inner = `translate(${layout.margins.left},${layout.margins.top})`;
  // Two stacked SVGs: the still parts (grid, axes, key) and the live ones (fit, arrows, points),
  // so a refit re-rasterises only the live layer.
  return (
    <>
      <div ref={frameRef} className="plot-frame" style={{ height: width > 0 ? height : undefined }}>
        {width > 0 && (
          <>
            <svg className="plot plot-still" {...frameSize} aria-hidden="true">
              <g transform={inner}>
                <Axes scales={scales} />
              </g>
              <PlotKey
                scales={scales}
                box={layout.key}
                below={keyBelow?.node}
                belowHeight={keyBelow?.height}
              />
            </svg>
            <svg
              id={PLOT_SVG_ID}
              className="plot plot-live"
              {...frameSize}
              role="group"
              aria-label={t('plotLabel')}
            >
              <g ref={setLayer} transform={inner}>
                <PlotArea scales={scales} onAdd={addPointAt} />
                <PullMapLayer scales={scales} />
                <PosteriorLayer scales={scales} />
                <DashWarmUp />
                <g
                  className={manual ? 'set-aside' : undefined}
                  data-testid="arrows-layer"
                  data-rule={rule}
                >
                  <g transform={comparing ? `translate(${-COMPARE_OFFSET},0)` : undefined}>
                    <ArrowsLayer scales={scales} />
                  </g>
                  <CompareArrowsLayer scales={scales} />
                </g>
                <PointHighlight scales={scales} />
                <PointsLayer scales={scales} />
                <PointNumbers scales={scales} />
              </g>
            </svg>
            {bannerInKey && <ManualFitBanner style={bannerInKey} />}
          </>
        )}
      </div>
      {width > 0 && !bannerInKey && <ManualFitBanner />}
    </>
  );
}
