/**
 * The real `GpuRuntime`: tfjs start-up with a checked WebGL start, context-loss detection and
 * the switch to the CPU backend. `loseContext` is for the test worker's fault injection only.
 */
import {
  currentWebglContext,
  fallBackToCpu,
  startTfjs,
  watchContextLoss,
  type TfjsStartOptions,
} from '../../gpu/tfjsBackend';
import type { GpuRuntime } from './workerHost';

export function createTfjsRuntime(
  options: TfjsStartOptions = {},
): GpuRuntime & { loseContext(): void } {
  let lost = false;
  let context: WebGLRenderingContext | WebGL2RenderingContext | null = null;
  return {
    async start() {
      const started = await startTfjs(options);
      context = currentWebglContext();
      if (context !== null) watchContextLoss(() => (lost = true));
      return started;
    },
    contextLost: () => lost || (context?.isContextLost() ?? false),
    onContextLost(callback) {
      watchContextLoss(callback);
    },
    async fallBackToCpu() {
      await fallBackToCpu();
      context = null;
      lost = false;
    },
    loseContext() {
      context?.getExtension('WEBGL_lose_context')?.loseContext();
    },
  };
}
