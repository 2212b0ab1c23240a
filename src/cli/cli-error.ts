/**
 * The one error type the command line reports to the user: a message that names the problem
 * (the file, and the line where there is one) and the process exit code that goes with it.
 * Anything else that escapes is an internal failure.
 */
import { quoteText, type GpInputErrorCode } from '../engine/index';

/** Exit code for bad input: unreadable or malformed data, unknown options, invalid datasets. */
export const EXIT_BAD_INPUT = 2;

/** Exit code for a failure inside the tool itself (a bug, not the user's input). */
export const EXIT_INTERNAL = 1;

/**
 * A problem with the user's input, reported as one line `error: <message>` on stderr. `code`
 * says which kind of bad input it is (the engine's codes), or null for a mistake in the command
 * line itself.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_BAD_INPUT,
    readonly code: GpInputErrorCode | null = null,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The longest line the command line writes to stderr. */
export const MAX_ERROR_LINE = 400;

/**
 * Collapses a message onto a single line of at most MAX_ERROR_LINE characters, so that stderr
 * always holds exactly one short line per error. Messages quote bounded excerpts already; this
 * is the last guard.
 */
export function oneLine(message: string): string {
  const line = message
    .slice(0, 4 * MAX_ERROR_LINE)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
  return line.length <= MAX_ERROR_LINE ? line : `${line.slice(0, MAX_ERROR_LINE - 1)}…`;
}

/**
 * A file name as messages show it: as given when it is short and printable, else quoted and cut
 * (a name can be as long and as strange as the command line allows).
 */
export function fileLabel(path: string): string {
  const plain = path.length <= 120 && !/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(path);
  return plain ? path : quoteText(path);
}
