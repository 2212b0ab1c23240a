/**
 * Entry of the compute worker (a module worker). Hosts the float64 engine and tfjs; speaks the
 * messages of `messages.ts`.
 */
import type { ToWorkerMessage } from '../shared/messages';
import { createTfjsPosteriorPath } from './tfjsPosteriorPath';
import { createTfjsRuntime } from './tfjsRuntime';
import { createWorkerHost } from './workerHost';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// Posting to a MessageChannel queues a task behind the messages already received, with none of
// the clamping that nested zero-delay timers get.
const channel = new MessageChannel();
const yielded: (() => void)[] = [];
channel.port1.onmessage = () => yielded.shift()?.();

const host = createWorkerHost({
  post: (message, transfer) => scope.postMessage(message, transfer),
  runtime: createTfjsRuntime(),
  createPath: createTfjsPosteriorPath,
  yieldThen: (task) => {
    yielded.push(task);
    channel.port2.postMessage(null);
  },
  crash: (reason) => {
    // Thrown from a timer, outside any handler, so the page receives an `error` event.
    setTimeout(() => {
      throw new Error(`compute worker stopped: ${reason}`);
    });
  },
});

scope.addEventListener('message', (event: MessageEvent<ToWorkerMessage>) => {
  host.receive(event.data);
});
