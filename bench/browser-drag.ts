/**
 * Drag benchmark in headless Chromium: `npm run bench:drag [-- --write BENCHMARKS.md]
 * [--sizes 10,50,200] [--moves 150] [--cpu-raster] [--floor | --floor-only] [--viewport 1280x800]
 * [--chromium-flags "--flag --flag"] [--selected]`.
 *
 * Builds and serves the site, opens the explorer on a noisy sine of n points (through a shared
 * link), and drags the middle point up and down with the mouse, one move every 16 ms. For every
 * pointer move it measures the time from the move (the event's timestamp) to the frame after the
 * arrows for that position were painted: the arrows' `data-seq` changes to the request the move
 * made, then the next animation frame, then a task posted from it (which runs after the paint).
 * Moves superseded by a newer one before their answer came back are never painted and counted
 * apart. It also reports the frame rate during the drag (animation frames per second) and how
 * often the arrows changed.
 *
 * With --cpu-raster it repeats every run in a Chromium launched with --disable-gpu-rasterization
 * (the default rasterises on the GPU, here SwiftShader), to separate the page's cost from the frame's.
 *
 * With --floor it first drags, in the same browser and by the same method, a page of one SVG
 * circle that follows the pointer synchronously (bench/drag-probe.ts): the latency any page gets
 * from this browser on this machine. --floor-only measures that page alone. --viewport and
 * --chromium-flags (added to scripts/chromium-path.mjs's) are for finding what bounds the frame
 * rate.
 *
 * With --selected the dragged point is selected first and its response curve awaited, so the
 * drag also moves the curve's marker (the explorer's most common drag).
 *
 * Every size is dragged twice, each time on a freshly loaded page: once when the page has come to
 * rest (the drag starts 5 s after the first arrows were drawn) and once soon after it appeared
 * (1 s after the first arrows: whatever the page still does then must not hold the drag).
 * `--starts 5000,1000` sets these delays (ms after the first arrows).
 *
 * `--site DIR` drags a site already built into DIR (e.g. another commit's `vite build`) instead of
 * building this one, to compare two versions side by side on the same machine.
 *
 * Prints Markdown; with --write FILE replaces (or appends) the "## Dragging in the browser"
 * section of FILE, keeping every other section.
 */
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { preview } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { serveBuiltSite } from '../scripts/built-site';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import {
  collectProbe,
  dragMouse,
  installProbe,
  measureFloor,
  type MoveTimes,
  type ProbeResult,
} from './drag-probe';
import { writeMarkdownSection } from './markdown-section';
import { DEFAULT_VIEW_OPTIONS, encodeSharedState, noisySine } from '../src/state';

const SECTION = '## Dragging in the browser';

function option(name: string): string | null {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? null) : null;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const floorOnly = flag('floor-only');
const withFloor = floorOnly || flag('floor');
const sizes = floorOnly ? [] : (option('sizes') ?? '10,50,200').split(',').map(Number);
const moveCount = Number(option('moves') ?? 150);
const writeTarget = option('write');
const prebuiltSite = option('site');
const selectFirst = flag('selected');
/** When each drag starts: milliseconds after the first arrows were drawn. */
const startDelays = (option('starts') ?? '5000,1000').split(',').map(Number);
/** `--cpu-raster` repeats the runs with `--disable-gpu-rasterization`, to show what the frame costs. */
const rasterModes: ('gpu' | 'cpu')[] = flag('cpu-raster') ? ['gpu', 'cpu'] : ['gpu'];
const [viewportWidth, viewportHeight] = (option('viewport') ?? '1280x800').split('x').map(Number);
const viewport = { width: viewportWidth ?? 1280, height: viewportHeight ?? 800 };
const extraFlags = (option('chromium-flags') ?? '').split(/\s+/).filter((word) => word !== '');
/** The command line that produced this run, for the report (without --write). */
const command = [
  'npm run bench:drag --',
  ...process.argv
    .slice(2)
    .filter((word, i, words) => word !== '--write' && words[i - 1] !== '--write')
    .map((word) => (/\s/.test(word) ? `"${word}"` : word)),
].join(' ');

interface DragMeasurement extends ProbeResult {
  /** The number of points; 0 for the floor page. */
  n: number;
  /** Milliseconds between the first arrows and the drag's first move (0 for the floor). */
  startMs: number;
  /** How Chromium rasterised the page: on the (software) GPU, its default, or on the CPU. */
  raster: 'gpu' | 'cpu';
  backend: string;
  latencies: number[];
}

