/**
 * Embedded-widget benchmark in headless Chromium: `npm run bench:embed [-- --write BENCHMARKS.md]
 * [--runs 7] [--counts 1,2,4]`.
 *
 * Builds the site in production mode, serves it, and measures
 *
 *   first arrows   navigation → the first sensitivity arrow drawn (a requestAnimationFrame poll
 *                  in the page, from the navigation's time origin), for embed.html (the iframe
 *                  page) and for a page with one <gp-sensitivity> element; each run in a fresh
 *                  browser context (cold HTTP cache);
 *   worker sharing for N elements on one page, one compute worker shared by all (`worker`
 *                  attribute absent) against one worker each (`worker="own"`):
 *                    start-up   navigation → every widget has drawn its arrows;
 *                    memory     proportional set size (PSS) of all Chromium processes once
 *                               every widget has fitted, minus that of the same browser on
 *                               about:blank (the worker and its WebGL context live in the
 *                               renderer and GPU processes);
 *                    latency    one drag step (a point moved by 0.02 in y through the store,
 *                               as a pointer move does) → its fit back in the store, for one
 *                               widget alone and for two widgets dragged at the same time.
 *
 * Prints Markdown; with --write FILE replaces (or appends) the "## Embedding" section of FILE,
 * keeping every other section.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveBuiltSite } from '../scripts/built-site';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import { writeMarkdownSection } from './markdown-section';

const SECTION = '## Embedding';
/** Datasets and kernels whose fits are trusted, so every widget draws arrows. */
const FIGURES = [
  'preset="sine"',
  'preset="step" kernel="matern32"',
  'preset="sine" kernel="matern52"',
  'preset="step"',
];

function option(name: string): string | null {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? null) : null;
}
const runs = Number(option('runs') ?? 7);
/** Repetitions of each worker-sharing measurement (fresh browser each time). */
const repeats = Number(option('repeats') ?? 3);
const counts = (option('counts') ?? '1,2,4').split(',').map(Number);
const writeTarget = option('write');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
};
const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/**
 * Records, in every frame, when the first arrow path appears in any widget's shadow root. A
 * string, not a function: the TypeScript runner would wrap a function in helpers the page lacks.
 */
const RECORD_FIRST_ARROWS = `
  (() => {
    const poll = () => {
      const hosts = document.querySelectorAll('#root, gp-sensitivity');
      const drawn = [...hosts].some((host) =>
        host.shadowRoot?.querySelector('[data-testid=arrow] path'),
      );
      if (drawn) window.firstArrows = performance.now();
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  })();
`;

function elementsPage(count: number, attributes: string): string {
  const elements = Array.from(
    { length: count },
    (_, i) =>
      `<gp-sensitivity id="w${i}" ${FIGURES[i % FIGURES.length]} height="220" ${attributes}></gp-sensitivity>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Widgets</title>
    <script type="module" src="../gp-sensitivity.js"></script></head>
    <body>${elements.join('\n')}</body></html>`;
}

/** Serves `html` at `url` for this page only. */
async function serveHtml(page: Page, url: string, html: string): Promise<void> {
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
}

/** Navigation → the time `firstArrows` was recorded, in ms. */
async function firstArrows(browser: Browser, url: string, html?: string): Promise<number> {
  const context = await browser.newContext();
  await context.addInitScript(RECORD_FIRST_ARROWS);
  const page = await context.newPage();
  if (html) await serveHtml(page, url, html);
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => (window as Window & { firstArrows?: number }).firstArrows,
    undefined,
    { timeout: 120_000 },
  );
  const value = Number(await handle.jsonValue());
  await context.close();
  return value;
}

/** Waits until every widget on the page has fitted and drawn an arrow on every point. */
async function waitForAllWidgets(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const hosts = [...document.querySelectorAll('gp-sensitivity')];
      return (
        hosts.length === expected &&
        hosts.every((host) => {
          const root = host.shadowRoot;
          const frame = root?.querySelector<HTMLElement>('[data-testid=gp-embed]');
          const points = root?.querySelectorAll('[data-testid=point]').length ?? 0;
          const arrows = root?.querySelectorAll('[data-testid=arrow]').length ?? -1;
          return frame?.dataset.pending === 'false' && points > 0 && arrows === points;
        })
      );
    },
    count,
    { timeout: 120_000 },
  );
}

