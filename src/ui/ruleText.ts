/** The selection rules in the page's words: the catalogue keys of each rule's name and sentence. */
import type { SelectionRule } from '../engine/types';
import type { UiMessageKey } from '../i18n/messages';

/** Each rule's short name and its one-line explanation in the catalogues. */
export const RULE_MESSAGES: Readonly<
  Record<SelectionRule, { name: UiMessageKey; explain: UiMessageKey }>
> = {
  ml: { name: 'ruleMl', explain: 'ruleExplainMl' },
  map: { name: 'ruleMap', explain: 'ruleExplainMap' },
  loo: { name: 'ruleLoo', explain: 'ruleExplainLoo' },
};