function percentile(values: number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

const latencies = (painted: MoveTimes[]) =>
  painted.map((times) => (times.painted ?? Number.NaN) - times.moved);

/** The explorer's own probe: the store files each request the drag makes, and its answers. */
function instrumentStore(page: Page): Promise<void> {
  return page.evaluate(() => {
    const explorer = window.gpExplorer;
    if (!explorer) throw new Error('the page exposes no store (window.gpExplorer)');
    const probe = (
      window as unknown as {
        dragProbe: { lastMove: number; pending: Map<number, MoveTimes>; workerMs: number[] };
      }
    ).dragProbe;
    // The store makes its request synchronously inside the move's handler.
    explorer.store.subscribe((state, previous) => {
      if (
        state.pendingSeq !== null &&
        state.pendingSeq !== previous.pendingSeq &&
        state.drag?.active
      ) {
        probe.pending.set(state.pendingSeq, { moved: probe.lastMove, handled: performance.now() });
      }
      if (state.analysis !== previous.analysis && state.analysis && state.drag?.active) {
        probe.workerMs.push(state.analysis.result.timingMs.total);
        const times = probe.pending.get(state.analysis.result.seq);
        if (times) times.answered = performance.now();
      }
    });
  });
}

async function measure(
  page: Page,
  base: string,
  n: number,
  startDelayMs: number,
): Promise<ProbeResult> {
  // Noise 0.18: the data these tables have always used.
  const points = noisySine(n, 11, 0.18);
  const fragment = encodeSharedState({ points, kernel: 'rbf', options: DEFAULT_VIEW_OPTIONS });
  await page.goto(`${base}#${fragment}`);
  await page.waitForFunction(
    (count) =>
      document.documentElement.dataset.pending === 'false' &&
      document.querySelectorAll('[data-testid=arrow]').length === count,
    n,
    { timeout: 120_000, polling: 'raf' },
  );
  const arrowsAt = Date.now();
  await page.evaluate(() => document.fonts.ready);
  // d3-drag listens to mouse events; the arrows carry the request's seq.
  await installProbe(page, {
    moveEvent: 'mousemove',
    target: '#explorer-plot',
    changePerMove: false,
  });
  const index = Math.floor(n / 2);
  if (selectFirst) {
    await page.locator(`[data-testid=point][data-index="${index}"]`).focus();
    await page.waitForSelector(
      `[data-testid=response-curve][data-index="${index}"][data-status=done]`,
      { timeout: 120_000 },
    );
  }
  await instrumentStore(page);
  const box = await page.locator(`[data-testid=point][data-index="${index}"] .dot`).boundingBox();
  if (!box) throw new Error(`point ${index} is not on screen`);
  const wait = arrowsAt + startDelayMs - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  const started = await dragMouse(page, box.x + box.width / 2, box.y + box.height / 2, moveCount);
  // Let the answer to the last move arrive and paint before stopping the clock.
  await page.waitForFunction(() => document.documentElement.dataset.pending === 'false');
  await page.waitForTimeout(100);
  const result = await collectProbe(page, started);
  await page.mouse.up();
  return result;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');
const perSecond = (count: number, row: DragMeasurement) =>
  (count / (row.durationMs / 1000)).toFixed(0);
/** The median of one stage of the painted moves' paths. */
const phase = (row: DragMeasurement, from: keyof MoveTimes, to: keyof MoveTimes) =>
  ms(
    percentile(
      row.painted.map((times) => (times[to] ?? NaN) - (times[from] ?? NaN)),
      0.5,
    ),
  );
const latencyCells = (row: DragMeasurement) =>
  `${ms(percentile(row.latencies, 0.5))} | ${ms(percentile(row.latencies, 0.95))} | ${ms(Math.max(...row.latencies))}`;

function floorTable(rows: DragMeasurement[]): string[] {
  if (rows.length === 0) return [];
  return [
    '### Floor: one circle, same method',
    '',
    'The same drag, in the same browser, on a page of one SVG circle that follows `pointermove`',
    'synchronously and carries the move’s sequence number in `data-seq` (no worker, no React, nothing',
    'else to draw): the latency this browser on this machine gives any page. Medians (ms) of _input_',
    '(event timestamp → handler), _frame wait_ (the change → the next animation frame) and _frame_',
    '(that frame’s start → a task posted from it); the circle moves inside the handler, so there is no',
    'round trip. Input is delivered once per frame, so a move waits up to one frame interval (16.7 ms',
    'at 60 fps) before any handler runs; the p95 of even this page is about one frame plus its paint.',
    '',
    '| raster | moves | move rate (/s) | painted | latency p50 (ms) | latency p95 (ms) | max (ms) | frame rate (fps) | input | frame wait | frame |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.raster} | ${row.moves} | ${perSecond(row.moves, row)} | ${row.latencies.length} | ${latencyCells(row)} | ${perSecond(row.frames, row)} | ${phase(row, 'moved', 'handled')} | ${phase(row, 'committed', 'frame')} | ${phase(row, 'frame', 'painted')} |`,
    ),
    '',
    `Floor p95 ≤ 16 ms: ${rows.map((row) => `${percentile(row.latencies, 0.95) <= 16 ? 'met' : 'not met'} (${row.raster} raster)`).join(', ')} in this run.`,
    '',
  ];
}

/** The drag's start: how long after the first arrows. */
const startCell = (row: DragMeasurement) => `${(row.startMs / 1000).toFixed(0)} s`;
const frameRate = (row: DragMeasurement) => row.frames / (row.durationMs / 1000);

/**
 * The explorer against the floor of the same raster mode: its p95 at most twice the floor's and
 * its frame rate at least 0.9 of the floor's, for n ≤ 50.
 */
function floorVerdict(rows: DragMeasurement[], floors: DragMeasurement[]): string[] {
  const lines: string[] = [];
  for (const floor of floors) {
    const floorP95 = percentile(floor.latencies, 0.95);
    const judged = rows.filter((row) => row.raster === floor.raster && row.n <= 50);
    if (judged.length === 0) continue;
    const met = judged.every(
      (row) =>
        percentile(row.latencies, 0.95) <= 2 * floorP95 && frameRate(row) >= 0.9 * frameRate(floor),
    );
    lines.push(
      `Against the floor (${floor.raster} raster: p95 ${ms(floorP95)} ms, ${frameRate(floor).toFixed(0)} fps), n ≤ 50, every start: ` +
        `p95 ≤ 2× the floor's and frame rate ≥ 0.9× the floor's ${met ? 'met' : 'not met'} in this run.`,
      '',
    );
  }
  return lines;
}

function explorerTables(rows: DragMeasurement[], floors: DragMeasurement[]): string[] {
  if (rows.length === 0) return [];
  const floorOf = (row: DragMeasurement) => floors.find((floor) => floor.raster === row.raster);
  const ratios = (row: DragMeasurement) => {
    const floor = floorOf(row);
    if (!floor) return '— | —';
    const p95 = percentile(row.latencies, 0.95) / percentile(floor.latencies, 0.95);
    return `${p95.toFixed(2)} | ${(frameRate(row) / frameRate(floor)).toFixed(2)}`;
  };
  return [
    '| n | start | raster | backend | moves | move rate (/s) | painted | latency p50 (ms) | latency p95 (ms) | max (ms) | frame rate (fps) | arrow updates (/s) | worker (ms) | p95 ÷ floor | fps ÷ floor |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.n} | ${startCell(row)} | ${row.raster} | ${row.backend} | ${row.moves} | ${perSecond(row.moves, row)} | ${row.latencies.length} | ${latencyCells(row)} | ${perSecond(row.frames, row)} | ${perSecond(row.arrowUpdates, row)} | ${ms(percentile(row.workerMs, 0.5))} | ${ratios(row)} |`,
    ),
    '',
    ...floorVerdict(rows, floors),
    'Where each painted move spent its time (medians, ms): _input_ from the event’s timestamp to the',
    'page’s handler; _round trip_ from the request to the answer in the store (worker, messages);',
    '_commit_ React rendering the answer; _frame wait_ from the commit to the next animation frame;',
    '_frame_ from that frame’s start to a task posted from it.',
    '',
    '| n | start | raster | input | round trip | commit | frame wait | frame |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.n} | ${startCell(row)} | ${row.raster} | ${phase(row, 'moved', 'handled')} | ${phase(row, 'handled', 'answered')} | ${phase(row, 'answered', 'committed')} | ${phase(row, 'committed', 'frame')} | ${phase(row, 'frame', 'painted')} |`,
    ),
    '',
    "Reading the tables: the page's own work per move is the _round trip_ (refit, sensitivities, band",
    "and, up to n = 40, the landscape, in the worker) and React's _commit_; the landscape is drawn on a",
    'CPU canvas, the live parts of the page sit on their own compositing layers, the dragged point is',
    'drawn together with its answer, and the typeset math waits for the release. The rest is waiting',
    'for frames: input is delivered once per frame (_input_) and the answer waits for the next one',
    '(_frame wait_). Here WebGL, rasterisation and compositing all run on SwiftShader, on the same two',
    'shared cores; a Chromium trace of this drag (categories gpu, viz) shows the GPU process busy most',
    'of the time, chiefly in `SkiaOutputSurfaceImplOnGpu::SwapBuffers`. The rows with raster _cpu_',
    'repeat the drag in a Chromium launched with `--disable-gpu-rasterization` (same page, same',
    'worker): both waits shrink. A machine with a hardware GPU was not measured.',
    '',
  ];
}

