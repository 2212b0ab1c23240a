import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';

describe('the built site', () => {
  const browser = useBrowser();

  it('loads at / with a title and no page errors', async () => {
    const { page, problems } = await browser.open('/');
    const mounted = await page
      .locator('#root > *')
      .first()
      .waitFor({ state: 'attached', timeout: 15_000 })
      .then(
        () => true,
        () => false,
      );

    // Page errors first: when the app throws, that is the message worth reading.
    expect(problems.pageErrors).toEqual([]);
    expect(mounted, 'the app rendered nothing into #root').toBe(true);
    expect(await page.title()).not.toBe('');
  });
});
