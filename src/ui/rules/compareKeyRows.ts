import { useMemo } from 'react';
import type { KeyRuleRow } from '../plot/PlotKey';
import { useExplorer } from '../context';
import { useExplorerMessages } from '../explorerText';
import { useI18n } from '../i18n';
import { RULE_MESSAGES } from '../ruleText';

/**
 * The plot key's rows while a second rule's arrows stand beside the first's: each rule named by
 * its arrows' colour ("ML-II (left)", "LOO-CV (right)"); none without a comparison. Only the
 * explorer compares rules, so these words are its own (src/i18n/explorerMessages.en.ts).
 */
export function useCompareKeyRows(): readonly KeyRuleRow[] {
  const rule = useExplorer((s) => s.options.rule);
  const compareRule = useExplorer((s) => s.options.compareRule);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const { t } = useI18n();
  const say = useExplorerMessages();
  return useMemo(
    () =>
      compareRule
        ? (
            [
              [rule, `arrows ${hyperparameter}`, 'keyCompareFirst'],
              [compareRule, 'compare-arrows', 'keyCompareSecond'],
            ] as const
          ).map(([name, className, message]) => ({
            rule: name,
            className,
            text: say(message, { rule: t(RULE_MESSAGES[name].name) }),
          }))
        : [],
    [rule, compareRule, hyperparameter, t, say],
  );
}
