import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_OPTIONS, encodeSharedState, findPreset } from '../../src/state';
import { GLOSSARY } from '../../src/ui/glossary';
import { RULES_FRAGMENT } from '../../scripts/rules-screenshots';
import { launchChromium, siteUrl } from './browser';
import { waitForWidgetFit } from './embedHelpers';
import { explorerLink, TWO_MAXIMA } from './twoMaxima';
import { waitForArrows, waitForFit } from './uiHelpers';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0 and 2.1, levels A and AA) on the page and every frame in it, and
 * returns the serious and critical violations.
 */
async function seriousViolations(page: Page): Promise<Violation[]> {
  for (const frame of page.frames()) await frame.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    };
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      }));
  });
}

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  async function open(options: BrowserContextOptions, path: string) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await page.goto(siteUrl(path));
    return { context, page };
  }

  for (const [name, options] of [
    ['desktop, light', { ...DESKTOP, colorScheme: 'light' }],
    ['desktop, dark', { ...DESKTOP, colorScheme: 'dark' }],
    ['phone, light', { ...PHONE, colorScheme: 'light' }],
    ['phone, dark', { ...PHONE, colorScheme: 'dark' }],
  ] as const) {
    it(`finds nothing serious on the explorer (${name})`, async () => {
      const { context, page } = await open(options, '/');
      await waitForArrows(page);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('finds nothing serious on a Spanish lesson link and in the Lesson link dialog', async () => {
    const { context, page } = await open(
      { ...PHONE, colorScheme: 'dark' },
      `/?lang=es#${encodeSharedState({
        points: findPreset('clusters').points,
        kernel: 'rbf',
        options: DEFAULT_VIEW_OPTIONS,
        lesson: {
          hide: ['controls', 'math'],
          title: 'Un casi empate',
          caption: 'Arrastra un punto.',
        },
      })}`,
    );
    await waitForArrows(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('lesson-button').click();
    await page.getByTestId('lesson-link').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds nothing serious on the explorer in presentation mode and with θ set by hand', async () => {
    const { context, page } = await open({ ...DESKTOP, colorScheme: 'light' }, '/#present=1');
    await waitForArrows(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.evaluate(() =>
      window.gpExplorer!.store.getState().setManualTheta({ lengthscale: 0.5, noiseRatio: 0.01 }),
    );
    await page.getByTestId('manual-fit').getByText('less well').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  for (const [name, options] of [
    ['desktop, dark', { ...DESKTOP, colorScheme: 'dark' }],
    ['phone, light', { ...PHONE, colorScheme: 'light' }],
  ] as const) {
    it(`finds nothing serious with two rules compared, the influence panel, the pull map and the MAP prior (${name})`, async () => {
      const { context, page } = await open(options, `/#${RULES_FRAGMENT}`);
      await waitForArrows(page);
      await page.waitForSelector('[data-testid=influence-panel][data-state=current]', {
        timeout: 60_000,
      });
      await page.waitForSelector('[data-testid=influence-map][data-state=current]');
      expect(await seriousViolations(page)).toEqual([]);
      // MAP shows its prior's editor.
      await page.getByTestId('rule-map').check();
      await page.getByTestId('prior-editor').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds nothing serious on the embed (${scheme})`, async () => {
      const { context, page } = await open({ ...DESKTOP, colorScheme: scheme }, '/embed.html');
      await waitForWidgetFit(page.locator('[data-testid=gp-embed]'));
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('finds nothing serious on the example article, its widgets included', async () => {
    const { context, page } = await open(DESKTOP, '/examples/blog-post.html');
    await waitForWidgetFit(page.locator('#step-figure [data-testid=gp-embed]'));
    await page.locator('#outlier-figure').scrollIntoViewIfNeeded();
    await waitForWidgetFit(page.frameLocator('#outlier-figure').locator('[data-testid=gp-embed]'));
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('explanations of technical terms', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('are on the page for every term of the glossary', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    // A second maximum almost as likely as θ̂ brings the near tie's term up.
    await page.goto(siteUrl(explorerLink(TWO_MAXIMA)));
    await waitForArrows(page);
    const terms = () =>
      page
        .locator('[data-testid^=term-]:not([data-testid^=term-note])')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')?.slice(5)));
    const present = await terms();
    // θ̂ on a bound of the search (pure noise: ℓ runs off) brings the bound's term up.
    await page.getByTestId('preset').selectOption('noise');
    await waitForFit(page);
    present.push(...(await terms()));
    for (const term of Object.keys(GLOSSARY)) expect(present, term).toContain(term);
    await context.close();
  });

  it('open and close by keyboard', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(siteUrl('/'));
    await waitForArrows(page);
    const button = page.getByTestId('term-conditionNumber');
    const note = page.getByTestId('term-note-conditionNumber');
    // Tab reaches it: from the noise std's ⓘ, through the log likelihood's and the nats'.
    await page.getByTestId('term-noiseStd').focus();
    for (let step = 0; step < 3; step++) await page.keyboard.press('Tab');
    expect(await button.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await note.isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain(GLOSSARY.conditionNumber.explanation);
    expect(await button.getAttribute('aria-controls')).toBe(await note.getAttribute('id'));
    await page.keyboard.press('Escape');
    expect(await note.isVisible()).toBe(false);
    // Escape spent on the note leaves presentation mode alone, and Space opens it too.
    expect(await page.locator('.app').getAttribute('data-presenting')).toBe('false');
    await page.keyboard.press(' ');
    expect(await note.isVisible()).toBe(true);
    await context.close();
  });

  it('open and close by touch', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(siteUrl('/'));
    await waitForArrows(page);
    const note = page.getByTestId('term-note-computeBackend');
    await page.getByTestId('term-computeBackend').tap();
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('float64');
    const box = await note.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await page.getByTestId('term-computeBackend').tap();
    expect(await note.isVisible()).toBe(false);
    await page.getByTestId('term-lengthscale').tap();
    expect(await page.getByTestId('term-note-lengthscale').isVisible()).toBe(true);
    await page.locator('.masthead h1').tap();
    expect(await page.getByTestId('term-note-lengthscale').isVisible()).toBe(false);
    await context.close();
  });
});
