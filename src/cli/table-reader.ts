/**
 * A two-column table (CSV and friends), read line by line so that a file far beyond the point
 * limit is refused at the first point too many, having read only that far.
 *
 * One point per line, x then y, separated by a comma, a semicolon, tabs or spaces — the separator
 * is taken from the first line that has content and must be the same on every line. The first
 * line may be a header (it is one when none of its fields is a number). Blank lines and lines
 * starting with `#` are skipped; fields may be wrapped in double quotes; with `;` as separator a
 * decimal comma (`1,5`) is read as a decimal point. `NaN`, `Inf` and `Infinity` are read as numbers
 * so that the dataset check can reject them.
 */
import { groupDigits, MAX_POINTS, quoteText } from '../engine/index';
import { CliError, EXIT_BAD_INPUT } from './cli-error';

/** The longest line a table may have: far more than any x, y pair needs. */
export const MAX_LINE_CHARS = 4096;

/** A field is quoted in messages up to this many characters. */
const FIELD_QUOTE_LIMIT = 40;

type Separator = ',' | ';' | '\t' | 'whitespace';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^([+-]?)(nan|inf|infinity)$/i;

/** The number a table field holds, or null when it holds none. */
function parseNumberField(field: string, separator: Separator): number | null {
  if (DECIMAL.test(field)) return Number(field);
  if (separator === ';' && DECIMAL_COMMA.test(field)) return Number(field.replace(',', '.'));
  const nonFinite = NON_FINITE.exec(field);
  if (nonFinite) {
    if (nonFinite[2]!.toLowerCase() === 'nan') return NaN;
    return nonFinite[1] === '-' ? -Infinity : Infinity;
  }
  return null;
}

function detectSeparator(line: string): Separator {
  if (line.includes(';')) return ';';
  if (line.includes(',')) return ',';
  if (line.includes('\t')) return '\t';
  return 'whitespace';
}

function splitFields(line: string, separator: Separator): string[] {
  const fields = separator === 'whitespace' ? line.split(/\s+/) : line.split(separator);
  return fields.map((field) =>
    field
      .trim()
      .replace(/^"(.*)"$/s, '$1')
      .trim(),
  );
}

function describeSeparator(separator: Separator): string {
  const names = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', whitespace: 'spaces' };
  return names[separator];
}

/** Collects the points of a table, one line at a time. */
export class TableReader {
  readonly x: number[] = [];
  readonly y: number[] = [];
  /** The 1-based line each point came from. */
  readonly lineOfPoint: number[] = [];
  private separator: Separator | null = null;
  private firstContentLine = true;

  /** `name` is the file as messages show it. */
  constructor(
    private readonly name: string,
    private readonly maxPoints = MAX_POINTS,
  ) {}

  /** Reads line `lineNumber` (1-based), without its line break. */
  addLine(line: string, lineNumber: number): void {
    const where = `${this.name} line ${lineNumber}`;
    if (line.length > MAX_LINE_CHARS) throw lineTooLong(where);
    const content = line.trim();
    if (content === '' || content.startsWith('#')) return;
    const separator = (this.separator ??= detectSeparator(content));
    const fields = splitFields(content, separator);
    if (fields.length !== 2) {
      throw new CliError(
        `${where}: expected 2 columns (x and y) separated by ${describeSeparator(separator)}, found ${fields.length}`,
        EXIT_BAD_INPUT,
        'malformed-data',
      );
    }
    const values = fields.map((field) => parseNumberField(field, separator));
    const isHeader = this.firstContentLine && values.every((value) => value === null);
    this.firstContentLine = false;
    if (isHeader) return;
    values.forEach((value, column) => {
      if (value === null) {
        const field = fields[column]!;
        const shown = field === '' ? 'an empty field' : quoteText(field, FIELD_QUOTE_LIMIT);
        throw new CliError(`${where}: ${shown} is not a number`, EXIT_BAD_INPUT, 'not-a-number');
      }
    });
    if (this.x.length >= this.maxPoints) {
      throw new CliError(
        `${where}: more than ${this.maxPoints} points; at most ${this.maxPoints} are supported (reading stopped here)`,
        EXIT_BAD_INPUT,
        'too-many-points',
      );
    }
    this.x.push(values[0]!);
    this.y.push(values[1]!);
    this.lineOfPoint.push(lineNumber);
  }
}

/** The error for a line longer than MAX_LINE_CHARS. */
export function lineTooLong(where: string): CliError {
  return new CliError(
    `${where} is longer than ${groupDigits(MAX_LINE_CHARS)} characters; a table line holds one x and one y`,
    EXIT_BAD_INPUT,
    'input-too-large',
  );
}

/**
 * Splits text that arrives in chunks into lines (\n, \r\n or \r), calling `onLine` with each
 * complete line and its 1-based number; a line growing past MAX_LINE_CHARS is refused before it
 * ends, so no unbounded line is ever held.
 */
export class LineSplitter {
  private partial = '';
  private lineNumber = 1;
  private pendingCarriageReturn = false;

  constructor(
    private readonly name: string,
    private readonly onLine: (line: string, lineNumber: number) => void,
  ) {}

  push(chunk: string): void {
    let start = 0;
    for (let at = 0; at < chunk.length; at++) {
      const code = chunk.charCodeAt(at);
      if (this.pendingCarriageReturn) {
        this.pendingCarriageReturn = false;
        if (code === 0x0a) {
          start = at + 1;
          continue;
        }
      }
      if (code === 0x0a || code === 0x0d) {
        this.emit(this.partial + chunk.slice(start, at));
        this.partial = '';
        start = at + 1;
        this.pendingCarriageReturn = code === 0x0d;
      }
    }
    this.partial += chunk.slice(start);
    if (this.partial.length > MAX_LINE_CHARS) {
      throw lineTooLong(`${this.name} line ${this.lineNumber}`);
    }
  }

  /** Ends the text: the last line need not end with a line break. */
  finish(): void {
    if (this.partial !== '') this.emit(this.partial);
    this.partial = '';
  }

  private emit(line: string): void {
    this.onLine(line, this.lineNumber);
    this.lineNumber += 1;
  }
}
