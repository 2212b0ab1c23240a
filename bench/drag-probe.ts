/**
 * The measuring half of the drag benchmark (bench/browser-drag.ts), shared by the explorer and by
 * the floor page: the page-side probe that times each pointer move to the frame after its change
 * was painted, the mouse-move schedule, and the one-circle floor page itself.
 */
import type { Page } from 'playwright-core';

/** Milliseconds between two mouse moves of the drag. */
export const MOVE_INTERVAL_MS = 16;

/** When each stage of one move's path happened (performance.now() milliseconds). */
export interface MoveTimes {
  /** The pointer event's timestamp. */
  moved: number;
  /** The page's handler ran (and, in the explorer, sent the request). */
  handled: number;
  /** The answer reached the store (the explorer only). */
  answered?: number;
  /** The tagged element's `data-seq` changed to this move's sequence number. */
  committed?: number;
  /** The next animation frame began. */
  frame?: number;
  /** A task posted from that frame ran: the frame has been handed on to be drawn. */
  painted?: number;
}

/** What the probe saw during one drag. */
export interface ProbeResult {
  moves: number;
  painted: MoveTimes[];
  /** Requests whose change was never painted (superseded by a newer one). */
  unpainted: number;
  arrowUpdates: number;
  frames: number;
  workerMs: number[];
  /** From the first move to the end of the measurement. */
  durationMs: number;
}

export interface ProbeOptions {
  /** The move event whose timestamp starts the clock: the one the page's handler listens to. */
  moveEvent: 'mousemove' | 'pointermove';
  /** The element whose subtree carries the `data-seq` attributes. */
  target: string;
  /**
   * true: every `data-seq` change answers the move just dispatched (a page that follows the pointer
   * synchronously). false: some other code files each request in `dragProbe.pending` first.
   */
  changePerMove: boolean;
}

/**
 * Installs `window.dragProbe`: a capture listener that notes each move's timestamp, a
 * MutationObserver that, when `data-seq` changes to a pending request, waits for the next
 * animation frame and then for a task posted from it (which runs after that frame's paint), and an
 * animation-frame counter.
 */
export function installProbe(page: Page, options: ProbeOptions): Promise<void> {
  return page.evaluate(({ moveEvent, target, changePerMove }) => {
    const probe = {
      lastMove: 0,
      lastHandled: 0,
      moves: 0,
      pending: new Map<number, MoveTimes>(),
      painted: [] as MoveTimes[],
      arrowUpdates: 0,
      frames: 0,
      workerMs: [] as number[],
      counting: false,
    };
    (window as unknown as { dragProbe: typeof probe }).dragProbe = probe;
    window.addEventListener(
      moveEvent,
      (event) => {
        probe.lastMove = event.timeStamp;
        probe.lastHandled = performance.now();
        probe.moves += 1;
      },
      { capture: true },
    );
    const element = document.querySelector(target);
    if (!element) throw new Error(`no ${target} on the page`);
    new MutationObserver((records) => {
      for (const record of records) {
        const seq = Number((record.target as Element).getAttribute('data-seq'));
        if (changePerMove && probe.counting) {
          probe.pending.set(seq, { moved: probe.lastMove, handled: probe.lastHandled });
        }
        const times = probe.pending.get(seq);
        if (times === undefined) continue;
        probe.pending.delete(seq);
        probe.arrowUpdates += 1;
        times.committed = performance.now();
        requestAnimationFrame(() => {
          times.frame = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            times.painted = performance.now();
            probe.painted.push(times);
          };
          channel.port2.postMessage(null);
        });
      }
    }).observe(element, { subtree: true, attributes: true, attributeFilter: ['data-seq'] });
    const countFrames = () => {
      if (probe.counting) probe.frames += 1;
      requestAnimationFrame(countFrames);
    };
    requestAnimationFrame(countFrames);
  }, options);
}

/**
 * Presses the mouse at (x, y) and moves it up and down (60 px, a period of 75 moves), one move
 * every {@link MOVE_INTERVAL_MS} ms, with the probe counting; returns the `Date.now()` it started
 * at. The button stays down.
 */
export async function dragMouse(page: Page, x: number, y: number, moves: number): Promise<number> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.evaluate(() => {
    (window as unknown as { dragProbe: { counting: boolean } }).dragProbe.counting = true;
  });
  const started = Date.now();
  for (let i = 1; i <= moves; i++) {
    const next = started + i * MOVE_INTERVAL_MS;
    await page.mouse.move(x, y - 60 * Math.sin((2 * Math.PI * i) / 75));
    const wait = next - Date.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
  }
  return started;
}

/** Stops the probe's counting and returns what it saw since `started` (a `Date.now()`). */
export async function collectProbe(page: Page, started: number): Promise<ProbeResult> {
  const durationMs = Date.now() - started;
  const seen = await page.evaluate(() => {
    const probe = (
      window as unknown as {
        dragProbe: Omit<ProbeResult, 'unpainted' | 'durationMs'> & {
          counting: boolean;
          pending: Map<number, MoveTimes>;
        };
      }
    ).dragProbe;
    probe.counting = false;
    const { moves, painted, arrowUpdates, frames, workerMs } = probe;
    return { moves, painted, unpainted: probe.pending.size, arrowUpdates, frames, workerMs };
  });
  return { ...seen, durationMs };
}

/** Where the bench serves the floor page, relative to the site's base address. */
export const FLOOR_PATH = 'bench-drag-floor.html';

/**
 * The floor: one SVG circle that follows the pointer while the button is down, moved
 * synchronously in the `pointermove` handler and tagged with the move's sequence number, as the
 * explorer tags its arrows with the request's. No worker, no framework, nothing else to draw.
 */
export const FLOOR_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Drag floor</title>
    <style>
      html, body { margin: 0; height: 100%; overflow: hidden; background: #fff; }
      svg { display: block; width: 100%; height: 100%; }
    </style>
  </head>
  <body>
    <svg id="floor" aria-label="One draggable circle">
      <circle id="dot" cx="200" cy="200" r="8" fill="#2563eb" data-seq="0" />
    </svg>
    <script>
      const dot = document.getElementById('dot');
      let seq = 0;
      window.addEventListener('pointermove', (event) => {
        if ((event.buttons & 1) === 0) return;
        seq += 1;
        dot.setAttribute('cx', String(event.clientX));
        dot.setAttribute('cy', String(event.clientY));
        dot.setAttribute('data-seq', String(seq));
      });
    </script>
  </body>
</html>
`;

/**
 * Serves {@link FLOOR_HTML} at `base` + {@link FLOOR_PATH} and drags its circle; `beforeDrag` runs
 * once the page is loaded, just before the first move (to start a trace).
 */
export async function measureFloor(
  page: Page,
  base: string,
  moves: number,
  beforeDrag: () => Promise<void> = async () => {},
): Promise<ProbeResult> {
  const url = `${base}${FLOOR_PATH}`;
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: FLOOR_HTML }),
  );
  await page.goto(url);
  await installProbe(page, { moveEvent: 'pointermove', target: '#floor', changePerMove: true });
  const box = await page.locator('#dot').boundingBox();
  if (!box) throw new Error('the floor circle is not on screen');
  await beforeDrag();
  const started = await dragMouse(page, box.x + box.width / 2, box.y + box.height / 2, moves);
  await page.waitForTimeout(100);
  const result = await collectProbe(page, started);
  await page.mouse.up();
  return result;
}
