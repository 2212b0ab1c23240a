/**
 * The article (learn.html) in real Chromium: every section with its live figure in English and in
 * Spanish, no text of one catalogue on the other's page, figure 6b's arrows inside their plot, the
 * text and pictures with JavaScript off, and axe-core. The exercises have a file of their own
 * (learn-exercises.e2e.test.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SECTION_IDS } from '../../src/learn/article';
import { CATALOGUES } from '../../src/learn/catalogues';
import type { Language } from '../../src/learn/messages';
import { launchChromium, siteUrl, useBrowser as startBrowser } from './browser';
import { ownFragments as sharedOwnFragments } from './catalogueFragments';
import { drawsArrows, openPhoneArticle, waitForLiveFigures } from './learnHelpers';

const browser = startBrowser();

const ownFragments = (language: Language) => sharedOwnFragments(CATALOGUES, language);

/** Every visible text node of the page (outside the widgets' shadow roots), and attributes read aloud. */
function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, [hidden], .katex-mathml')) continue;
      if (node.textContent?.trim()) texts.push(node.textContent.trim());
    }
    for (const element of document.querySelectorAll('[aria-label]'))
      texts.push(element.getAttribute('aria-label') ?? '');
    texts.push(document.title);
    texts.push(document.querySelector('meta[name=description]')?.getAttribute('content') ?? '');
    return texts;
  });
}

