import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error';
import { parseDataText, readDataFile } from '../../src/cli/read-data';

function rejection(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }
  throw new Error('expected the input to be rejected');
}

describe('tables', () => {
  const expected = { x: [0, 1.5, 2], y: [1, -2, 3e-3], format: 'table' };

  it.each([
    ['comma with header', 'x,y\n0,1\n1.5,-2\n2,3e-3\n'],
    ['comma without header, CRLF, spaces', '0, 1\r\n1.5 , -2\r\n2,3e-3'],
    ['semicolon with decimal commas', 'time;value\n0;1\n1,5;-2\n2;0,003\n'],
    ['tab', 'x\ty\n0\t1\n1.5\t-2\n2\t.003\n'],
    ['spaces', '  0   1\n1.5 -2\n   2 3E-3  \n'],
    [
      'quoted fields, BOM, comments and blank lines',
      '\uFEFF"x","y"\n# measured\n\n"0","1"\n1.5,-2\n\n2,+3e-3\n',
    ],
  ])('reads %s', (_, text) => {
    expect(parseDataText(text, 'data.csv')).toMatchObject(expected);
  });

  it('records the line of every point', () => {
    expect(parseDataText('x,y\n\n0,1\n# skip\n1,2\n', 'd.csv').lineOfPoint).toEqual([3, 5]);
  });

  it('reads NaN and Infinity as numbers, for the dataset check to reject with its line', () => {
    const data = parseDataText('0,1\n1,NaN\n2,-inf\n3,Infinity\n', 'd.csv');
    expect(data.y).toEqual([1, NaN, -Infinity, Infinity]);
  });

  it('names the line and the field that is not a number', () => {
    expect(rejection(() => parseDataText('x,y\n0,1\n1,2\n2,abc\n', 'data.csv'))).toBe(
      'data.csv line 4: "abc" is not a number',
    );
    expect(rejection(() => parseDataText('0,1\n1,\n', 'd.csv'))).toBe(
      'd.csv line 2: an empty field is not a number',
    );
    expect(rejection(() => parseDataText('0,1\n0x10,2\n', 'd.csv'))).toMatch(/line 2: "0x10"/);
    expect(rejection(() => parseDataText(`0,1\n1,${'9'.repeat(50)}z\n`, 'd.csv'))).toBe(
      `d.csv line 2: "${'9'.repeat(40)}…" (51 characters) is not a number`,
    );
    // Only the first line can be a header.
    expect(rejection(() => parseDataText('0,1\nx,y\n', 'd.csv'))).toMatch(/line 2: "x"/);
    // A decimal comma is not a decimal point when commas separate the columns.
    expect(rejection(() => parseDataText('0 1,5\n', 'd.csv'))).toMatch(/line 1: "0 1"/);
  });

  it('names the line with the wrong number of columns', () => {
    expect(rejection(() => parseDataText('0,1\n1,2,3\n', 'd.csv'))).toBe(
      'd.csv line 2: expected 2 columns (x and y) separated by commas, found 3',
    );
    expect(rejection(() => parseDataText('0;1\n1 2\n', 'd.csv'))).toMatch(
      /line 2: .* separated by semicolons, found 1/,
    );
    expect(rejection(() => parseDataText('7\n', 'd.txt'))).toMatch(/line 1: .* found 1/);
  });

  it('leaves a table with a header only to the dataset check (no points)', () => {
    expect(parseDataText('x,y\n', 'd.csv')).toMatchObject({ x: [], y: [] });
  });
});

describe('JSON', () => {
  it('reads x and y and ignores other keys', () => {
    const data = parseDataText('{"x": [1, 2], "y": [3, 4], "note": "ok"}', 'anything.txt');
    expect(data).toEqual({ x: [1, 2], y: [3, 4], format: 'json', lineOfPoint: null });
  });

  it('passes the values on unchecked, for the dataset check', () => {
    expect(parseDataText('{"x": "abc", "y": [1, null]}', 'd.json')).toMatchObject({
      x: 'abc',
      y: [1, null],
    });
  });

  it('names line and column of a syntax error', () => {
    expect(rejection(() => parseDataText('{"x": [1, 2],\n "y": [3, 4,]}', 'd.json'))).toBe(
      'd.json line 2 column 12: malformed JSON: trailing comma before "]"',
    );
    expect(rejection(() => parseDataText('{"x": [1, NaN], "y": [1, 2]}', 'd.json'))).toBe(
      'd.json line 1 column 11: malformed JSON: NaN is not allowed (JSON has no NaN or Infinity)',
    );
    expect(rejection(() => parseDataText("{'x': [1]}", 'd.json'))).toMatch(
      /line 1 column 2: malformed JSON: expected a property name in double quotes/,
    );
    expect(rejection(() => parseDataText('{"x": [1, 2], "y": [3, 4]', 'd.json'))).toMatch(
      /line 1 column 26: malformed JSON: expected "," or "}", found end of input/,
    );
    // Named .json, so read as JSON even though it does not start like JSON.
    expect(rejection(() => parseDataText('x,y\n1,2\n', 'd.json'))).toMatch(
      /^d\.json line 1 column 1: malformed JSON: unexpected "x"$/,
    );
  });

  it('says what it expected when the shape is wrong', () => {
    expect(rejection(() => parseDataText('[[0, 1], [1, 2]]', 'd.json'))).toBe(
      'd.json: expected an object {"x": [...], "y": [...]}, found an array',
    );
    expect(rejection(() => parseDataText('{"x": [1, 2]}', 'd.json'))).toBe(
      'd.json: missing "y"; expected an object {"x": [...], "y": [...]}',
    );
  });
});

describe('files', () => {
  const directory = mkdtempSync(join(tmpdir(), 'gp-cli-read-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const rejectionOf = async (path: string) => {
    const error = await readDataFile(path).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  };

  it('reads a file', async () => {
    const path = join(directory, 'points.csv');
    writeFileSync(path, 'x,y\n1,2\n3,4\n');
    expect(await readDataFile(path)).toMatchObject({ x: [1, 3], y: [2, 4] });
  });

  it('says why a file cannot be read', async () => {
    const missing = join(directory, 'missing.csv');
    expect(await rejectionOf(missing)).toBe(`cannot read ${missing}: no such file`);
    const folder = join(directory, 'folder');
    mkdirSync(folder);
    expect(await rejectionOf(folder)).toBe(`cannot read ${folder}: it is a directory`);
  });

  it('says when a file is empty', async () => {
    const path = join(directory, 'empty.csv');
    writeFileSync(path, '  \n\n');
    expect(await rejectionOf(path)).toBe(`${path} is empty`);
  });
});
