/**
 * What a first-time reader meets in the widget and the explorer, in English and Spanish: each
 * reason the arrows need care is said once, legibly apart.
 */
import { describe, expect, it } from 'vitest';
import { FLOOR_POINTS } from '../../src/learn/datasets';
import { useBrowser as startBrowser } from './browser';
import { waitForWidgetFit } from './embedHelpers';

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

    // The readout alone keeps a line of its own, the reasons apart with a semicolon.
    await page.goto(page.url().replace('panels=readout,status', 'panels=readout'));
    const alone = page.locator('[data-testid=gp-embed]');
    await waitForWidgetFit(alone);
    const line = (await alone.locator('[data-testid=embed-reason]').innerText()).trim();
    const at = reasons.map((reason) => line.indexOf(reason));
    for (const index of at) expect(index).toBeGreaterThan(0);
    expect(line.slice(at[0]! + reasons[0]!.length, at[1]).trim()).toBe(';');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });
});
