/**
 * The explorer and the widget in English and Spanish, in real Chromium: `?lang=` chooses, English
 * by default; no fixed text of one catalogue shows on the other's page; the masthead's switch
 * changes language and keeps the data and the language in the address (so a shared link keeps it).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EMBED_OPTION_NAMES, EMBED_THEMES } from '../../src/embed/options';
import { GLOSSARY_ES } from '../../src/i18n/glossary.es';
import { PRESET_TEXT_ES } from '../../src/i18n/presets.es';
import { PRESET_TEXT_EN } from '../../src/i18n/presets.en';
import { DEFAULT_PRESET_ID, findPreset } from '../../src/state';
import { GLOSSARY } from '../../src/ui/glossary';
import { explorerMessagesEn } from '../../src/i18n/explorerMessages.en';
import { explorerMessagesEs } from '../../src/i18n/explorerMessages.es';
import { en as uiEnglish } from '../../src/i18n/messages.en';
import { es as uiSpanish } from '../../src/i18n/messages.es';
import { CATALOGUES } from '../../src/learn/catalogues';
import type { Language } from '../../src/i18n/language';
import { siteUrl, useBrowser as startBrowser } from './browser';
import { ownFragments as sharedOwnFragments } from './catalogueFragments';
import { waitForWidgetFit } from './embedHelpers';
import { waitForFit } from './uiHelpers';

/** The points from the page's store (the points' names carry the language's decimal comma). */
function readPoints(page: Page): Promise<{ x: number; y: number }[]> {
  return page.evaluate(() => window.gpExplorer!.store.getState().points.map((p) => ({ ...p })));
}

const browser = startBrowser();

const ownFragments = (language: Language) =>
  sharedOwnFragments(
    { en: { ...uiEnglish, ...explorerMessagesEn }, es: { ...uiSpanish, ...explorerMessagesEs } },
    language,
  );
const articleFragments = (language: Language) => sharedOwnFragments(CATALOGUES, language);

/**
 * Every text node (shadow roots included), the attributes read aloud or shown on hover, and the
 * page's title: the whole page, panels, dialogs and figures alike.
 */
function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [document.title];
    const walk = (root: Node) => {
      const walker = document.createTreeWalker(
        root,
        NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT,
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Element) {
          if (node.shadowRoot) walk(node.shadowRoot);
          for (const name of ['aria-label', 'aria-roledescription', 'title', 'placeholder']) {
            const value = node.getAttribute(name);
            if (value) texts.push(value);
          }
          continue;
        }
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, .katex-mathml')) continue;
        if (node.textContent?.trim()) texts.push(node.textContent.trim());
      }
    };
    walk(document.body);
    return texts;
  });
}

/** The fixed text of the other language's catalogues (and `extra`) found in `texts`. */
function foreignIn(
  texts: readonly string[],
  language: Language,
  extra: readonly string[] = [],
  codeWords: readonly string[] = [],
): string[] {
  const foreign = [...ownFragments(language === 'en' ? 'es' : 'en'), ...extra].filter(
    (piece) => !codeWords.includes(piece),
  );
  // Whole words only: "band" is not in "banda".
  const escape = (piece: string) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return foreign.filter((piece) => {
    const pattern = new RegExp(`(^|[^\\p{L}])${escape(piece)}($|[^\\p{L}])`, 'u');
    return texts.some((text) => pattern.test(text));
  });
}

async function expectOnly(
  page: Page,
  language: Language,
  extra: readonly string[] = [],
  codeWords: readonly string[] = [],
): Promise<void> {
  const found = foreignIn(await pageTexts(page), language, extra, codeWords);
  expect(found, `text of the other language on the ${language} page`).toEqual([]);
}

/**
 * Records every text the page shows, shadow roots included, from its first script on: after each
 * change of the DOM (before the browser paints it), the text and the labels read aloud.
 */
function recordEveryText(): void {
  const seen = new Set<string>();
  (window as unknown as { seenTexts: Set<string> }).seenTexts = seen;
  const snapshot = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Element) {
        for (const name of ['aria-label', 'title']) {
          const value = node.getAttribute(name);
          if (value) seen.add(value);
        }
      } else if (!node.parentElement?.closest('script, style') && node.textContent?.trim()) {
        seen.add(node.textContent.trim());
      }
    }
  };
  const observe = (root: Node) =>
    new MutationObserver(() => snapshot(root)).observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-label', 'title'],
    });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    observe(root);
    return root;
  };
  observe(document);
}

/**
 * The whole explorer in one language: with a point selected (its response curve drawn), the
 * landscape, the math and, opened, the Embed dialog.
 */
