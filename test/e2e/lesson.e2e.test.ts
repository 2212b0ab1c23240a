/**
 * Lesson links in real Chromium: a link hides exactly the parts it names and shows its title and
 * caption as plain text; both survive a reload and a language switch; the Lesson link dialog makes
 * a link that opens to the state it shows.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LESSON_PARTS, type LessonPart } from '../../src/state/lesson';
import { useBrowser as startBrowser } from './browser';
import { waitForFit } from './uiHelpers';

/** The points from the page's store (its labels carry the language's decimal comma). */
function readPoints(page: Page): Promise<{ x: number; y: number }[]> {
  return page.evaluate(() => window.gpExplorer!.store.getState().points.map((p) => ({ ...p })));
}

const browser = startBrowser();

/** Where each part of the page is. */
const PART_SELECTORS: Record<LessonPart, string> = {
  controls: '.toolbar',
  readout: '[data-testid=readout]',
  curve: '[data-testid=response-curve]',
  landscape: '[data-testid=landscape]',
  rules: '[data-testid=rules-card]',
  prediction: '[data-testid=prediction]',
  check: '[data-testid=fd-check]',
  legend: '[aria-labelledby=legend-title]',
  math: '[data-testid=math]',
  about: 'footer.about',
};

async function shownParts(page: Page): Promise<LessonPart[]> {
  const shown: LessonPart[] = [];
  for (const part of LESSON_PARTS)
    if ((await page.locator(PART_SELECTORS[part]).count()) > 0) shown.push(part);
  return shown;
}

const path = (page: Page) =>
  page.evaluate(() => location.pathname + location.search + location.hash);

describe('a lesson link', () => {
  const hidden: LessonPart[] = ['controls', 'curve', 'landscape', 'math'];
  const title = '<img src=x onerror="window.hacked=1"> Two <b>clusters</b>';
  const caption = 'Drag one point by half a unit & watch θ̂ jump.';

  it('hides exactly what it names and shows its title and caption as text, after a reload and a language switch too', async () => {
    const { page, problems } = await browser.open('/');
    await waitForFit(page);
    const shared = (await path(page)).replace(/^\/\?*/, '');
    const link =
      `/${shared}&hide=${hidden.join(',')}` +
      `&title=${encodeURIComponent(title)}&caption=${encodeURIComponent(caption)}`;
    const opened = await browser.open(link);
    const lesson = opened.page;
    await waitForFit(lesson);
    const check = async (pageNow: Page) => {
      expect(await shownParts(pageNow)).toEqual(LESSON_PARTS.filter((p) => !hidden.includes(p)));
      expect(await pageNow.getByTestId('lesson-title').textContent()).toBe(title);
      expect(await pageNow.getByTestId('lesson-caption').textContent()).toBe(caption);
      expect(
        await pageNow.locator('[data-testid=lesson] img, [data-testid=lesson] b').count(),
      ).toBe(0);
      expect(await pageNow.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
    };
    await check(lesson);
    const points = await readPoints(lesson);
    await lesson.reload();
    await waitForFit(lesson);
    await check(lesson);
    // The language switch keeps the lesson (it lives in the fragment), and the points.
    await lesson.getByTestId('language').selectOption('es');
    // The page switches once the Spanish catalogue has loaded.
    await lesson.waitForFunction(() => document.documentElement.lang === 'es');
    await waitForFit(lesson);
    await check(lesson);
    expect(await readPoints(lesson)).toEqual(points);
    const address = await path(lesson);
    expect(new URL(address, 'http://x').searchParams.get('lang')).toBe('es');
    expect(address).toContain(`hide=${hidden.join(',')}`);
    await lesson.reload();
    await waitForFit(lesson);
    await check(lesson);
    expect(await lesson.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(problems.pageErrors).toEqual([]);
    expect(opened.problems.pageErrors).toEqual([]);
  });

  it('with a part it does not know says so and shows the default page', async () => {
    const { page } = await browser.open('/?lang=es#v=1&k=rbf&a=l&o=bs&p=AAAAAA&hide=plot');
    await waitForFit(page);
    expect(await page.getByTestId('notice').textContent()).toMatch(
      /El enlace pide ocultar partes desconocidas, "plot"/,
    );
    expect(await shownParts(page)).toEqual([...LESSON_PARTS]);
  });
});

describe('the Lesson link dialog', () => {
  it('makes a link that opens to that state', async () => {
    const { page } = await browser.open('/');
    await waitForFit(page);
    await page.getByTestId('preset').selectOption('clusters');
    await waitForFit(page);
    await page.getByTestId('lesson-button').click();
    const dialog = page.getByTestId('lesson-dialog');
    await dialog.waitFor();
    for (const part of ['landscape', 'math', 'check'] as const)
      await dialog.locator(`input[data-part=${part}]`).check();
    await dialog.getByTestId('lesson-title-input').fill('A near tie');
    await dialog
      .getByTestId('lesson-caption-input')
      .fill('Two explanations, almost equally likely.');
    const link = await dialog.getByTestId('lesson-link').inputValue();
    expect(link).toContain('hide=landscape,check,math');
    // Typing does not change the page itself.
    expect(await shownParts(page)).toEqual([...LESSON_PARTS]);
    const points = await readPoints(page);
    const opened = await browser.open(link.replace(/^https?:\/\/[^/]+/, ''));
    await waitForFit(opened.page);
    expect(await shownParts(opened.page)).toEqual(
      LESSON_PARTS.filter((p) => !['landscape', 'math', 'check'].includes(p)),
    );
    expect(await opened.page.getByTestId('lesson-title').textContent()).toBe('A near tie');
    expect(await opened.page.getByTestId('lesson-caption').textContent()).toBe(
      'Two explanations, almost equally likely.',
    );
    expect(await readPoints(opened.page)).toEqual(points);
    // The dialog on the lesson's page starts from its lesson, so it can be edited.
    await opened.page.getByTestId('lesson-button').click();
    expect(await opened.page.getByTestId('lesson-title-input').inputValue()).toBe('A near tie');
  });
});
