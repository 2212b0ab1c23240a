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
 * With --trace each drag is also traced (bench/drag-trace.ts), and a table says where each move's
 * main-thread time went and how long the GPU process took per frame.
 *
 * `--style CSS` adds a style sheet to the explorer's page before each drag: an experiment on what the
 * frame costs (e.g. `--style ".plot .band{display:none}"` drags without the band).
 *
 * `--busy MS` makes every mouse move also keep the main thread busy for MS milliseconds (a
 * listener that spins before the page's own): how much the drag's latency and frame rate depend
 * on the page's main-thread work, i.e. what taking that much work away could gain.
 *
 * `--site DIR` drags a site already built into DIR (e.g. another commit's `vite build`) instead of
 * building this one, to compare two versions side by side on the same machine.
 *
 * Prints Markdown; with --write FILE replaces (or appends) the "## Dragging in the browser"
 * section of FILE, keeping every other section.
 */
import { loadavg } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { serveBuiltSite, servePrebuiltSite } from '../scripts/built-site';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import {
  collectProbe,
  dragMouse,
  installProbe,
  measureFloor,
  type MoveTimes,
  type ProbeResult,
} from './drag-probe';
import { startFrameTrace, stopFrameTrace, type FrameCosts } from './drag-trace';
import { writeMarkdownSection } from './markdown-section';
import { report, SECTION, type DragMeasurement } from './drag-report';
import { DEFAULT_VIEW_OPTIONS, encodeSharedState, noisySine } from '../src/state';

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
const traceFrames = flag('trace');
/** `--style CSS`: a style sheet added to the explorer's page (an experiment, not the product). */
const experimentStyle = option('style');
/** `--busy MS`: main-thread milliseconds added to every mouse move (an experiment). */
const busyMs = Number(option('busy') ?? 0);
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
): Promise<ProbeResult & { frameCosts?: FrameCosts }> {
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
  if (experimentStyle) await page.addStyleTag({ content: experimentStyle });
  if (busyMs > 0) {
    await page.evaluate((ms) => {
      window.addEventListener(
        'mousemove',
        () => {
          const until = performance.now() + ms;
          while (performance.now() < until);
        },
        { capture: true },
      );
    }, busyMs);
  }
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
  if (traceFrames) await startFrameTrace(page);
  const started = await dragMouse(page, box.x + box.width / 2, box.y + box.height / 2, moveCount);
  // Let the answer to the last move arrive and paint before stopping the clock.
  await page.waitForFunction(() => document.documentElement.dataset.pending === 'false');
  await page.waitForTimeout(100);
  const result = await collectProbe(page, started);
  const frameCosts = traceFrames ? await stopFrameTrace(page, moveCount) : undefined;
  await page.mouse.up();
  return { ...result, frameCosts };
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
    result: ProbeResult & { frameCosts?: FrameCosts },
    startMs: number,
  ): DragMeasurement => ({
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
          const floor = await measureFloor(page, base, moveCount, async () => {
            if (traceFrames) await startFrameTrace(page);
          });
          const frameCosts = traceFrames ? await stopFrameTrace(page, moveCount) : undefined;
          rows.push(row(0, raster, '—', { ...floor, frameCosts }, 0));
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
    const section = report(rows, renderer, [loadAtStart, loadavg()[0] ?? Number.NaN], {
      command,
      moveCount,
      viewport,
      extraFlags,
      selectFirst,
    });
    console.log(section);
    if (writeTarget) await writeMarkdownSection(writeTarget, SECTION, section);
  } finally {
    await site.close();
  }
}

await main();
