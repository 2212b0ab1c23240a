import { axisBottom, axisLeft, line, scaleLog, select } from 'd3';
import { useDeferredValue, useEffect, useId, useMemo, useRef } from 'react';
import { LANDSCAPE_GRID, selectPrediction } from '../../state';
import { useExplorer } from '../context';
import { formatNumber, formatPowerOfTen } from '../format';
import { useElementWidth } from '../plot/useElementWidth';
import { ContourCanvas } from './ContourCanvas';
import { contourBands } from './landscapeGeometry';
import { useThrottledValue } from './useThrottledValue';

const MARGIN = { top: 10, right: 12, bottom: 38, left: 46 };
/**
 * While a point is dragged the contours are redrawn at most this often (θ̂, its trail and the
 * prediction stay live): they are the costliest part of a frame and change little from move to
 * move. Measured in BENCHMARKS.md ("Dragging in the browser").
 */
const CONTOUR_INTERVAL_DURING_DRAG_MS = 200;

/** θ̂ expressed in the landscape's coordinates. */
function position(theta: { lengthscale: number; signalStd: number; noiseStd: number }) {
  return { lengthscale: theta.lengthscale, noiseRatio: (theta.noiseStd / theta.signalStd) ** 2 };
}

/**
 * The profile log-likelihood over (ℓ, σn²/σf²) as filled contours, with θ̂, its trail during a
 * drag, the first-order prediction, and the runner-up maximum when the search found one.
 */
