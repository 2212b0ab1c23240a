/**
 * The article's README screenshots (docs/screenshot-learn-{en,es}-{desktop,phone}.png): the top of
 * learn.html in each language and layout, with every live figure drawn. Written by
 * `npm run screenshots` (scripts/screenshots.ts).
 */
import type { Browser } from 'playwright-core';
import { LAYOUTS } from './readme-screenshots';

export const LEARN_SCREENSHOTS = (['en', 'es'] as const).flatMap((language) =>
  (['desktop', 'phone'] as const).map((layout) => ({
    file: `screenshot-learn-${language}-${layout}.png`,
    language,
    layout,
  })),
);

/** Opens the article in the shot's language and layout, scrolled to figure 2, and captures it. */
export async function takeLearnScreenshot(
  browser: Browser,
  baseUrl: string,
  shot: (typeof LEARN_SCREENSHOTS)[number],
  path: string,
): Promise<void> {
  const context = await browser.newContext({ ...LAYOUTS[shot.layout], colorScheme: 'light' });
  try {
    const page = await context.newPage();
    await page.goto(new URL(`learn.html?lang=${shot.language}`, baseUrl).href);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLElement>('figure[data-figure]')].every(
          (figure) => figure.dataset.live === 'true',
        ) &&
        // Every widget draws its arrows, but for step 6's flat optimum, which hides them.
        [...document.querySelectorAll<HTMLElement>('figure .widget')].every(
          (host) =>
            host.closest<HTMLElement>('figure')?.dataset.widget === 'flat' ||
            (host.shadowRoot?.querySelectorAll('[data-testid=arrow]').length ?? 0) > 0,
        ),
      undefined,
      { timeout: 120_000 },
    );
    await page.evaluate(() => document.fonts.ready);
    await page.locator('#step-2 h2').evaluate((heading) => heading.scrollIntoView());
    await page.waitForTimeout(400);
    await page.screenshot({ path });
  } finally {
    await context.close();
  }
}
