/**
 * The one error type the command line reports to the user: a message that names the problem
 * (the file, and the line where there is one) and the process exit code that goes with it.
 * Anything else that escapes is an internal failure.
 */

/** Exit code for bad input: unreadable or malformed data, unknown options, invalid datasets. */
export const EXIT_BAD_INPUT = 2;

/** Exit code for a failure inside the tool itself (a bug, not the user's input). */
export const EXIT_INTERNAL = 1;

/** A problem with the user's input, reported as one line `error: <message>` on stderr. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_BAD_INPUT,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Collapses a message onto a single line, so that stderr always holds exactly one line per error
 * even when a message quotes multi-line input.
 */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
