/**
 * The explorer on a phone (390×844, touch): the title, the plot and θ̂ first, every control with a
 * visible label and a 44 px target, presentation and menus inside the screen, each ⓘ its own.
 */
import { describe, expect, it } from 'vitest';
import { useLayoutBrowser } from './layoutBrowser';

describe('the explorer on a phone', () => {
  const open = useLayoutBrowser();

  it('on a phone shows the title, the plot and θ̂ first, the panels below them', async () => {
    const { context, page } = await open({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const tops = await page.evaluate(() => {
      const top = (selector: string) => {
        const found = document.querySelector(selector);
        return found ? found.getBoundingClientRect().top + window.scrollY : null;
      };
      return {
        title: top('.masthead-title'),
        plot: top('.plot-card'),
        readout: top('[data-testid=readout]'),
        landscape: top('[data-testid=landscape]'),
        rules: top('[data-testid=rules-card]'),
        prediction: top('[data-testid=prediction]'),
      };
    });
    const order = Object.entries(tops)
      .filter((entry): entry is [string, number] => entry[1] !== null)
      .sort((a, b) => a[1] - b[1])
      .map(([name]) => name);
    expect(order.slice(0, 3), JSON.stringify(tops)).toEqual(['title', 'plot', 'readout']);
    expect(order).toEqual(expect.arrayContaining(['landscape', 'rules', 'prediction']));
    // The status under the plot wraps like a sentence: its dot starts the first line of text and
    // its ⓘ ends the last, neither on a line of its own.
    const status = await page.evaluate(() => {
      const middle = (rect: DOMRect) => rect.top + rect.height / 2;
      const text = [...document.querySelector('.plot-footer .status .num')!.getClientRects()];
      const dot = document.querySelector('.plot-footer .status-dot')!.getBoundingClientRect();
      const info = document
        .querySelector('.plot-footer .term-button span')!
        .getBoundingClientRect();
      return {
        dotOnFirstLine: Math.abs(middle(dot) - middle(text[0]!)) < text[0]!.height / 2,
        infoOnLastLine: Math.abs(middle(info) - middle(text.at(-1)!)) < text.at(-1)!.height / 2,
      };
    });
    expect(status).toEqual({ dotOnFirstLine: true, infoOnLastLine: true });
    await context.close();
  });

  it('gives every control on a phone a visible label and a target of at least 44×44 px', async () => {
    const { context, page } = await open({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    for (const label of ['Data', 'Kernel', 'Arrows', 'Show', 'Theme']) {
      expect(
        await page.locator('.toolbar-label', { hasText: label }).first().isVisible(),
        label,
      ).toBe(true);
    }
    const targets = await page
      .locator(
        'button, select, summary, .segmented label, label.toggle, a[href], input:not([type=radio]):not([type=checkbox])',
      )
      .evaluateAll((nodes) =>
        nodes
          .filter(
            (node) => (node as HTMLElement).offsetParent !== null || node.tagName === 'SUMMARY',
          )
          .map((node) => {
            const { width, height } = node.getBoundingClientRect();
            const name =
              node.getAttribute('aria-label') ??
              node.getAttribute('data-testid') ??
              (node.textContent ?? '').trim().slice(0, 30);
            return { name, width, height };
          })
          .filter(({ width, height }) => width > 0 && height > 0),
      );
    expect(targets.length).toBeGreaterThan(20);
    const small = targets.filter(({ width, height }) => width < 44 || height < 44);
    expect(small).toEqual([]);
    // Every button has a name a screen reader can say, and so do the icon-only ones' visible text.
    for (const testId of ['undo', 'redo']) {
      expect(await page.getByTestId(testId).innerText()).toMatch(/Undo|Redo/);
    }
    await context.close();
  });

  it('on a phone opens presentation at the top of the page, wherever the reader had scrolled', async () => {
    const { context, page } = await open({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const toggle = page.getByTestId('presentation-toggle');
    await toggle.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await toggle.tap();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await context.close();
  });

  it('on a phone opens the export menu inside the screen, in both languages', async () => {
    for (const language of ['en', 'es']) {
      const { context, page } = await open(
        { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
        `/?lang=${language}`,
      );
      await page.getByTestId('export').tap();
      const items = page.locator('.menu-items');
      await items.waitFor();
      // Placed when the menu's toggle event comes, a task after it opens.
      const edges = async () => {
        const box = (await items.boundingBox())!;
        return { left: box.x >= 0, right: box.x + box.width <= 390 };
      };
      await expect.poll(edges, { message: language }).toEqual({ left: true, right: true });
      await context.close();
    }
  });

  it('on a phone a tap on any ⓘ opens its own explanation, however the labels wrap', async () => {
    for (const language of ['en', 'es']) {
      const { context, page } = await open(
        { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
        `/?lang=${language}`,
      );
      // The 44-pixel targets reach past their line: a neighbour's must not cover the circle.
      const covered = await page.locator('.term-button').evaluateAll((buttons) =>
        buttons
          .filter((button) => (button as HTMLElement).offsetParent !== null)
          .flatMap((button) => {
            button.scrollIntoView({ block: 'center' });
            const { left, top, width, height } = button
              .querySelector('span')!
              .getBoundingClientRect();
            const hit = document.elementFromPoint(left + width / 2, top + height / 2);
            return hit?.closest('.term-button') === button
              ? []
              : [
                  `${button.getAttribute('aria-label')} under ${hit?.closest('.term-button')?.getAttribute('aria-label') ?? hit?.tagName}`,
                ];
          }),
      );
      expect(covered, language).toEqual([]);
      await context.close();
    }
  });
});
