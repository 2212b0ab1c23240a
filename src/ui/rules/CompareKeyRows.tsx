import { useMemo, type ReactNode } from 'react';
import { useExplorer } from '../context';
import { useExplorerMessages } from '../explorerText';
import { useI18n } from '../i18n';
import { ArrowParts } from '../plot/ArrowGlyph';
import { KEY_SWATCH, KEY_TEXT_X } from '../plot/PlotKey';
import { arrowShape, KEY_LINE_HEIGHT, type KeyBox } from '../plot/geometry';
import { RULE_MESSAGES } from '../ruleText';

/** Each rule's sample in the key: a short arrow rising in its line (`lineHeight` tall). */
const sampleArrow = (lineHeight: number) =>
  arrowShape(KEY_SWATCH / 2, lineHeight - 3, 0, -12, false);

/**
 * The plot key's rows while a second rule's arrows stand beside the first's, for `PlotKey`'s
 * `below`: each rule named by its arrows' colour ("ML-II (left)", "LOO-CV (right)"), one a line in
 * the key's column, side by side in its strip; null without a comparison. Only the explorer
 * compares rules, so these words are its own (src/i18n/explorerMessages.en.ts).
 */
export function useCompareKeyRows(box: KeyBox): { node: ReactNode; height: number } | null {
  const rule = useExplorer((s) => s.options.rule);
  const compareRule = useExplorer((s) => s.options.compareRule);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const { t } = useI18n();
  const say = useExplorerMessages();
  const column = box.layout === 'column';
  const width = box.width;
  const lineHeight = KEY_LINE_HEIGHT * box.scale;
  return useMemo(() => {
    if (!compareRule) return null;
    const arrow = sampleArrow(lineHeight);
    const rows = (
      [
        [rule, `arrows ${hyperparameter}`, 'keyCompareFirst'],
        [compareRule, 'compare-arrows', 'keyCompareSecond'],
      ] as const
    ).map(([name, className, message]) => ({
      className,
      text: say(message, { rule: t(RULE_MESSAGES[name].name) }),
    }));
    const node = (
      <g data-testid="key-rules" data-rules={`${rule} ${compareRule}`}>
        {rows.map(({ className, text }, k) => (
          <g
            key={className}
            transform={`translate(${column ? 0 : k * Math.min(170, width / 2)},${column ? k * lineHeight : 0})`}
          >
            {arrow && (
              <g className={className}>
                <g className="arrow">
                  <ArrowParts shape={arrow} />
                </g>
              </g>
            )}
            <text className="key-text" x={KEY_TEXT_X} y={lineHeight / 2} dy="0.35em">
              {text}
            </text>
          </g>
        ))}
      </g>
    );
    return { node, height: (column ? rows.length : 1) * lineHeight + 4 };
  }, [rule, compareRule, hyperparameter, t, say, column, width, lineHeight]);
}
