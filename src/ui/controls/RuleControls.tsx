import { Toggle } from './Toggle';
import { SELECTION_RULES, type SelectionRule } from '../../engine/types';
import { useExplorer, useExplorerStore } from '../context';
import { useI18n } from '../i18n';
import { RULE_MESSAGES } from '../ruleText';
import { Segmented } from './Segmented';

/**
 * The rule that chooses θ̂ (docs/rules.md), with a plain sentence on what it picks; a second rule
 * to compare arrows with; and the influence panel and the new-point pull map, on or off.
 */
export function RuleControls() {
  const store = useExplorerStore();
  const actions = store.getState();
  const options = useExplorer((s) => s.options);
  const { t } = useI18n();
  return (
    <div className="rule-controls" data-testid="rule-controls">
      <div className="toolbar-group">
        <span className="toolbar-label" id="rule-label">
          {t('ruleLabel')}
        </span>
        <Segmented
          name="rule"
          labelledBy="rule-label"
          value={options.rule}
          options={SELECTION_RULES.map((rule) => ({
            value: rule,
            label: t(RULE_MESSAGES[rule].name),
          }))}
          onChange={actions.setRule}
        />
      </div>
      <label className="toolbar-group">
        <span className="toolbar-label">{t('compareLabel')}</span>
        <select
          className="select"
          value={options.compareRule ?? ''}
          onChange={(event) =>
            actions.setCompareRule((event.target.value || null) as SelectionRule | null)
          }
          data-testid="compare-rule"
        >
          <option value="">{t('compareNone')}</option>
          {SELECTION_RULES.filter((rule) => rule !== options.rule).map((rule) => (
            <option key={rule} value={rule}>
              {t(RULE_MESSAGES[rule].name)}
            </option>
          ))}
        </select>
      </label>
      <div className="toolbar-group">
        <Toggle
          checked={options.showInfluence}
          onChange={actions.setShowInfluence}
          label={t('showInfluence')}
          testId="toggle-influence"
        />
        <Toggle
          checked={options.showPullMap}
          onChange={actions.setShowPullMap}
          label={t('showPullMap')}
          testId="toggle-pull-map"
        />
      </div>
      <p className="rule-explain" data-testid="rule-explain">
        {t(RULE_MESSAGES[options.rule].explain)}
      </p>
    </div>
  );
}
