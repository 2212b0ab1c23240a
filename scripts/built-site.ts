/**
 * The production site, built into a temporary directory and served on a free local port: what the
 * browser tests and the browser benchmarks open.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview, type LogLevel } from 'vite';

const repositoryRoot = resolve(import.meta.dirname, '..');

export interface BuiltSite {
  /** e.g. `http://127.0.0.1:41234/`, ending in '/'. */
  baseUrl: string;
  /** Where the built files are. */
  outDir: string;
  /** Stops the server and deletes the build. */
  close(): Promise<void>;
}

export interface BuiltSiteOptions {
  /** 'e2e' also builds the compute worker's test page (vite.config.ts). */
  mode?: 'production' | 'e2e';
  logLevel?: LogLevel;
}

/** Builds the site with the project's vite.config.ts and serves it with `vite preview`. */
export async function serveBuiltSite(options: BuiltSiteOptions = {}): Promise<BuiltSite> {
  const { mode = 'production', logLevel = 'warn' } = options;
  // The site as it ships: React's production build, whatever NODE_ENV the caller runs under
  // ("test" under a test runner would make Vite bundle the development runtime).
  process.env.NODE_ENV = 'production';
  const outDir = await mkdtemp(join(tmpdir(), 'gp-explorer-site-'));
  const configFile = join(repositoryRoot, 'vite.config.ts');
  try {
    await build({
      root: repositoryRoot,
      configFile,
      mode,
      logLevel,
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    // Port 0: the operating system picks a free port, so parallel runs never collide.
    const server = await preview({
      root: repositoryRoot,
      configFile,
      logLevel,
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const { port } = server.httpServer.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}/`,
      outDir,
      async close() {
        await server.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A site already built into `outDir` (e.g. another commit's `vite build`), served with
 * `vite preview` on a free local port; nothing is deleted when it closes.
 */
export async function servePrebuiltSite(
  outDir: string,
): Promise<Pick<BuiltSite, 'baseUrl' | 'close'>> {
  const server = await preview({
    logLevel: 'error',
    configFile: false,
    build: { outDir: resolve(outDir) },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const { port } = server.httpServer.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
