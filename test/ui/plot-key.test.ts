/**
 * The arrows' scale in words, in the plot's key and the legend card: a readable change over a
 * readable rise (never "5000 %"), and with no arrows, words that say so (never "— %"). In both
 * languages; the legend over a real engine fit of pure noise, whose arrows are hidden.
 */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/messages';
import { findPreset } from '../../src/state/presets';
import { Legend } from '../../src/ui/panels/Legend';
import { readableRise, riseLimit, scaleWords } from '../../src/ui/plot/PlotKey';
import { FLOOR_POINTS } from '../../src/learn/datasets';
import { fittedStore, renderWith } from './fittedStore';

describe('the arrows’ scale in words', () => {
  it('states the change over the largest power-of-ten rise that keeps it within 20 %', () => {
    expect(readableRise(0.1)).toBe(1);
    expect(readableRise(0.2)).toBe(1);
    expect(readableRise(0.5)).toBe(0.1);
    expect(readableRise(50)).toBe(0.001);
    expect(readableRise(-50)).toBe(0.001);
    expect(readableRise(0.1, 0.1)).toBe(0.1);
  });

  it.each(['en', 'es'] as const)('a steep scale reads as a small rise (%s)', (language) => {
    const tr = translator(language);
    const words = scaleWords(50, 'ℓ', false, tr).join(' ');
    expect(words).not.toContain('5000');
    expect(words).toContain(tr.t('keyChangesBy', { symbol: 'ℓ', rate: tr.number(5, 2) }));
    expect(words).toContain(tr.t('keyPerStep', { step: tr.number(0.001, 1) }));
    // An ordinary scale keeps "per unit".
    expect(scaleWords(0.1, 'ℓ', false, tr)).toContain(tr.t('keyPerUnit'));
  });

  it.each(['en', 'es'] as const)('no arrows: the key says so, no "— %" (%s)', (language) => {
    const tr = translator(language);
    for (const words of [
      scaleWords(undefined, 'ℓ', false, tr, 'hidden'),
      scaleWords(0.1, 'ℓ', false, tr, 'hidden'),
      scaleWords(undefined, 'ℓ', true, tr),
    ]) {
      expect(words.join(' ')).not.toContain('—');
      expect(words).toEqual([tr.t('keyNoArrows'), tr.t('keyAtThisFit')]);
    }
    expect(scaleWords(undefined, 'ℓ', false, tr, 'waiting')).toEqual([tr.t('fitting')]);
  });

  it.each(['en', 'es'] as const)(
    'the legend states the change the key states, over the same rise (%s)',
    async (language) => {
      const store = await fittedStore(findPreset('sine').points);
      const reference = store.getState().arrowScale!.reference;
      const tr = translator(language);
      const html = renderWith(store, language, createElement(Legend));
      const legend = /data-testid="arrow-scale">([^<]*)</.exec(html)![1]!;
      const step = readableRise(reference);
      const rate = tr.number(100 * reference * step, 2);
      expect(scaleWords(reference, 'ℓ', false, tr)).toContain(
        tr.t('keyChangesBy', { symbol: 'ℓ', rate }),
      );
      expect(legend).toContain(`${rate} %`);
      expect(legend).toContain(tr.number(step, 1));
    },
  );

  it.each(['en', 'es'] as const)(
    'the legend on pure noise states no scale (%s)',
    async (language) => {
      const store = await fittedStore(findPreset('noise').points);
      const html = renderWith(store, language, createElement(Legend));
      const scale = /data-testid="arrow-scale">([^<]*)</.exec(html)![1]!;
      expect(scale).not.toContain('—');
      expect(scale).toContain(
        translator(language).t('legendLengthNone', { symbol: 'ℓ' }).slice(-30),
      );
    },
  );

  it.each(['en', 'es'] as const)(
    'with σn held on its floor, the key and the legend state a rise below σ̂n (%s)',
    async (language) => {
      const store = await fittedStore(FLOOR_POINTS);
      const state = store.getState();
      const result = state.analysis!.result;
      expect(result.diagnostics.constrained).not.toBeNull();
      const noise = result.theta.noiseStd;
      const largest = riseLimit(state);
      expect(largest).toBeLessThanOrEqual(noise);
      expect(largest).toBeGreaterThan(noise / 10);
      const reference = state.arrowScale!.reference;
      const step = readableRise(reference, largest);
      expect(step).toBeLessThanOrEqual(noise);
      const tr = translator(language);
      expect(scaleWords(reference, 'ℓ', false, tr, 'drawn', largest)).toContain(
        tr.t('keyPerStep', { step: tr.number(step, 1) }),
      );
      const html = renderWith(store, language, createElement(Legend));
      const legend = /data-testid="arrow-scale">([^<]*)</.exec(html)![1]!;
      expect(legend).toContain(tr.number(step, 1));
      // An ordinary fit keeps its rise of up to one unit.
      const sine = await fittedStore(findPreset('sine').points);
      expect(riseLimit(sine.getState())).toBe(1);
    },
  );
});
