/**
 * The drag benchmark's report (bench/browser-drag.ts): its measurements as Markdown tables, each
 * explorer row beside the floor measured in the same browser, and the verdict on the targets.
 */
import { cpus } from 'node:os';
import type { MoveTimes, ProbeResult } from './drag-probe';
import { MAIN_THREAD_PHASES, type FrameCosts } from './drag-trace';

export const SECTION = '## Dragging in the browser';

export interface DragMeasurement extends ProbeResult {
  /** The number of points; 0 for the floor page. */
  n: number;
  /** Milliseconds between the first arrows and the drag's first move (0 for the floor). */
  startMs: number;
  /** How Chromium rasterised the page: on the (software) GPU, its default, or on the CPU. */
  raster: 'gpu' | 'cpu';
  backend: string;
  latencies: number[];
  /** With --trace: where each move's main-thread time went, and the GPU process's frames. */
  frameCosts?: FrameCosts;
}

export function percentile(values: number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
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

/** With --trace: the main thread's time per move by phase, and the GPU process's swaps. */
function frameCostTable(rows: DragMeasurement[]): string[] {
  const traced = rows.filter((row) => row.frameCosts);
  if (traced.length === 0) return [];
  const phases = MAIN_THREAD_PHASES.map(([label]) => label);
  return [
    '### Where each move’s frame went (`--trace`)',
    '',
    'A Chromium trace of each drag above, summed over its moves: the renderer main thread’s time',
    'per move (ms) in the move’s event handlers (_handler_: the refit, React’s render and commit), in',
    'the frame’s style, layout, pre-paint, paint and layerisation, in hit testing and in minor GCs',
    '(the floor first); then the frames the GPU process swapped and the median time of one',
    '`SkiaOutputSurfaceImplOnGpu::SwapBuffers` (on SwiftShader: the frame’s raster and compositing).',
    '',
    `| n | start | ${phases.join(' | ')} | main thread | swaps | swap median (ms) |`,
    `|---|---|${phases.map(() => '---|').join('')}---|---|---|`,
    ...traced.map((row) => {
      const costs = row.frameCosts!;
      const values = phases.map((label) => costs.perMove[label]);
      const total = values.reduce((sum, value) => sum + value, 0);
      const name = row.n === 0 ? 'floor' : String(row.n);
      return `| ${name} | ${row.n === 0 ? '—' : startCell(row)} | ${values.map((value) => value.toFixed(2)).join(' | ')} | ${total.toFixed(2)} | ${costs.swaps} | ${ms(costs.swapMedianMs)} |`;
    }),
    '',
  ];
}

/** What the run was: the command to rerun it and the options that shaped the drag. */
export interface DragRunSetup {
  command: string;
  moveCount: number;
  viewport: { width: number; height: number };
  extraFlags: string[];
  selectFirst: boolean;
}

/** The Markdown section for the run: its description, the explorer's tables and the floor's. */
export function report(
  rows: DragMeasurement[],
  renderer: string,
  load: [number, number],
  { command, moveCount, viewport, extraFlags, selectFirst }: DragRunSetup,
): string {
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
    ...frameCostTable([...floor, ...explorer]),
    ...floorTable(floor),
  ];
  return lines.join('\n');
}
