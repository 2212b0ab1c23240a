/**
 * The README's screenshots (docs/screenshot-*.png): which layout, colour scheme and state each
 * shows, and how to bring the production site into that state. `npm run screenshots`
 * (scripts/screenshots.ts) writes them into docs/; the browser test
 * test/e2e/ui-screenshots.e2e.test.ts takes the same shots into test-results/ and checks the
 * layout each one shows.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { pointCentre, waitForArrows, waitForFit } from '../test/e2e/uiHelpers';

export const LAYOUTS = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  phone: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
} as const satisfies Record<string, BrowserContextOptions>;

export interface ReadmeScreenshot {
  /** File name under docs/. */
  file: string;
  layout: keyof typeof LAYOUTS;
  colorScheme: 'light' | 'dark';
  /** A point is held mid-drag (the prediction beside the refit, the trail on the landscape). */
  dragging: boolean;
  /** Appended to the explorer's address: a language (`?lang=es`) or presentation (`#present=1`). */
  suffix?: string;
}

export const README_SCREENSHOTS: readonly ReadmeScreenshot[] = [
  { file: 'screenshot-desktop.png', layout: 'desktop', colorScheme: 'light', dragging: false },
  { file: 'screenshot-phone.png', layout: 'phone', colorScheme: 'light', dragging: false },
  {
    file: 'screenshot-desktop-dark-drag.png',
    layout: 'desktop',
    colorScheme: 'dark',
    dragging: true,
  },
  {
    file: 'screenshot-desktop-es.png',
    layout: 'desktop',
    colorScheme: 'light',
    dragging: false,
    suffix: '?lang=es',
  },
  {
    file: 'screenshot-presentation.png',
    layout: 'desktop',
    colorScheme: 'light',
    dragging: false,
    suffix: '#present=1',
  },
];

/** A page showing a screenshot's state; `close()` releases a held drag and the context. */
export interface ScreenshotState {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

async function settle(page: Page): Promise<void> {
  await waitForArrows(page);
  await page.evaluate(() => document.fonts.ready);
  // The landscape renders after the arrows (a deferred update): give it a frame or two.
  await page.waitForTimeout(300);
}

/** Opens the explorer at `url` in the screenshot's layout and state, ready to capture. */
export async function openScreenshotState(
  browser: Browser,
  url: string,
  shot: ReadmeScreenshot,
): Promise<ScreenshotState> {
  const context = await browser.newContext({
    ...LAYOUTS[shot.layout],
    colorScheme: shot.colorScheme,
  });
  const page = await context.newPage();
  await page.goto(`${url}${shot.suffix ?? ''}`);
  await settle(page);
  if (shot.dragging) {
    const start = await pointCentre(page, 7);
    // Select the point first, so its response curve is drawn and follows the drag.
    await page.mouse.click(start.x, start.y);
    await page.waitForSelector('[data-testid=response-curve][data-index="7"][data-status=done]', {
      timeout: 60_000,
    });
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x, start.y - 36, { steps: 6 });
    await waitForFit(page);
    await page.waitForTimeout(300);
  }
  return {
    page,
    context,
    async close() {
      if (shot.dragging) await page.mouse.up();
      await context.close();
    },
  };
}