export function Landscape() {
  // Unique per instance: several explorers may share one document.
  const clipId = `landscape-clip-${useId().replace(/:/g, '')}`;
  const landscape = useExplorer((s) => s.landscape);
  const points = useExplorer((s) => s.points);
  const result = useExplorer((s) => s.analysis?.result ?? null);
  const trail = useExplorer((s) => s.drag?.trail ?? null);
  const dragging = useExplorer((s) => s.drag?.active ?? false);
  const prediction = useExplorer(selectPrediction);
  const [measure, width] = useElementWidth();
  const height = Math.round(Math.max(220, Math.min(320, width * 0.78)));
  const innerWidth = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const x = useMemo(
    () => scaleLog(LANDSCAPE_GRID.lengthscaleRange, [0, innerWidth]).clamp(false),
    [innerWidth],
  );
  const y = useMemo(
    () => scaleLog(LANDSCAPE_GRID.noiseRatioRange, [innerHeight, 0]),
    [innerHeight],
  );
  // Contours are the costliest part of a frame: let the arrows paint first.
  const grid = useDeferredValue(
    useThrottledValue(landscape?.grid ?? null, CONTOUR_INTERVAL_DURING_DRAG_MS, dragging),
  );
  const bands = useMemo(() => (grid ? contourBands(grid, x, y) : []), [grid, x, y]);

  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  useEffect(() => {
    if (xAxisRef.current) {
      select(xAxisRef.current).call(
        axisBottom(x)
          .tickValues([0.1, 1, 10])
          .tickFormat((v) => formatNumber(Number(v), 1))
          .tickSizeOuter(0),
      );
    }
    if (yAxisRef.current) {
      select(yAxisRef.current).call(
        axisLeft(y)
          .tickValues([1e-6, 1e-4, 1e-2, 1, 1e2])
          .tickFormat((v) => formatPowerOfTen(Number(v)))
          .tickSizeOuter(0),
      );
    }
  }, [x, y]);

  const inside = (p: { lengthscale: number; noiseRatio: number }) =>
    p.lengthscale >= LANDSCAPE_GRID.lengthscaleRange[0] &&
    p.lengthscale <= LANDSCAPE_GRID.lengthscaleRange[1] &&
    p.noiseRatio >= LANDSCAPE_GRID.noiseRatioRange[0] &&
    p.noiseRatio <= LANDSCAPE_GRID.noiseRatioRange[1];
  const optimum = result ? position(result.theta) : null;
  const runnerUp = result?.diagnostics.runnerUp ?? null;
  const runnerUpAt = runnerUp ? position(runnerUp.theta) : null;
  const predicted = prediction ? position(prediction.predicted) : null;
  const trailPath =
    trail && trail.length > 1
      ? line<{ lengthscale: number; noiseRatio: number }>()
          .x((p) => x(p.lengthscale))
          .y((p) => y(p.noiseRatio))(trail.filter(inside))
      : null;
  const stale = landscape !== null && landscape.points !== points;

  return (
    <section className="card landscape" aria-labelledby="landscape-title" data-testid="landscape">
      <div className="card-body">
        <h2 id="landscape-title">Likelihood landscape</h2>
        <div ref={measure} className="landscape-figure">
          {width > 0 && (
            <ContourCanvas
              bands={bands}
              width={innerWidth}
              height={innerHeight}
              left={MARGIN.left}
              top={MARGIN.top}
              faded={stale}
            />
          )}
          {width > 0 && (
            <svg
              width={width}
              height={height}
              role="img"
              aria-label={describe(optimum, runnerUp !== null)}
            >
              <defs>
                <clipPath id={clipId}>
                  <rect width={innerWidth} height={innerHeight} />
                </clipPath>
              </defs>
              <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
                <g clipPath={`url(#${clipId})`}>
                  {trailPath && (
                    <path className="trail" d={trailPath} data-testid="landscape-trail" />
                  )}
                  {runnerUpAt && inside(runnerUpAt) && (
                    <g
                      transform={`translate(${x(runnerUpAt.lengthscale)},${y(runnerUpAt.noiseRatio)})`}
                      data-testid="runner-up"
                    >
                      <circle className="runner-up" r={5.5} />
                      <text className="marker-label" x={8} y={12}>
                        runner-up
                      </text>
                    </g>
                  )}
                  {predicted && inside(predicted) && (
                    <g
                      transform={`translate(${x(predicted.lengthscale)},${y(predicted.noiseRatio)})`}
                      data-testid="landscape-prediction"
                    >
                      <path className="prediction" d="M-5,-5L5,5M-5,5L5,-5" />
                      <text className="marker-label" x={-8} y={14} textAnchor="end">
                        IFT
                      </text>
                    </g>
                  )}
                  {optimum && (
                    <g
                      transform={`translate(${clampTo(x(optimum.lengthscale), innerWidth)},${clampTo(y(optimum.noiseRatio), innerHeight)})`}
                      data-testid="landscape-optimum"
                    >
                      <circle className={inside(optimum) ? 'optimum' : 'optimum outside'} r={6} />
                      <text
                        className="marker-label"
                        x={x(optimum.lengthscale) > innerWidth * 0.8 ? -9 : 9}
                        dy="0.35em"
                        textAnchor={x(optimum.lengthscale) > innerWidth * 0.8 ? 'end' : 'start'}
                      >
                        {inside(optimum) ? 'θ̂' : 'θ̂ (off the map)'}
                      </text>
                    </g>
                  )}
                </g>
                <g ref={xAxisRef} className="axis" transform={`translate(0,${innerHeight})`} />
                <g ref={yAxisRef} className="axis" />
                <text
                  className="axis-title"
                  x={innerWidth / 2}
                  y={innerHeight + 32}
                  textAnchor="middle"
                >
                  lengthscale ℓ
                </text>
                <text
                  className="axis-title"
                  transform={`translate(${-36},${innerHeight / 2}) rotate(-90)`}
                  textAnchor="middle"
                >
                  noise ratio σn²/σf²
                </text>
              </g>
            </svg>
          )}
        </div>
        <p className="caption">
          Profile log-likelihood (σf maximised out); each band is a drop of 0.5, 1, 2, 4 … nats from
          the best.
          {runnerUp && <> Runner-up maximum {formatNumber(runnerUp.lmlGap, 2)} nats lower.</>}
        </p>
      </div>
    </section>
  );
}

/** A pixel coordinate held inside [0, size] so an off-range marker sits on the edge. */
function clampTo(value: number, size: number): number {
  return Math.min(size, Math.max(0, value));
}

function describe(
  optimum: { lengthscale: number; noiseRatio: number } | null,
  hasRunnerUp: boolean,
): string {
  if (!optimum) return 'Likelihood landscape, not yet computed.';
  return (
    `Likelihood landscape over lengthscale and noise ratio. The maximum θ̂ is at ℓ ${formatNumber(optimum.lengthscale, 3)}, ` +
    `noise ratio ${formatNumber(optimum.noiseRatio, 2)}.${hasRunnerUp ? ' A second, lower maximum exists.' : ''}`
  );
}
