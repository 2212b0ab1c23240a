import { memo } from 'react';
import type { SelectionRule } from '../../engine/types';
import { selectArrows } from '../../state';
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

const NO_RULES: readonly KeyRuleRow[] = [];

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
): string[] {
  const { t } = tr;
  if (drawn === 'waiting' && reference === undefined) return [t('fitting')];
  if (drawn === 'hidden' || reference === undefined) return [t('keyNoArrows'), t('keyAtThisFit')];
  const step = readableRise(reference);
  const rate = tr.number(100 * reference * step, 2);
  const head = [
    t('keyArrowThisLong'),
    t('keyChangesBy', { symbol, rate }),
    step === 1 ? t('keyPerUnit') : t('keyPerStep', { step: tr.number(step, 1) }),
  ];
  return vector ? [...head, t('keyMovesAlong'), t('keyTheArrow')] : [...head, t('keyMovesUp')];
}

/** A rule's row in the key while two rules' arrows are shown: its arrows' class and its words. */
export interface KeyRuleRow {
  rule: SelectionRule;
  className: string;
  text: string;
}

/**
 * The plot's key, drawn inside the SVG (so exported images carry it) in its own box outside the
 * data area (`plotLayout`): the mean, the band, and a sample arrow drawn like the data's —
 * vertical, rising from a dot, exactly one unit of y long — with the change of θ̂ it stands for in
 * words. In a column beside the data it lists all three; in a strip above the data (narrow plots)
 * only the arrow and its scale. While a second rule's arrows stand beside the first, `rules` names
 * the two rules by their arrows' colours (below the scale in the column, at the strip's right end).
 */
export const PlotKey = memo(function PlotKey({
  scales,
  box,
  rules = NO_RULES,
}: {
  scales: PlotScales;
  box: KeyBox;
  rules?: readonly KeyRuleRow[];
}) {
  // Primitives, not the arrows view: this re-renders when the scale or verdict changes, not per refit.
  const status = useExplorer((s) => selectArrows(s).status);
  const untrusted = status === 'untrusted';
  const drawn = status === 'hidden' ? 'hidden' : status === 'waiting' ? 'waiting' : 'drawn';
  const reference = useExplorer((s) => s.arrowScale?.reference);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const showBand = useExplorer((s) => s.options.showBand);
  const vector = useExplorer((s) => s.options.arrowMode === 'vector');
  const unit = scales.y(0) - scales.y(1);
  const column = box.layout === 'column';
  const tr = useI18n();
  const words = scaleWords(reference, plainSymbol(hyperparameter), vector, tr, drawn);
  // No sample arrow where the words say there are none.
  const sample = drawn === 'drawn' && reference !== undefined;
  // Column: short lines beside the arrow; strip: two longer ones.
  const lines = column ? words : [words.slice(0, 2).join(' '), words.slice(2).join(' ')];
  const lineHeight = KEY_LINE_HEIGHT;
  const wordsLineHeight = 15;
  const swatch = 26;
  const textX = swatch + 10;
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
  // Each rule's sample: a short arrow rising in its line.
  const sampleArrow = arrowShape(swatch / 2, lineHeight - 3, 0, -12, false);
  // The rules' block: below the scale, one a line in the column, side by side in the strip.
  const rulesTop = arrowTop + arrowBlock + (column ? 4 : 0);
  const ruleX = (k: number) => (column ? 0 : k * Math.min(170, box.width / 2));
  const ruleY = (k: number) => (column ? k * lineHeight : 0);
  const boxHeight =
    arrowTop + arrowBlock + (rules.length > 0 ? (column ? rules.length : 1) * lineHeight + 4 : 0);

  return (
    <g
      className="plot-key"
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
                <path className="shaft" d={arrow.shaft} />
                <path className="head" d={arrow.head} />
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
                {line}
              </tspan>
            ))}
          </text>
        </g>
        {rules.length > 0 && (
          <g
            transform={`translate(0,${rulesTop})`}
            data-testid="key-rules"
            data-rules={rules.map((row) => row.rule).join(' ')}
          >
            {rules.map((entry, k) => (
              <g key={entry.className} transform={`translate(${ruleX(k)},${ruleY(k)})`}>
                {sampleArrow && (
                  <g className={entry.className}>
                    <g className="arrow">
                      <path className="shaft" d={sampleArrow.shaft} />
                      <path className="head" d={sampleArrow.head} />
                    </g>
                  </g>
                )}
                <text className="key-text" x={textX} y={lineHeight / 2} dy="0.35em">
                  {entry.text}
                </text>
              </g>
            ))}
          </g>
        )}
      </g>
    </g>
  );
});
