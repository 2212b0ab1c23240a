/** Starts tfjs for Node tests: there is no WebGL here, so this is the CPU backend. */
import * as tf from '@tensorflow/tfjs-core';
import { startTfjs } from '../../src/gpu/tfjsBackend';

export async function startCpuBackend(): Promise<void> {
  // Test mode: no advice to install the native Node backend on stderr.
  tf.env().set('IS_TEST', true);
  const started = await startTfjs();
  if (started.backend !== 'cpu')
    throw new Error(`expected the CPU backend, got ${started.backend}`);
}
