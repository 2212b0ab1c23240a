import { scaleLinear, scaleLog } from 'd3';
import { memo, useCallback, useId, useMemo, useState } from 'react';
import type { ResponseCurve as Curve } from '../../engine/response-curve';
import type { HyperparameterName } from '../../engine/types';
import { selectCurveMarker, type CurveMarker } from '../../state';
import { useExplorer, useExplorerStore } from '../context';
import { Segmented } from '../controls/Segmented';
import { plainSymbol } from '../format';
import { useI18n } from '../i18n';
import { useElementWidth } from '../plot/useElementWidth';
import { useRoomBelow } from '../plot/useRoomBelow';
import { caption } from './responseCurveCaption';
import {
  agreementRange,
  curveStretches,
  jumpsOf,
  rowOf,
  tangentAt,
  thetaDomain,
  type Jump,
} from './responseCurveGeometry';
import { subscripted } from '../plot/SubscriptedText';

/**
 * The figure's size and room for its labels: on the page, and enlarged for a projector, where it
 * grows into the room the screen has below it, up to PRESENTING_TALLEST.
 */
const FRAMES = {
  page: { height: 124, margin: { top: 10, right: 12, bottom: 30, left: 44 }, tickGap: 15 },
  presenting: { height: 196, margin: { top: 12, right: 14, bottom: 40, left: 58 }, tickGap: 20 },
};
const PRESENTING_TALLEST = 340;
/** What must fit under the figure in presentation: the longest caption, and the card's edge. */
const PRESENTING_CAPTION_ROOM = 110;
type CurveFrame = (typeof FRAMES)['page'];

/** The curve's samples for scripts and tests: values, log θ̂ rows, branch and trust per sample. */
function samplesAttribute(curve: Curve): string {
  return JSON.stringify({
    values: [...curve.values],
    logTheta: curve.logTheta.map((row) => [...row]),
    branch: [...curve.branch],
    trust: curve.trust,
  });
}

/** At most four ticks of a log axis: all if few, else the 1-2-5 ones, else the powers of ten. */
function logTicks(ticks: number[]): number[] {
  if (ticks.length <= 4) return ticks;
  const mantissa = (tick: number) => Math.round(tick / 10 ** Math.floor(Math.log10(tick) + 1e-9));
  const series = ticks.filter((tick) => [1, 2, 5].includes(mantissa(tick)));
  if (series.length <= 4) return series;
  return ticks.filter((tick) => mantissa(tick) === 1);
}

/**
 * Where to write "jump": at each jump's value, midway (on screen) between θ̂ before and after,
 * where the gap leaves room; one label where several jumps crowd within 36 px.
 */
function labelledJumps(
  jumps: readonly Jump[],
  x: (value: number) => number,
  y: (theta: number) => number,
): { value: number; labelY: number }[] {
  const labels: { value: number; labelY: number }[] = [];
  for (const jump of jumps) {
    const previous = labels[labels.length - 1];
    if (previous && Math.abs(x(jump.value) - x(previous.value)) < 36) continue;
    labels.push({ value: jump.value, labelY: (y(jump.from) + y(jump.to)) / 2 });
  }
  return labels;
}

interface FigureProps {
  curve: Curve;
  hyperparameter: HyperparameterName;
  width: number;
  axisName: string;
  faded: boolean;
  frame: CurveFrame;
}

