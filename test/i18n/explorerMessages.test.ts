/**
 * The explorer's own text (src/i18n/explorerMessages.*.ts) is apart from the catalogue the widget
 * downloads: the panels only the explorer shows — the likelihood landscape, the plot key's rows for
 * two compared rules and for the pull map's shading, point influence, the new-point pull map, the
 * dataset note's words under another rule or after an edit, the legend's words for x-and-y
 * arrows, and the readout's words for another rule's objective and a compared rule's θ̂ — cost the
 * widget nothing.
 */
import { describe, expect, it } from 'vitest';
import { explorerMessagesEn } from '../../src/i18n/explorerMessages.en';
import { explorerMessagesEs } from '../../src/i18n/explorerMessages.es';
import { en } from '../../src/i18n/messages.en';
import { es } from '../../src/i18n/messages.es';
import { explorerMessages } from '../../src/ui/explorerText';

/** The keys of the panels only the explorer shows, by their prefixes. */
const EXPLORER_ONLY =
  /^(landscape[A-Z]|term(ProfileLikelihood|Nats|Laplace|Hessian|NearTie)$|keyCompare|keyPull|natsRelative|insight|influence|pullMap|preset(UnderMl|OtherRule|AsLoaded|ResetTitle)$|legendLengthVector$|readout(Objective|OfRule|Compared|ComparedNoMaximum|ToInfinity|ToZero|OnFloor)$)/;

describe('the explorer’s own text', () => {
  it('is not in the widget’s catalogues, in either language', () => {
    for (const catalogue of [en, es]) {
      expect(Object.keys(catalogue).filter((key) => EXPLORER_ONLY.test(key))).toEqual([]);
      for (const key of Object.keys(explorerMessagesEn)) expect(key in catalogue, key).toBe(false);
    }
  });

  it('holds every explorer-only panel’s messages, with the same keys in both languages', () => {
    const keys = Object.keys(explorerMessagesEn);
    expect(keys.every((key) => EXPLORER_ONLY.test(key))).toBe(true);
    expect(Object.keys(explorerMessagesEs).sort()).toEqual([...keys].sort());
    for (const key of ['landscapeCaption', 'keyCompareFirst', 'influenceIntro', 'pullMapAt'])
      expect(keys).toContain(key);
  });

  it('is read in the language asked for, placeholders filled', () => {
    expect(explorerMessages('en')('pullMapExact', { change: '+3 %' })).toBe('Exact refit: +3 %.');
    expect(explorerMessages('es')('pullMapExact', { change: '+3 %' })).toBe(
      'Reajuste exacto: +3 %.',
    );
    expect(explorerMessages('es')('influenceJackknife')).toBe(
      explorerMessagesEs.influenceJackknife,
    );
  });
});
