import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../src/cli/args';
import { CliError } from '../../src/cli/cli-error';

function errorOf(argv: string[]): string {
  try {
    parseArguments(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }
  throw new Error(`expected ${JSON.stringify(argv)} to be rejected`);
}

describe('parseArguments', () => {
  it('reads fit FILE with defaults', () => {
    expect(parseArguments(['fit', 'data.csv'])).toEqual({
      command: 'fit',
      file: 'data.csv',
      kernel: 'rbf',
      format: 'json',
      fd: false,
      pretty: false,
      rule: null,
      prior: null,
      influence: false,
      mapGrid: null,
    });
  });

  it('reads every option in either position and both --kernel forms', () => {
    expect(parseArguments(['fit', '--fd', 'd.json', '--kernel', 'matern52'])).toMatchObject({
      file: 'd.json',
      kernel: 'matern52',
      fd: true,
    });
    expect(parseArguments(['fit', 'd.json', '--kernel=matern32', '--pretty'])).toMatchObject({
      kernel: 'matern32',
      pretty: true,
      fd: false,
    });
  });

  it('takes "-" as standard input and anything after "--" as the file', () => {
    expect(parseArguments(['fit', '-'])).toMatchObject({ file: '-' });
    expect(parseArguments(['fit', '--', '--odd.csv'])).toMatchObject({ file: '--odd.csv' });
  });

  it('answers --help, -h and help wherever they appear before "--"', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['fit', 'x.csv', '--help'], ['fit', '-h']]) {
      expect(parseArguments(argv)).toEqual({ command: 'help' });
    }
    expect(parseArguments(['fit', '--', '-h'])).toMatchObject({ command: 'fit', file: '-h' });
  });

  it('names every mistake', () => {
    expect(errorOf([])).toMatch(/missing command/);
    expect(errorOf(['plot', 'x.csv'])).toBe('unknown command "plot"; run with --help for usage');
    expect(errorOf(['--verbose'])).toMatch(/unknown option "--verbose"/);
    expect(errorOf(['fit'])).toMatch(/fit needs a data FILE/);
    expect(errorOf(['fit', 'a.csv', 'b.csv'])).toMatch(/unexpected argument "b.csv"/);
    expect(errorOf(['fit', 'a.csv', '--kernel', 'cubic'])).toBe(
      'unknown kernel "cubic"; choose rbf, matern52 or matern32',
    );
    expect(errorOf(['fit', 'a.csv', '--kernel'])).toMatch(/--kernel needs a value/);
    expect(errorOf(['fit', 'a.csv', '--kernel', '--fd'])).toMatch(/--kernel needs a value/);
    expect(errorOf(['fit', 'a.csv', '--kernel=rbf', '--kernel=rbf'])).toMatch(/more than once/);
    expect(errorOf(['fit', 'a.csv', '--fd=yes'])).toBe('--fd takes no value');
    expect(errorOf(['fit', 'a.csv', '-x'])).toMatch(/unknown option "-x"/);
    expect(errorOf(['fit', 'a.csv', '--kernels=rbf'])).toMatch(/unknown option "--kernels"/);
  });

  it('reads --format json|csv in both forms and names its mistakes', () => {
    expect(parseArguments(['fit', 'a.csv', '--format', 'csv'])).toMatchObject({ format: 'csv' });
    expect(parseArguments(['fit', '--format=json', 'a.csv'])).toMatchObject({ format: 'json' });
    expect(errorOf(['fit', 'a.csv', '--format', 'xml'])).toBe(
      'unknown format "xml"; choose json or csv',
    );
    expect(errorOf(['fit', 'a.csv', '--format'])).toMatch(/--format needs a value/);
    expect(errorOf(['fit', 'a.csv', '--format=csv', '--format', 'json'])).toMatch(/more than once/);
    expect(errorOf(['fit', 'a.csv', '--format', 'csv', '--pretty'])).toMatch(
      /--pretty indents JSON/,
    );
    for (const extra of [['--influence'], ['--map-grid', '8,8']]) {
      expect(errorOf(['fit', 'a.csv', '--format', 'csv', ...extra])).toBe(
        '--influence and --map-grid are reported in JSON only; drop --format csv',
      );
    }
  });
});
