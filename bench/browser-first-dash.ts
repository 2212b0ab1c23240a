/**
 * `npm run bench:first-dash [-- --sizes 10,50 --runs 3 --site DIR]`: does the page stop when its
 * arrows are first drawn dashed?
 *
 * The arrows are dashed when the fit asks for caution or cannot be trusted, which may first happen
 * in the middle of a drag. Software rendering (SwiftShader) prepares a pipeline the first time it
 * draws a dashed stroke and shows no frame meanwhile; the explorer draws one unseen with its first
 * arrows (src/ui/plot/DashWarmUp.tsx). For each size and run, a fresh page of the explorer on the
 * drag benchmark's noisy sine, in a browser of its own (its GPU process keeps what it prepared for
 * the pages after); 3 s after its arrows, their group is switched to the caution style
 * and back, six times, each switch timed from the change to a task posted from the second
 * animation frame after it. Reports the slowest switch beside the median one. `--site DIR` opens
 * a site already built into DIR (another commit's `vite build`) instead of building this one.
 */
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { serveBuiltSite, servePrebuiltSite } from '../scripts/built-site';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import { DEFAULT_VIEW_OPTIONS, encodeSharedState, noisySine } from '../src/state';
import { percentile } from './drag-report';

function option(name: string): string | null {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? null) : null;
}

const sizes = (option('sizes') ?? '10,50').split(',').map(Number);
const runs = Number(option('runs') ?? 3);
const prebuilt = option('site');
const SWITCHES = 6;

async function main(): Promise<void> {
  const site = prebuilt
    ? await servePrebuiltSite(prebuilt)
    : await serveBuiltSite({ logLevel: 'error' });
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const rows: string[] = [];
  try {
    for (const n of sizes) {
      const fragment = encodeSharedState({
        points: noisySine(n, 11, 0.18),
        kernel: 'rbf',
        options: DEFAULT_VIEW_OPTIONS,
      });
      for (let run = 1; run <= runs; run++) {
        // A fresh browser each run: its GPU process keeps what it has prepared for later pages.
        const browser = await chromium.launch({
          executablePath: chromiumPath(),
          headless: true,
          args: [...CHROMIUM_ARGS],
        });
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        // tsx keeps function names with a `__name` helper that page-side functions must find.
        await page.addInitScript('globalThis.__name = (target) => target;');
        await page.goto(`${site.baseUrl}#${fragment}`);
        await page.waitForFunction(
          (count) => document.querySelectorAll('[data-testid=arrow]').length === count,
          n,
          { timeout: 120_000, polling: 'raf' },
        );
        await page.waitForTimeout(3000);
        const switches = await page.evaluate(async (count) => {
          const arrows = document.querySelector('#explorer-plot g.arrows[data-seq]');
          if (!arrows) throw new Error('no arrows on the page');
          const shown = () =>
            new Promise<number>((done) => {
              const start = performance.now();
              requestAnimationFrame(() =>
                requestAnimationFrame(() => {
                  const channel = new MessageChannel();
                  channel.port1.onmessage = () => done(performance.now() - start);
                  channel.port2.postMessage(null);
                }),
              );
            });
          const times: number[] = [];
          for (let k = 0; k < count; k++) {
            arrows.classList.toggle('caution');
            times.push(await shown());
          }
          return times;
        }, SWITCHES);
        await browser.close();
        rows.push(
          `| ${n} | ${run} | ${Math.max(...switches).toFixed(0)} | ${percentile(switches, 0.5).toFixed(0)} | ${switches.map((t) => t.toFixed(0)).join(' ')} |`,
        );
        console.error(`n=${n}, run ${run} done`);
      }
    }
  } finally {
    await site.close();
  }
  console.log(
    [
      `Load average (1 min) ${loadAtStart.toFixed(1)} at the start and ${(loadavg()[0] ?? Number.NaN).toFixed(1)} at the end.`,
      '',
      '| n | run | slowest switch (ms) | median switch (ms) | each switch, in order (ms) |',
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
}

await main();
