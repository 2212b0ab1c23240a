#!/usr/bin/env node
/**
 * `npm run cli -- fit FILE …`: the command line run from its TypeScript sources (through tsx),
 * for work in this repository. The package's `gp-sensitivity` is the same code compiled
 * (dist-lib/cli/gp-sensitivity.js, `npm run build:lib`).
 *
 * npm writes a banner on stdout before it starts any script — "\n> name@version cli\n> node
 * scripts/cli.mjs fit FILE\n\n" — unless it runs with --silent or --json. So that
 * `npm run cli -- fit data.csv > out.json` still leaves a file of pure JSON, this launcher takes
 * the banner back out: when stdout is a regular file that holds exactly that banner, it empties
 * the file and writes the output from its start. A pipe cannot take bytes back; for `| jq`, say
 * so on stderr and point to the commands without a banner (`npx gp-sensitivity`, whose `npm exec`
 * prints none, or `npm run --silent cli`).
 */
import { fstatSync, ftruncateSync, readFileSync, writeSync } from 'node:fs';
import { register } from 'tsx/esm/api';

/** The banner npm printed on stdout before starting this script, or null when it printed none. */
function npmBanner() {
  const env = process.env;
  const script = env.npm_lifecycle_script;
  if (env.npm_lifecycle_event !== 'cli' || !script) return null;
  if (env.npm_config_loglevel === 'silent' || env.npm_config_json === 'true') return null;
  const args = process.argv.slice(2);
  const command = `${script.trim()}${args.length > 0 ? ` ${args.join(' ')}` : ''}`;
  // Printed as by console.log: with one more line end.
  return `\n> ${env.npm_package_name}@${env.npm_package_version} cli\n> ${command}\n\n`;
}

/** Whether the regular file on stdout holds exactly `banner` (by its bytes where readable). */
function fileHoldsOnly(/** @type {string} */ banner) {
  const stat = fstatSync(1);
  if (!stat.isFile() || stat.size !== Buffer.byteLength(banner)) return false;
  try {
    return readFileSync('/proc/self/fd/1', 'utf8') === banner;
  } catch {
    return true; // no /proc (macOS): the exact length of the banner npm announced will do
  }
}

register();
const { runCli } = await import('../src/cli/run.ts');
const { processStreams } = await import('../src/cli/process-streams.ts');
const streams = processStreams();

const banner = npmBanner();
if (banner !== null && fileHoldsOnly(banner)) {
  ftruncateSync(1, 0);
  // Written at explicit offsets: stdout's own offset still points past the banner.
  let position = 0;
  streams.writeOut = (text) => {
    const bytes = Buffer.from(text, 'utf8');
    for (let done = 0; done < bytes.length;) {
      done += writeSync(1, bytes, done, bytes.length - done, position + done);
    }
    position += bytes.length;
  };
} else if (banner !== null && (fstatSync(1).isFIFO() || fstatSync(1).isSocket())) {
  process.stderr.write(
    'note: npm printed its "> gp-sensitivity-explorer@… cli" banner on stdout ahead of this ' +
      'output; to pipe it, run `npx gp-sensitivity …` (after `npm run build:lib`) or ' +
      '`npm run --silent cli -- …`\n',
  );
}

process.exitCode = await runCli(process.argv.slice(2), streams);
