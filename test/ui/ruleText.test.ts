/**
 * The MAP rule's one-line explanation describes the prior without numbers (the prior editor shows
 * the numbers in force, from the store, and the browser test checks it starts at the engine's
 * default); its claim about the 95 % range is the factor the editor shows.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIOR } from '../../src/engine';
import { en } from '../../src/i18n/messages.en';
import { es } from '../../src/i18n/messages.es';
import { priorFactor } from '../../src/state/prior';

describe('the MAP rule’s explanation', () => {
  it('states no number that a changed prior would make wrong', () => {
    for (const text of [en.ruleExplainMap, es.ruleExplainMap]) {
      expect(text).toContain('95 %');
      expect(text.replace('95 %', '')).not.toMatch(/\d/);
    }
  });

  it('the default prior is relative to the data, with 95 % ranges of about 7 and 19 either way', () => {
    expect(DEFAULT_PRIOR.relativeTo).toBe('data');
    expect(Math.round(priorFactor(DEFAULT_PRIOR.lengthscale.logSd))).toBe(7);
    expect(Math.round(priorFactor(DEFAULT_PRIOR.signalStd.logSd))).toBe(7);
    expect(Math.round(priorFactor(DEFAULT_PRIOR.noiseStd.logSd))).toBe(19);
  });
});
