/**
 * The one error type for bad input, shared by the library, the command line and the worker, and
 * the bounded way every message quotes what it was given.
 */

/**
 * Every way an input can be refused, one code each (a closed set: new problems reuse a code).
 *
 *   not-an-array          x or y (or another list argument) is not an array or typed array
 *   not-a-number          a value is not a number (a string, a bigint, an object, a hole)
 *   non-finite            a value is NaN or ±Infinity
 *   length-mismatch       x and y have different lengths
 *   too-few-points        fewer than MIN_POINTS points
 *   too-many-points       more than MAX_POINTS points (checked before anything is copied)
 *   all-x-equal           every x is the same: no lengthscale can be inferred
 *   zero-y                every y is 0: a zero-mean GP has nothing to fit
 *   scale-out-of-range    x's standard deviation or y's root-mean-square outside 1e-301 … 1e301,
 *                         where θ̂ and its sensitivities would not fit in float64
 *   unknown-kernel        a kernel name that is not rbf, matern52 or matern32
 *   invalid-argument      any other argument that is not what the function takes (options, a
 *                         warm start, a fit object, an index, a grid)
 *   dataset-mismatch      a fit passed with data it was not fitted to
 *   malformed-data        data text that does not parse (a JSON syntax error, a table line
 *                         without two columns, a JSON value that is not {"x": […], "y": […]})
 *   nesting-too-deep      JSON nested deeper than the data format ever needs
 *   unsupported-encoding  text that is neither UTF-8 nor UTF-16 with a byte-order mark
 *   input-too-large       data text or a line of it longer than the reader accepts
 */
export const GP_INPUT_ERROR_CODES = [
  'not-an-array',
  'not-a-number',
  'non-finite',
  'length-mismatch',
  'too-few-points',
  'too-many-points',
  'all-x-equal',
  'zero-y',
  'scale-out-of-range',
  'unknown-kernel',
  'invalid-argument',
  'dataset-mismatch',
  'malformed-data',
  'nesting-too-deep',
  'unsupported-encoding',
  'input-too-large',
] as const;

export type GpInputErrorCode = (typeof GP_INPUT_ERROR_CODES)[number];

/** Invalid input, with a machine-readable code and a message that names the problem. */
export class GpInputError extends Error {
  constructor(
    readonly code: GpInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GpInputError';
  }
}

/** The most characters of any value a message quotes. */
export const QUOTE_LIMIT = 80;

/**
 * Whether a UTF-16 code unit would break a message onto several lines or reorder its text on
 * screen: C0 and C1 controls, line and paragraph separators, bidirectional marks, overrides and
 * isolates.
 */
function isUnprintable(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * Text quoted for a message: in double quotes, at most `limit` characters of it (escapes
 * included), with quotes, backslashes and unprintable characters escaped as \uXXXX, and the full
 * length named when it was cut: `"aaaa…" (2,000,000 characters)`. Only the quoted part is read.
 */
export function quoteText(text: string, limit = QUOTE_LIMIT): string {
  let out = '';
  let read = 0;
  while (read < text.length && out.length < limit) {
    const char = text[read]!;
    const code = text.charCodeAt(read);
    // Never split a surrogate pair.
    if (code >= 0xd800 && code <= 0xdbff && out.length + 2 > limit) break;
    if (isUnprintable(code)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (char === '"' || char === '\\') out += `\\${char}`;
    else out += char;
    read += 1;
  }
  if (read >= text.length) return `"${out}"`;
  return `"${out}…" (${groupDigits(text.length)} characters)`;
}

/** The length of an array-like without trusting it: null when reading it fails or is odd. */
function safeLength(value: object): number | null {
  try {
    const length = (value as { length?: unknown }).length;
    return typeof length === 'number' ? length : null;
  } catch {
    return null;
  }
}

/**
 * An integer with thousands separators, `4,294,967,295` (without toLocaleString, whose first call
 * loads locale data: a refusal must cost nothing).
 */
export function groupDigits(value: number): string {
  const text = String(value);
  return Number.isInteger(value) ? text.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : text;
}

/** `1 item`, `4,294,967,295 items`. */
function count(value: number, noun: string): string {
  return `${groupDigits(value)} ${noun}${value === 1 ? '' : 's'}`;
}

/** `Float64Array`, `BigInt64Array`, `DataView`, …: the built-in tag, not a constructor's name. */
export function typedArrayName(view: ArrayBufferView): string {
  return Object.prototype.toString.call(view).slice(8, -1);
}

/**
 * A short description of any value for a message, never longer than about QUOTE_LIMIT
 * characters, without converting the whole value to text (a 2 MB string, a circular array or a
 * bigint of a million digits are described, not printed).
 */
export function describeValue(value: unknown, limit = QUOTE_LIMIT): string {
  switch (typeof value) {
    case 'string':
      return quoteText(value, limit);
    case 'number':
      return String(value);
    case 'bigint': {
      const digits = value.toString();
      return digits.length <= limit ? `${digits}n` : `a bigint of ${digits.length} digits`;
    }
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      break;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const length = safeLength(value);
    return length === null ? 'an array' : `an array of ${count(length, 'item')}`;
  }
  if (ArrayBuffer.isView(value)) {
    const name = typedArrayName(value);
    const length = safeLength(value);
    return length === null ? `a ${name}` : `a ${name} of ${count(length, 'item')}`;
  }
  return 'an object';
}
