/** embed.html: the chrome-less widget honours every option its URL gives, and says which it ignored. */
import { describe, expect, it } from 'vitest';
import { defaultEmbedConfig, resolveEmbedOptions } from '../../src/embed/options';
import { embedFrameHeight } from '../../src/embed/snippets';
import { findPreset } from '../../src/state/presets';
import { useBrowser } from './browser';
import {
  engineTheta,
  readWidgetPoints,
  readWidgetTheta,
  thetaClose,
  waitForWidgetFit,
} from './embedHelpers';

const POINTS =
  '0.5,0.62;1.5,0.9;2.5,1.25;3.5,0.25;4.5,-0.38;5.5,-1.3;6.5,-0.9;7.5,-0.52;8.5,0.75;9.5,1';
const POINT_LIST = POINTS.split(';').map((pair) => {
  const [x = '', y = ''] = pair.split(',');
  return { x: Number(x), y: Number(y) };
});

describe('embed.html', () => {
  const browser = useBrowser();

  it('shows the points, kernel, arrows, band, panels, height and theme its URL asks for', async () => {
    const { page, problems } = await browser.open(
      `/embed.html?points=${POINTS}&kernel=matern32&hyperparameter=signalStd&arrows=vector&band=false&panels=controls,readout&height=250&theme=dark`,
    );
    const widget = page.locator('[data-testid=gp-embed]');
    await waitForWidgetFit(widget);

    const shown = await readWidgetPoints(widget);
    expect(shown).toEqual(POINT_LIST);
    expect(await widget.locator('[data-testid=embed-kernel]').inputValue()).toBe('matern32');
    expect(await widget.locator('[data-testid=embed-hyperparameter]').inputValue()).toBe(
      'signalStd',
    );
    // Arrows in σf's colour class, as 2-D vectors (a non-zero x component somewhere).
    expect(await widget.locator('g.arrows[data-seq]').getAttribute('class')).toContain('signalStd');
    const dxs = await widget
      .locator('[data-testid=arrow]')
      .evaluateAll((nodes) => nodes.map((node) => Math.abs(Number(node.getAttribute('data-dx')))));
    expect(Math.max(...dxs)).toBeGreaterThan(0);
    expect(await widget.locator('.posterior .band').count()).toBe(0);
    expect(await widget.locator('.posterior .mean').count()).toBe(1);
    expect(await widget.locator('svg.plot').getAttribute('height')).toBe('250');
    expect(await widget.locator('[data-testid=embed-readout]').count()).toBe(1);
    // A trusted fit's line ends by saying the points can be dragged.
    expect(await widget.locator('[data-testid=embed-verdict]').getAttribute('data-status')).toBe(
      'shown',
    );
    expect(await widget.locator('.embed-hint').textContent()).toMatch(/Drag a point/);
    // The mark says in a visible word what it stands for; its whole sentence on hover.
    const verdict = widget.locator('[data-testid=embed-verdict]');
    expect(await verdict.locator('.embed-verdict-word').isVisible()).toBe(true);
    expect(await verdict.locator('.embed-verdict-word').textContent()).toBe(' arrows trusted');
    expect(await verdict.getAttribute('title')).toMatch(/^Sensitivities trusted/);
    expect(await widget.locator('[data-testid=embed-status]').count()).toBe(0);
    expect(await widget.getAttribute('data-theme')).toBe('dark');
    // The dark theme's surface colour, whatever the system prefers.
    expect(await widget.evaluate((node) => getComputedStyle(node).backgroundColor)).toBe(
      'rgb(24, 28, 34)',
    );

    // θ̂ is the float64 engine's fit of exactly these points with this kernel.
    const theta = await readWidgetTheta(widget);
    expect(thetaClose(theta, engineTheta(POINT_LIST, 'matern32'), 1e-3)).toBe(true);
    expect(thetaClose(theta, engineTheta(POINT_LIST, 'rbf'), 1e-3)).toBe(false);
    expect(await widget.locator('[data-testid=notice]').count()).toBe(0);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('shows the plot alone with panels=none, and follows the system theme with theme=auto', async () => {
    const { page, context, problems } = await browser.open('/embed.html?panels=none&preset=step');
    const widget = page.locator('[data-testid=gp-embed]');
    await waitForWidgetFit(widget);
    expect(await widget.locator('[data-testid=embed-readout]').count()).toBe(0);
    expect(await widget.locator('.embed-controls').count()).toBe(0);
    expect(await widget.locator('[data-testid=point]').count()).toBe(
      findPreset('step').points.length,
    );
    const light = await widget.evaluate((node) => getComputedStyle(node).backgroundColor);
    expect(light).toBe('rgb(255, 255, 255)');

    const dark = await context.newPage();
    await dark.emulateMedia({ colorScheme: 'dark' });
    await dark.goto(page.url());
    const darkWidget = dark.locator('[data-testid=gp-embed]');
    await waitForWidgetFit(darkWidget);
    expect(await darkWidget.evaluate((node) => getComputedStyle(node).backgroundColor)).toBe(
      'rgb(24, 28, 34)',
    );
    // theme=light holds against a dark system preference.
    await dark.goto(`${page.url()}&theme=light`);
    await waitForWidgetFit(dark.locator('[data-testid=gp-embed]'));
    expect(
      await dark
        .locator('[data-testid=gp-embed]')
        .evaluate((node) => getComputedStyle(node).backgroundColor),
    ).toBe('rgb(255, 255, 255)');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('names each bad option in a notice and shows the defaults instead', async () => {
    const { page, problems } = await browser.open(
      '/embed.html?points=1,2;3&kernel=gaussian&height=5&panels=readout,legend&theme=sepia',
    );
    const widget = page.locator('[data-testid=gp-embed]');
    await waitForWidgetFit(widget);
    const notice = (await widget.locator('[data-testid=notice]').textContent()) ?? '';
    expect(notice).toContain('pair 2 "3" must be an x and a y');
    expect(notice).toContain('kernel "gaussian" is not one of rbf, matern52, matern32');
    expect(notice).toContain('height "5" is not a number of pixels from 160 to 1200');
    expect(notice).toContain('panel "legend" is not one of controls, readout, status');
    expect(notice).toContain('theme "sepia" is not one of auto, light, dark');
    // The defaults: the noisy sine, RBF, controls and readout.
    const expected = defaultEmbedConfig();
    expect(await widget.locator('[data-testid=point]').count()).toBe(expected.points.length);
    expect(await widget.locator('[data-testid=embed-kernel]').inputValue()).toBe('rbf');
    expect(problems.pageErrors).toEqual([]);
  });

  it('fits in the iframe height its snippet gives, for every choice of panels', async () => {
    for (const panels of [
      'none',
      'controls',
      'readout',
      'controls,readout',
      'controls,readout,status',
    ]) {
      const query = `panels=${panels}&height=300`;
      const { config } = resolveEmbedOptions({ panels, height: 300 });
      const frameHeight = embedFrameHeight(config);
      const { page, context } = await browser.open(`/embed.html?${query}`);
      await page.setViewportSize({ width: 640, height: frameHeight });
      await waitForWidgetFit(page.locator('[data-testid=gp-embed]'));
      const needed = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(needed, `panels=${panels}`).toBeLessThanOrEqual(frameHeight);
      // Not much spare room either: the snippet should not leave a gap under the widget.
      expect(frameHeight - needed, `panels=${panels}`).toBeLessThan(24);
      await context.close();
    }
  });

  it('with an asked height gives up what its snippet’s iframe lacks on a phone, and takes it back when wider', async () => {
    const { config } = resolveEmbedOptions({ panels: 'controls,readout', height: 300 });
    const frameHeight = embedFrameHeight(config);
    const { page, context, problems } = await browser.open(
      '/embed.html?panels=controls,readout&height=300&lang=es&theme=sepia',
    );
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const widget = page.locator('[data-testid=gp-embed]');
    const plotHeight = () => widget.locator('svg.plot').getAttribute('height').then(Number);
    const fits = () =>
      page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight);
    await page.setViewportSize({ width: 360, height: frameHeight });
    await waitForWidgetFit(widget);
    // The controls pair up in two rows (kernel and reset, arrows and a shorter link to the
    // explorer), the long Spanish option shortened: the plot is lower, θ̂ inside the frame.
    const rowTops = await widget
      .locator(
        '.kernel-control, [data-testid=embed-reset], .arrows-control, [data-testid=open-app]',
      )
      .evaluateAll((nodes) => nodes.map((node) => Math.round(node.getBoundingClientRect().top)));
    expect(rowTops).toHaveLength(4);
    expect(new Set(rowTops.map((top) => Math.round(top / 10))).size).toBe(2);
    await expect(widget.getByTestId('open-app').innerText()).resolves.toBe('Explorador ↗');
    await expect(widget.getByTestId('open-app').getAttribute('aria-label')).resolves.toBe(
      'Abrir en el explorador ↗',
    );
    await expect.poll(fits).toBe(true);
    expect(await plotHeight()).toBeLessThan(300);
    expect(await plotHeight()).toBeGreaterThanOrEqual(160);
    const readout = await widget.getByTestId('embed-readout').boundingBox();
    expect(readout!.y + readout!.height).toBeLessThanOrEqual(frameHeight);
    // (At 640 px the Spanish controls still take two rows.)
    await page.setViewportSize({ width: 900, height: frameHeight });
    await expect.poll(plotHeight).toBe(300);
    await expect(widget.getByTestId('open-app').innerText()).resolves.toBe(
      'Abrir en el explorador ↗',
    );
    expect(await fits()).toBe(true);
    // Fitting the frame does not repeat the query's problem: it was reported at the start.
    expect(warnings.filter((warning) => warning.includes('sepia'))).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    await context.close();
  });

  it('with the default height fits its snippet’s iframe at any width, a blog’s or a phone’s', async () => {
    const { config } = resolveEmbedOptions({ panels: 'controls,readout' });
    const frameHeight = embedFrameHeight(config);
    const { page, context } = await browser.open('/embed.html?panels=controls,readout');
    for (const width of [360, 640, 900]) {
      await page.setViewportSize({ width, height: frameHeight });
      await waitForWidgetFit(page.locator('[data-testid=gp-embed]'));
      const needed = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(needed, `${width} px`).toBeLessThanOrEqual(frameHeight);
    }
    await context.close();
  });
});