describe.each(['en', 'es'] as const)('the article in %s', (language) => {
  it('renders every section with its live figure, arrows drawn, in one language only', async () => {
    const { page, problems } = await browser.open(`/learn.html?lang=${language}`);
    await waitForLiveFigures(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    for (const id of SECTION_IDS)
      await expect(page.locator(`#${id} h2`).isVisible()).resolves.toBe(true);
    expect(await page.locator('figure[data-figure]').count()).toBe(13);
    // The widget figures (2, 6a–c, 8 and the exercises) draw an arrow per point, but for step 6's
    // flat optimum, where the note under the plot says why there are none.
    const widgets = page.locator('figure [data-testid=gp-embed]');
    expect(await widgets.count()).toBe(8);
    for (const widget of await widgets.all()) {
      const points = await widget.locator('[data-testid=point]').count();
      expect(points).toBeGreaterThan(0);
      // Polled, not read once: on a loaded machine one widget whose fit had been drawn once showed
      // no arrows at the moment of counting.
      const expected = (await drawsArrows(widget)) ? points : 0;
      await expect
        .poll(() => widget.locator('[data-testid=arrow]').count(), { timeout: 20_000 })
        .toBe(expected);
    }
    // Step 6: the flat optimum hides its arrows, the floor holds σn; each widget's trust note says so.
    const trust = (id: string) => page.locator(`#figure-${id} [data-testid=trust]`);
    await expect(trust('flat').getAttribute('data-status')).resolves.toBe('hidden');
    await expect(trust('floor').getAttribute('data-status')).resolves.toBe('caution');
    await expect(trust('breaks').isVisible()).resolves.toBe(true);
    // …with the marks step 6 names: ✗ where the theorem fails, ! where it holds with care.
    const mark = (id: string) => trust(id).locator('.trust-icon').textContent();
    await expect(mark('flat')).resolves.toBe('✗');
    await expect(mark('floor')).resolves.toBe('!');
    await expect(mark('breaks')).resolves.toBe('!');
    for (const id of ['flat', 'floor', 'breaks']) {
      // The line of θ̂ above the note draws no mark of its own: a lone "!" there reads as broken.
      const drawnMark = await page
        .locator(`#figure-${id} [data-testid=embed-verdict]`)
        .evaluate((verdict) =>
          [...verdict.childNodes]
            .filter((node) => node.nodeType === Node.TEXT_NODE)
            .map((node) => node.textContent)
            .join('')
            .trim(),
        );
      expect(drawnMark, id).toBe('');
      await expect(trust(id).isVisible()).resolves.toBe(true);
      expect((await trust(id).innerText()).length).toBeGreaterThan(20);
      // The captions send the reader to "the note under the plot".
      const plot = await page.locator(`#figure-${id} [data-testid=plot-area]`).boundingBox();
      const note = await trust(id).boundingBox();
      expect(note!.y, id).toBeGreaterThanOrEqual(plot!.y + plot!.height);
    }
    // The article's own figures: figure 1's fit, figure 3's curve, figure 4's formula, 5 and 7's tables.
    await expect(page.locator('#figure-fit .figure-live svg .mean').count()).resolves.toBe(1);
    await expect(page.locator('#figure-curve .figure-live .refit').count()).resolves.toBe(25);
    await expect(page.locator('#figure-ift .figure-live .katex').count()).resolves.toBe(1);
    expect(
      Number(await page.locator('#figure-check').getAttribute('data-digits')),
    ).toBeGreaterThanOrEqual(6);
    // Figure 7's live table keeps the line that bears out "the same arrows for ℓ": the two
    // objectives' slopes differ by rounding only (below 10⁻⁹).
    expect(
      await page.locator('#figure-source .figure-live [data-testid=source-slopes]').textContent(),
    ).toMatch(
      language === 'en'
        ? /Largest difference .* \d\.\d×10⁻¹[⁰¹²³⁴⁵⁶⁷⁸⁹]\.$/
        : /Mayor diferencia .* \d,\d×10⁻¹[⁰¹²³⁴⁵⁶⁷⁸⁹]\.$/,
    );

    const texts = (await pageTexts(page)).join('\n');
    const shown = ['title', 'lead', 's1Title', 's4Title', 's7Title', 'exTitle', 'footer'] as const;
    for (const key of shown) expect(texts).toContain(CATALOGUES[language][key]);
    for (const piece of ownFragments(language === 'en' ? 'es' : 'en'))
      expect(
        texts,
        `a ${language === 'en' ? 'Spanish' : 'English'} string: ${piece}`,
      ).not.toContain(piece);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    await page.context().close();
  });
});

it('follows the browser language by default, and the switch changes it', async () => {
  const chromium = await launchChromium();
  try {
    const context = await chromium.newContext({ locale: 'es-ES' });
    const page = await context.newPage();
    await page.goto(siteUrl('/learn.html'));
    await page.waitForSelector('main[data-language="es"]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.locator('nav.languages a[hreflang="en"]').click();
    await page.waitForSelector('main[data-language="en"]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  } finally {
    await chromium.close();
  }
});

it('downloads only its reader’s text: each language’s article text is a chunk of its own', async () => {
  for (const [path, language, other] of [
    ['/learn.html', 'en', 'es'],
    ['/learn.es.html', 'es', 'en'],
  ] as const) {
    const { page } = await browser.open('/embed.html');
    const scripts: Promise<string>[] = [];
    page.on('response', (response) => {
      // A redirect has no body; the script it leads to comes with its own.
      if (response.request().resourceType() === 'script')
        scripts.push(response.text().catch(() => ''));
    });
    await page.goto(siteUrl(path));
    await waitForLiveFigures(page);
    const loaded = await Promise.all(scripts);
    const holding = (text: string) => loaded.filter((script) => script.includes(text)).length;
    expect(holding(CATALOGUES[language].metaDescription), language).toBe(1);
    expect(holding(CATALOGUES[other].metaDescription), `${other} on the ${language} page`).toBe(0);
  }
});

/** Boxes on the page that overlap by more than `slack` pixels. */
function overlap(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
  slack = 0.5,
): boolean {
  return (
    a.x + a.width > b.x + slack &&
    b.x + b.width > a.x + slack &&
    a.y + a.height > b.y + slack &&
    b.y + b.height > a.y + slack
  );
}

it('figure 6b: every arrow ends inside the plot area, clear of the y letter, on a desktop and a phone', async () => {
  const chromium = await launchChromium();
  try {
    for (const width of [1280, 360]) {
      const context = await chromium.newContext({
        viewport: { width, height: 800 },
        ...(width < 600 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      });
      const page = await context.newPage();
      await page.goto(siteUrl('/learn.html?lang=en'));
      await waitForLiveFigures(page);
      const figure = page.locator('#figure-floor');
      await figure.scrollIntoViewIfNeeded();
      const area = (await figure.locator('[data-testid=plot-area]').boundingBox())!;
      const letter = (await figure.locator('[data-testid=axis-title-y]').boundingBox())!;
      const arrows = await figure.locator('[data-testid=arrow]').all();
      expect(arrows.length).toBe(await figure.locator('[data-testid=point]').count());
      for (const arrow of arrows) {
        const box = await arrow.boundingBox();
        if (!box) continue;
        const at = `${width} px, point ${await arrow.getAttribute('data-index')}`;
        // The tip stays inside the plot area (a pixel for the head's outline).
        expect(box.y, at).toBeGreaterThanOrEqual(area.y - 1);
        expect(box.y + box.height, at).toBeLessThanOrEqual(area.y + area.height + 1);
        expect(overlap(box, letter), at).toBe(false);
      }
      await context.close();
    }
  } finally {
    await chromium.close();
  }
});

describe('without JavaScript', () => {
  it.each([
    ['/learn.html', 'en'],
    ['/learn.es.html', 'es'],
  ] as const)('%s has the text and a static picture of every figure', async (path, language) => {
    const chromium = await launchChromium();
    try {
      const context = await chromium.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(siteUrl(path));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      const text = await page.locator('main').innerText();
      expect(text).toContain(CATALOGUES[language].s7Title);
      for (const id of SECTION_IDS)
        await expect(page.locator(`#${id} h2`).isVisible()).resolves.toBe(true);
      const figures = page.locator('figure[data-figure]');
      expect(await figures.count()).toBe(13);
      for (const figure of await figures.all()) {
        await expect(figure.locator('.figure-static').isVisible()).resolves.toBe(true);
        expect(
          await figure
            .locator('.figure-static svg, .figure-static .katex, .figure-static table')
            .count(),
        ).toBeGreaterThan(0);
      }
      expect(
        await page.locator('.figure-static [data-testid=learn-arrow]').count(),
      ).toBeGreaterThan(20);
    } finally {
      await chromium.close();
    }
  });
});

describe('accessibility', () => {
  it.each(['en', 'es'] as const)(
    'axe-core finds no serious or critical violation (%s)',
    async (language) => {
      const { page } = await browser.open(`/learn.html?lang=${language}`);
      await waitForLiveFigures(page);
      const require = createRequire(import.meta.url);
      await page.addScriptTag({
        content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'),
      });
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as {
            axe: {
              run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
            };
          }
        ).axe.run();
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
      await page.context().close();
    },
  );
});

it('on a phone every formula, figure key and picture’s words fit their column, legibly, in both languages; a formula that did not would be shaded', async () => {
  const chromium = await launchChromium();
  try {
    for (const language of ['en', 'es']) {
      const page = await openPhoneArticle(chromium, { language, width: 360 });
      const formulas = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.formula')]
          .filter((box) => box.offsetParent !== null)
          .map((box) => {
            const style = getComputedStyle(box);
            return {
              text: (box.textContent ?? '').slice(0, 40),
              overflow: box.scrollWidth - box.clientWidth,
              image: style.backgroundImage,
              attachment: style.backgroundAttachment,
            };
          }),
      );
      // Figure 4's live product among them.
      expect(formulas.length, language).toBeGreaterThanOrEqual(6);
      // The figures' keys too: every line of their words inside the key's box.
      const keyLines = await page.locator('figure [data-testid=plot-key]').evaluateAll((keys) =>
        keys.flatMap((key) => {
          const edge = key.querySelector('.key-box')!.getBoundingClientRect().right;
          return [...key.querySelectorAll('.key-text')].map((line) => ({
            text: line.textContent,
            past: line.getBoundingClientRect().right - edge,
          }));
        }),
      );
      expect(keyLines.length, language).toBeGreaterThan(0);
      expect(
        keyLines.filter(({ past }) => past > 0),
        language,
      ).toEqual([]);
      // The plain pictures, drawn 640 wide, show at about half size: their words stay legible
      // (at least 9 px tall on screen) and inside their figure.
      // Figures 1 and 3 draw theirs once their first refits are in.
      const pictureWords = page.locator(
        '#figure-fit .learn-svg text, #figure-curve .learn-svg text',
      );
      await expect
        .poll(
          () =>
            pictureWords.evaluateAll(
              (texts) =>
                texts.filter((text) => (text as SVGTextElement).getBBox().width > 0).length,
            ),
          { timeout: 30_000 },
        )
        .toBeGreaterThan(20);
      const words = await page.locator('figure .learn-svg text').evaluateAll((texts) =>
        texts
          .filter(
            (text) =>
              (text as SVGTextElement).getBBox().width > 0 &&
              text.closest('svg')!.getBoundingClientRect().width > 0,
          )
          .map((text) => {
            const box = text.getBoundingClientRect();
            const figure = text.closest('figure')!.getBoundingClientRect();
            return {
              text: text.textContent,
              height: box.height,
              outside: Math.max(figure.left - box.left, box.right - figure.right),
            };
          }),
      );
      expect(words.length, language).toBeGreaterThan(20);
      expect(
        words.filter(({ height }) => height < 9),
        language,
      ).toEqual([]);
      expect(
        words.filter(({ outside }) => outside > 0),
        language,
      ).toEqual([]);
      // Nothing makes the page scroll sideways (step 5's table of long numbers among them).
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(sideways, language).toBeLessThanOrEqual(0);
      for (const { text, overflow, image, attachment } of formulas) {
        expect(overflow, `${language}: ${text}`).toBeLessThanOrEqual(1);
        // Two shades that stay at the box's edges, two paper covers that scroll with the formula.
        expect(image.match(/radial-gradient/g)).toHaveLength(2);
        expect(attachment).toBe('local, local, scroll, scroll');
      }
      await page.context().close();
    }
  } finally {
    await chromium.close();
  }
});
