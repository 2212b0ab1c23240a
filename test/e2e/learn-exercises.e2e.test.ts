/**
 * The article's predict-then-drag exercises in real Chromium: by mouse, touch and keyboard, in
 * both languages; the arrows that would give an answer away hidden until the reader commits, and the
 * answer fixed until "Start again"; and exercise 3's jump.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en as widgetEnglish } from '../../src/i18n/messages.en';
import { es as widgetSpanish } from '../../src/i18n/messages.es';
import { CATALOGUES } from '../../src/learn/catalogues';
import { launchChromium, useBrowser as startBrowser } from './browser';
import { dragWidgetPoint, waitForWidgetFit, waitUntil } from './embedHelpers';
import { openPhoneArticle, waitForLiveFigures } from './learnHelpers';
import { LONG_PRESS_MS } from '../../src/ui/plot/pointDrag';

const browser = startBrowser();

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

  it('keeps the arrows’ scale as the point moves, so its arrow compares before and after', async () => {
    const { page } = await browser.open('/learn.html?lang=en');
    await waitForLiveFigures(page);
    const exercise = page.locator('#exercise-1');
    await exercise.locator(`.choice[data-guess="${await arrowSays(exercise)}"]`).click();
    const key = exercise.locator('[data-testid=key-arrow]');
    const index = await exercise.getAttribute('data-point');
    const arrow = exercise.locator(`[data-testid=arrow][data-index="${index}"]`);
    const before = {
      reference: await key.getAttribute('data-reference'),
      dy: await arrow.getAttribute('data-dy'),
    };
    // One press of "Raise the point by 0.25": on these data a fresh scale would be another step of
    // the 1-2-5 ladder (0.2 per unit for 0.5), but this one still fits every arrow.
    await exercise.locator('.move[data-move="up"]').click();
    expect(await verdict(exercise)).toBe('right');
    await waitForWidgetFit(exercise.locator('[data-testid=gp-embed]'));
    expect(await arrow.getAttribute('data-dy')).not.toBe(before.dy);
    expect(await key.getAttribute('data-reference')).toBe(before.reference);
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

  it('counts only the ringed point, and only once there is an answer', async () => {
    const { page } = await browser.open('/learn.html?lang=en');
    await waitForLiveFigures(page);
    const exercise = page.locator('#exercise-1');
    const widget = exercise.locator('[data-testid=gp-embed]');
    const index = Number(await exercise.getAttribute('data-point'));
    const ringed = widget.locator(`[data-testid=point][data-index="${index}"]`);
    const startY = await ringed.getAttribute('data-y');
    const feedback = exercise.locator('.feedback');
    // Before an answer the buttons do not move the point, and say why.
    await exercise.locator('.move[data-move="up"]').click();
    await expect(feedback.textContent()).resolves.toBe(CATALOGUES.en.exAnswerFirst);
    await expect(ringed.getAttribute('data-y')).resolves.toBe(startY);
    // A drag or a key press before the answer is undone at once, with the same words.
    await page.evaluate(
      () => (document.querySelector<HTMLElement>('.exercise .feedback')!.textContent = ''),
    );
    await dragWidgetPoint(page, widget, index, 0, -30);
    await waitUntil(
      async () => (await feedback.textContent()) === CATALOGUES.en.exAnswerFirst,
      'the words',
    );
    await waitUntil(async () => (await ringed.getAttribute('data-y')) === startY, 'the return');
    await ringed.focus();
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(1500);
    await waitUntil(async () => (await ringed.getAttribute('data-y')) === startY, 'the return');
    await exercise.locator(`.choice[data-guess="${await arrowSays(exercise)}"]`).click();
    // A sideways move is not the question's: the page says so rather than judge it.
    await ringed.focus();
    for (let press = 0; press < 3; press++) await page.keyboard.press('ArrowRight');
    await waitUntil(
      async () => (await feedback.textContent())!.startsWith('The point also moved sideways'),
      'the sideways move named',
    );
    await expect(exercise.getAttribute('data-verdict')).resolves.toBe('none');
    await exercise.locator('.reset').click();
    await waitUntil(async () => (await ringed.getAttribute('data-y')) === startY, 'the reset');
    await exercise.locator(`.choice[data-guess="${await arrowSays(exercise)}"]`).click();
    // Another point moved spoils the test, and the page says so instead of a verdict.
    const other = index === 5 ? 6 : 5;
    const otherPoint = widget.locator(`[data-testid=point][data-index="${other}"]`);
    const otherY = await otherPoint.getAttribute('data-y');
    await dragWidgetPoint(page, widget, other, 0, -30);
    await waitUntil(
      async () => (await exercise.locator('.feedback').textContent())!.startsWith('Another point'),
      'the other point named',
    );
    await expect(exercise.getAttribute('data-verdict')).resolves.toBe('none');
    await exercise.locator('.reset').click();
    await waitUntil(async () => (await otherPoint.getAttribute('data-y')) === otherY, 'the reset');
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

describe('the article’s figures on a phone', () => {
  it('keep their points: a long press removes none, a tap on empty space adds none', async () => {
    const chromium = await launchChromium();
    try {
      const page = await openPhoneArticle(chromium);
      for (const selector of ['[data-widget="sine"]', '#exercise-1']) {
        const figure = page.locator(selector);
        const points = figure.locator('[data-testid=point]');
        const count = await points.count();
        const dot = points.nth(4).locator('.dot');
        await dot.scrollIntoViewIfNeeded();
        const box = (await dot.boundingBox())!;
        const cdp = await page.context().newCDPSession(page);
        const touch = (type: string, at?: { x: number; y: number }) =>
          cdp.send('Input.dispatchTouchEvent', {
            type: type as 'touchStart',
            touchPoints: at ? [at] : [],
          });
        const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        await touch('touchStart', centre);
        await page.waitForTimeout(LONG_PRESS_MS + 300);
        await touch('touchEnd');
        await page.waitForTimeout(500);
        expect(await points.count()).toBe(count);
        // Empty space well below the point, inside the plot.
        await page.touchscreen.tap(centre.x + 30, centre.y + 60);
        await page.waitForTimeout(500);
        expect(await points.count()).toBe(count);
      }
    } finally {
      await chromium.close();
    }
  });
});

/** Whether the arrow of the exercise's ringed point shows on the page. */
async function ringedArrowShows(exercise: Locator): Promise<boolean> {
  const index = await exercise.getAttribute('data-point');
  const arrow = exercise.locator(`[data-testid=arrow][data-index="${index}"]`);
  // Drawn either way (the widget computes it): only whether the reader sees it changes. The
  // figure may still be fitting on a busy machine: wait for its arrows.
  await expect.poll(() => arrow.count(), { timeout: 30_000 }).toBe(1);
  return arrow.isVisible();
}

