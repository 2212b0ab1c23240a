/**
 * `npm run cli -- fit FILE > out.json`, as the README gives it: npm prints its banner on stdout
 * before the script starts, and scripts/cli.mjs takes it back out of the file, so the file holds
 * the report alone — JSON, or CSV with --format csv.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FitReport } from '../../src/cli/report';
import { repositoryRoot } from './reference';

const directory = mkdtempSync(join(tmpdir(), 'gp-cli-npm-run-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const data = join(directory, 'data.csv');
writeFileSync(data, 'x,y\n0,0.1\n1,0.9\n2,0.8\n3,-0.2\n4,-0.9\n5,-0.6\n6,0.2\n7,0.7\n');

/** Runs `npm run cli -- ARGS > OUT` in a shell; returns OUT's text and the exit code. */
function npmRunInto(out: string, args: string[]): { code: number; text: string } {
  const quoted = args.map((arg) => `'${arg}'`).join(' ');
  let code = 0;
  try {
    execFileSync('sh', ['-c', `npm run cli -- ${quoted} > '${out}'`], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    code = (error as { status: number }).status;
  }
  return { code, text: readFileSync(out, 'utf8') };
}

describe('npm run cli with stdout redirected to a file', () => {
  it('leaves pure JSON in the file', () => {
    const { code, text } = npmRunInto(join(directory, 'out.json'), ['fit', data]);
    expect(code).toBe(0);
    expect(text.startsWith('{"kernel":"rbf"')).toBe(true);
    expect((JSON.parse(text) as FitReport).x).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  }, 60_000);

  it('leaves pure CSV in the file with --format csv', () => {
    const { code, text } = npmRunInto(join(directory, 'out.csv'), ['fit', data, '--format', 'csv']);
    expect(code).toBe(0);
    expect(text.startsWith('# gp-sensitivity fit  kernel=rbf  n=8\n')).toBe(true);
  }, 60_000);

  it('leaves an empty file on bad input, with exit code 2', () => {
    const { code, text } = npmRunInto(join(directory, 'bad.json'), ['fit', 'missing.csv']);
    expect(code).toBe(2);
    expect(text).toBe('');
  }, 60_000);
});
