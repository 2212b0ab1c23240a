/**
 * Reading a dataset for the command line, from JSON or a two-column table (table-reader.ts), in
 * UTF-8 or UTF-16 with a byte-order mark (text-decoding.ts).
 *
 * JSON: an object `{"x": [...], "y": [...]}` (other keys are ignored, so a fixture case can be
 * read as it is). The format is JSON when the content starts with `{` or `[`, or the name ends in
 * `.json`; otherwise a table. Files are read as a stream: a table stops at the first point beyond
 * MAX_POINTS, JSON beyond MAX_JSON_CHARS characters, so memory stays bounded whatever the file.
 * Problems throw CliError naming the file and, where there is one, the line.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { describeValue, groupDigits, MAX_POINTS } from '../engine/index';
import { CliError, EXIT_BAD_INPUT, fileLabel, oneLine } from './cli-error';
import { findJsonSyntaxError, findNestingTooDeep, lineAndColumn } from './json-syntax';
import { LineSplitter, TableReader } from './table-reader';
import { decodeChunks, type ByteChunks } from './text-decoding';

/** A dataset as read, before the engine's checks (validateDataset). */
export interface RawData {
  /** The x values as found: numbers from a table, anything from JSON (the engine checks them). */
  x: unknown;
  y: unknown;
  format: 'json' | 'table';
  /** For a table, the 1-based line each point came from; null for JSON. */
  lineOfPoint: number[] | null;
}

/**
 * The most JSON text read: a fixture case of 2000 points with every sensitivity matrix is under
 * 1 MB, so 8 Mi characters leaves room for any other keys a file carries.
 */
export const MAX_JSON_CHARS = 8 * 1024 * 1024;

/** JSON nested deeper than this is refused before parsing; the data format needs two levels. */
export const MAX_JSON_DEPTH = 32;

function inputError(message: string, code: CliError['code']): CliError {
  return new CliError(message, EXIT_BAD_INPUT, code);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : describeValue(value);
}

/** Parses `{"x": [...], "y": [...]}`; `name` is the file as messages show it. */
export function parseJsonData(text: string, name: string): RawData {
  const tooDeep = findNestingTooDeep(text, MAX_JSON_DEPTH);
  if (tooDeep !== null) {
    const { line, column } = lineAndColumn(text, tooDeep);
    throw inputError(
      `${name} line ${line} column ${column}: JSON nested deeper than ${MAX_JSON_DEPTH} levels; the data needs two ({"x": [...]})`,
      'nesting-too-deep',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const problem = findJsonSyntaxError(text);
    if (problem) {
      const { line, column } = lineAndColumn(text, problem.offset);
      throw inputError(
        `${name} line ${line} column ${column}: malformed JSON: ${problem.message}`,
        'malformed-data',
      );
    }
    const detail = error instanceof Error ? oneLine(error.message).slice(0, 120) : 'unreadable';
    throw inputError(`${name}: malformed JSON: ${detail}`, 'malformed-data');
  }
  const expected = 'expected an object {"x": [...], "y": [...]}';
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw inputError(`${name}: ${expected}, found ${kindOf(parsed)}`, 'malformed-data');
  }
  const record = parsed as Record<string, unknown>;
  for (const key of ['x', 'y']) {
    if (!Object.hasOwn(record, key)) {
      throw inputError(`${name}: missing "${key}"; ${expected}`, 'malformed-data');
    }
  }
  return { x: record.x, y: record.y, format: 'json', lineOfPoint: null };
}

/**
 * Reads data text as it arrives in chunks, choosing the format at the first character that is not
 * white space; `name` is the file as messages show it.
 */
class DataTextReader {
  private format: 'json' | 'table' | null;
  private readonly json: string[] = [];
  private jsonLength = 0;
  private readonly table: TableReader;
  private readonly lines: LineSplitter;

  constructor(private readonly name: string) {
    this.format = /\.json$/i.test(name) ? 'json' : null;
    this.table = new TableReader(name);
    this.lines = new LineSplitter(name, (line, number) => this.table.addLine(line, number));
  }

  push(chunk: string): void {
    const undecided = this.format === null;
    if (undecided) {
      const first = /\S/.exec(chunk)?.[0];
      if (first !== undefined) this.format = first === '{' || first === '[' ? 'json' : 'table';
    }
    // Until the first content there is only white space, which either format may need (JSON
    // for its line numbers, a table for its line count): both keep it.
    if (this.format !== 'table') {
      this.jsonLength += chunk.length;
      if (this.jsonLength > MAX_JSON_CHARS) {
        throw inputError(
          `${this.name} holds more than ${groupDigits(MAX_JSON_CHARS)} characters of JSON; a dataset of ${MAX_POINTS} points needs far less`,
          'input-too-large',
        );
      }
      this.json.push(chunk);
    } else if (undecided) {
      this.json.length = 0;
    }
    if (this.format !== 'json') this.lines.push(chunk);
  }

  finish(): RawData {
    if (this.format === 'json') {
      const text = this.json.join('');
      if (text.trim() === '') throw inputError(`${this.name} is empty`, 'malformed-data');
      return parseJsonData(text, this.name);
    }
    this.lines.finish();
    if (this.format === null) throw inputError(`${this.name} is empty`, 'malformed-data');
    const { x, y, lineOfPoint } = this.table;
    return { x, y, format: 'table', lineOfPoint };
  }
}

/** Parses data text held whole (see the module comment for how the format is chosen). */
export function parseDataText(text: string, name: string): RawData {
  const reader = new DataTextReader(fileLabel(name));
  reader.push(text.replace(/^\uFEFF/, ''));
  return reader.finish();
}

/** Reads data from a stream of bytes (a file, standard input), stopping at the first problem. */
export async function readDataChunks(chunks: ByteChunks, name: string): Promise<RawData> {
  const label = fileLabel(name);
  const reader = new DataTextReader(label);
  for await (const text of decodeChunks(chunks, label)) reader.push(text);
  return reader.finish();
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the name is too long',
};

function cannotRead(path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  const reason =
    READ_ERRORS[code] ?? (error instanceof Error ? oneLine(error.message).slice(0, 120) : code);
  return new CliError(`cannot read ${fileLabel(path)}: ${reason}`);
}

/** Reads and parses a data file as a stream; failures become CliError saying why. */
export async function readDataFile(path: string): Promise<RawData> {
  try {
    if ((await stat(path)).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
  } catch (error) {
    throw cannotRead(path, error);
  }
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    return await readDataChunks(stream, path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw cannotRead(path, error);
  } finally {
    stream.destroy();
  }
}