describe('the exercises keep their answer hidden until the reader commits', () => {
  it.each([
    ['/learn.html', 'en'],
    ['/learn.es.html', 'es'],
  ] as const)(
    '%s: exercises 1 and 2 show their arrows, exercise 3 its trust words, only after an answer, and say why',
    async (path, language) => {
      const { page, problems } = await browser.open(path);
      await waitForLiveFigures(page);
      for (const number of [1, 2]) {
        const exercise = page.locator(`#exercise-${number}`);
        const note = exercise.locator('[data-testid=arrows-note]');
        const name = `${language} exercise ${number}`;
        await expect(note.isVisible(), name).resolves.toBe(true);
        await expect(note.innerText()).resolves.toBe(CATALOGUES[language].exArrowsHidden);
        expect(await ringedArrowShows(exercise), name).toBe(false);
        expect(await exercise.locator('[data-testid=arrow]').first().isVisible(), name).toBe(false);
        // Nor do the points' names, which a screen reader reads, give the pull away.
        const ringed = exercise.locator(
          `[data-testid=point][data-index="${await exercise.getAttribute('data-point')}"]`,
        );
        await expect(ringed.getAttribute('aria-label')).resolves.not.toContain('d log');
        // The key's sample arrow stays, with the words about the arrows' scale.
        await expect(exercise.locator('[data-testid=key-arrow]').isVisible()).resolves.toBe(true);

        await exercise.locator('.choice').first().click();
        expect(await ringedArrowShows(exercise), name).toBe(true);
        await expect(ringed.getAttribute('aria-label')).resolves.toContain('d log');
        await expect(note.isVisible()).resolves.toBe(false);
        // Every point's arrow as before, the figure no different from the other widgets'.
        const arrows = exercise.locator('[data-testid=arrow]');
        const shown = await arrows.evaluateAll(
          (nodes) => nodes.filter((node) => getComputedStyle(node).visibility === 'visible').length,
        );
        expect(shown, name).toBe(await exercise.locator('[data-testid=point]').count());

        // With the arrows showing, the answer cannot change: the other choice says how to.
        const [chosen, other] = [
          exercise.locator('.choice').first(),
          exercise.locator('.choice').last(),
        ];
        const locked = exercise.locator('[data-testid=locked-note]');
        await expect(locked.isVisible()).resolves.toBe(false);
        await expect(other.getAttribute('aria-disabled')).resolves.toBe('true');
        // aria-disabled, not disabled: the click still reaches it (a mouse user presses it anyway).
        await other.click({ force: true });
        await expect(other.getAttribute('aria-pressed')).resolves.toBe('false');
        await expect(chosen.getAttribute('aria-pressed')).resolves.toBe('true');
        await expect(locked.innerText()).resolves.toBe(CATALOGUES[language].exLocked);

        // "Start again" takes the answer back, and the arrows with it.
        await exercise.locator('.reset').click();
        expect(await ringedArrowShows(exercise), name).toBe(false);
        await expect(note.isVisible()).resolves.toBe(true);
        await expect(locked.isVisible()).resolves.toBe(false);
        await expect(other.getAttribute('aria-disabled')).resolves.toBe(null);
      }
      // Exercise 3 asks whether ℓ̂ follows the arrow: its arrows show from the start, but the
      // words on trusting them (a jump is near) wait for the answer, and its note says so.
      const third = page.locator('#exercise-3');
      expect(await ringedArrowShows(third)).toBe(true);
      const thirdNote = third.locator('[data-testid=arrows-note]');
      await expect(thirdNote.innerText()).resolves.toBe(CATALOGUES[language].exReasonsHidden);
      const readout = third.locator('[data-testid=embed-readout]');
      const widgetWords = language === 'en' ? widgetEnglish : widgetSpanish;
      await expect(readout.innerText()).resolves.toContain(widgetWords.embedTrustHidden);
      const careWords = language === 'en' ? 'jump' : 'salt';
      await expect(readout.innerText()).resolves.not.toContain(careWords);
      // Nor do the arrows' dashes, which say "use with care" in the legend's words.
      const arrowLayer = third.locator('[data-testid=arrows]');
      await expect(arrowLayer.getAttribute('class')).resolves.not.toMatch(/\bcaution\b/);
      await third.locator('.choice').first().click();
      await expect.poll(() => readout.innerText()).toContain(careWords);
      await expect(arrowLayer.getAttribute('class')).resolves.toMatch(/\bcaution\b/);
      await expect(thirdNote.isVisible()).resolves.toBe(false);
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
      await page.context().close();
    },
  );
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
    // Lowered further, ℓ̂ moves on along the new maximum: the text gives it as the readout does.
    for (let press = 0; press < 4; press++) {
      await page.keyboard.press('ArrowDown');
      await waitForWidgetFit(exercise.locator('[data-testid=gp-embed]'));
    }
    const spanishNumber = (written: string) =>
      Number(written.replaceAll('.', '').replace(',', '.'));
    const feedback = (await exercise.locator('.feedback').textContent())!;
    const now = feedback.match(/ℓ̂ vale ahora ([\d.,]+)\.$/);
    expect(now, feedback).not.toBeNull();
    const shown = spanishNumber(
      (await exercise.locator('[data-testid=theta-lengthscale]').textContent())!.trim(),
    );
    expect(Math.abs(spanishNumber(now![1]!) / shown - 1)).toBeLessThan(0.005);
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
