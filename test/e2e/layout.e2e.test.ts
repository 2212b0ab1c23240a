import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useLayoutBrowser } from './layoutBrowser';
import { waitForArrows } from './uiHelpers';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box of the first element matching `selector`, or a failure naming it. */
async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on screen`);
  return found;
}

function inside(inner: Box, width: number, height: number): boolean {
  return (
    inner.x >= 0 &&
    inner.y >= 0 &&
    inner.x + inner.width <= width + 0.5 &&
    inner.y + inner.height <= height + 0.5
  );
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The parts a lecturer needs on the first screen, by selector. */
const ESSENTIAL = {
  plot: '#explorer-plot',
  key: '[data-testid=plot-key]',
  lengthscale: '[data-testid=theta-lengthscale]',
  signalStd: '[data-testid=theta-signalStd]',
  noiseStd: '[data-testid=theta-noiseStd]',
  'response curve slot': '[data-testid=response-slot]',
  'response curve': '[data-testid=response-curve]',
};

describe('the explorer on a projector and a laptop', () => {
  const open = useLayoutBrowser();

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ]) {
    it(`shows the plot, θ̂, the key and the response curve in its slot without scrolling at ${viewport.width}×${viewport.height}`, async () => {
      const { context, page, errors } = await open({ viewport });
      for (const [name, selector] of Object.entries(ESSENTIAL)) {
        const found = await box(page, selector);
        expect(
          inside(found, viewport.width, viewport.height),
          `${name} ${JSON.stringify(found)}`,
        ).toBe(true);
      }
      const slot = await box(page, ESSENTIAL['response curve slot']);
      expect(slot.width).toBeGreaterThanOrEqual(320);
      expect(slot.height).toBeGreaterThanOrEqual(200);
      // The key sits beside the data: no point or arrow can slide under it.
      const key = await box(page, ESSENTIAL.key);
      const area = await box(page, '[data-testid=plot-area]');
      expect(overlaps(key, area)).toBe(false);
      for (const mark of await page.locator('[data-testid=point], [data-testid=arrow]').all()) {
        const markBox = await mark.boundingBox();
        if (markBox) expect(overlaps(key, markBox)).toBe(false);
      }
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      // With a point selected its curve is drawn (and its caption written) in the same place.
      await page.locator('[data-testid=point]').nth(5).click();
      await page.waitForSelector('[data-testid=response-curve][data-status=done]', {
        timeout: 60_000,
      });
      const drawn = await box(page, ESSENTIAL['response curve']);
      expect(inside(drawn, viewport.width, viewport.height), JSON.stringify(drawn)).toBe(true);
      // Another point's caption may be longer (a jump, a ridge): the longest caption, in place of
      // this one, still leaves the whole card, curve and caption, on the first screen.
      const longest =
        'Shaded: the tangent (the arrow) is within 5 % of the refits. The largest of 2 jumps, at y ≈ −0.38: ℓ 0.882 → 23.9, another maximum no tangent foresees.';
      await page
        .getByTestId('response-curve-caption')
        .evaluate((node, text) => (node.textContent = text), longest);
      const withLongest = await box(page, ESSENTIAL['response curve']);
      expect(
        inside(withLongest, viewport.width, viewport.height),
        JSON.stringify(withLongest),
      ).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('lays the toolbar out in one row at 1280 px, in both languages', async () => {
    for (const language of ['en', 'es']) {
      const { context, page } = await open(
        { viewport: { width: 1280, height: 800 } },
        `/?lang=${language}`,
      );
      const tops = await page
        .locator('.toolbar > *:not(.toolbar-spacer)')
        .evaluateAll((nodes) => nodes.map((node) => Math.round(node.getBoundingClientRect().top)));
      const spread = Math.max(...tops) - Math.min(...tops);
      expect(spread, `${language}: ${tops.join(', ')}`).toBeLessThan(12);
      await context.close();
    }
  });

  it('keeps the plot and θ̂ in view at 1280×720 zoomed to 150 %', async () => {
    // 150 % zoom: the page lays out in 853×480 CSS pixels at 1.5 device pixels each.
    const { context, page } = await open({
      viewport: { width: 853, height: 480 },
      deviceScaleFactor: 1.5,
    });
    for (const selector of [
      ESSENTIAL.plot,
      ESSENTIAL.lengthscale,
      ESSENTIAL.signalStd,
      ESSENTIAL.noiseStd,
    ]) {
      expect(inside(await box(page, selector), 853, 480), selector).toBe(true);
    }
    await context.close();
  });

  it('presents: P, the button and the link each show only the plot, θ̂ and the response curve, in large type', async () => {
    const { context, page } = await open({ viewport: { width: 1280, height: 720 } });
    const app = page.locator('.app');
    const readoutSize = () =>
      page
        .locator('[data-testid=theta-lengthscale]')
        .evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
    const normalSize = await readoutSize();

    const expectPresenting = async (on: boolean) => {
      await expect.poll(() => app.getAttribute('data-presenting')).toBe(String(on));
      expect(await page.locator('.toolbar').isVisible()).toBe(!on);
      expect(await page.getByTestId('landscape').isVisible()).toBe(!on);
      if (on) {
        for (const selector of Object.values(ESSENTIAL)) {
          expect(inside(await box(page, selector), 1280, 720), selector).toBe(true);
        }
        expect(await readoutSize()).toBeGreaterThanOrEqual(1.5 * normalSize);
        // The key's words too, every line inside its box.
        const keyText = await page.locator('[data-testid=plot-key]').evaluate((key) => {
          const frame = key.querySelector('.key-box')!.getBoundingClientRect();
          const texts = [...key.querySelectorAll('.key-text')];
          return {
            sizes: texts.map((text) => parseFloat(getComputedStyle(text).fontSize)),
            outside: texts
              .filter((text) => {
                const rect = text.getBoundingClientRect();
                return rect.right > frame.right || rect.bottom > frame.bottom;
              })
              .map((text) => text.textContent),
          };
        });
        expect(Math.min(...keyText.sizes)).toBeGreaterThanOrEqual(17);
        expect(keyText.outside).toEqual([]);
        // The ⓘ beside θ̂'s names can be seen and hit from the lectern too.
        const infoSize = await page
          .locator('.readout .term-button span')
          .first()
          .evaluate((circle) => circle.getBoundingClientRect().width);
        expect(infoSize).toBeGreaterThanOrEqual(18);
        await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/&present=1$/);
      } else {
        await expect.poll(() => page.evaluate(() => location.hash)).not.toMatch(/present/);
      }
    };

    await page.locator('body').press('p');
    await expectPresenting(true);
    await page.keyboard.press('p');
    await expectPresenting(false);
    await page.getByTestId('presentation-toggle').click();
    await expectPresenting(true);
    await page.keyboard.press('Escape');
    await expectPresenting(false);
    await page.getByTestId('presentation-toggle').click();
    await expectPresenting(true);
    await page.getByTestId('presentation-toggle').click();
    await expectPresenting(false);
    // P in a form field belongs to the field, not to the shortcut.
    await page.getByTestId('theme').focus();
    await page.keyboard.press('p');
    expect(await app.getAttribute('data-presenting')).toBe('false');

    // The link: alone, and with a state.
    const alone = await open({ viewport: { width: 1280, height: 720 } }, '/#present=1');
    expect(await alone.page.locator('.app').getAttribute('data-presenting')).toBe('true');
    expect(await alone.page.getByTestId('notice').count()).toBe(0);
    // With a point selected its response curve fills the room the screen has below it, and
    // still ends on it (checked at 1280×720 above; here on a 1080-line projector too).
    await alone.page.locator('[data-testid=point]').nth(5).click();
    await alone.page.waitForSelector('[data-testid=response-curve][data-status=done]', {
      timeout: 60_000,
    });
    const curveHeight = () =>
      alone.page.locator('.response-curve-figure svg').evaluate((svg) => svg.clientHeight);
    const short = await curveHeight();
    await alone.page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(curveHeight).toBeGreaterThan(short + 80);
    expect(inside(await box(alone.page, ESSENTIAL['response curve']), 1920, 1080)).toBe(true);
    await alone.page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(curveHeight).toBe(short);
    const back = await box(alone.page, ESSENTIAL['response curve']);
    expect(inside(back, 1280, 720), JSON.stringify(back)).toBe(true);
    // A lecturer switches datasets from the presentation's own bar, without leaving it.
    const menu = alone.page.getByTestId('presentation-preset');
    expect(await menu.isVisible()).toBe(true);
    await menu.selectOption('clusters');
    await expect
      .poll(() => alone.page.evaluate(() => window.gpExplorer!.store.getState().presetId))
      .toBe('clusters');
    expect(await alone.page.locator('.app').getAttribute('data-presenting')).toBe('true');
    expect(inside(await box(alone.page, ESSENTIAL.plot), 1280, 720)).toBe(true);
    await page.getByTestId('kernel-matern52').check({ force: true });
    const link = await page.evaluate(() => location.hash);
    const withState = await open({ viewport: { width: 1280, height: 720 } }, `/${link}&present=1`);
    expect(await withState.page.locator('.app').getAttribute('data-presenting')).toBe('true');
    expect(await withState.page.getByTestId('kernel-matern52').isChecked()).toBe(true);
    await Promise.all([context.close(), alone.context.close(), withState.context.close()]);
  });

  it('switches between auto, light and dark, and remembers the choice', async () => {
    const { context, page } = await open({ viewport: { width: 1280, height: 800 } });
    const root = page.locator('html');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const legendBottom = () =>
      page.locator('[data-testid=landscape-legend] rect').nth(8).getAttribute('fill');
    expect(await root.getAttribute('data-theme')).toBe('auto');
    expect(await background()).toBe('rgb(247, 246, 242)');
    const lightLegend = await legendBottom();

    await page.getByTestId('theme').selectOption('dark');
    expect(await root.getAttribute('data-theme')).toBe('dark');
    expect(await background()).toBe('rgb(17, 20, 24)');
    // The landscape's own colours follow (they are painted from the theme's variables).
    await expect.poll(legendBottom).not.toBe(lightLegend);

    await page.reload();
    await waitForArrows(page);
    expect(await root.getAttribute('data-theme')).toBe('dark');
    expect(await page.getByTestId('theme').inputValue()).toBe('dark');
    expect(await background()).toBe('rgb(17, 20, 24)');

    // An explicit light choice beats a dark system setting; auto follows it.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByTestId('theme').selectOption('light');
    expect(await background()).toBe('rgb(247, 246, 242)');
    await page.getByTestId('theme').selectOption('auto');
    expect(await background()).toBe('rgb(17, 20, 24)');
    await context.close();
  });
});