/** Sum of PSS over a process and its descendants (Linux /proc), in bytes. */
function treePss(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      // Gone, or not ours to read.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

interface SharingRow {
  count: number;
  sharing: 'shared' | 'own';
  workers: number;
  startup: number;
  memory: number;
}

/** Start-up and memory for `count` elements, in a fresh browser so memory is its own. */
async function measureSharing(
  url: string,
  count: number,
  sharing: 'shared' | 'own',
): Promise<SharingRow> {
  const server = await chromium.launchServer({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const browser = await chromium.connect(server.wsEndpoint());
  try {
    const pid = server.process().pid!;
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.waitForTimeout(1000);
    const baseline = treePss(pid);
    await serveHtml(page, url, elementsPage(count, sharing === 'own' ? 'worker="own"' : ''));
    await page.goto(url);
    await waitForAllWidgets(page, count);
    const startup = await page.evaluate(() => performance.now());
    // Let start-up garbage settle before reading memory.
    await page.waitForTimeout(1500);
    const memory = treePss(pid) - baseline;
    const workers = page.workers().length;
    return { count, sharing, workers, startup, memory };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** One line per widget count: what sharing the worker saves in memory and start-up time. */
function sharingSummary(rows: SharingRow[]): string[] {
  return counts
    .filter((count) => count > 1)
    .map((count) => {
      const shared = rows.find((row) => row.count === count && row.sharing === 'shared')!;
      const own = rows.find((row) => row.count === count && row.sharing === 'own')!;
      const memory = own.memory - shared.memory;
      return (
        `- ${count} widgets: sharing saves ${mb(memory)} MiB (${mb(memory / (count - 1))} MiB ` +
        `per extra widget); start-up ${ms(Math.abs(own.startup - shared.startup))} ms ` +
        `${shared.startup <= own.startup ? 'faster' : 'slower'} shared.`
      );
    });
}

interface LatencyRow {
  sharing: 'shared' | 'own';
  alone: number[];
  together: number[];
}

/** Drag-step latency for two widgets, one dragged alone, then both at once. */
async function measureLatency(
  browser: Browser,
  url: string,
  sharing: 'shared' | 'own',
): Promise<LatencyRow> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await serveHtml(page, url, elementsPage(2, sharing === 'own' ? 'worker="own"' : ''));
  await page.goto(url);
  await waitForAllWidgets(page, 2);
  // A string for the same reason as RECORD_FIRST_ARROWS. Widgets w0 and w1 expose their stores.
  const result = (await page.evaluate(`(async () => {
    const stores = ['w0', 'w1'].map((id) => document.getElementById(id).widget.store);
    const step = (store, index, y) =>
      new Promise((done) => {
        const started = performance.now();
        const stop = store.subscribe((state) => {
          if (state.pendingSeq === null) {
            stop();
            done(performance.now() - started);
          }
        });
        store.getState().dragTo(store.getState().points[index].x, y);
      });
    const drag = async (store, index, steps) => {
      const times = [];
      const start = store.getState().points[index].y;
      store.getState().beginDrag(index);
      for (let i = 1; i <= steps; i++) times.push(await step(store, index, start + 0.02 * i));
      store.getState().endDrag();
      return times;
    };
    const alone = await drag(stores[0], 4, 20);
    const together = (await Promise.all([drag(stores[0], 6, 20), drag(stores[1], 6, 20)])).flat();
    return { alone, together };
  })()`)) as { alone: number[]; together: number[] };
  await context.close();
  return { sharing, ...result };
}

async function main(): Promise<void> {
  const site = await serveBuiltSite();
  const base = site.baseUrl;
  const widgetsUrl = `${base}examples/bench-widgets.html`;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const iframePage: number[] = [];
    const elementPage: number[] = [];
    for (let run = 0; run < runs; run++) {
      iframePage.push(await firstArrows(browser, `${base}embed.html`));
      elementPage.push(await firstArrows(browser, widgetsUrl, elementsPage(1, '')));
    }
    const sharingRows: SharingRow[] = [];
    for (const count of counts) {
      for (const sharing of ['shared', 'own'] as const) {
        const samples: SharingRow[] = [];
        for (let repeat = 0; repeat < repeats; repeat++) {
          samples.push(await measureSharing(widgetsUrl, count, sharing));
        }
        sharingRows.push({
          count,
          sharing,
          workers: samples[0]!.workers,
          startup: median(samples.map((sample) => sample.startup)),
          memory: median(samples.map((sample) => sample.memory)),
        });
      }
    }
    const latency: LatencyRow[] = [];
    for (const sharing of ['shared', 'own'] as const) {
      const row: LatencyRow = { sharing, alone: [], together: [] };
      for (let repeat = 0; repeat < repeats; repeat++) {
        const sample = await measureLatency(browser, widgetsUrl, sharing);
        row.alone.push(...sample.alone);
        row.together.push(...sample.together);
      }
      latency.push(row);
    }

    const summary = (values: number[]) =>
      `${ms(median(values))} ms | ${ms(Math.min(...values))} ms | ${ms(Math.max(...values))} ms`;
    const lines = [
      SECTION,
      '',
      'The embedded widget (embed.html and <gp-sensitivity>) in headless Chromium on the',
      'production build, WebGL on SwiftShader (software).',
      '',
      `- Command: \`npm run bench:embed${writeTarget ? ` -- --write ${writeTarget}` : ''}\``,
      `- Machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores; ${process.version}; shared with other work, so times vary`,
      `- Date: ${new Date().toISOString().slice(0, 10)}`,
      '',
      `### Navigation → first arrows drawn (${runs} runs, cold cache)`,
      '',
      '| page | median | min | max |',
      '|---|---|---|---|',
      `| embed.html (iframe page), default dataset | ${summary(iframePage)} |`,
      `| one <gp-sensitivity> (gp-sensitivity.js) | ${summary(elementPage)} |`,
      '',
      '### One compute worker per page or one per widget',
      '',
      'Start-up: navigation → every widget has drawn its arrows. Memory: PSS of all Chromium',
      'processes with the widgets fitted, minus the same browser on about:blank.',
      '',
      `Median of ${repeats} runs, each in a fresh browser.`,
      '',
      '| widgets | worker | workers started | start-up | memory |',
      '|---|---|---|---|---|',
      ...sharingRows.map(
        (row) =>
          `| ${row.count} | ${row.sharing === 'shared' ? 'shared' : 'one each'} | ${row.workers} | ${ms(row.startup)} ms | ${mb(row.memory)} MiB |`,
      ),
      '',
      ...sharingSummary(sharingRows),
      '',
      'Drag-step latency (a point moved, its fit back in the store), two widgets on the page,',
      `20 steps per drag, ${repeats} pages:`,
      '',
      '| worker | one widget dragged: median / 90th percentile | both dragged at once: median / 90th percentile |',
      '|---|---|---|',
      ...latency.map(
        (row) =>
          `| ${row.sharing === 'shared' ? 'shared' : 'one each'} | ${ms(median(row.alone))} / ${ms(percentile(row.alone, 0.9))} ms | ${ms(median(row.together))} / ${ms(percentile(row.together, 0.9))} ms |`,
      ),
      '',
      'The choice: the widgets of a page share one worker (`worker="own"` gives a widget its own).',
      'Sharing costs memory for no extra widget and starts as fast; its one cost is to widgets',
      'dragged at the same moment, which a reader with one pointer does not do.',
      '',
    ];
    const section = lines.join('\n');
    console.log(section);
    if (writeTarget) {
      await writeMarkdownSection(writeTarget, SECTION, section);
      console.error(`wrote the "${SECTION}" section of ${writeTarget}`);
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

await main();
