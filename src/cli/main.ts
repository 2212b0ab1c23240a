/**
 * Entry point of the command line, `gp-sensitivity fit FILE …`: binds `runCli` to this process.
 * The package's build compiles it into dist-lib/cli/gp-sensitivity.js (vite.lib.config.ts); in
 * the repository `npm run cli` runs it from the sources (scripts/cli.mjs). The exit code is set,
 * not forced, so that a large report is flushed completely before the process ends.
 */
import { processStreams } from './process-streams';
import { runCli } from './run';

process.exitCode = await runCli(process.argv.slice(2), processStreams());
