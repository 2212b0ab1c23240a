/**
 * The influence panel in the compute worker, in headless Chromium: `npm run bench:influence
 * [-- --sizes 10,30,100 --runs 5 --global-check]`.
 *
 * Builds and serves the site, opens the worker test page and asks the explorer's compute client
 * for every point's influence (`requestInsight` with `influence: true`) on the engine bench's
 * noisy sine (bench/cases/noisy-sine.ts) for each rule: the cold fit, then a refit without each
 * point from θ̂, in the worker, between the slices the worker yields in.
 * One warm-up request per size and rule, then --runs timed ones. Reports the worker's own time
 * for the panel (the refits, and with the check the maxima, without the fit) and the request → answer latency the page saw,
 * medians. Prints Markdown. With `--global-check` it times the page's follow-up request instead,
 * which also starts every refit from the full data's other local maxima and fits every reduced
 * dataset from a global search (no target: it runs after the quick answer is on screen).
 */
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { serveBuiltSite } from '../scripts/built-site';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import { noisySine } from './cases/noisy-sine';

function option(name: string): string | null {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? null) : null;
}

const sizes = (option('sizes') ?? '10,30,100').split(',').map(Number);
const runs = Number(option('runs') ?? 5);
const rules = ['ml', 'map', 'loo'] as const;
const globalCheck = process.argv.includes('--global-check');
/** The panel's target in the worker for n ≤ 100. */
const TARGET_MS = 100;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));

async function main(): Promise<void> {
  const site = await serveBuiltSite({ mode: 'e2e', logLevel: 'error' });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const rows: string[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(`${site.baseUrl}worker-lab.html`);
    await page.evaluate(() => window.workerLab.waitForBackend());
    for (const n of sizes) {
      const data = noisySine(n);
      const request = { x: Array.from(data.x), y: Array.from(data.y) };
      for (const rule of rules) {
        const panel: number[] = [];
        const latency: number[] = [];
        let statuses: string[] = [];
        for (let run = 0; run <= runs; run++) {
          const result = await page.evaluate(
            (asked) => window.workerLab.influence(asked, 600_000),
            { ...request, rule, globalCheck },
          );
          if (!result.ok) throw new Error(`influence n=${n} ${rule}: ${result.message}`);
          if (run === 0) continue;
          panel.push(result.timingMs!.influence);
          latency.push(result.latencyMs);
          statuses = result.statuses ?? [];
        }
        const counts = new Map<string, number>();
        for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
        const panelMedian = median(panel);
        const target =
          n <= 100 && !globalCheck
            ? `< ${TARGET_MS} ms: ${panelMedian < TARGET_MS ? 'met' : 'NOT met'}`
            : '';
        rows.push(
          `| ${n} | ${rule} | ${runs} | ${ms(panelMedian)} | ${ms(Math.min(...panel))} | ${ms(median(latency))} | ${target} | ${[...counts].map(([status, count]) => `${status} ${count}`).join(', ')} |`,
        );
        console.error(`n=${n} ${rule} done`);
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const loadAfter = loadavg()[0] ?? Number.NaN;
  console.log(
    [
      `Measured by \`npm run bench:influence\` on ${new Date().toISOString().slice(0, 10)}: headless`,
      `Chromium, ${cpus().length} cores; load average (1 min) ${loadBefore.toFixed(1)} before,`,
      `${loadAfter.toFixed(1)} after. _Panel_: the worker's time for every removal refit (and the`,
      'local maxima, with the check; its own clock, the fit before them excluded); _latency_:',
      'request → answer on',
      'the page, the cold fit and the slices included. Medians.',
      ...(globalCheck
        ? ['With the global check: every reduced dataset also fitted from a global search.']
        : []),
      '',
      '| n | rule | runs | panel in the worker (ms) | min (ms) | latency (ms) | target | rows |',
      '| -: | ---- | ---: | -----------------------: | -------: | -----------: | ------ | ---- |',
      ...rows,
    ].join('\n'),
  );
}

await main();
