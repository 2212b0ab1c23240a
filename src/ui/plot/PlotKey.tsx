import { memo, type ReactNode } from 'react';
import { selectArrows, type ExplorerData } from '../../state';
import { useExplorer } from '../context';
import { translator, type Translator } from '../../i18n/messages';
import { plainSymbol } from '../format';
import { useI18n } from '../i18n';
import {
  arrowShape,
  KEY_ARROW_PADDING,
  KEY_LINE_HEIGHT,
  POINT_RADIUS,
  type KeyBox,
  type PlotScales,
} from './geometry';
import { ArrowParts } from './ArrowGlyph';
import { useChangeFlash } from './useChangeFlash';
import { subscripted } from './SubscriptedText';

/** The largest change a key states for one step of the point, in percent. */
const MOST_PERCENT = 20;

/**
 * The rise to state an arrow's rate over: the largest power of ten, at most `largest`, over which
 * θ̂ changes by at most 20 % at the rate d log θ̂/dy = `reference` (100·reference·step %). A rate
 * of 5000 % per unit reads as nothing; 5 % per 0.001 reads, and is what the arrow says.
 */
export function readableRise(reference: number, largest = 1): number {
  let step = largest;
  while (Math.abs(100 * reference * step) > MOST_PERCENT && step > 1e-6) step /= 10;
  return Number(step.toPrecision(1));
}

/**
 * The largest rise a key may state: with σn held on its floor the arrows describe moves of a point
 * well below σ̂n only (docs/numerics.md), so the rise is the largest power of ten at most σ̂n;
 * otherwise one unit.
 */
export function riseLimit(state: ExplorerData): number {
  const result = state.analysis?.result;
  if (!result || result.diagnostics.constrained === null) return 1;
  return Math.min(1, 10 ** Math.floor(Math.log10(result.theta.noiseStd)));
}

/**
 * The scale in words, in short pieces (the key sets them one a line in its column, in two lines in
 * its strip): an arrow one unit of y long stands for ∂ log θ̂/∂y = `reference`, that is θ̂ changing
 * by `100·reference·step` % per `step` the point moves (up, or along the arrow for 2-D ones), the
 * step a power of ten that keeps the change readable (`readableRise`). With no arrows to scale
 * (`reference` undefined or `drawn` false), it says so, or that the fit is on its way.
 */
export function scaleWords(
  reference: number | undefined,
  symbol: string,
  vector: boolean,
  tr: Translator = translator('en'),
  drawn: 'drawn' | 'hidden' | 'waiting' = 'drawn',
  largest = 1,
): string[] {
  const { t } = tr;
  if (drawn === 'waiting' && reference === undefined) return [t('fitting')];
  if (drawn === 'hidden' || reference === undefined) return [t('keyNoArrows'), t('keyAtThisFit')];
  const step = readableRise(reference, largest);
  const rate = tr.number(100 * reference * step, 2);
  const head = [
    t('keyArrowThisLong'),
    t('keyChangesBy', { symbol, rate }),
    step === 1 ? t('keyPerUnit') : t('keyPerStep', { step: tr.number(step, 1) }),
  ];
  return vector ? [...head, t('keyMovesAlong'), t('keyTheArrow')] : [...head, t('keyMovesUp')];
}

/**
 * A generous estimate of a line's width in the key's words (11.5 px at scale 1): wide enough for
 * the page's sans-serif, so a line said to fit does.
 */
function textWidth(line: string, scale: number): number {
  return line.length * 0.6 * 11.5 * scale;
}

/** Width of a key line's sample (a line, a swatch, an arrow), and where its words start. */
export const KEY_SWATCH = 26;
export const KEY_TEXT_X = KEY_SWATCH + 10;

/**
 * The plot's key, drawn inside the SVG (so exported images carry it) in its own box outside the
 * data area (`plotLayout`): the mean, the band, and a sample arrow drawn like the data's —
 * vertical, rising from a dot, exactly one unit of y long — with the change of θ̂ it stands for in
 * words. In a column beside the data it lists all three; in a strip above the data (narrow plots)
 * only the arrow and its scale. Below the scale it makes room for `below`, `belowHeight` tall:
 * the explorer's names of two compared rules (src/ui/rules/CompareKeyRows.tsx), which the widget
 * never shows.
 */
