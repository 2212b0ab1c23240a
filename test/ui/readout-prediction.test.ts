/**
 * The readout's prediction during a drag: the arrows' first-order θ̂ from the drag's start; where
 * it has left the refit by more than the page's agreement threshold (5 %), in the caution colour,
 * and by more than a factor of 2, with the word for that beside it. On ten points of a sine whose
 * fit nearly interpolates, σn's arrow is steep (∂ log σn/∂y ≈ 100 at the middle point), so a move
 * of 0.3 predicts a σn of about 10¹¹ while the refit gives about 0.1; a move of 0.001 (the
 * smallest a point takes) agrees. A real engine fit, in both languages.
 */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/messages';
import { noisySine, selectPrediction } from '../../src/state';
import { Readout } from '../../src/ui/panels/Readout';
import { AGREEMENT } from '../../src/ui/panels/responseCurveGeometry';
import { fittedStoreAndClient, renderWith } from './fittedStore';

const MIDDLE = 5;
const NAMES = ['lengthscale', 'signalStd', 'noiseStd'] as const;

/** The store after point 5 is dragged by `dy`, with the engine's refit delivered. */
async function draggedBy(dy: number) {
  const { store, answerLatest } = await fittedStoreAndClient(noisySine(10, 11, 0.18));
  const start = store.getState().points[MIDDLE]!;
  store.getState().beginDrag(MIDDLE);
  store.getState().dragTo(start.x, start.y + dy);
  await answerLatest();
  return store;
}

function predictionSpan(html: string, name: string) {
  const match = new RegExp(
    `<span class="([^"]*)" data-testid="readout-predicted-${name}"[^>]*>([^<]*)</span>`,
  ).exec(html);
  return match && { className: match[1]!, text: match[2]! };
}

describe('the readout’s first-order prediction', () => {
  it.each(['en', 'es'] as const)(
    'says when it has parted from the refit (%s)',
    async (language) => {
      const store = await draggedBy(0.3);
      const prediction = selectPrediction(store.getState())!;
      expect(prediction).not.toBeNull();
      // The case itself: a σn prediction many orders of magnitude above the refit's.
      expect(prediction.predicted.noiseStd / prediction.refit.noiseStd).toBeGreaterThan(1e6);
      const html = renderWith(store, language, createElement(Readout));
      const noise = predictionSpan(html, 'noiseStd')!;
      const { t } = translator(language);
      expect(noise.className).toContain('parted');
      expect(noise.text).toContain(t('verdictParted'));
      // Every row by the same rule: coloured beyond 5 %, worded from a factor of 2.
      const gaps = prediction.logGap.map((logGap) => Math.expm1(Math.abs(logGap)));
      expect(gaps.some((gap) => gap > AGREEMENT && gap < 1)).toBe(true);
      for (const [k, name] of NAMES.entries()) {
        const span = predictionSpan(html, name)!;
        expect(span.className.includes('parted'), name).toBe(gaps[k]! > AGREEMENT);
        expect(span.text.includes(t('verdictParted')), name).toBe(gaps[k]! >= 1);
      }
    },
  );

  it('stays plain where the straight line still agrees', async () => {
    const store = await draggedBy(0.001);
    const prediction = selectPrediction(store.getState())!;
    const html = renderWith(store, 'en', createElement(Readout));
    for (const [k, name] of NAMES.entries()) {
      expect(Math.expm1(Math.abs(prediction.logGap[k]!))).toBeLessThan(AGREEMENT);
      const span = predictionSpan(html, name)!;
      expect(span.className).not.toContain('parted');
      expect(span.text).not.toContain(translator('en').t('verdictParted'));
    }
  });
});
