/**
 * The hostile-input corpus in the browser: element attributes, embed.html's query, postMessage to
 * the iframe, and the explorer's URL fragment. No markup runs, every notice is short and leaves
 * the plot where it was, a reader on a touch screen sees every reason as text, and a hostile link
 * costs the page nothing to refuse. (Addresses of megabytes are timed in the page itself:
 * Chromium takes many seconds just to navigate to one, before any script of ours runs.)
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FitChangeDetail } from '../../src/embed/fitEvents';
import { DEFAULT_PRESET_ID, findPreset } from '../../src/state/presets';
import { siteUrl, useBrowser } from './browser';
import { waitForWidgetFit, waitUntil } from './embedHelpers';
import { waitForArrows } from './uiHelpers';

const DEFAULT_POINT_COUNT = findPreset(DEFAULT_PRESET_ID).points.length;

declare global {
  interface Window {
    /** Set by markup that must never run. */
    pwned?: unknown;
  }
}

const ATTACK = '<img src=x onerror="window.pwned=1">';

/** Serves `html` at `path` of the test site's origin. */
async function serve(page: Page, path: string, html: string): Promise<void> {
  await page.route(siteUrl(path), (route: Route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
}

const article = (body: string) => `<!doctype html>
  <html lang="en"><head><meta charset="utf-8"><title>Hostile attributes</title>
  <script type="module" src="../gp-sensitivity.js"></script></head>
  <body style="width: 700px">${body}</body></html>`;

/** Text and size of a widget's notice. */
async function noticeOf(page: Page, id: string) {
  const notice = page.locator(`#${id} [data-testid=notice]`);
  await notice.waitFor();
  const box = await notice.boundingBox();
  return { text: (await notice.textContent()) ?? '', height: box?.height ?? 0 };
}

describe('hostile input in the browser', () => {
  const browser = useBrowser();

  it('element attributes: junk and markup are named briefly, never run, and leave the plot in place', async () => {
    const { page, problems } = await browser.open('/worker-lab.html');
    const junk = 'junk '.repeat(200_000);
    await serve(
      page,
      '/examples/hostile.html',
      article(`
        <gp-sensitivity id="junk" points="${junk}"></gp-sensitivity>
        <gp-sensitivity id="markup" kernel='${ATTACK}' theme='dark; background:red'
          app-url="javascript:window.pwned=2"></gp-sensitivity>`),
    );
    await page.goto(siteUrl('/examples/hostile.html'));
    for (const id of ['junk', 'markup'])
      await waitForWidgetFit(page.locator(`#${id} [data-testid=gp-embed]`));

    const junkNotice = await noticeOf(page, 'junk');
    expect(junkNotice.text).toMatch(/points is 1,000,000 characters long; at most 8,000 are read/);
    expect(junkNotice.text.length).toBeLessThan(200);
    expect(junkNotice.text).not.toContain('junk junk');
    expect(junkNotice.height).toBeLessThan(100);

    const markupNotice = await noticeOf(page, 'markup');
    expect(markupNotice.text).toContain(`kernel "${ATTACK.replace(/"/g, '\\"')}" is not one of`);
    expect(markupNotice.text).toMatch(
      /app-url "javascript:window\.pwned=2" is not an http or https address/,
    );
    expect(markupNotice.height).toBeLessThan(160);
    // The attacker's markup is text: no image was made, nothing ran, no link to script.
    expect(await page.locator('#markup img').count()).toBe(0);
    expect(await page.locator('#markup [data-testid=open-app]').count()).toBe(0);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();

    // Both widgets show the default dataset, their plots at their usual height.
    for (const id of ['junk', 'markup']) {
      expect(await page.locator(`#${id} [data-testid=point]`).count()).toBe(DEFAULT_POINT_COUNT);
      const plot = await page.locator(`#${id} [data-testid=embed-plot]`).boundingBox();
      expect(plot!.height).toBeLessThan(500);
    }
    expect(problems.pageErrors).toEqual([]);
  });

  it('every reason is on screen as text: all x equal, all y zero', async () => {
    const { page, problems } = await browser.open('/worker-lab.html');
    await serve(
      page,
      '/examples/reasons.html',
      article(`
        <gp-sensitivity id="samex" points="1,0.5;1,1;1,-0.5" panels="readout"></gp-sensitivity>
        <gp-sensitivity id="zeroy" points="1,0;2,0;3,0" panels="readout"></gp-sensitivity>`),
    );
    await page.goto(siteUrl('/examples/reasons.html'));
    for (const [id, reason] of [
      ['samex', /Every point has the same x, so no lengthscale can be fitted/],
      ['zeroy', /Every point has y = 0, so there is nothing to fit/],
    ] as const) {
      const widget = page.locator(`#${id} [data-testid=gp-embed]`);
      const line = widget.locator('[data-testid=embed-reason]');
      await line.waitFor();
      await waitUntil(
        () => widget.evaluate((frame) => (frame as HTMLElement).dataset.pending === 'false'),
        'the answer',
      );
      expect(await line.textContent()).toMatch(reason);
      // The reason takes the place of the hint that the points can be dragged.
      expect(await widget.locator('.embed-hint').count()).toBe(0);
      // Visible, on screen: not a tooltip.
      const box = await line.boundingBox();
      expect(box!.height).toBeGreaterThan(8);
      expect(await line.isVisible()).toBe(true);
      expect(await widget.locator('[data-testid=theta-lengthscale]').textContent()).toBe('—');
    }
    expect(problems.pageErrors).toEqual([]);
  });

  it('embed.html: a query of 100 kB is refused unread, with a short notice', async () => {
    const { page, problems } = await browser.open('/worker-lab.html');
    const query = `?kernel=matern52&points=${'1,1;'.repeat(25_000)}`;
    // Served by the test itself: the HTTP server takes no request line this long.
    const embed = await (await page.request.get(siteUrl('/embed.html'))).text();
    await page.route(`${siteUrl('/embed.html')}?**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: embed }),
    );
    await page.goto(`${siteUrl('/embed.html')}${query}`);
    const widget = page.locator('[data-testid=gp-embed]');
    await waitForWidgetFit(widget);
    const notice = await widget.locator('[data-testid=notice]').textContent();
    expect(notice).toMatch(
      /The address’s options are 100,024 characters long; at most [\d,]+ are read, so the defaults are shown\./,
    );
    expect(notice!.length).toBeLessThan(200);
    // The defaults, not the query's kernel.
    expect(await widget.locator('[data-testid=embed-kernel]').inputValue()).toBe('rbf');
    expect(problems.pageErrors).toEqual([]);
  });

  it('postMessage: the iframe ignores whatever its parent posts, and posts only plain numbers', async () => {
    const { page, problems } = await browser.open('/worker-lab.html');
    await serve(
      page,
      '/examples/frame.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frame</title></head>
      <body><iframe id="figure" src="../embed.html?preset=step&panels=readout,status"
        width="600" height="400" title="figure"></iframe>
      <script>window.received = []; addEventListener('message', (e) => received.push(e.data));</script>
      </body></html>`,
    );
    const frameErrors: string[] = [];
    page.on('pageerror', (error) => frameErrors.push(error.message));
    await page.goto(siteUrl('/examples/frame.html'));
    const frame = page.frameLocator('#figure');
    const widget = frame.locator('[data-testid=gp-embed]');
    await waitForWidgetFit(widget);
    const before = await widget.locator('[data-testid=theta-lengthscale]').textContent();
    const points = await widget.locator('[data-testid=point]').count();

    await page.evaluate(() => {
      const target = (document.getElementById('figure') as HTMLIFrameElement).contentWindow!;
      const spoof = { lengthscale: 1e308, signalStd: -1, noiseStd: Number.NaN, points: [] };
      const hostile: unknown[] = [
        'x'.repeat(1_000_000),
        { type: 'gp-sensitivity:change', detail: spoof },
        { type: 'gp-sensitivity:set', points: '1,1;2,2;3,3', kernel: '<b>x</b>' },
        JSON.parse('{"__proto__": {"polluted": true}}'),
        new ArrayBuffer(1 << 20),
        null,
        [[[[[[[[[[]]]]]]]]]],
      ];
      for (const message of hostile) target.postMessage(message, '*');
    });
    // Give the frame time to react, if it were to.
    await page.waitForTimeout(500);
    expect(await widget.locator('[data-testid=theta-lengthscale]').textContent()).toBe(before);
    expect(await widget.locator('[data-testid=point]').count()).toBe(points);
    expect(
      await frame
        .locator('body')
        .evaluate(() => ({}) as Record<string, unknown>)
        .then((empty) => empty.polluted),
    ).toBeUndefined();

    // What the frame posts: plain data, finite numbers, the keys of FitChangeDetail only.
    await waitUntil(
      () => page.evaluate(() => (window as unknown as { received: unknown[] }).received.length > 0),
      'a change message from the frame',
    );
    const received = await page.evaluate(
      () =>
        (window as unknown as { received: { type: string; detail: FitChangeDetail }[] }).received,
    );
    for (const message of received) {
      expect(message.type).toBe('gp-sensitivity:change');
      expect(Object.keys(message.detail).sort()).toEqual([
        'kernel',
        'lengthscale',
        'logMarginalLikelihood',
        'noiseStd',
        'points',
        'signalStd',
        'trust',
      ]);
      for (const key of ['lengthscale', 'signalStd', 'noiseStd', 'logMarginalLikelihood'] as const)
        expect(Number.isFinite(message.detail[key])).toBe(true);
    }
    expect(frameErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });

  it('the explorer: a hostile link gets a short notice, the default data and the plot in place', async () => {
    const { page, problems } = await browser.open('/');
    await waitForArrows(page);
    const plotTop = (await page.locator('[data-testid=plot-area]').boundingBox())!.y;
    for (const [fragment, message] of [
      [
        `v=1&k=rbf&a=l&o=b&p=${'A'.repeat(20_000)}`,
        /^The link is 20,0\d\d characters long; a link to this page holds at most 8,140\./,
      ],
      [`v=1&k=${'k'.repeat(100_000)}&a=l&o=b&p=AAAA`, /^The link is 100,0\d\d characters long/],
      [
        `v=1&k=${encodeURIComponent(ATTACK)}&a=l&o=b&p=AAAA`,
        /^The link names an unknown kernel "<img src=x onerror=\\"window\.pwned=1\\">"\./,
      ],
    ] as const) {
      await page.evaluate((hash) => {
        window.location.hash = hash;
      }, fragment);
      const notice = page.locator('[data-testid=notice]');
      await waitUntil(
        async () => message.test((await notice.textContent()) ?? ''),
        `notice ${message}`,
      );
      const text = (await notice.textContent()) ?? '';
      expect(text.length).toBeLessThan(220);
      expect((await notice.boundingBox())!.height).toBeLessThan(100);
      // The plot moved down by the notice's height at most, not by pages.
      expect(
        (await page.locator('[data-testid=plot-area]').boundingBox())!.y - plotTop,
      ).toBeLessThan(100);
      await page.getByRole('button', { name: 'Dismiss' }).click();
    }
    expect(await page.locator('[data-testid=point]').count()).toBe(DEFAULT_POINT_COUNT);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(problems.pageErrors).toEqual([]);
  });

  it('a 4 MB fragment and a 1 MB option are refused in well under 50 ms, in the page', async () => {
    const { page } = await browser.open('/worker-lab.html');
    const timings = await page.evaluate(async () => {
      const inputs = await window.workerLab.inputs();
      const fragment = `#v=1&k=rbf&a=l&o=b&p=${'A'.repeat(4 * 1024 * 1024)}`;
      const points = 'junk '.repeat(200_000);
      const query = `?points=${'1,1;'.repeat(1_000_000)}`;
      const best = (run: () => unknown) => {
        let fastest = Infinity;
        for (let k = 0; k < 5; k++) {
          const started = performance.now();
          run();
          fastest = Math.min(fastest, performance.now() - started);
        }
        return fastest;
      };
      return {
        fragment: best(() => inputs.decodeSharedState(fragment, 300)),
        option: best(() => inputs.resolveEmbedOptions({ points })),
        query: best(() => inputs.readEmbedQuery(query)),
        refused: [
          inputs.decodeSharedState(fragment, 300).ok,
          inputs.resolveEmbedOptions({ points }).problems.length,
          inputs.readEmbedQuery(query).problem !== null,
        ],
      };
    });
    expect(timings.refused).toEqual([false, 1, true]);
    console.log(`refusal times (best of 5, ms): ${JSON.stringify(timings)}`);
    expect(timings.fragment).toBeLessThan(50);
    expect(timings.option).toBeLessThan(50);
    expect(timings.query).toBeLessThan(50);
  });
});
