/**
 * Compute-worker benchmark in headless Chromium: `npm run bench:browser [-- --write BENCHMARKS.md]
 * [--no-webgl] [--sizes 10,50,200] [--crossover 10,25,50,100,200,400,800]`.
 *
 * Builds the site, serves it, opens worker-lab.html (the compute worker's test page) and measures
 *
 *   latency     request → result as the page sees it, through the worker, for n points of a
 *               noisy sine (RBF): the first (cold, global-search) request, then a drag — 20
 *               requests each moving one point by 1% of the y-range and waiting for its answer
 *               (warm refit + sensitivities + 400-point posterior band) — then 10 more steps
 *               with 3 posterior sample paths, and one with a 40 × 40 likelihood landscape;
 *   curve       the response curve of one point (θ̂ refitted at 25 values of its y, with global
 *               checks): request → answer, and the worker's computing time, for n ≤ 100
 *               (`--curve-sizes`), five points each, after the analysis it follows;
 *   crossover   the dense posterior (m = 400 grid points) by the float64 engine (`posterior`,
 *               JS) against the float32 tfjs path (`posteriorFactors` + kernel + read-back),
 *               on the page's main thread, median of 5 runs after one that compiles shaders.
 *
 * Prints Markdown; with --write FILE replaces (or appends) the "## Compute worker" section of FILE,
 * keeping every other section. --no-webgl runs the same on the tfjs CPU backend.
 */
import { cpus } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { serveBuiltSite } from '../scripts/built-site';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import { writeMarkdownSection } from './markdown-section';
import type { LabCurveResult, LabRequest, LabResult } from '../src/worker/lab/workerLab';

/** The browser tests' flags: WebGL2 on SwiftShader where there is no GPU. */
const NO_WEBGL_ARGS = ['--disable-webgl', '--disable-gpu', '--disable-software-rasterizer'];
const SECTION = '## Compute worker';

function option(name: string): string | null {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? null) : null;
}
const sizesOf = (text: string | null, fallback: number[]) =>
  text ? text.split(',').map(Number) : fallback;

const latencySizes = sizesOf(option('sizes'), [10, 50, 200]);
const crossoverSizes = sizesOf(option('crossover'), [10, 25, 50, 100, 200, 400, 800]);
const curveSizes = sizesOf(option('curve-sizes'), [10, 50, 100]);
/** The target for a response curve, n ≤ 100, request → answer. */
const CURVE_TARGET_MS = 150;
const webgl = !process.argv.includes('--no-webgl');
const writeTarget = option('write');

/** n points of a seeded noisy sine on [0, 10]. */
function dataset(n: number): { x: number[]; y: number[] } {
  let state = 20240607 + n;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const x = Array.from({ length: n }, () => 10 * uniform()).sort((a, b) => a - b);
  const y = x.map((value) => Math.sin(value) + 0.2 * (uniform() - 0.5));
  return { x, y };
}

const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));

interface LatencyRow {
  n: number;
  cold: number;
  dragMedian: number;
  dragP90: number;
  workerMedian: number;
  samplesMedian: number;
  landscape: number;
}

/** Sends one request from the page and waits for its result (latency measured in the page). */
function send(page: Page, body: LabRequest): Promise<LabResult> {
  return page.evaluate(
    (request) => window.workerLab.waitForResult(window.workerLab.request(request), 600_000),
    body,
  );
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;
}

async function measureLatency(page: Page, n: number): Promise<LatencyRow> {
  const { x, y } = dataset(n);
  const spread = Math.max(...y) - Math.min(...y);
  const moved = [...y];
  const index = Math.floor(n / 2);
  /** One drag step: point `index` up by 1% of the y-range. */
  const step = (extra: Partial<LabRequest>) => {
    moved[index] = moved[index]! + 0.01 * spread;
    return send(page, { x, y: [...moved], ...extra });
  };
  const cold = await send(page, { x, y });
  const band: LabResult[] = [];
  for (let k = 0; k < 20; k++) band.push(await step({}));
  const withSamples: LabResult[] = [];
  for (let k = 0; k < 10; k++) withSamples.push(await step({ samples: 3 }));
  const landscape = await step({ landscapeSize: 40 });
  const latencies = band.map((result) => result.latencyMs).sort((a, b) => a - b);
  return {
    n,
    cold: cold.latencyMs,
    dragMedian: median(latencies),
    dragP90: latencies[Math.floor(0.9 * latencies.length)] ?? Number.NaN,
    workerMedian: median(band.map((result) => result.timingMs?.total ?? Number.NaN)),
    samplesMedian: median(withSamples.map((result) => result.latencyMs)),
    landscape: landscape.latencyMs,
  };
}

interface CurveRow {
  n: number;
  latencyMedian: number;
  latencyMax: number;
  computeMedian: number;
  refitsMedian: number;
  checksMedian: number;
}

/**
 * Five response curves (points at 10 %, 30 %, 50 %, 70 %, 90 % of the data) after the analysis
 * each follows, as the page asks for them when a point is selected: request → answer.
 */
