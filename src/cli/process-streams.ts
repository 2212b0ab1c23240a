/**
 * The command line's streams bound to this process: stdout, stderr, and stdin for FILE `-`.
 * Output goes through process.stdout, so that a large report is flushed completely before the
 * process ends; a reader that closes the pipe early (`… | head`) ends the process quietly.
 */
import type { CliStreams } from './run';

export function processStreams(): CliStreams {
  // A closed pipe is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text),
    // Read as a stream of byte chunks, so the reader stops at the point limit (read-data.ts).
    readStdin: () => process.stdin,
  };
}
