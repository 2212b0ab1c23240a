/**
 * `npm run bench:drag -- --trace`: a Chromium trace of each drag, summed per move, to say where a
 * move's frame goes. The renderer's main thread: the move's handler (JavaScript: the refit and
 * React's render and commit), then the frame's style, layout, pre-paint, paint and layerisation,
 * the hit test of the next move and garbage collection; the GPU process: how long each
 * `SwapBuffers` took (on SwiftShader, the frame's rasterisation and compositing in software).
 */
import type { Browser, Page } from 'playwright-core';

/** Trace categories: the renderer's lifecycle events and the GPU process's frames. */
const CATEGORIES = ['devtools.timeline', 'blink', 'gpu', 'viz'];

/** Main-thread events summed per move, by their name in the trace, and how the report calls them. */
export const MAIN_THREAD_PHASES = [
  ['handler', 'EventDispatch'],
  ['style', 'UpdateLayoutTree'],
  ['layout', 'Layout'],
  ['pre-paint', 'PrePaint'],
  ['paint', 'Paint'],
  ['layerize', 'Layerize'],
  ['hit test', 'HitTest'],
  ['GC', 'MinorGC'],
] as const;

/** The move's events: the explorer listens to mouse moves (d3-drag), the floor to pointer moves. */
const MOVE_EVENTS = new Set<string | undefined>(['mousemove', 'pointermove']);

export type PhaseName = (typeof MAIN_THREAD_PHASES)[number][0];

/** What one drag's trace says, per move. */
export interface FrameCosts {
  /** Milliseconds per move of each main-thread phase. */
  perMove: Record<PhaseName, number>;
  /** Frames the GPU process swapped, and the median time one swap took (ms). */
  swaps: number;
  swapMedianMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string; data?: { type?: string } };
}

export function startFrameTrace(page: Page): Promise<void> {
  const browser = page.context().browser() as Browser;
  return browser.startTracing(page, { categories: CATEGORIES });
}

/** Stops the trace begun by {@link startFrameTrace} and sums it over `moves` moves. */
export async function stopFrameTrace(page: Page, moves: number): Promise<FrameCosts> {
  const browser = page.context().browser() as Browser;
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  const threads = new Map<string, string>();
  for (const event of traceEvents) {
    if (event.name === 'thread_name')
      threads.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
  }
  const onMain = traceEvents.filter(
    (event) => event.ph === 'X' && threads.get(`${event.pid}:${event.tid}`) === 'CrRendererMain',
  );
  const perMove = {} as Record<PhaseName, number>;
  for (const [label, name] of MAIN_THREAD_PHASES) {
    const events = onMain.filter(
      (event) =>
        event.name === name &&
        (name !== 'EventDispatch' || MOVE_EVENTS.has(event.args?.data?.type)),
    );
    perMove[label] = events.reduce((sum, event) => sum + (event.dur ?? 0) / 1000, 0) / moves;
  }
  const swaps = traceEvents
    .filter((event) => event.name === 'SkiaOutputSurfaceImplOnGpu::SwapBuffers' && event.dur)
    .map((event) => (event.dur ?? 0) / 1000)
    .sort((a, b) => a - b);
  return { perMove, swaps: swaps.length, swapMedianMs: swaps[Math.floor(swaps.length / 2)] ?? NaN };
}
