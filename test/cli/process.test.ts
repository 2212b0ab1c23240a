/**
 * The real process, end to end, from the sources: `node --import tsx src/cli/main.ts …` — exit
 * codes, exactly one stderr line on bad input with no stack trace, and a reference case through a
 * data file. The compiled command, installed from the package, is tested the same way in
 * test/embed/package.test.ts; `npm run cli` in test/cli/npm-run.test.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FitReport } from '../../src/cli/report';
import { expectReportMatchesReference, loadReferenceCases, repositoryRoot } from './reference';

interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runProcess(argv: string[], stdin?: string): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...argv],
      { cwd: repositoryRoot, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(stdin ?? '');
  });
}

const directory = mkdtempSync(join(tmpdir(), 'gp-cli-process-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function dataFile(name: string, content: string): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

function expectOneErrorLine(result: ProcessResult, message: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n');
  expect(lines.at(-1)).toBe('');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
}

describe('the cli process', () => {
  it('fits a reference case from a CSV file and matches it', async () => {
    const reference = loadReferenceCases().rough30m!;
    const rows = reference.x.map((x, i) => `${x}\t${reference.y[i]}`);
    const path = dataFile('rough30m.tsv', ['x\ty', ...rows].join('\n'));
    const result = await runProcess(['fit', path, '--kernel', reference.kernel, '--fd']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    const report = JSON.parse(result.stdout) as FitReport;
    expectReportMatchesReference(report, reference);
    expect(report.fdCheck!.map((check) => check.i)).toEqual([0, 15, 29]);
    expect(report.timingMs.fit).toBeGreaterThan(0);
  });

  it('reads standard input', async () => {
    const result = await runProcess(
      ['fit', '-'],
      '{"x": [0, 1, 2, 3, 4, 5], "y": [0.1, 0.9, 0.8, -0.2, -0.9, -0.6]}',
    );
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as FitReport).y).toEqual([0.1, 0.9, 0.8, -0.2, -0.9, -0.6]);
  });

  it('prints the usage with --help', async () => {
    const result = await runProcess(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: /);
  });

  it.each<[string, () => string[], RegExp]>([
    [
      'a missing file',
      () => ['fit', join(directory, 'missing.csv')],
      /missing\.csv: no such file$/,
    ],
    [
      'malformed CSV',
      () => ['fit', dataFile('bad.csv', 'x,y\n0,1\n1,2\n2,abc\n')],
      /bad\.csv line 4: "abc" is not a number$/,
    ],
    [
      'NaN in a CSV',
      () => ['fit', dataFile('nan.csv', '0,1\n1,nan\n2,2\n')],
      /nan\.csv line 2: y\[1\] is NaN/,
    ],
    [
      'malformed JSON',
      () => ['fit', dataFile('bad.json', '{"x": [0, 1], "y": [1, 2}')],
      /bad\.json line 1 column 25: malformed JSON: expected "," or "]", found "}"/,
    ],
    [
      'too few points',
      () => ['fit', dataFile('one.json', '{"x": [0], "y": [1]}')],
      /need at least 2 points/,
    ],
    ['an unknown kernel', () => ['fit', 'data.csv', '--kernel', 'cubic'], /unknown kernel "cubic"/],
    ['an unknown option', () => ['fit', 'data.csv', '--fast'], /unknown option "--fast"/],
  ])('rejects %s with one stderr line and exit code 2', async (_, argv, message) => {
    expectOneErrorLine(await runProcess(argv()), message);
  });
});
