import type { TestProject } from 'vitest/node';
import { serveBuiltSite } from '../../scripts/built-site';
import { chromiumMissingReason } from '../../scripts/chromium-path.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the built site, ending in '/', e.g. `http://127.0.0.1:41234/`. */
    baseUrl: string;
  }
}

/**
 * Builds the site once with the project's vite.config.ts into a temporary directory, serves it with
 * `vite preview` on a free port, and provides its URL to the tests as `inject('baseUrl')`.
 * Returns the teardown that stops the server and deletes the build.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = chromiumMissingReason();
  if (missing !== null) throw new Error(`Browser tests cannot run: ${missing}.`);

  const site = await serveBuiltSite({ mode: 'e2e' });
  project.provide('baseUrl', site.baseUrl);
  return () => site.close();
}
