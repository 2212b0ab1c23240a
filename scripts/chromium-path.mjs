import { existsSync } from 'node:fs';

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
