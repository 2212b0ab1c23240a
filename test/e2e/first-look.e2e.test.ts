/**
 * What a first-time reader meets in the widget and the explorer, in English and Spanish: each
 * reason the arrows need care is said once, legibly apart; a second rule's arrows have a key in
 * the plot; the axis letters keep clear of the tick labels, in presentation's large type too.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/messages';
import { FLOOR_POINTS } from '../../src/learn/datasets';
import { explorerMessages } from '../../src/ui/explorerText';
import { joinReasons } from '../../src/ui/reasonText';
import { RULE_MESSAGES } from '../../src/ui/ruleText';
import { useBrowser as startBrowser } from './browser';
import { waitForWidgetFit } from './embedHelpers';
import { waitForArrows, waitForFit } from './uiHelpers';

const browser = startBrowser();

const FLOOR = FLOOR_POINTS.map((p) => `${p.x},${p.y}`).join(';');

describe.each(['en', 'es'] as const)('in %s', (language) => {
  it('a widget with readout and status says each reason once; the readout alone, apart', async () => {
    const { page, problems } = await browser.open(
      `/embed.html?lang=${language}&kernel=rbf&points=${FLOOR}&panels=readout,status`,
    );
    const widget = page.locator('[data-testid=gp-embed]');
    await waitForWidgetFit(widget);
    const reasons = await widget.locator('[data-testid=trust-reasons] li').allInnerTexts();
    // The parabola's maximum is on the noise floor, and its rounding costs digits: two reasons.
    expect(reasons.length).toBeGreaterThanOrEqual(2);
    const text = await widget.innerText();
    for (const reason of reasons) expect(text.split(reason).length - 1, reason).toBe(1);
    expect(await widget.locator('[data-testid=embed-reason]').count()).toBe(0);

    // Each a sentence of its own in the list.
    for (const reason of reasons) expect(reason).toMatch(/[^.]\.$/u);

    // The readout alone keeps a line of its own: one sentence, the reasons run on in it (each
    // without its full stop) apart with a semicolon.
    await page.goto(page.url().replace('panels=readout,status', 'panels=readout'));
    const alone = page.locator('[data-testid=gp-embed]');
    await waitForWidgetFit(alone);
    const line = (await alone.locator('[data-testid=embed-reason]').innerText()).trim();
    const runOn = reasons.map((reason) => joinReasons([reason]));
    const at = runOn.map((reason) => line.indexOf(reason));
    for (const index of at) expect(index).toBeGreaterThan(0);
    expect(line.slice(at[0]! + runOn[0]!.length, at[1]).trim()).toBe(';');
    expect(line).toMatch(/[^.]\.$/u);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('comparing two rules: the plot’s key names each rule by its arrows’ colour', async () => {
    const { page, problems } = await browser.open(`/?lang=${language}`);
    await waitForArrows(page);
    expect(await page.locator('[data-testid=key-rules]').count()).toBe(0);
    await page.selectOption('[data-testid=compare-rule]', 'map');
    await waitForFit(page);
    await page.waitForSelector('[data-testid=compare-arrow]');
    const key = page.locator('[data-testid=key-rules]');
    const { t } = translator(language);
    const say = explorerMessages(language);
    const [first, second] = await key.locator('text').allTextContents();
    expect(first).toBe(say('keyCompareFirst', { rule: t(RULE_MESSAGES.ml.name) }));
    expect(second).toBe(say('keyCompareSecond', { rule: t(RULE_MESSAGES.map.name) }));
    // Each sample arrow in the colour of the arrows it names, the two colours apart.
    const colour = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((node) => getComputedStyle(node).color);
    const samples = await key
      .locator('.arrow')
      .evaluateAll((nodes) => nodes.map((node) => getComputedStyle(node).color));
    expect(samples).toEqual([
      await colour('[data-testid=arrow]'),
      await colour('[data-testid=compare-arrow]'),
    ]);
    expect(samples[0]).not.toBe(samples[1]);
    // Inside the key's box and clear of its scale, in the column beside the data and in the strip
    // above it on a phone.
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await page.waitForFunction(
        (layout) =>
          document.querySelector('[data-testid=plot-key]')?.getAttribute('data-layout') === layout,
        width > 600 ? 'column' : 'row',
      );
      // Measured in one frame, once the resized plot has settled.
      const overlaps = () =>
        page.evaluate(async () => {
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          const rect = (selector: string) =>
            document.querySelector(selector)!.getBoundingClientRect();
          const box = rect('[data-testid=plot-key] .key-box');
          const scale = rect('[data-testid=key-arrow] text');
          return [...document.querySelectorAll('[data-testid=key-rules] text')].flatMap((text) => {
            const rule = text.getBoundingClientRect();
            const apart =
              rule.top >= scale.bottom || rule.left >= scale.right || rule.right <= scale.left;
            return [
              rule.bottom > box.bottom + 1 ? 'below the box' : null,
              rule.right > box.right + 1 ? 'right of the box' : null,
              apart ? null : 'over the scale',
            ]
              .filter((problem) => problem !== null)
              .map((problem) => `${text.textContent}: ${problem}`);
          });
        });
      await expect.poll(overlaps, { message: `${width}`, timeout: 10_000 }).toEqual([]);
    }
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('the axis letters keep clear of the tick labels, in presentation mode too', async () => {
    const { page, problems } = await browser.open(`/?lang=${language}`);
    await waitForArrows(page);
    type Box = { x: number; y: number; width: number; height: number };
    /** The gap between two boxes (0 when they touch or overlap). */
    const gap = (a: Box, b: Box) =>
      Math.max(
        0,
        Math.max(a.x - (b.x + b.width), b.x - (a.x + a.width)),
        Math.max(a.y - (b.y + b.height), b.y - (a.y + a.height)),
      );
    for (const presenting of [false, true]) {
      if (presenting) {
        await page.getByTestId('presentation-toggle').click();
        await page.waitForSelector('.presenting');
        await page.waitForTimeout(300);
      }
      const ticks = await page.locator('.plot-still .axis .tick text').all();
      expect(ticks.length).toBeGreaterThan(8);
      const tickBoxes = await Promise.all(ticks.map(async (tick) => (await tick.boundingBox())!));
      for (const axis of ['x', 'y']) {
        const title = (await page.getByTestId(`axis-title-${axis}`).boundingBox())!;
        const nearest = Math.min(...tickBoxes.map((tick) => gap(title, tick)));
        expect(nearest, `${axis}, presenting ${presenting}`).toBeGreaterThanOrEqual(4);
      }
    }
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });
});