function report(rows: DragMeasurement[], renderer: string, load: [number, number]): string {
  const floor = rows.filter((row) => row.n === 0);
  const explorer = rows.filter((row) => row.n > 0);
  const setup = [
    `viewport ${viewport.width}×${viewport.height}`,
    ...(extraFlags.length > 0 ? [`extra Chromium flags \`${extraFlags.join(' ')}\``] : []),
  ].join(', ');
  const lines = [
    SECTION,
    '',
    `Measured by \`${command}\` on ${new Date().toISOString().slice(0, 10)}: headless Chromium`,
    `(${setup}), ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), shared with other`,
    `work; WebGL renderer "${renderer}".`,
    ...(explorer.length > 0
      ? [
          'The explorer on a noisy sine of n points (RBF, landscape on), the middle point dragged',
          `up and down with the mouse, ${moveCount} moves 16 ms apart, on a freshly loaded page; _start_: how long after the first arrows were drawn the drag began. *Latency*: pointer move → the frame after the`,
          'arrows for that position were painted. *Painted*: moves whose own result was drawn (the rest were',
          'superseded by a newer move before their answer came back: latest wins). *Frame rate*: animation',
          'frames per second during the drag; *arrow updates*: times per second the arrows changed.',
          '*Move rate*: moves per second actually delivered (Playwright waits for Chromium to acknowledge',
          'each move, so slow frames stretch the 16 ms schedule).',
          `*Worker*: compute time per request inside the worker (median). Up to n = 40 the landscape is`,
          'recomputed on every move; above, once the drag ends.',
          ...(selectFirst
            ? [
                'The dragged point was selected first and its response curve drawn, so its marker',
                'follows the drag as well.',
              ]
            : []),
        ]
      : [
          `${moveCount} mouse moves 16 ms apart. *Latency*: pointer move → the frame after its change was`,
          'painted. *Frame rate*: animation frames per second during the drag. *Move rate*: moves per',
          'second actually delivered (Playwright waits for Chromium to acknowledge each move, so slow',
          'frames stretch the 16 ms schedule).',
        ]),
    '',
    `Load average (1 min) ${load[0].toFixed(1)} at the start and ${load[1].toFixed(1)} at the end, on ${cpus().length} cores.`,
    '',
    ...explorerTables(explorer, floor),
    ...floorTable(floor),
  ];
  return lines.join('\n');
}