async function expectWholeExplorer(page: Page, language: Language): Promise<void> {
  await page.getByTestId('point').nth(3).focus();
  await page.waitForSelector('[data-testid=response-curve][data-status=done]', {
    timeout: 60_000,
  });
  await page.getByTestId('landscape-svg').waitFor();
  await page.getByTestId('math').waitFor();
  await expectOnly(page, language);
  await page.getByTestId('embed').click();
  await page.getByTestId('embed-iframe-snippet').waitFor();
  const snippet = await page.getByTestId('embed-iframe-snippet').inputValue();
  expect(snippet).toContain(`lang=${language}`);
  await expectOnly(page, language);
  await page.keyboard.press('Escape');
}

describe('the explorer in two languages', () => {
  it('is English by default and Spanish with ?lang=es, with no text of the other', async () => {
    const english = await browser.open('/');
    await waitForFit(english.page);
    expect(await english.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectWholeExplorer(english.page, 'en');
    const spanish = await browser.open('/?lang=es');
    await waitForFit(spanish.page);
    expect(await spanish.page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await spanish.page.locator('h2#readout-title').textContent()).toBe(
      'Hiperparámetros ajustados',
    );
    // Numbers with a decimal comma.
    expect(await spanish.page.getByTestId('theta-lengthscale').textContent()).toMatch(/^\d+,\d+$/);
    expect(await spanish.page.getByTestId('learn-link').getAttribute('href')).toBe(
      'learn.html?lang=es',
    );
    await expectWholeExplorer(spanish.page, 'es');
  });

  it('downloads the Spanish glossary and preset notes only for a Spanish page', async () => {
    for (const language of ['en', 'es'] as const) {
      const { page } = await browser.open('/embed.html');
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      await page.goto(siteUrl(`/?lang=${language}`));
      await waitForFit(page);
      const spanishText = scripts.filter((path) => /\/explorer\.es-[\w-]+\.js$/.test(path));
      expect(spanishText, scripts.join(', ')).toHaveLength(language === 'es' ? 1 : 0);
      const glossary = language === 'es' ? GLOSSARY_ES : GLOSSARY;
      expect(await page.getByTestId('term-note-computeBackend').textContent()).toContain(
        glossary.computeBackend.explanation,
      );
      const preset = findPreset(DEFAULT_PRESET_ID);
      expect(await page.getByTestId('preset-note').textContent()).toContain(
        (language === 'es' ? PRESET_TEXT_ES : PRESET_TEXT_EN)[preset.id].description,
      );
    }
  });

  it('switches language without losing the points, and keeps it in the address', async () => {
    const { page } = await browser.open('/');
    await waitForFit(page);
    await page.getByTestId('reset').click();
    await page.getByTestId('preset').selectOption('outlier');
    await waitForFit(page);
    const before = await readPoints(page);
    await page.getByTestId('language').selectOption('es');
    // The page switches once the Spanish catalogue has loaded.
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    expect(await page.locator('h2#readout-title').textContent()).toBe('Hiperparámetros ajustados');
    await waitForFit(page);
    expect(await readPoints(page)).toEqual(before);
    const address = await page.evaluate(() => window.location.href);
    expect(new URL(address).searchParams.get('lang')).toBe('es');
    expect(new URL(address).hash).toContain('v=1');
    await expectOnly(page, 'es');
    // The shared link (the whole address) opens in Spanish on the same points.
    const shared = await browser.open(address.replace(/^https?:\/\/[^/]+/, ''));
    await waitForFit(shared.page);
    expect(await shared.page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await readPoints(shared.page)).toEqual(before);
  });

  it('says what is wrong with a damaged link in the page’s language', async () => {
    const damaged = '#v=1&k=linear&a=l&o=bs&p=AAAA';
    for (const [language, words] of [
      ['en', /unknown kernel "linear"\. Showing the default dataset instead\./],
      ['es', /núcleo desconocido, "linear"\. Se muestra en su lugar el conjunto de datos/],
    ] as const) {
      const { page } = await browser.open(`/?lang=${language}${damaged}`);
      await waitForFit(page);
      expect(await page.getByTestId('notice').textContent()).toMatch(words);
      await expectOnly(page, language);
    }
  });
});

describe('the widget in two languages', () => {
  it('embed.html follows ?lang=', async () => {
    for (const language of ['en', 'es'] as const) {
      const { page } = await browser.open(
        `/embed.html?lang=${language}&panels=controls,readout,status`,
      );
      const widget = page.getByTestId('gp-embed');
      await widget.waitFor();
      expect(await widget.getAttribute('lang')).toBe(language);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('*')].some(
          (e) => e.shadowRoot?.querySelector('[data-pending="false"]') ?? false,
        ),
      );
      await expectOnly(page, language);
    }
  });

  it('shows no text of another language while its own loads', async () => {
    for (const language of ['en', 'es'] as const) {
      const { page } = await browser.open('/embed.html');
      await page.addInitScript(recordEveryText);
      await page.goto(siteUrl(`/embed.html?lang=${language}&panels=controls,readout,status`));
      await waitForWidgetFit(page.getByTestId('gp-embed'));
      const seen = await page.evaluate(() => [
        ...(window as unknown as { seenTexts: Set<string> }).seenTexts,
      ]);
      // The widget's text did appear, and every state of it was in the widget's language.
      expect(seen.some((text) => text.includes(language === 'es' ? 'Restablecer' : 'Reset'))).toBe(
        true,
      );
      expect(foreignIn(seen, language), `text of the other language while loading`).toEqual([]);
    }
  });

  it('names bad options in its own language', async () => {
    const bad = 'kernel=gauss&height=90&theme=' + 'x'.repeat(70) + '&points=1,1;2,2;3,3.5';
    const expected = {
      en: ['is not one of', 'using the default', 'lies outside the plot', 'characters long'],
      es: [
        'no es ninguno de',
        'se usa el valor por defecto',
        'queda fuera del gráfico',
        'caracteres',
      ],
    };
    for (const language of ['en', 'es'] as const) {
      const { page } = await browser.open(`/embed.html?lang=${language}&${bad}`);
      const notice = page.getByTestId('notice');
      await notice.waitFor();
      const text = await notice.innerText();
      for (const words of expected[language]) expect(text).toContain(words);
      // Option names and values are code, the same in both languages ("theme … auto").
      await expectOnly(page, language, [], [...EMBED_OPTION_NAMES, ...EMBED_THEMES]);
    }
  });
});

