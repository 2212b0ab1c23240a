/**
 * The article (learn.html) in real Chromium: every section with its live figure in English and in
 * Spanish, no text of one catalogue on the other's page, the predict-then-drag exercise by mouse,
 * touch and keyboard, the text and pictures with JavaScript off, and axe-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SECTION_IDS } from '../../src/learn/article';
import { CATALOGUES } from '../../src/learn/catalogues';
import type { Language } from '../../src/learn/messages';
import { launchChromium, siteUrl, useBrowser as startBrowser } from './browser';
import { ownFragments as sharedOwnFragments } from './catalogueFragments';
import { dragWidgetPoint, waitForWidgetFit, waitUntil } from './embedHelpers';

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

async function waitForLiveFigures(page: Page): Promise<void> {
  await page.waitForSelector('main[data-language]');
  await waitUntil(
    () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('figure[data-figure]')].every(
          (figure) => figure.dataset.live === 'true',
        ),
      ),
    'every figure to go live',
  );
  for (const widget of await page.locator('figure [data-testid=gp-embed]').all())
    await waitForWidgetFit(widget, await drawsArrows(widget));
}

/** Whether the widget's figure is one with arrows (step 6's flat optimum hides them). */
function drawsArrows(widget: Locator): Promise<boolean> {
  return widget.evaluate(
    // The widget draws inside a shadow root: its figure is above the root's host.
    (frame) => {
      const root = frame.getRootNode();
      const start = root instanceof ShadowRoot ? root.host : frame;
      return start.closest<HTMLElement>('figure')?.dataset.widget !== 'flat';
    },
  );
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
    for (const id of ['flat', 'floor', 'breaks']) {
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

/** Waits for the exercise's verdict after the point moved the asked way. */
async function verdict(exercise: Locator): Promise<string> {
  await waitUntil(
    async () => ['right', 'wrong'].includes((await exercise.getAttribute('data-verdict')) ?? ''),
    'a verdict',
  );
  return (await exercise.getAttribute('data-verdict'))!;
}

/** The exercise's right answer by the widget's own arrow: the sign of d log ℓ̂/dy of the point. */
async function arrowSays(exercise: Locator): Promise<'grow' | 'shrink'> {
  const index = await exercise.getAttribute('data-point');
  const up = (await exercise.getAttribute('data-direction')) === 'up';
  const dy = Number(
    await exercise.locator(`[data-testid=arrow][data-index="${index}"]`).getAttribute('data-dy'),
  );
  return dy > 0 === up ? 'grow' : 'shrink';
}

/** The article on a phone (touch, 390 px unless told), its live figures drawn. */
async function openPhoneArticle(
  chromium: Awaited<ReturnType<typeof launchChromium>>,
  { language = 'en', width = 390 } = {},
) {
  const context = await chromium.newContext({
    viewport: { width, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto(siteUrl(`/learn.html?lang=${language}`));
  await waitForLiveFigures(page);
  return page;
}

describe('the exercises: predict, then drag', () => {
  it('by mouse: a right guess is called right', async () => {
    const { page } = await browser.open('/learn.html?lang=en');
    await waitForLiveFigures(page);
    const exercise = page.locator('#exercise-1');
    const answer = await arrowSays(exercise);
    await exercise.locator(`.choice[data-guess="${answer}"]`).click();
    await expect(exercise.locator('.feedback').textContent()).resolves.toContain(
      'Now move the point up',
    );
    await dragWidgetPoint(
      page,
      exercise.locator('[data-testid=gp-embed]'),
      Number(await exercise.getAttribute('data-point')),
      0,
      -30,
    );
    expect(await verdict(exercise)).toBe('right');
    await page.context().close();
  });

  it('by keyboard: a wrong guess is called wrong, in Spanish', async () => {
    const { page } = await browser.open('/learn.html?lang=es');
    await waitForLiveFigures(page);
    const exercise = page.locator('#exercise-2');
    const wrong = (await arrowSays(exercise)) === 'grow' ? 'shrink' : 'grow';
    await exercise.locator(`.choice[data-guess="${wrong}"]`).focus();
    await page.keyboard.press('Enter');
    await exercise.locator('.move[data-move="down"]').focus();
    await page.keyboard.press('Enter');
    expect(await verdict(exercise)).toBe('wrong');
    await expect(exercise.locator('.feedback').textContent()).resolves.toContain('Esta vez no');
    await page.context().close();
  });

  it('by touch', async () => {
    const chromium = await launchChromium();
    try {
      const page = await openPhoneArticle(chromium);
      const exercise = page.locator('#exercise-2');
      const answer = await arrowSays(exercise);
      await exercise.locator(`.choice[data-guess="${answer}"]`).tap();
      const index = await exercise.getAttribute('data-point');
      const dot = exercise.locator(`[data-testid=point][data-index="${index}"] .dot`);
      await dot.scrollIntoViewIfNeeded();
      const box = (await dot.boundingBox())!;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      const cdp = await page.context().newCDPSession(page);
      const touch = (type: string, py?: number) =>
        cdp.send('Input.dispatchTouchEvent', {
          type: type as 'touchStart',
          touchPoints: py === undefined ? [] : [{ x, y: py }],
        });
      await touch('touchStart', y);
      for (let step = 1; step <= 6; step++) await touch('touchMove', y + step * 5);
      await touch('touchEnd');
      expect(await verdict(exercise)).toBe('right');
    } finally {
      await chromium.close();
    }
  });
});

describe('exercise 3: make the fit jump', () => {
  it('by mouse: dragging the point down makes ℓ̂ jump, and "it will jump" is called right', async () => {
    const { page } = await browser.open('/learn.html?lang=en');
    await waitForLiveFigures(page);
    const exercise = page.locator('#exercise-3');
    await exercise.locator('.choice[data-guess="jump"]').click();
    await expect(exercise.locator('.feedback').textContent()).resolves.toContain(
      'Now move the point down',
    );
    await dragWidgetPoint(
      page,
      exercise.locator('[data-testid=gp-embed]'),
      Number(await exercise.getAttribute('data-point')),
      0,
      150,
    );
    expect(await verdict(exercise)).toBe('right');
    const text = (await exercise.locator('.feedback').textContent())!;
    // Numbers as the page writes them: a long smooth fit's ℓ̂ may read "8490".
    expect(text).toMatch(/^Right\. Between two fits ℓ̂ jumped from [\d.,]+ to [\d.,]+: /);
    const [from, to] = [...text.matchAll(/jumped from ([\d.,]+) to ([\d.,]+):/g)][0]!
      .slice(1)
      .map((written) => Number(written.replaceAll(',', '')));
    expect(to! / from!).toBeGreaterThan(3);
    await page.context().close();
  });

  it('by keyboard, in Spanish: the arrow keys lower the point until ℓ̂ jumps', async () => {
    const { page } = await browser.open('/learn.html?lang=es');
    await waitForLiveFigures(page);
    const exercise = page.locator('#exercise-3');
    await exercise.locator('.choice[data-guess="follow"]').focus();
    await page.keyboard.press('Enter');
    const index = await exercise.getAttribute('data-point');
    await exercise.locator(`[data-testid=point][data-index="${index}"]`).focus();
    for (let press = 0; press < 80; press++) {
      if ((await exercise.getAttribute('data-verdict')) === 'wrong') break;
      await page.keyboard.press('ArrowDown');
      await waitForWidgetFit(exercise.locator('[data-testid=gp-embed]'));
    }
    expect(await verdict(exercise)).toBe('wrong');
    await expect(exercise.locator('.feedback').textContent()).resolves.toMatch(
      /^Esta vez no\. Entre dos ajustes ℓ̂ saltó de [\d,]+ a [\d,]+/,
    );
    // "Start again" forgets the jump: the point is back and no jump is claimed.
    await exercise.locator('.reset').click();
    await waitUntil(
      async () => (await exercise.getAttribute('data-verdict')) === 'none',
      'the reset',
    );
    await page.context().close();
  });

  it('by the buttons and by touch', async () => {
    const chromium = await launchChromium();
    try {
      const page = await openPhoneArticle(chromium);
      const exercise = page.locator('#exercise-3');
      await exercise.locator('.choice[data-guess="jump"]').tap();
      const lower = exercise.locator('.move[data-move="down"]');
      for (let press = 0; press < 12; press++) {
        if ((await exercise.getAttribute('data-verdict')) === 'right') break;
        await lower.tap();
        await waitForWidgetFit(exercise.locator('[data-testid=gp-embed]'));
      }
      expect(await verdict(exercise)).toBe('right');
    } finally {
      await chromium.close();
    }
  });
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

it('on a phone every formula fits the column, in both languages; one that did not would be shaded', async () => {
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
