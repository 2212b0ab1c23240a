import { axisBottom, axisLeft, line, scaleLog, select } from 'd3';
import { useDeferredValue, useEffect, useId, useMemo, useRef } from 'react';
import { profileCovariance } from '../../engine';
import { NEAR_TIE_GAP } from '../../engine/near-tie';
import {
  LANDSCAPE_GRID,
  selectManualFit,
  selectPrediction,
  type LandscapePosition,
} from '../../state';
import { useExplorer, useExplorerStore } from '../context';
import { useExplorerMessages, type ExplorerSay } from '../explorerText';
import { formatNumber, formatPowerOfTen } from '../format';
import { fillNodes, useI18n } from '../i18n';
import type { Language } from '../../i18n/language';
import type { Translator } from '../../i18n/messages';
import { useElementWidth } from '../plot/useElementWidth';
import { Term } from '../Term';
import { ContourCanvas } from './ContourCanvas';
import { LandscapeLegend } from './LandscapeLegend';
import { RULE_MESSAGES } from '../ruleText';
import { LandscapeReadout } from './LandscapeReadout';
import { coincide, contourBands, ellipsePath, logTicks, placeLabels } from './landscapeGeometry';
import { useLandscapeCursor } from './useLandscapeCursor';
import { useThrottledValue } from './useThrottledValue';

/** Room around the map: tick labels left and below, the colour scale right. */
const MARGIN = { top: 12, right: 92, bottom: 44, left: 60 };
/**
 * While a point is dragged the contours are redrawn at most this often (θ̂, its trail and the
 * prediction stay live): they are the costliest part of a frame and change little from move to
 * move. Measured in BENCHMARKS.md ("Dragging in the browser").
 */
const CONTOUR_INTERVAL_DURING_DRAG_MS = 200;
/** The Laplace ellipses drawn: one and two standard deviations. */
const LAPLACE_LEVELS = [1, 2] as const;

/** θ expressed in the landscape's coordinates. */
function position(theta: { lengthscale: number; signalStd: number; noiseStd: number }) {
  return { lengthscale: theta.lengthscale, noiseRatio: (theta.noiseStd / theta.signalStd) ** 2 };
}

/** Lengthscale tick labels: plain numbers where they are short, powers of ten beyond. */
function formatLengthscaleTick(value: number, language: Language): string {
  return value >= 1e-2 && value <= 1e4 ? formatNumber(value, 1, language) : formatPowerOfTen(value);
}

/**
 * The profile log-likelihood over (ℓ, σn²/σf²) as filled contours with their colour scale, θ̂,
 * the runner-up maximum, the Laplace ellipses of −H⁻¹ around θ̂, the trail of a drag and the
 * first-order prediction; the axes always hold θ̂ and the runner-up. Pointing reads the map;
 * clicking, tapping or Enter sets θ there by hand, and the plot shows that θ's fit.
 */
