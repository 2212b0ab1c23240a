/**
 * The reasons the widget and the trust note show under a fit that is not plainly trusted end
 * alike, in both languages: each a sentence, with one closing full stop. The catalogues hold two
 * kinds of reason: whole sentences (a boundary, a near tie, a failure) and the engine's reasons,
 * fragments written to run on inside a longer sentence ("…: {reasons}, so the theorem does not
 * apply"); said on their own, the fragments become sentences too (`reasonSentence`).
 */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { EmbedReadout } from '../../src/embed/EmbedReadout';
import { EmbedStatus } from '../../src/embed/EmbedStatus';
import type { Reason } from '../../src/engine/reasons';
import { en } from '../../src/i18n/messages.en';
import { es } from '../../src/i18n/messages.es';
import { findPreset } from '../../src/state/presets';
import { REASON_MESSAGES, reasonSentence } from '../../src/ui/reasonText';
import { fittedStore, renderWith } from './fittedStore';

/** Messages shown as whole sentences under the widget's plot or in its readout. */
const SENTENCE_KEYS =
  /^(trust(Shown|Caution|Untrusted|Hidden|NoFit|Refitting)|nearTie|boundary\w+|failure\w+|embed(Refitting|Hint|NotReliable))$/;
/** The engine's reasons and their objectives: fragments that run on inside a sentence. */
const FRAGMENT_KEYS = /^(reason|objective)\w+$/;
/** The readout's headings, followed by a colon and the reasons. */
const HEADING_KEYS = ['embedGreyed', 'embedNoArrows', 'embedCare'] as const;

/** Ends with exactly one full stop. */
const ONE_FULL_STOP = /[^.]\.$/u;

/** One reason of every code the engine gives (both forms of few digits). */
const EVERY_REASON: readonly Reason[] = [
  { code: 'not-converged' },
  { code: 'lengthscale-below-spacing' },
  { code: 'lengthscale-beyond-span' },
  { code: 'noise-vanishing' },
  { code: 'signal-vanishing' },
  { code: 'signal-unbounded' },
  { code: 'noise-floor', noiseToSignal: 0.0012 },
  { code: 'swamped', noiseToSignal: 1e-7, rule: 'ml' },
  { code: 'flat', rule: 'loo' },
  { code: 'ill-conditioned', condition: 3.4e9 },
  { code: 'rough-digits', noiseToSignal: 2e-6 },
  { code: 'few-digits', noiseToSignal: 1e-5, digits: 3 },
  { code: 'few-digits', noiseToSignal: 1e-5, digits: 1 },
  { code: 'near-tie', gap: 0.42, rule: 'map' },
];

const CATALOGUES = { en, es } as const;

/** The text of an element's HTML, entities decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'");

describe('the status reasons', () => {
  it('every code the engine gives is covered here', () => {
    expect(new Set(EVERY_REASON.map((reason) => reason.code))).toEqual(
      new Set(Object.keys(REASON_MESSAGES)),
    );
  });

  it.each(['en', 'es'] as const)(
    'in the %s catalogue: sentences end with one full stop, fragments and headings with none',
    (language) => {
      const catalogue: Readonly<Record<string, string>> = CATALOGUES[language];
      const sentences = Object.keys(catalogue).filter((key) => SENTENCE_KEYS.test(key));
      const fragments = Object.keys(catalogue).filter((key) => FRAGMENT_KEYS.test(key));
      // Every kind present: the patterns do select the catalogue's reasons.
      expect(sentences.filter((key) => key.startsWith('boundary')).length).toBe(7);
      expect(fragments.filter((key) => key.startsWith('reason')).length).toBe(15);
      for (const key of sentences) expect(catalogue[key], key).toMatch(ONE_FULL_STOP);
      for (const key of [...fragments, ...HEADING_KEYS])
        expect(catalogue[key], key).not.toMatch(/[.:;]$/u);
    },
  );

  it('a reason said on its own is a sentence; a name or symbol keeps its case', () => {
    expect(reasonSentence('the noise runs to zero')).toBe('The noise runs to zero.');
    expect(reasonSentence('Two fits tie.')).toBe('Two fits tie.');
    expect(reasonSentence('σn sits at its smallest allowed value')).toBe(
      'σn sits at its smallest allowed value.',
    );
    expect(reasonSentence('ML-II stops')).toBe('ML-II stops.');
    expect(reasonSentence('el óptimo es casi plano')).toBe('El óptimo es casi plano.');
  });

  it.each(['en', 'es'] as const)(
    'under the widget’s plot and in its readout, each reason ends with one full stop (%s)',
    async (language) => {
      const store = await fittedStore(findPreset('sine').points);
      const analysis = store.getState().analysis!;
      for (const [trust, reasons] of [
        ...EVERY_REASON.map((reason) => ['caution', [reason]] as const),
        ['untrusted', EVERY_REASON],
        ['caution', []],
      ] as const) {
        const { result } = analysis;
        store.setState({
          analysis: {
            ...analysis,
            result: {
              ...result,
              diagnostics: {
                ...result.diagnostics,
                trust,
                keyedReasons: [...reasons],
                reasons: reasons.map((reason) => reason.code),
              },
            },
          },
        });
        const label = `${trust}: ${reasons.map((reason) => reason.code).join(', ') || 'none'}`;
        const status = renderWith(store, language, createElement(EmbedStatus));
        const items = [...status.matchAll(/<li>(.*?)<\/li>/gu)].map((match) => text(match[1]!));
        expect(items.length, label).toBe(reasons.length);
        for (const item of items) {
          expect(item, label).toMatch(ONE_FULL_STOP);
          // A capital, or a symbol (ℓ, σn) that keeps its case.
          expect(item, label).not.toMatch(/^[a-zß-öø-ÿ]/u);
        }
        const readout = renderWith(store, language, createElement(EmbedReadout));
        const line = /data-testid="embed-reason">(.*?)<\/p>/u.exec(readout)?.[1];
        expect(line, label).toBeDefined();
        expect(text(line!), label).toMatch(ONE_FULL_STOP);
        expect(text(line!), label).not.toMatch(/\.[;:]/u);
      }
    },
  );
});
