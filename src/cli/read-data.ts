/**
 * Reading a dataset for the command line, from JSON or a two-column table.
 *
 * JSON: an object `{"x": [...], "y": [...]}` (other keys are ignored, so a fixture case can be
 * read as it is). Table (CSV and friends): one point per line, x then y, separated by a comma, a
 * semicolon, tabs or spaces — the separator is taken from the first line that has content and
 * must be the same on every line. The first line may be a header (it is one when none of its
 * fields is a number). Blank lines and lines starting with `#` are skipped; fields may be wrapped
 * in double quotes; with `;` as separator a decimal comma (`1,5`) is read as a decimal point.
 * `NaN`, `Inf` and `Infinity` are read as numbers so that the dataset check can reject them.
 *
 * The format is JSON when the content starts with `{` or `[`, or the name ends in `.json`;
 * otherwise a table. Problems throw CliError naming the file and, where there is one, the line.
 */
import { readFile } from 'node:fs/promises';
import { CliError, oneLine } from './cli-error';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax';

/** A dataset as read, before the engine's checks (validateDataset). */
export interface RawData {
  /** The x values as found: numbers from a table, anything from JSON (the engine checks them). */
  x: unknown;
  y: unknown;
  format: 'json' | 'table';
  /** For a table, the 1-based line each point came from; null for JSON. */
  lineOfPoint: number[] | null;
}

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
  const trimmed = line.trim();
  const fields = separator === 'whitespace' ? trimmed.split(/\s+/) : trimmed.split(separator);
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

/** Parses a two-column table; `name` is the file name used in messages. */
export function parseTable(text: string, name: string): RawData {
  const lines = text.split(/\r\n|\r|\n/);
  const x: number[] = [];
  const y: number[] = [];
  const lineOfPoint: number[] = [];
  let separator: Separator | null = null;
  let firstContentLine = true;
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const content = line.trim();
    if (content === '' || content.startsWith('#')) return;
    separator ??= detectSeparator(content);
    const fields = splitFields(content, separator);
    const where = `${name} line ${lineNumber}`;
    if (fields.length !== 2) {
      throw new CliError(
        `${where}: expected 2 columns (x and y) separated by ${describeSeparator(separator)}, found ${fields.length}`,
      );
    }
    const values = fields.map((field) => parseNumberField(field, separator!));
    const isHeader = firstContentLine && values.every((value) => value === null);
    firstContentLine = false;
    if (isHeader) return;
    values.forEach((value, column) => {
      if (value === null) {
        const field = fields[column]!;
        const quoted = JSON.stringify(field.length > 40 ? `${field.slice(0, 39)}…` : field);
        const shown = field === '' ? 'an empty field' : quoted;
        throw new CliError(`${where}: ${shown} is not a number`);
      }
    });
    x.push(values[0]!);
    y.push(values[1]!);
    lineOfPoint.push(lineNumber);
  });
  return { x, y, format: 'table', lineOfPoint };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Parses `{"x": [...], "y": [...]}`; `name` is the file name used in messages. */
export function parseJsonData(text: string, name: string): RawData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const problem = findJsonSyntaxError(text);
    if (problem) {
      const { line, column } = lineAndColumn(text, problem.offset);
      throw new CliError(
        `${name} line ${line} column ${column}: malformed JSON: ${problem.message}`,
      );
    }
    const detail = error instanceof Error ? oneLine(error.message).slice(0, 200) : String(error);
    throw new CliError(`${name}: malformed JSON: ${detail}`);
  }
  const expected = 'expected an object {"x": [...], "y": [...]}';
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CliError(`${name}: ${expected}, found ${kindOf(parsed)}`);
  }
  const record = parsed as Record<string, unknown>;
  for (const key of ['x', 'y']) {
    if (!(key in record)) throw new CliError(`${name}: missing "${key}"; ${expected}`);
  }
  return { x: record.x, y: record.y, format: 'json', lineOfPoint: null };
}

/** Parses data text in either format (see the module comment for how the format is chosen). */
export function parseDataText(text: string, name: string): RawData {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') throw new CliError(`${name} is empty`);
  const first = content.trimStart()[0];
  const isJson = first === '{' || first === '[' || /\.json$/i.test(name);
  return isJson ? parseJsonData(content, name) : parseTable(content, name);
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the name is too long',
};

/** Reads a file as UTF-8; failures become CliError saying why the file cannot be read. */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = READ_ERRORS[code] ?? (error instanceof Error ? oneLine(error.message) : code);
    throw new CliError(`cannot read ${path}: ${reason}`);
  }
}

/** Reads and parses a data file. */
export async function readDataFile(path: string): Promise<RawData> {
  return parseDataText(await readTextFile(path), path);
}