export const PlotKey = memo(function PlotKey({
  scales,
  box,
  below,
  belowHeight = 0,
}: {
  scales: PlotScales;
  box: KeyBox;
  below?: ReactNode;
  belowHeight?: number;
}) {
  // Primitives, not the arrows view: this re-renders when the scale or verdict changes, not per refit.
  const status = useExplorer((s) => selectArrows(s).status);
  const untrusted = status === 'untrusted';
  const drawn = status === 'hidden' ? 'hidden' : status === 'waiting' ? 'waiting' : 'drawn';
  const reference = useExplorer((s) => s.arrowScale?.reference);
  const scaleChanged = useChangeFlash(reference);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const showBand = useExplorer((s) => s.options.showBand);
  const vector = useExplorer((s) => s.options.arrowMode === 'vector');
  const unit = scales.y(0) - scales.y(1);
  const column = box.layout === 'column';
  const tr = useI18n();
  const largest = useExplorer(riseLimit);
  const words = scaleWords(reference, plainSymbol(hyperparameter), vector, tr, drawn, largest);
  // No sample arrow where the words say there are none.
  const sample = drawn === 'drawn' && reference !== undefined;
  // Column: short lines beside the arrow; strip: two longer ones, or where they would run past
  // the strip's end (a phone, Spanish), the short lines without "An arrow this long:", set closer.
  const room = box.width - 10 - KEY_TEXT_X - 4;
  const twoLines = [words.slice(0, 2).join(' '), words.slice(2).join(' ')];
  const narrow = !column && twoLines.some((line) => textWidth(line, box.scale) > room);
  const shortLines = words.length > 2 ? [words[1]!, words[2]!, words.slice(3).join(' ')] : words;
  const lines = column ? words : narrow ? shortLines : twoLines;
  const lineHeight = KEY_LINE_HEIGHT * box.scale;
  const wordsLineHeight = (narrow ? 13 : 15) * box.scale;
  const swatch = KEY_SWATCH;
  const textX = KEY_TEXT_X;
  const colour = untrusted ? 'untrusted' : hyperparameter;
  // The sample arrow rises from a dot at the foot of its block, one unit of y long.
  const arrowBlock = Math.max(
    unit + 2 * POINT_RADIUS + KEY_ARROW_PADDING,
    lines.length * wordsLineHeight + 4,
  );
  const dotY = arrowBlock - POINT_RADIUS - KEY_ARROW_PADDING / 2;
  const arrow = arrowShape(swatch / 2, dotY, 0, -unit, false);
  const arrowTop = column ? 2 * lineHeight + 2 : 0;
  const inset = column ? 6 : 3;
  const boxHeight = arrowTop + arrowBlock + belowHeight;
  return (
    <g
      className={`plot-key${box.scale > 1 ? ' large' : ''}${scaleChanged ? ' scale-changed' : ''}`}
      transform={`translate(${box.x},${box.y})`}
      data-testid="plot-key"
      data-layout={box.layout}
      aria-hidden="true"
    >
      <rect className="key-box" width={box.width} height={boxHeight + 2 * inset} rx={7} />
      <g transform={`translate(10,${inset})`}>
        {column && (
          <>
            <g transform={`translate(0,${lineHeight * 0.5})`}>
              <line className="mean" x1={0} x2={swatch} y1={0} y2={0} />
              <text className="key-text" x={textX} dy="0.35em">
                {tr.t('keyMean')}
              </text>
            </g>
            <g transform={`translate(0,${lineHeight * 1.5})`} opacity={showBand ? 1 : 0.35}>
              <rect className="band" x={0} y={-5} width={swatch} height={10} />
              <text className="key-text" x={textX} dy="0.35em">
                {tr.t('keyBand')}
              </text>
            </g>
          </>
        )}
        <g
          transform={`translate(0,${arrowTop})`}
          data-testid="key-arrow"
          data-length={unit.toFixed(1)}
          data-orientation="vertical"
          data-reference={reference === undefined ? undefined : String(reference)}
        >
          {sample && (
            <circle className="key-dot" cx={swatch / 2} cy={dotY} r={POINT_RADIUS - 1.5} />
          )}
          {sample && arrow && (
            <g className={`arrows ${colour}`}>
              <g className="arrow">
                <ArrowParts shape={arrow} />
              </g>
            </g>
          )}
          <text
            className="key-text"
            x={textX}
            y={arrowBlock / 2 - ((lines.length - 1) / 2) * wordsLineHeight}
          >
            {lines.map((line, k) => (
              <tspan key={k} x={textX} dy={k === 0 ? '0.35em' : wordsLineHeight}>
                {subscripted(line)}
              </tspan>
            ))}
          </text>
        </g>
        {below && (
          <g transform={`translate(0,${arrowTop + arrowBlock + (column ? 4 : 0)})`}>{below}</g>
        )}
      </g>
    </g>
  );
});
