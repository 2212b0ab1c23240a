/**
 * The compute worker of the test pages: the production worker (compute.worker.ts) plus the faults
 * of labFaults.ts, committed on request. Built only with the browser tests' page.
 */
import type { ToWorkerMessage } from '../shared/messages';
import type { PosteriorPath } from '../thread/analysis';
import { PosteriorChooser, type DensePathChooser } from '../thread/posteriorChooser';
import { createTfjsPosteriorPath } from '../thread/tfjsPosteriorPath';
import { createTfjsRuntime } from '../thread/tfjsRuntime';
import { createWorkerHost } from '../thread/workerHost';
import { isLabMessage, type LabBandPath, type LabFault } from './labFaults';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const runtime = createTfjsRuntime();
let band: LabBandPath = 'measured';
let armed: LabFault | null = null;

/** The measured choice, unless the test pins the band to one path. */
const measured = new PosteriorChooser();
const chooser: DensePathChooser = {
  choose: (n, m, live) =>
    band === 'gpu' ? 'tfjs' : band === 'engine' ? 'engine' : measured.choose(n, m, live),
  record: (n, m, path, ms) => measured.record(n, m, path, ms),
};

/** The real path, with the read-back faults armed on demand. */
function faultyPath(real: PosteriorPath): PosteriorPath {
  return {
    backend: () => real.backend(),
    posterior(data, fit, grid, onSlowStart, live) {
      const fault = armed;
      if (fault === 'stall-readback') {
        armed = null;
        return new Promise(() => {});
      }
      const running = real.posterior(data, fit, grid, onSlowStart, live);
      if (fault === 'context-loss-in-readback') {
        armed = null;
        // The kernels are queued and their read-back awaited by now: lose the context under it.
        runtime.loseContext();
      }
      return running;
    },
    samples: (...args) => real.samples(...args),
  };
}

const crash = (reason: string): void => {
  setTimeout(() => {
    throw new Error(`compute worker stopped: ${reason}`);
  });
};

const host = createWorkerHost({
  post: (message, transfer) => scope.postMessage(message, transfer),
  runtime,
  createPath: (backend) => faultyPath(createTfjsPosteriorPath(backend, chooser)),
  crash,
});

function commit(fault: LabFault): void {
  switch (fault) {
    case 'crash':
      crash('simulated crash');
      break;
    case 'close':
      scope.close();
      break;
    case 'hang':
      setTimeout(() => {
        for (;;) {
          // Spin: the worker never reads another message.
        }
      });
      break;
    case 'context-loss':
      runtime.loseContext();
      break;
    case 'context-loss-in-readback':
    case 'stall-readback':
      armed = fault;
      break;
  }
}

scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (isLabMessage(message)) {
    if (message.type === 'lab-fault') commit(message.fault);
    else band = message.band;
    return;
  }
  host.receive(message as ToWorkerMessage);
});
