/**
 * Budgets of the embedded widget, measured in Chromium on a production build: the JavaScript a
 * page runs on its main thread (every script file it loads, gzip-compressed, excluding the compute
 * worker), and tfjs only inside the worker. Two budgets, because the widget's text is a chunk of
 * its own per language (src/i18n/messages.ts, loaded on demand):
 *
 *   - the code: the entry (embed.html's script, or gp-sensitivity.js) and every chunk it imports
 *     statically, the short catalogue of option problems in both languages included: 120 kB;
 *   - the catalogue of the widget's language (assets/messages.<lang>-<hash>.js), the one chunk it
 *     imports on demand: 8.5 kB. The other language's is not loaded at all.
 *
 * The shared test site is built under the test runner's NODE_ENV=test, which bundles React's
 * development build; budgets are about what readers download, so this file builds and serves
 * the site once more in production mode.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerMessagesEn } from '../../src/i18n/explorerMessages.en';
import { explorerMessagesEs } from '../../src/i18n/explorerMessages.es';
import { launchChromium } from './browser';
import { waitForWidgetFit } from './embedHelpers';

const repositoryRoot = resolve(import.meta.dirname, '../..');

/**
 * The widget's code on the main thread, gzip-compressed, in bytes: the entry and the chunks it
 * imports statically (119.2 kB measured for the iframe and for the element; 132.2 kB when
 * both catalogues were part of it).
 */
const MAIN_THREAD_BUDGET = 120 * 1000;

/**
 * The catalogue of the widget's language, gzip-compressed (6.9 kB English, 7.5 kB Spanish; the
 * text of the panels only the explorer shows is the explorer's own).
 */
const CATALOGUE_BUDGET = 8.5 * 1000;

/** A language's catalogue chunk, by its file name. */
const catalogueChunk = (language: string) =>
  new RegExp(`/assets/messages\\.${language}-[\\w-]+\\.js$`);
const ANY_CATALOGUE = catalogueChunk('[a-z]+');

/** A message only the other language's catalogue holds (the readout's title). */
const OTHER_LANGUAGE_TEXT = { en: 'Hiperparámetros ajustados', es: 'Fitted hyperparameters' };

/**
 * Text of the panels only the explorer shows (src/i18n/explorerMessages.*.ts), which the widget
 * must not download in either language.
 */
const EXPLORER_ONLY_TEXT = [explorerMessagesEn, explorerMessagesEs].flatMap((messages) => [
  messages.landscapeTitle,
  messages.pullMapRefit,
  messages.influenceRemoval,
]);

/** Strings found only in tfjs (core flags, the WebGL backend, the Node backend's name). */
const TFJS_MARKERS = ['tfjsflags', 'High memory usage in GPU', 'tfjs-node'];

interface LoadedScripts {
  mainThread: { url: string; gzipBytes: number; text: string }[];
  workers: { url: string; text: string }[];
}

/** Every script the page loaded, split into main-thread files and worker entry files. */
async function loadedScripts(page: Page): Promise<LoadedScripts> {
  const workerUrls = page.workers().map((worker) => worker.url());
  const resources = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => entry.name),
  );
  const scriptUrls = [...new Set(resources)].filter(
    (url) => new URL(url).pathname.endsWith('.js') && !workerUrls.includes(url),
  );
  const fetchText = async (url: string) => (await fetch(url)).text();
  const mainThread = await Promise.all(
    scriptUrls.map(async (url) => {
      const text = await fetchText(url);
      return { url, text, gzipBytes: gzipSync(text, { level: 9 }).length };
    }),
  );
  const workers = await Promise.all(
    workerUrls.map(async (url) => ({ url, text: await fetchText(url) })),
  );
  return { mainThread, workers };
}

function describeSizes(scripts: LoadedScripts['mainThread']): string {
  return scripts.map(({ url, gzipBytes }) => `${new URL(url).pathname} ${gzipBytes} B`).join(', ');
}

let outDir = '';
let server: PreviewServer | undefined;
let baseUrl = '';

/** Absolute URL of `path` on the production build served for this file. */
const productionUrl = (path: string) => new URL(path.replace(/^\//, ''), baseUrl).href;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'gp-explorer-embed-budget-'));
  const configFile = join(repositoryRoot, 'vite.config.ts');
  const testEnvironment = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: repositoryRoot,
      configFile,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = testEnvironment;
  }
  server = await preview({
    root: repositoryRoot,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  baseUrl = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`;
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the embedded widget', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const [name, path, language] of [
    ['embed.html (the iframe)', '/embed.html', 'en'],
    ['embed.html?lang=es (the iframe in Spanish)', '/embed.html?lang=es', 'es'],
    ['gp-sensitivity.js (the element)', '/examples/blog-post.html', 'en'],
  ] as const) {
    it(`${name}: code ≤ 120 kB and its catalogue ≤ 8.5 kB gzip, tfjs only in the worker`, async () => {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(productionUrl(path));
      const widget = path.startsWith('/embed.html')
        ? page.locator('[data-testid=gp-embed]')
        : page.locator('#step-figure [data-testid=gp-embed]');
      await waitForWidgetFit(widget);
      expect(await widget.getAttribute('lang')).toBe(language);
      const scripts = await loadedScripts(page);
      // The article's own small script is the host page's, not the widget's.
      const widgetScripts = scripts.mainThread.filter(
        ({ url }) => !url.startsWith(productionUrl('/examples/')),
      );
      const code = widgetScripts.filter(({ url }) => !ANY_CATALOGUE.test(new URL(url).pathname));
      const catalogues = widgetScripts.filter(({ url }) =>
        ANY_CATALOGUE.test(new URL(url).pathname),
      );
      expect(code.length).toBeGreaterThan(0);
      if (!path.startsWith('/embed.html')) {
        expect(code.map(({ url }) => url)).toContain(productionUrl('/gp-sensitivity.js'));
      }
      const total = code.reduce((sum, script) => sum + script.gzipBytes, 0);
      expect(total, describeSizes(code)).toBeLessThanOrEqual(MAIN_THREAD_BUDGET);
      // One catalogue, the widget's language's: the other language's text is nowhere.
      expect(catalogues.map(({ url }) => new URL(url).pathname)).toEqual([
        expect.stringMatching(catalogueChunk(language)),
      ]);
      expect(catalogues[0]!.gzipBytes, describeSizes(catalogues)).toBeLessThanOrEqual(
        CATALOGUE_BUDGET,
      );
      for (const { url, text } of scripts.mainThread) {
        expect(text.includes(OTHER_LANGUAGE_TEXT[language]), url).toBe(false);
        for (const explorerText of EXPLORER_ONLY_TEXT)
          expect(text.includes(explorerText), `"${explorerText}" in ${url}`).toBe(false);
      }

      for (const { url, text } of scripts.mainThread) {
        for (const marker of TFJS_MARKERS) {
          expect(text.includes(marker), `"${marker}" in main-thread ${url}`).toBe(false);
        }
      }
      // The markers do identify tfjs: the worker has every one of them.
      expect(scripts.workers.length).toBeGreaterThan(0);
      for (const marker of TFJS_MARKERS) {
        expect(
          scripts.workers.some(({ text }) => text.includes(marker)),
          marker,
        ).toBe(true);
      }
      expect(pageErrors).toEqual([]);
      console.info(
        `${name}: ${(total / 1000).toFixed(1)} kB gzip of code and ${(catalogues[0]!.gzipBytes / 1000).toFixed(1)} kB of the ${language} catalogue on the main thread`,
      );
      await context.close();
    });
  }
});
