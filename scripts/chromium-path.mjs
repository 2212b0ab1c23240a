import { existsSync } from 'node:fs';

/**
 * Flags for headless Chromium here: no sandbox (root in a container), WebGL2 on SwiftShader, and
 * none of the background connections a closed network would refuse.
 * @type {readonly string[]}
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where the browser tests look for Chromium when CHROMIUM_PATH is not set (Debian's package). */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * The Chromium executable the browser tests drive: `$CHROMIUM_PATH` if set, else
 * {@link DEFAULT_CHROMIUM_PATH}.
 * @returns {string}
 */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/**
 * Why the browser tests cannot run here, or `null` when the Chromium executable exists.
 * @returns {string | null}
 */
export function chromiumMissingReason() {
  const path = chromiumPath();
  if (existsSync(path)) return null;
  const source = process.env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : 'the default path';
  return `no Chromium at ${path} (${source}); install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`;
}
