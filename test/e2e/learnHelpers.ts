/**
 * What the article's browser tests share: waiting for its live figures, and opening it on a
 * phone.
 */
import type { Locator, Page } from 'playwright-core';
import { launchChromium, siteUrl } from './browser';
import { waitForWidgetFit, waitUntil } from './embedHelpers';

/** Waits until every figure of the article has gone live and its widget has fitted. */
export async function waitForLiveFigures(page: Page): Promise<void> {
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
export function drawsArrows(widget: Locator): Promise<boolean> {
  return widget.evaluate(
    // The widget draws inside a shadow root: its figure is above the root's host.
    (frame) => {
      const root = frame.getRootNode();
      const start = root instanceof ShadowRoot ? root.host : frame;
      return start.closest<HTMLElement>('figure')?.dataset.widget !== 'flat';
    },
  );
}

/** The article on a phone (touch, 390 px unless told), its live figures drawn. */
export async function openPhoneArticle(
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
