import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';

describe('the built site', () => {
  const browser = useBrowser();

  it('loads at / with a title and no page errors', async () => {
    const { page, problems } = await browser.open('/');
    await page.locator('#root > *').first().waitFor({ state: 'attached' });

    expect(await page.title()).not.toBe('');
    expect(problems.pageErrors).toEqual([]);
  });
});