async function measureCurves(page: Page, n: number): Promise<CurveRow> {
  const { x, y } = dataset(n);
  const fit = await send(page, { x, y });
  const curves: LabCurveResult[] = [];
  for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    const index = Math.min(n - 1, Math.floor(fraction * n));
    curves.push(
      await page.evaluate((request) => window.workerLab.curve(request, 600_000), {
        x,
        y,
        index,
        start: fit,
        perSide: n <= 100 ? 12 : 6,
      }),
    );
  }
  const failed = curves.find((curve) => !curve.ok);
  if (failed) throw new Error(`a response curve failed: ${failed.message}`);
  const latencies = curves.map((curve) => curve.latencyMs);
  return {
    n,
    latencyMedian: median(latencies),
    latencyMax: Math.max(...latencies),
    computeMedian: median(curves.map((curve) => curve.timingMs?.compute ?? Number.NaN)),
    refitsMedian: median(curves.map((curve) => curve.refits ?? Number.NaN)),
    checksMedian: median(curves.map((curve) => curve.globalChecks ?? Number.NaN)),
  };
}

async function main(): Promise<void> {
  const site = await serveBuiltSite({ mode: 'e2e', logLevel: 'error' });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: webgl ? [...CHROMIUM_ARGS] : [...CHROMIUM_ARGS, ...NO_WEBGL_ARGS],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${site.baseUrl}worker-lab.html`);
    const status = await page.evaluate(() => window.workerLab.waitForBackend());
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'none';
    });
    console.error(`worker backend: ${status.backend}; WebGL renderer: ${renderer}`);

    const latency: LatencyRow[] = [];
    for (const n of latencySizes) {
      latency.push(await measureLatency(page, n));
      console.error(`latency n=${n} done`);
    }
    const curves: CurveRow[] = [];
    for (const n of curveSizes) {
      curves.push(await measureCurves(page, n));
      console.error(`curve n=${n} done`);
    }
    const crossover = [];
    for (const n of crossoverSizes) {
      crossover.push(
        await page.evaluate(
          async (size) => (await window.workerLab.gpu()).timePosterior(size, 400, 5),
          n,
        ),
      );
      console.error(`crossover n=${n} done`);
    }
    const gpuBackend = await page.evaluate(
      async () => (await (await window.workerLab.gpu()).start()).backend,
    );
    const firstWin = crossover.find((row) => row.gpuMs < row.engineMs);

    const lines = [
      SECTION,
      '',
      `Measured by \`npm run bench:browser\` on ${new Date().toISOString().slice(0, 10)}: headless Chromium,`,
      `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), shared with other work;`,
      `worker backend **${status.backend}**, WebGL renderer "${renderer}". Wall-clock milliseconds.`,
      '',
      '### Request → result latency through the worker',
      '',
      'Noisy sine, RBF kernel, 400-point posterior band. *Cold*: the first request (global search,',
      'shader compilation). *Drag*: 20 requests, each moving one point by 1% of the y-range and',
      'awaited before the next (warm refit from the predicted θ̂ + sensitivities + band); *worker*:',
      'the time spent inside the worker. Then 10 such steps that also ask for 3 posterior sample',
      'paths, and one that adds a 40 × 40 likelihood landscape.',
      '',
      '| n | cold | drag median | drag p90 | worker median | + 3 samples (median) | + landscape 40×40 |',
      '|---|---|---|---|---|---|---|',
      ...latency.map(
        (row) =>
          `| ${row.n} | ${ms(row.cold)} | ${ms(row.dragMedian)} | ${ms(row.dragP90)} | ${ms(row.workerMedian)} | ${ms(row.samplesMedian)} | ${ms(row.landscape)} |`,
      ),
      '',
      '### Response curve of one point',
      '',
      'What the explorer asks for when a point is selected or released: θ̂ refitted at 25 values of',
      'the point’s y (its value ± 1 in steps of 1/12, following each maximum with warm starts,',
      'with cold global fits at both ends), plus the slope at the centre. Five points',
      'per n, each after the analysis it follows; computed in slices between analyses.',
      '*Latency*: request → answer as the page sees it; *worker*: time spent refitting.',
      '',
      '| n | latency median | latency max | worker median | refits | global fits | target |',
      '|---|---|---|---|---|---|---|',
      ...curves.map(
        (row) =>
          `| ${row.n} | ${ms(row.latencyMedian)} | ${ms(row.latencyMax)} | ${ms(row.computeMedian)} | ${row.refitsMedian} | ${row.checksMedian} | ${row.n <= 100 ? `< ${CURVE_TARGET_MS}: ${row.latencyMedian < CURVE_TARGET_MS ? 'met' : 'not met'}` : ''} |`,
      ),
      '',
      `### Dense posterior: float32 tfjs (${gpuBackend}) against the float64 engine`,
      '',
      'm = 400 grid points. *Engine*: `posterior` (Cholesky + forward substitution per grid point).',
      '*tfjs*: `posteriorFactors` (float64 Cholesky and L⁻¹) + float32 kernel matrix, products and',
      'read-back; *tfjs kernel*: the float32 part alone. Median of 5 runs.',
      '',
      '| n | float64 engine | tfjs total | tfjs kernel | faster |',
      '|---|---|---|---|---|',
      ...crossover.map(
        (row) =>
          `| ${row.n} | ${ms(row.engineMs)} | ${ms(row.gpuMs)} | ${ms(row.gpuKernelMs)} | ${row.gpuMs < row.engineMs ? 'tfjs' : 'engine'} |`,
      ),
      '',
      firstWin
        ? `Crossover: the tfjs path is faster from n ≈ ${firstWin.n} on (first measured size where it wins).`
        : `Crossover: the tfjs path did not beat the float64 engine at any measured n (up to ${crossoverSizes.at(-1)}).`,
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
