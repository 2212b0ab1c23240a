/**
 * Budgets of the embedded widget, measured in Chromium on a production build: the JavaScript a
 * page runs on its main thread (every script file it loads, gzip-compressed, excluding the compute
 * worker) stays within 133 kB, and tfjs is loaded only inside the worker.
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
import { launchChromium } from './browser';
import { waitForWidgetFit } from './embedHelpers';

const repositoryRoot = resolve(import.meta.dirname, '../..');

/**
 * Main-thread JavaScript allowed, gzip-compressed, in bytes (133 kB): 120 kB until the widget
 * spoke two languages; both message catalogues ship with it, the option problems in both
 * languages included (132.2 kB measured with them).
 */
const MAIN_THREAD_BUDGET = 133 * 1000;

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

  for (const [name, path] of [
    ['embed.html (the iframe)', '/embed.html'],
    ['gp-sensitivity.js (the element)', '/examples/blog-post.html'],
  ] as const) {
    it(`${name}: main-thread JavaScript ≤ 133 kB gzip, and tfjs only in the worker`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(productionUrl(path));
      const widget =
        path === '/embed.html'
          ? page.locator('[data-testid=gp-embed]')
          : page.locator('#step-figure [data-testid=gp-embed]');
      await waitForWidgetFit(widget);
      const scripts = await loadedScripts(page);
      // The article's own small script is the host page's, not the widget's.
      const widgetScripts = scripts.mainThread.filter(
        ({ url }) => !url.startsWith(productionUrl('/examples/')),
      );
      expect(widgetScripts.length).toBeGreaterThan(0);
      if (path !== '/embed.html') {
        expect(widgetScripts.map(({ url }) => url)).toContain(productionUrl('/gp-sensitivity.js'));
      }
      const total = widgetScripts.reduce((sum, script) => sum + script.gzipBytes, 0);
      expect(total, describeSizes(widgetScripts)).toBeLessThanOrEqual(MAIN_THREAD_BUDGET);

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
      console.info(`${name}: ${(total / 1000).toFixed(1)} kB gzip on the main thread`);
      await context.close();
    });
  }
});