describe('the article in two languages', () => {
  it('shows no explorer or widget text of the other language, figures included', async () => {
    for (const [path, language] of [
      ['/learn.html', 'en'],
      ['/learn.es.html', 'es'],
    ] as const) {
      const { page } = await browser.open(path);
      await page.waitForSelector(`main[data-language="${language}"]`);
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll<HTMLElement>('figure[data-figure]')].every(
            (figure) => figure.dataset.live === 'true',
          ),
        undefined,
        { timeout: 60_000 },
      );
      for (const widget of await page.locator('figure [data-testid=gp-embed]').all()) {
        // Step 6's flat optimum draws no arrows; the note under its plot says why.
        const flat = await widget.evaluate((frame) => {
          const root = frame.getRootNode();
          const start = root instanceof ShadowRoot ? root.host : frame;
          return start.closest<HTMLElement>('figure')?.dataset.widget === 'flat';
        });
        await waitForWidgetFit(widget, !flat);
      }
      await expectOnly(page, language, articleFragments(language === 'en' ? 'es' : 'en'));
    }
  });
});

describe('the status line in the page’s language when the main thread computes', () => {
  it('says why, in Spanish, where the browser has no Web Workers', async () => {
    const { page } = await browser.open('/embed.html');
    await page.addInitScript(() => {
      delete (window as { Worker?: unknown }).Worker;
    });
    await page.goto(siteUrl('/?lang=es'));
    await waitForFit(page);
    expect(await page.getByTestId('compute-backend').textContent()).toBe('hilo principal');
    const note = page.getByTestId('compute-note');
    expect(await note.getAttribute('data-note')).toBe('no-worker');
    expect(await note.textContent()).toBe(
      ' · se calcula en el hilo principal: este navegador no tiene Web Workers',
    );
    await expectOnly(page, 'es');
  });
});

describe('the status line in two languages, on a browser without WebGL', () => {
  const noWebgl = startBrowser({ webgl: false });
  /** Why WebGL is not used, in each language's words (tfjs's own error text follows). */
  const NOTE_START = { en: /^ · WebGL did not start \(/, es: /^ · WebGL no arrancó \(/ };

  it('says why it computes on the CPU in the page’s language, on the explorer', async () => {
    for (const language of ['en', 'es'] as const) {
      const { page } = await noWebgl.open(`/?lang=${language}`);
      await waitForFit(page);
      expect(await page.getByTestId('compute-backend').textContent()).toBe('cpu');
      const note = page.getByTestId('compute-note');
      expect(await note.getAttribute('data-note')).toMatch(/^webgl-(failed|refused|test-failed)$/);
      const text = (await note.textContent()) ?? '';
      expect(text).toMatch(NOTE_START[language]);
      // The whole note is its title too (the status line may cut it short).
      expect(await note.getAttribute('title')).toBe(text.replace(/^ · /, ''));
      await expectOnly(page, language);
    }
  });

  it('says it in the widget’s language too', async () => {
    for (const language of ['en', 'es'] as const) {
      const { page } = await noWebgl.open(
        `/embed.html?lang=${language}&panels=controls,readout,status`,
      );
      const widget = page.getByTestId('gp-embed');
      await waitForWidgetFit(widget);
      const note = widget.getByTestId('compute-note');
      expect(await note.textContent()).toMatch(NOTE_START[language]);
      await expectOnly(page, language);
    }
  });
});