/** The curve, its tangent, the band where they agree, and the drag's marker. */
const CurveFigure = memo(function CurveFigure({
  curve,
  hyperparameter,
  width,
  axisName,
  faded,
  frame,
  marker,
}: FigureProps & { marker: CurveMarker | null }) {
  const { height, margin: inset, tickGap } = frame;
  const clipId = `curve-clip-${useId().replace(/:/g, '')}`;
  const row = rowOf(hyperparameter);
  const innerWidth = Math.max(10, width - inset.left - inset.right);
  const innerHeight = height - inset.top - inset.bottom;
  const stretches = useMemo(() => curveStretches(curve, row), [curve, row]);
  const jumps = useMemo(() => jumpsOf(curve, row), [curve, row]);
  const range = useMemo(() => agreementRange(curve, row), [curve, row]);
  const live = marker ? Math.exp(marker.liveLogTheta[row]) : null;
  const predicted = marker ? tangentAt(curve, row, marker.value) : null;
  // A point dragged beyond the sampled range widens the axes, so its marker stays in view.
  const sampledFrom = curve.values[0]!;
  const sampledTo = curve.values[curve.values.length - 1]!;
  const margin = 0.05 * (sampledTo - sampledFrom);
  const first = Math.min(sampledFrom, (marker?.value ?? Infinity) - margin);
  const last = Math.max(sampledTo, (marker?.value ?? -Infinity) + margin);
  const x = useMemo(() => scaleLinear([first, last], [0, innerWidth]), [first, last, innerWidth]);
  const y = scaleLog(thetaDomain(curve, row, [live ?? Number.NaN, predicted ?? Number.NaN]), [
    innerHeight,
    0,
  ]);
  const centreValue = curve.values[curve.centre]!;
  const centreTheta = Math.exp(curve.logTheta[row][curve.centre]!);
  const tangentFrom = tangentAt(curve, row, first);
  const tangentTo = tangentAt(curve, row, last);
  const symbol = plainSymbol(hyperparameter);
  const yTicks = logTicks(y.ticks(3));
  const tr = useI18n();

  return (
    <svg
      width={width}
      height={height}
      className={faded ? 'curve-figure faded' : 'curve-figure'}
      role="img"
      aria-label={tr.t('curveFigureLabel', {
        symbol,
        axis: axisName,
        from: tr.coordinate(first),
        to: tr.coordinate(last),
      })}
    >
      <defs>
        <clipPath id={clipId}>
          <rect width={innerWidth} height={innerHeight} />
        </clipPath>
      </defs>
      <g transform={`translate(${inset.left},${inset.top})`}>
        <rect className="curve-background" width={innerWidth} height={innerHeight} />
        {range && (
          <rect
            className="curve-agreement"
            x={x(range.from)}
            width={Math.max(1, x(range.to) - x(range.from))}
            height={innerHeight}
            data-testid="curve-agreement"
          />
        )}
        {yTicks.map((tick) => (
          <g key={tick} className="curve-tick" transform={`translate(0,${y(tick)})`}>
            <line x2={innerWidth} />
            <text x={-6} dy="0.32em" textAnchor="end">
              {tr.number(tick, 2)}
            </text>
          </g>
        ))}
        {x.ticks(5).map((tick) => (
          <g key={tick} className="curve-tick x" transform={`translate(${x(tick)},${innerHeight})`}>
            <line y2={4} />
            <text y={tickGap} textAnchor="middle">
              {tr.number(tick, 2)}
            </text>
          </g>
        ))}
        <g clipPath={`url(#${clipId})`}>
          {tangentFrom !== null && tangentTo !== null && (
            <line
              className="curve-tangent"
              x1={0}
              x2={innerWidth}
              y1={y(tangentFrom)}
              y2={y(tangentTo)}
              data-testid="curve-tangent"
            />
          )}
          <g className={`curve-line ${hyperparameter}`}>
            {stretches.map((stretch) => (
              <path
                key={stretch[0]!.value}
                d={stretch
                  .map(
                    (p, k) =>
                      `${k === 0 ? 'M' : 'L'}${x(p.value).toFixed(1)},${y(p.theta).toFixed(1)}`,
                  )
                  .join('')}
              />
            ))}
            {stretches.flat().map((p) => (
              <circle
                key={p.value}
                className={p.trusted ? 'curve-sample' : 'curve-sample untrusted'}
                cx={x(p.value)}
                cy={y(p.theta)}
                r={2.2}
              />
            ))}
          </g>
          {labelledJumps(jumps, x, y).map(({ value, labelY }) => (
            <text
              key={value}
              className="curve-jump"
              x={x(value)}
              y={labelY}
              dy="0.35em"
              textAnchor="middle"
            >
              {tr.t('curveJump')}
            </text>
          ))}
          {Number.isFinite(centreTheta) && (
            <circle className="curve-centre" cx={x(centreValue)} cy={y(centreTheta)} r={4.5} />
          )}
          {marker && live !== null && (
            <g data-testid="curve-marker">
              <line
                className="curve-guide"
                x1={x(marker.value)}
                x2={x(marker.value)}
                y1={0}
                y2={innerHeight}
              />
              {predicted !== null && (
                <path
                  className="curve-predicted"
                  transform={`translate(${x(marker.value)},${y(predicted)})`}
                  d="M-4,-4L4,4M-4,4L4,-4"
                />
              )}
              <circle
                className={`curve-live ${hyperparameter}`}
                cx={x(marker.value)}
                cy={y(live)}
                r={4.5}
              />
            </g>
          )}
        </g>
        <text
          className="curve-axis-title"
          x={innerWidth / 2}
          y={innerHeight + inset.bottom - 3}
          textAnchor="middle"
        >
          {axisName}
        </text>
        <text
          className="curve-axis-title"
          transform={`translate(${10 - inset.left},${innerHeight / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {subscripted(`${tr.t('curveFitted', { symbol })} (log)`)}
        </text>
      </g>
    </svg>
  );
});

/**
 * The response curve of the selected point: the shown hyperparameter θ̂ refitted as the point's y
 * (or x) moves, each dot a refit, with the tangent whose slope is the point's arrow. During a
 * drag of that point a dot follows the live refit and a cross the tangent's prediction, so where
 * the curve bends away the reader sees the prediction part.
 */
export function ResponseCurve() {
  const store = useExplorerStore();
  const view = useExplorer((s) => s.curve);
  const selectedIndex = useExplorer((s) => s.selectedIndex);
  const dragging = useExplorer((s) => s.drag?.active ?? false);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const vector = useExplorer((s) => s.options.arrowMode === 'vector');
  const curveAxis = useExplorer((s) => s.curveAxis);
  const marker = useExplorer(selectCurveMarker);
  const presenting = useExplorer((s) => s.presentation);
  const [measure, width] = useElementWidth();
  const [figure, setFigure] = useState<HTMLElement | null>(null);
  const room = useRoomBelow(presenting ? figure : null, PRESENTING_CAPTION_ROOM, dragging);
  const figureRef = useCallback(
    (element: HTMLElement | null) => {
      setFigure(element);
      return measure(element);
    },
    [measure],
  );
  const presentingHeight = Math.round(
    Math.min(PRESENTING_TALLEST, Math.max(FRAMES.presenting.height, room)),
  );
  const frame = useMemo(
    () => (presenting ? { ...FRAMES.presenting, height: presentingHeight } : FRAMES.page),
    [presenting, presentingHeight],
  );
  const row = rowOf(hyperparameter);
  const shown = view !== null && view.index === selectedIndex ? view : null;
  const curve = shown?.curve ?? null;
  const axis = shown?.axis ?? (vector ? curveAxis : 'y');
  const tr = useI18n();
  const { t } = tr;
  const pointNumber = selectedIndex === null ? 0 : selectedIndex + 1;
  const pointLabel = selectedIndex === null ? '' : t('curvePoint', { index: pointNumber });
  const axisName = t('curveAxisOf', { axis, index: pointNumber });
  const slope = curve?.slope?.[row];
  const predicted = curve && marker ? tangentAt(curve, row, marker.value) : null;

  return (
    <section
      className="card response-curve"
      aria-labelledby="response-curve-title"
      data-testid="response-curve"
      data-index={shown?.index}
      data-axis={shown?.axis}
      data-hyperparameter={hyperparameter}
      data-status={shown?.status ?? 'none'}
      data-slope={slope === undefined ? undefined : String(slope)}
      data-samples={curve && shown?.status === 'done' ? samplesAttribute(curve) : undefined}
      data-marker-value={marker ? String(marker.value) : undefined}
      data-marker-live={marker ? String(Math.exp(marker.liveLogTheta[row])) : undefined}
      data-marker-predicted={predicted === null ? undefined : String(predicted)}
    >
      <div className="card-body">
        <div className="response-curve-head">
          <h2 id="response-curve-title">
            {t('curveTitle')}
            {selectedIndex === null ? '' : ` · ${pointLabel}`}
          </h2>
          {vector && (
            <Segmented
              name="curve-axis"
              labelledBy="response-curve-title"
              value={curveAxis}
              options={[
                { value: 'y', label: t('curveMoveY'), ariaLabel: t('curveVaryY') },
                { value: 'x', label: t('curveMoveX'), ariaLabel: t('curveVaryX') },
              ]}
              onChange={(value) => store.getState().setCurveAxis(value)}
            />
          )}
        </div>
        <div ref={figureRef} className="response-curve-figure">
          {width > 0 && curve && (
            <CurveFigure
              curve={curve}
              hyperparameter={hyperparameter}
              width={width}
              axisName={axisName}
              faded={shown?.status !== 'done'}
              frame={frame}
              marker={marker}
            />
          )}
          {!curve && (
            <p className="response-curve-empty" role="status">
              {selectedIndex === null
                ? t('curveSelect')
                : shown?.status === 'failed'
                  ? t('curveFailed', { reason: shown.message ?? t('curveFailedDefault') })
                  : dragging
                    ? t('curveAfterRelease')
                    : t('curveComputing')}
            </p>
          )}
        </div>
        <p className="caption response-curve-caption" data-testid="response-curve-caption">
          {!curve
            ? ''
            : shown?.status === 'done'
              ? caption(curve, hyperparameter, axis, tr)
              : t('curveRecomputing')}
        </p>
      </div>
    </section>
  );
}
