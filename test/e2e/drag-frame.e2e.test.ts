/**
 * A drag's answers on the explorer are drawn in the frame of the move that asked for them: up to
 * 50 points the drag is computed on the main thread (src/worker/main/liveOnMainThread.ts), so no
 * move waits for a message to the worker and back and for the frame after that. Counted in
 * animation frames, not milliseconds, so that a slow machine slows both sides alike.
 */
import { describe, expect, it } from 'vitest';
import { DASH_WARM_UP_MS } from '../../src/ui/plot/DashWarmUp';
import { useBrowser } from './browser';
import { pointCentre, waitForArrows, waitForFit } from './uiHelpers';

interface FrameLog {
  frame: number;
  log: [kind: 'move' | 'arrows', frame: number][];
}

describe('the drag on the explorer', () => {
  const browser = useBrowser();

  it("draws each move's arrows in that move's frame", async () => {
    const { page, problems } = await browser.open('/');
    await waitForArrows(page);
    // The main thread's engine loads after the first answer.
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      const probe: FrameLog = { frame: 0, log: [] };
      (window as unknown as { frameProbe: FrameLog }).frameProbe = probe;
      const tick = () => {
        probe.frame += 1;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      window.addEventListener('mousemove', () => probe.log.push(['move', probe.frame]), true);
      const plot = document.querySelector('#explorer-plot')!;
      new MutationObserver(() => probe.log.push(['arrows', probe.frame])).observe(plot, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-seq'],
      });
    });
    const start = await pointCentre(page, 4);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let step = 1; step <= 40; step++) {
      await page.mouse.move(start.x, start.y - 1.5 * step);
      await page.waitForTimeout(20);
    }
    await page.mouse.up();
    await waitForFit(page);
    const log = await page.evaluate(
      () => (window as unknown as { frameProbe: FrameLog }).frameProbe.log,
    );
    // For each move, the frames until the arrows next changed (before the move after it).
    const delays: number[] = [];
    log.forEach(([kind, frame], index) => {
      if (kind !== 'move') return;
      const next = log
        .slice(index + 1)
        .find((entry) => entry[0] === 'arrows' || entry[0] === 'move');
      if (next?.[0] === 'arrows') delays.push(next[1] - frame);
    });
    const sameFrame = delays.filter((delay) => delay === 0).length;
    const summary = `delays in frames: ${delays.join(' ')}`;
    expect(delays.length, summary).toBeGreaterThan(25);
    expect(sameFrame / delays.length, summary).toBeGreaterThan(0.8);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });

  it('draws a dashed stroke once, unseen, with the first arrows, so the first dashed arrows do not hold a drag', async () => {
    const { page, problems } = await browser.open('/');
    // Watch the page from its start: when the warm-up strokes come and go, and how they look.
    await page.addInitScript(() => {
      const seen = {
        added: -1,
        removed: -1,
        arrowsWhenAdded: 0,
        strokes: 0,
        stroke: '',
        dashes: '',
      };
      (window as unknown as { warmUp: typeof seen }).warmUp = seen;
      new MutationObserver(() => {
        const warmUp = document.querySelector('[data-testid=dash-warm-up]');
        if (warmUp && seen.added < 0) {
          seen.added = performance.now();
          seen.arrowsWhenAdded = document.querySelectorAll('[data-testid=arrow]').length;
          const shafts = warmUp.querySelectorAll('.shaft');
          seen.strokes = shafts.length;
          const style = getComputedStyle(shafts[0]!);
          seen.stroke = style.stroke;
          seen.dashes = style.strokeDasharray;
        }
        if (!warmUp && seen.added >= 0 && seen.removed < 0) seen.removed = performance.now();
      }).observe(document, { subtree: true, childList: true });
    });
    await page.reload();
    await waitForArrows(page);
    await page.waitForSelector('[data-testid=dash-warm-up]', { state: 'detached' });
    const seen = await page.evaluate(
      () =>
        (window as unknown as { warmUp: Record<string, number | string> }).warmUp as {
          added: number;
          removed: number;
          arrowsWhenAdded: number;
          strokes: number;
          stroke: string;
          dashes: string;
        },
    );
    // With the first arrows, not before; a dozen strokes in the caution arrows' dashes, in no
    // colour; on the page for a second at least, so that a frame has drawn them.
    expect(seen.arrowsWhenAdded).toBeGreaterThan(0);
    expect(seen.strokes).toBe(12);
    expect(seen.stroke).toBe('rgba(0, 0, 0, 0)');
    expect(seen.dashes).toBe('4px, 3px');
    expect(seen.removed - seen.added).toBeGreaterThanOrEqual(DASH_WARM_UP_MS);
    expect(await page.locator('.dash-warm-up').count()).toBe(0);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
  });
});
