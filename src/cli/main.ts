/**
 * Entry point of the command line (`npm run cli -- fit FILE …`): binds `runCli` to this process.
 * Output goes through process.stdout; the exit code is set, not forced, so that a large report
 * is flushed completely before the process ends.
 */
import { runCli } from './run';

// A reader that closes the pipe early (`… | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  writeOut: (text) => process.stdout.write(text),
  writeErr: (text) => process.stderr.write(text),
  readStdin: () => process.stdin,
});
