/**
 * One Spanish word for each term, in the explorer's catalogues and in the article alike: «la
 * hessiana» (the usual usage in Spanish statistics texts, as «la matriz hessiana»), never «el
 * hessiano»; «verosimilitud perfilada», never «de perfil». And no bare abbreviation or borrowed
 * name: «TFI» and «navaja» are spelled out where the reader first meets them, and so are «IFT» and
 * «jackknife» in English.
 */
import { describe, expect, it } from 'vitest';
import { explorerMessagesEs, GLOSSARY_ES, PRESET_TEXT_ES } from '../../src/i18n/explorer.es';
import { explorerMessagesEn } from '../../src/i18n/explorerMessages.en';
import { en as explorerEn } from '../../src/i18n/messages.en';
import { es as explorerEs } from '../../src/i18n/messages.es';
import { optionsEs } from '../../src/i18n/options.es';
import { panelsEs } from '../../src/i18n/panels.es';
import { renderArticle } from '../../src/learn/article';
import { CATALOGUES } from '../../src/learn/catalogues';
import { computeArticleFacts } from '../../src/learn/facts';
import { GLOSSARY } from '../../src/ui/glossary';
import { PRESET_TEXT_EN } from '../../src/i18n/presets.en';

/** Every string in `value`, however deeply nested. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const REJECTED: readonly [RegExp, string][] = [
  [/\bhessian[oa]s?\b/iu, 'hessiana'],
  [/\bverosimilitud de perfil\b/iu, 'verosimilitud perfilada'],
  [/\bdefinido negativo\b/iu, 'definida negativa (la hessiana)'],
];

/** The rejected variants `text` uses: each pattern's hits that are not the chosen word. */
function rejected(text: string): string[] {
  const found: string[] = [];
  for (const [pattern, chosen] of REJECTED) {
    const all = new RegExp(pattern.source, 'giu');
    for (const match of text.matchAll(all))
      if (!chosen.startsWith(match[0].toLowerCase())) found.push(match[0]);
  }
  return found;
}

describe('Spanish terminology', () => {
  it('the detector finds the rejected variants', () => {
    expect(rejected('la inversa del hessiano, el Hessiano')).toEqual(['hessiano', 'Hessiano']);
    expect(rejected('log-verosimilitud de perfil')).toEqual(['verosimilitud de perfil']);
    expect(rejected('la hessiana es definida negativa; verosimilitud perfilada')).toEqual([]);
  });

  it('the explorer’s catalogues say «hessiana» and «verosimilitud perfilada»', () => {
    const catalogues = {
      explorerEs,
      panelsEs,
      optionsEs,
      explorerMessagesEs,
      GLOSSARY_ES,
      PRESET_TEXT_ES,
    };
    for (const [name, catalogue] of Object.entries(catalogues))
      for (const text of strings(catalogue)) expect(rejected(text), `${name}: ${text}`).toEqual([]);
  });

  it('so does the article, its catalogue and the page rendered from it', () => {
    for (const text of strings(CATALOGUES.es)) expect(rejected(text), text).toEqual([]);
    const html = renderArticle('es', CATALOGUES.es, computeArticleFacts(), {
      spanishHref: 'learn.es.html',
    });
    expect(rejected(html)).toEqual([]);
  });

  /** Every Spanish string the explorer and the widget show. */
  const spanishTexts = () =>
    strings({ explorerEs, panelsEs, optionsEs, explorerMessagesEs, GLOSSARY_ES, CATALOGUES });

  it('«TFI» is spelled out where the explorer first uses it, and only labels use it bare', () => {
    const expansion = 'teorema de la función implícita (TFI)';
    // The page's explanation, and the check's intro right above its «TFI» column.
    expect(explorerEs.aboutText).toContain(expansion);
    expect(explorerEs.checkIntro).toContain(expansion);
    for (const text of spanishTexts())
      if (/\bTFI\b/u.test(text) && !text.includes(expansion))
        expect(text, 'a bare «TFI» outside a column label').toBe(explorerEs.checkIft);
  });

  it('«navaja» is the infinitesimal jackknife, named so where it is explained', () => {
    expect(explorerMessagesEs.influenceIntro).toMatch(
      /navaja infinitesimal.*infinitesimal jackknife/u,
    );
    for (const text of spanishTexts())
      if (/\bnavaja\b/iu.test(text) && text !== explorerMessagesEs.influenceJackknife)
        expect(text).toMatch(/navaja infinitesimal/iu);
  });
});

describe('English abbreviations', () => {
  const english = {
    explorerEn,
    explorerMessagesEn,
    GLOSSARY,
    PRESET_TEXT_EN,
    article: CATALOGUES.en,
  };

  it('«IFT» is spelled out where the explorer first uses it, and only the check’s column uses it bare', () => {
    const expansion = 'implicit function theorem (IFT)';
    // The page's explanation, and the check's intro right above its «IFT» column.
    expect(explorerEn.aboutText).toContain(expansion);
    expect(explorerEn.checkIntro).toContain(expansion);
    for (const text of strings(english))
      if (/\bIFT\b/u.test(text) && !text.includes(expansion))
        expect(text, 'a bare «IFT» outside a column label').toBe(explorerEn.checkIft);
  });

  it('«Jackknife» is the infinitesimal jackknife, named so where it is explained', () => {
    expect(explorerMessagesEn.influenceIntro).toMatch(
      /^Removal: .*Jackknife \(the infinitesimal jackknife\): /u,
    );
    for (const text of strings(english))
      if (/\bjackknife\b/iu.test(text) && text !== explorerMessagesEn.influenceJackknife)
        expect(text).toMatch(/infinitesimal jackknife/iu);
  });
});
