/**
 * The explorer on worker-lab.html (`?explorer=1`), computing with the lab's client, so faults of
 * the test worker can be tested where the arrows are drawn. Exposes `window.explorerLab`: the
 * store, the points of every request by its sequence number, and a sampler that records, in every
 * animation frame, what the page shows — the points, which answer the arrows and θ̂ come from, and
 * whether they are marked as refitting.
 */
import '../../ui/styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadExplorerLanguage } from '../../ui/explorerText';
import { createExplorerStore, type ExplorerStore, type Point } from '../../state';
import { INSIGHT_REQUESTS } from '../../state/panelRequests';
import { App } from '../../ui/App';
import type { ComputeClient } from '../shared/protocol';

/** One animation frame as the page showed it. */
export interface SampledFrame {
  /** performance.now() at the frame. */
  time: number;
  /** The points drawn, in data units. */
  points: Point[];
  /** The answer the arrows come from (its request's sequence number; 0 before any). */
  arrowsSeq: number;
  arrowCount: number;
  arrowsStale: boolean;
  readoutStale: boolean;
  /** The trust note's status (shown, caution, untrusted, hidden, waiting). */
  trust: string;
}

const MAX_POINTS = 300;

/** What the page exposes as `window.explorerLab`. */
export interface ExplorerLab {
  store: ExplorerStore;
  /** The points of request `seq`, as sent. */
  requestPoints(seq: number): Point[] | null;
  /** Starts recording a SampledFrame in every animation frame. */
  startSampling(): void;
  /** Stops recording; the frames since the start. */
  stopSampling(): SampledFrame[];
}

declare global {
  interface Window {
    explorerLab?: ExplorerLab;
  }
}

export function mountExplorer(client: ComputeClient): void {
  const requestPoints = new Map<number, Point[]>();
  const recording: ComputeClient = {
    ...client,
    request(request) {
      const seq = client.request(request);
      requestPoints.set(
        seq,
        Array.from(request.x, (x, i) => ({ x, y: request.y[i]! })),
      );
      return seq;
    },
  };
  const store = createExplorerStore({
    client: recording,
    maxPoints: MAX_POINTS,
    insightRequests: INSIGHT_REQUESTS,
  });
  const root = document.createElement('div');
  document.body.append(root);
  // The page's text waits for its catalogue, as on the explorer's own page.
  void loadExplorerLanguage('en').then(() =>
    createRoot(root).render(
      <StrictMode>
        <App store={store} />
      </StrictMode>,
    ),
  );

  let frames: SampledFrame[] = [];
  let sampling = false;
  const sample = (): void => {
    if (!sampling) return;
    const arrows = document.querySelector<SVGGElement>('[data-testid=arrows]');
    frames.push({
      time: performance.now(),
      points: Array.from(document.querySelectorAll('[data-testid=point]'), (node) => ({
        x: Number(node.getAttribute('data-x')),
        y: Number(node.getAttribute('data-y')),
      })),
      arrowsSeq: Number(arrows?.getAttribute('data-seq') ?? 0),
      arrowCount: arrows?.querySelectorAll('[data-testid=arrow]').length ?? 0,
      arrowsStale: arrows?.getAttribute('data-stale') === 'true',
      readoutStale:
        document.querySelector('[data-testid=readout]')?.getAttribute('data-stale') === 'true',
      trust: document.querySelector('[data-testid=trust]')?.getAttribute('data-status') ?? '',
    });
    requestAnimationFrame(sample);
  };

  window.explorerLab = {
    store,
    requestPoints: (seq) => requestPoints.get(seq) ?? null,
    startSampling() {
      frames = [];
      sampling = true;
      requestAnimationFrame(sample);
    },
    stopSampling() {
      sampling = false;
      return frames;
    },
  };
}
