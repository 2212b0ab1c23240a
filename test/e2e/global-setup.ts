import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumMissingReason } from '../../scripts/chromium-path.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the built site, ending in '/', e.g. `http://127.0.0.1:41234/`. */
    baseUrl: string;
  }
}

const repositoryRoot = resolve(import.meta.dirname, '../..');

/**
 * Builds the site once with the project's vite.config.ts into a temporary directory, serves it with
 * `vite preview` on a free port, and provides its URL to the tests as `inject('baseUrl')`.
 * Returns the teardown that stops the server and deletes the build.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = chromiumMissingReason();
  if (missing !== null) throw new Error(`Browser tests cannot run: ${missing}.`);

  // The site is tested as it ships: React's production build, whatever NODE_ENV the test runner
  // set ("test" would make Vite bundle the development runtime).
  process.env.NODE_ENV = 'production';
  const outDir = await mkdtemp(join(tmpdir(), 'gp-explorer-e2e-'));
  const configFile = join(repositoryRoot, 'vite.config.ts');
  try {
    await build({
      root: repositoryRoot,
      configFile,
      mode: 'e2e',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    // Port 0: the operating system picks a free port, so parallel runs never collide.
    const server = await preview({
      root: repositoryRoot,
      configFile,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const address = server.httpServer.address() as AddressInfo;
    project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);

    return async () => {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}
