import { RuleControls } from '../controls/RuleControls';
import { RULE_MESSAGES } from '../ruleText';
import { useExplorer } from '../context';
import { useI18n } from '../i18n';
import { noTheoremMessage } from '../reasonText';
import { InfluencePanel } from './InfluencePanel';
import { PriorEditor } from './PriorEditor';
import { PullMapReadout } from './PullMapReadout';

/**
 * The rule is a choice: which rule chooses θ̂, a second rule's arrows beside the first, each
 * point's influence, and where a new point would pull θ̂.
 */
export function RulesCard() {
  const rule = useExplorer((s) => s.options.rule);
  const compareRule = useExplorer((s) => s.options.compareRule);
  const comparison = useExplorer((s) => s.analysis?.result.comparison ?? null);
  // The first rule's arrows wear the shown hyperparameter's colour.
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const tr = useI18n();
  const { t } = tr;
  return (
    <section className="card rules-card" data-testid="rules-card">
      <RuleControls />
      <PriorEditor />
      {compareRule && (
        <p className="compare-key" data-testid="compare-key">
          <span
            className={`compare-swatch first ${hyperparameter}`}
            data-testid="compare-swatch-first"
            aria-hidden="true"
          />
          <span className="compare-swatch second" aria-hidden="true" />
          {t('compareKey', {
            first: t(RULE_MESSAGES[rule].name),
            second: t(RULE_MESSAGES[compareRule].name),
          })}
          {comparison?.rule === compareRule && !comparison.sensitivities.defined && (
            <>
              {' '}
              {t('compareUndefined', {
                rule: t(RULE_MESSAGES[compareRule].name),
                reason: noTheoremMessage(comparison.diagnostics.keyedReasons, tr),
              })}
            </>
          )}
        </p>
      )}
      <PullMapReadout />
      <InfluencePanel />
    </section>
  );
}
