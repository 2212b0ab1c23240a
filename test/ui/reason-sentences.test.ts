/**
 * Reasons run into a longer sentence read as one: the boundary reasons, whole sentences of their
 * own, lose their full stop there ("…a derivative at, so the implicit function theorem does not
 * apply", never "at., so"), in both languages.
 */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/messages';
import { findPreset } from '../../src/state/presets';
import { MathPanel } from '../../src/ui/panels/MathPanel';
import { joinReasons, noTheoremMessage } from '../../src/ui/reasonText';
import { fittedStore, renderWith } from './fittedStore';

describe('reasons in a sentence', () => {
  it('drop their closing full stops and stand apart with semicolons', () => {
    expect(joinReasons(['one thing.', 'another'])).toBe('one thing; another');
    expect(joinReasons(['A. B.'])).toBe('A. B');
    // Run on after a colon, a sentence's capital goes; a name's or a symbol's stays.
    expect(joinReasons(['Two fits tie.', 'ML-II stops', 'σn is held'])).toBe(
      'two fits tie; ML-II stops; σn is held',
    );
    expect(joinReasons(['Dos explicaciones empatan.'])).toBe('dos explicaciones empatan');
  });

  it.each(['en', 'es'] as const)('no "., " after a boundary reason (%s)', (language) => {
    const tr = translator(language);
    for (const code of [
      'lengthscale-beyond-span',
      'noise-vanishing',
      'signal-unbounded',
    ] as const) {
      const text = noTheoremMessage([{ code }], tr);
      expect(text, code).not.toMatch(/\.,/u);
      expect(text, code).not.toMatch(/\.;/u);
    }
  });

  it.each(['en', 'es'] as const)(
    'the math panel on pure noise says why in one sentence (%s)',
    async (language) => {
      const html = renderWith(
        await fittedStore(findPreset('noise').points),
        language,
        createElement(MathPanel),
      );
      const theorem = language === 'en' ? 'the implicit function theorem' : 'el teorema de la';
      expect(html).toContain(theorem);
      expect(html).not.toMatch(/\.[,;]/u);
    },
  );
});