/** Serves a site built elsewhere (`--site DIR`) with `vite preview`; nothing is deleted. */
async function servePrebuiltSite(
  outDir: string,
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = await preview({
    logLevel: 'error',
    configFile: false,
    build: { outDir: resolve(outDir) },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const { port } = server.httpServer.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

async function main(): Promise<void> {
  if (floorOnly && writeTarget) throw new Error('--write records the explorer: drop --floor-only');
  const site = prebuiltSite
    ? await servePrebuiltSite(prebuiltSite)
    : await serveBuiltSite({ logLevel: 'error' });
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const base = site.baseUrl;
  const rows: DragMeasurement[] = [];
  let renderer = 'none';
  const row = (
    n: number,
    raster: 'gpu' | 'cpu',
    backend: string,
    result: ProbeResult,
    startMs: number,
  ) => ({
    ...result,
    n,
    startMs,
    raster,
    backend,
    latencies: latencies(result.painted),
  });
  try {
    for (const raster of rasterModes) {
      const rasterFlags = raster === 'gpu' ? [] : ['--disable-gpu-rasterization'];
      const browser = await chromium.launch({
        executablePath: chromiumPath(),
        headless: true,
        args: [...CHROMIUM_ARGS, ...rasterFlags, ...extraFlags],
      });
      try {
        const page = await browser.newPage({ viewport });
        page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
        // tsx keeps function names with a `__name` helper that page-side functions must find.
        await page.addInitScript('globalThis.__name = (target) => target;');
        await page.goto(base);
        renderer = await page.evaluate(() => {
          const gl = document.createElement('canvas').getContext('webgl2');
          const info = gl?.getExtension('WEBGL_debug_renderer_info');
          return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'none';
        });
        if (withFloor) {
          rows.push(row(0, raster, '—', await measureFloor(page, base, moveCount), 0));
          console.error(`floor (${raster} raster) done`);
        }
        for (const n of sizes) {
          for (const startMs of startDelays) {
            // A fresh page each time: a new worker, nothing compiled or cached in the page.
            await page.goto('about:blank');
            const result = await measure(page, base, n, startMs);
            const backend =
              (await page.locator('[data-testid=compute-backend]').textContent()) ?? '?';
            rows.push(row(n, raster, backend, result, startMs));
            console.error(`n=${n}, ${startMs} ms after the arrows (${raster} raster) done`);
          }
        }
      } finally {
        await browser.close();
      }
    }
    const section = report(rows, renderer, [loadAtStart, loadavg()[0] ?? Number.NaN]);
    console.log(section);
    if (writeTarget) await writeMarkdownSection(writeTarget, SECTION, section);
  } finally {
    await site.close();
  }
}

await main();
