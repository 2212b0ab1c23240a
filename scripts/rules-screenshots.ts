/**
 * The README's screenshots of the selection rules (docs/screenshot-rules-*.png): the explorer
 * with LOO-CV's arrows beside ML-II's over the new-point pull map, and the card with the rule
 * selector, the map's readout and the influence panel — in English and Spanish, on a desktop and
 * a phone. Written by `npm run screenshots` (scripts/screenshots.ts).
 */
import type { Browser } from 'playwright-core';
import { findPreset } from '../src/state/presets';
import { DEFAULT_VIEW_OPTIONS } from '../src/state/options';
import { encodeSharedState } from '../src/state/urlCodec';
import { waitForArrows } from '../test/e2e/uiHelpers';
import { LAYOUTS } from './readme-screenshots';

export interface RulesScreenshot {
  layout: keyof typeof LAYOUTS;
  language: 'en' | 'es';
  /** docs/ file names: the first screen (plot) and the rules card. */
  files: { plot: string; card: string };
}

export const RULES_SCREENSHOTS: readonly RulesScreenshot[] = (
  ['desktop', 'phone'] as const
).flatMap((layout) =>
  (['en', 'es'] as const).map((language) => ({
    layout,
    language,
    files: {
      plot: `screenshot-rules-${layout}-${language}.png`,
      card: `screenshot-rules-card-${layout}-${language}.png`,
    },
  })),
);

/** The state shown: the noisy sine, LOO-CV compared with ML-II, influence and pull map on. */
export const RULES_FRAGMENT = encodeSharedState({
  points: findPreset('sine').points,
  kernel: 'rbf',
  options: {
    ...DEFAULT_VIEW_OPTIONS,
    showLandscape: false,
    rule: 'ml',
    compareRule: 'loo',
    showInfluence: true,
    showPullMap: true,
  },
});

/** Takes one layout and language's two shots into `pathOf(file)`. */
export async function takeRulesScreenshots(
  browser: Browser,
  baseUrl: string,
  shot: RulesScreenshot,
  pathOf: (file: string) => string,
): Promise<void> {
  const context = await browser.newContext({ ...LAYOUTS[shot.layout], colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}?lang=${shot.language}#${RULES_FRAGMENT}`);
  await waitForArrows(page);
  await page.waitForSelector('[data-testid=influence-map][data-state=current]', {
    timeout: 60_000,
  });
  await page.waitForSelector('[data-testid=influence-panel][data-state=current]', {
    timeout: 60_000,
  });
  await page.waitForSelector('[data-testid=compare-arrow]');
  await page.evaluate(() => document.fonts.ready);
  // Point at a place on the map, so its readout shows a number.
  const target = page.getByTestId('influence-map-target');
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.62, box.y + box.height * 0.3);
  await page.mouse.click(box.x + box.width * 0.62, box.y + box.height * 0.3);
  await page.evaluate(() => document.querySelector('.plot-card')?.scrollIntoView());
  await page.waitForTimeout(300);
  await page.screenshot({ path: pathOf(shot.files.plot) });
  await page.getByTestId('rules-card').screenshot({ path: pathOf(shot.files.card) });
  await context.close();
}