export function Landscape() {
  // Unique per instance: several explorers may share one document.
  const clipId = `landscape-clip-${useId().replace(/:/g, '')}`;
  const readoutId = `landscape-readout-${useId().replace(/:/g, '')}`;
  const store = useExplorerStore();
  const tr = useI18n();
  const { t, language } = tr;
  const say = useExplorerMessages();
  const landscape = useExplorer((s) => s.landscape);
  const points = useExplorer((s) => s.points);
  const result = useExplorer((s) => s.analysis?.result ?? null);
  // Under MAP or LOO-CV θ̂ maximises another objective than the likelihood this map shows.
  const otherRule = result && result.rule !== 'ml' ? result.rule : null;
  const trail = useExplorer((s) => s.drag?.trail ?? null);
  const dragging = useExplorer((s) => s.drag?.active ?? false);
  const prediction = useExplorer(selectPrediction);
  const manual = useExplorer(selectManualFit);
  const [measure, width] = useElementWidth();
  const height = Math.round(Math.max(280, Math.min(440, width * 0.62)));
  const innerWidth = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  // Contours are the costliest part of a frame: let the arrows paint first.
  const shown = useDeferredValue(
    useThrottledValue(landscape, CONTOUR_INTERVAL_DURING_DRAG_MS, dragging),
  );
  const grid = shown?.grid ?? null;
  const ends = (axis: Float64Array | undefined, fallback: [number, number]): [number, number] =>
    axis && axis.length > 1 ? [axis[0]!, axis[axis.length - 1]!] : fallback;
  const lengthscaleDomain = ends(grid?.lengthscales, LANDSCAPE_GRID.lengthscaleRange);
  const noiseDomain = ends(grid?.noiseRatios, LANDSCAPE_GRID.noiseRatioRange);
  const [l0, l1] = lengthscaleDomain;
  const [g0, g1] = noiseDomain;
  const x = useMemo(() => scaleLog([l0, l1], [0, innerWidth]), [l0, l1, innerWidth]);
  const y = useMemo(() => scaleLog([g0, g1], [innerHeight, 0]), [g0, g1, innerHeight]);
  const bands = useMemo(
    () => (grid ? contourBands(grid, x, y, shown?.peakLml) : []),
    [grid, x, y, shown?.peakLml],
  );

  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  useEffect(() => {
    const xTicks = logTicks([l0, l1], Math.max(3, Math.floor(innerWidth / 70)));
    const yTicks = logTicks([g0, g1], Math.max(3, Math.floor(innerHeight / 34)));
    if (xAxisRef.current) {
      select(xAxisRef.current).call(
        axisBottom(x)
          .tickValues(xTicks)
          .tickFormat((v) => formatLengthscaleTick(Number(v), language))
          .tickSizeOuter(0),
      );
    }
    if (yAxisRef.current) {
      select(yAxisRef.current).call(
        axisLeft(y)
          .tickValues(yTicks)
          .tickFormat((v) => formatPowerOfTen(Number(v)))
          .tickSizeOuter(0),
      );
    }
  }, [x, y, l0, l1, g0, g1, innerWidth, innerHeight, language]);

  const inside = (p: LandscapePosition) =>
    p.lengthscale >= l0 && p.lengthscale <= l1 && p.noiseRatio >= g0 && p.noiseRatio <= g1;
  const optimum = result ? position(result.theta) : null;
  const runnerUp = result?.diagnostics.runnerUp ?? null;
  const runnerUpAt = runnerUp ? position(runnerUp.theta) : null;
  const predicted = prediction ? position(prediction.predicted) : null;
  const manualAt = manual?.place ?? null;
  const trailPath =
    trail && trail.length > 1
      ? line<LandscapePosition>()
          .x((p) => x(p.lengthscale))
          .y((p) => y(p.noiseRatio))(trail.filter(inside))
      : null;
  const stale = landscape !== null && landscape.points !== points;

  // The Laplace approximation: Σᵤ = J(−H⁻¹)Jᵀ in (log ℓ, log σn²/σf²), around θ̂.
  const hessian = result?.hessianLogTheta;
  const definite = result?.diagnostics.negativeDefinite ?? false;
  const covariance = useMemo(
    () => (hessian && definite ? profileCovariance(hessian) : null),
    [hessian, definite],
  );
  const centre: [number, number] | null = optimum
    ? [Math.log(optimum.lengthscale), Math.log(optimum.noiseRatio)]
    : null;

  const cursor = useLandscapeCursor({
    x,
    y,
    home: manualAt ?? optimum,
    setTheta: (place) => store.getState().setManualTheta(place),
  });

  const pixel = (p: LandscapePosition) => ({
    x: Math.min(innerWidth, Math.max(0, x(p.lengthscale))),
    y: Math.min(innerHeight, Math.max(0, y(p.noiseRatio))),
  });
  // A prediction under θ̂'s own marker is one place with one label, not two labels on one dot.
  const predictedAtOptimum =
    !!optimum &&
    !!predicted &&
    inside(optimum) &&
    inside(predicted) &&
    coincide(pixel(optimum), pixel(predicted));
  const markers = [
    optimum && {
      id: 'optimum',
      ...pixel(optimum),
      radius: 7,
      text: !inside(optimum)
        ? say('landscapeOffMap')
        : predictedAtOptimum
          ? say('landscapeOptimumPredicted')
          : 'θ̂',
    },
    manualAt &&
      inside(manualAt) && {
        id: 'manual',
        ...pixel(manualAt),
        radius: 7,
        text: say('landscapeYourTheta'),
      },
    runnerUpAt &&
      inside(runnerUpAt) && {
        id: 'runner-up',
        ...pixel(runnerUpAt),
        radius: 6,
        text: say('landscapeRunnerUp', { gap: tr.number(runnerUp?.lmlGap ?? Number.NaN, 2) }),
      },
    predicted &&
      inside(predicted) &&
      !predictedAtOptimum && {
        id: 'prediction',
        ...pixel(predicted),
        radius: 6,
        text: say('landscapeIft'),
      },
  ].filter((marker) => !!marker);
  const labels = new Map(
    placeLabels(markers, innerWidth, innerHeight).map((label) => [label.id, label]),
  );
  const label = (id: string, text: string) => {
    const placed = labels.get(id);
    return placed ? (
      <text
        className="marker-label"
        x={placed.x}
        y={placed.y}
        textAnchor={placed.anchor}
        data-testid={`label-${id}`}
      >
        {text}
      </text>
    ) : null;
  };
  const at = (p: { x: number; y: number }) => `translate(${p.x},${p.y})`;

  return (
    <section className="card landscape" aria-labelledby="landscape-title" data-testid="landscape">
      <div className="card-body">
        <h2 id="landscape-title">{say('landscapeTitle')}</h2>
        <div
          ref={measure}
          className="landscape-figure"
          tabIndex={0}
          role="application"
          aria-roledescription={say('landscapeRole')}
          aria-label={`${describe(optimum, runnerUp !== null, tr, say)} ${say('landscapeKeys')}`}
          aria-describedby={readoutId}
          data-testid="landscape-map"
          {...cursor.figure}
        >
          {width > 0 && (
            <ContourCanvas
              bands={bands}
              width={innerWidth}
              height={innerHeight}
              left={MARGIN.left}
              top={MARGIN.top}
              faded={stale}
              coarse={dragging}
            />
          )}
          {width > 0 && (
            <svg
              width={width}
              height={height}
              aria-hidden="true"
              data-testid="landscape-svg"
              data-lengthscale-domain={`${l0},${l1}`}
              data-noise-domain={`${g0},${g1}`}
            >
              <defs>
                <clipPath id={clipId}>
                  <rect width={innerWidth} height={innerHeight} />
                </clipPath>
              </defs>
              <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
                <g clipPath={`url(#${clipId})`}>
                  {covariance && centre && (
                    <g
                      className="laplace"
                      data-testid="laplace"
                      data-covariance={[covariance[0][0], covariance[0][1], covariance[1][1]].join(
                        ',',
                      )}
                    >
                      {LAPLACE_LEVELS.map((k) => (
                        <path
                          key={k}
                          className={`laplace-ellipse k${k}`}
                          d={ellipsePath(centre, covariance, k, x, y)}
                          data-testid="laplace-ellipse"
                          data-k={k}
                        />
                      ))}
                    </g>
                  )}
                  {trailPath && (
                    <path className="trail" d={trailPath} data-testid="landscape-trail" />
                  )}
                  {runnerUpAt && inside(runnerUpAt) && (
                    <g transform={at(pixel(runnerUpAt))} data-testid="runner-up">
                      <circle className="runner-up" r={6} />
                    </g>
                  )}
                  {predicted && inside(predicted) && (
                    <g transform={at(pixel(predicted))} data-testid="landscape-prediction">
                      <path className="prediction" d="M-5,-5L5,5M-5,5L5,-5" />
                    </g>
                  )}
                  {optimum && (
                    <g transform={at(pixel(optimum))} data-testid="landscape-optimum">
                      <circle className={inside(optimum) ? 'optimum' : 'optimum outside'} r={6} />
                    </g>
                  )}
                  {manualAt && inside(manualAt) && (
                    <g transform={at(pixel(manualAt))} data-testid="landscape-manual">
                      <path className="manual" d="M0,-7L7,0L0,7L-7,0Z" />
                    </g>
                  )}
                  {cursor.place && inside(cursor.place) && (
                    <g className="crosshair" data-testid="landscape-crosshair">
                      <line
                        x1={0}
                        x2={innerWidth}
                        y1={y(cursor.place.noiseRatio)}
                        y2={y(cursor.place.noiseRatio)}
                      />
                      <line
                        x1={x(cursor.place.lengthscale)}
                        x2={x(cursor.place.lengthscale)}
                        y1={0}
                        y2={innerHeight}
                      />
                    </g>
                  )}
                  {label('optimum', markers.find((m) => m.id === 'optimum')?.text ?? '')}
                  {label('manual', say('landscapeYourTheta'))}
                  {label('runner-up', markers.find((m) => m.id === 'runner-up')?.text ?? '')}
                  {label('prediction', say('landscapeIft'))}
                </g>
                <rect
                  className="landscape-surface"
                  width={innerWidth}
                  height={innerHeight}
                  data-testid="landscape-surface"
                  {...cursor.surface}
                />
                <g ref={xAxisRef} className="axis" transform={`translate(0,${innerHeight})`} />
                <g ref={yAxisRef} className="axis" />
                <text
                  className="axis-title"
                  x={innerWidth / 2}
                  y={innerHeight + 36}
                  textAnchor="middle"
                >
                  {say('landscapeAxisLengthscale')}
                </text>
                <text
                  className="axis-title"
                  transform={`translate(${-48},${innerHeight / 2}) rotate(-90)`}
                  textAnchor="middle"
                >
                  {say('landscapeAxisNoise')}
                </text>
                <LandscapeLegend
                  x={innerWidth + 16}
                  height={innerHeight}
                  belowTop={otherRule !== null}
                />
              </g>
            </svg>
          )}
        </div>
        <LandscapeReadout
          id={readoutId}
          cursor={cursor.place}
          announce={cursor.fromKeyboard}
          grid={grid}
          peakLml={shown?.peakLml ?? null}
          fitLml={result?.lml ?? null}
          manual={manual}
          near={(a, b) =>
            Math.hypot(x(a.lengthscale) - x(b.lengthscale), y(a.noiseRatio) - y(b.noiseRatio)) < 2
          }
        />
        <p className="caption">
          {fillNodes(say('landscapeCaption'), {
            top: say(otherRule ? 'landscapeTopPeak' : 'landscapeTopTheta'),
            profile: <Term id="profileLikelihood">{say('termProfileLikelihood')}</Term>,
            nats: <Term id="nats">{say('termNats')}</Term>,
            laplace: <Term id="laplace">{say('termLaplace')}</Term>,
            hessian: <Term id="hessian">{say('termHessian')}</Term>,
          })}
          {otherRule && ` ${say('landscapeOtherRule', { rule: t(RULE_MESSAGES[otherRule].name) })}`}
          {!covariance && result && ` ${say('landscapeNoEllipse')}`}
          {runnerUp && ' '}
          {runnerUp &&
            (runnerUp.lmlGap < NEAR_TIE_GAP
              ? fillNodes(say('landscapeRunnerUpTie'), {
                  gap: tr.number(runnerUp.lmlGap, 2),
                  tie: <Term id="nearTie">{say('termNearTie')}</Term>,
                })
              : say('landscapeRunnerUpGap', { gap: tr.number(runnerUp.lmlGap, 2) }))}{' '}
          {say('landscapeTry')}
        </p>
      </div>
    </section>
  );
}

function describe(
  optimum: LandscapePosition | null,
  hasRunnerUp: boolean,
  tr: Translator,
  say: ExplorerSay,
): string {
  if (!optimum) return say('landscapeNotComputed');
  const described = say('landscapeDescribe', {
    lengthscale: tr.number(optimum.lengthscale, 3),
    ratio: tr.number(optimum.noiseRatio, 2),
  });
  return hasRunnerUp ? `${described} ${say('landscapeSecond')}` : described;
}
