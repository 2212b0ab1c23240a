import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FitReport } from '../../src/cli/report';
import { runCli } from '../../src/cli/run';
import { MAX_POINTS } from '../../src/engine/index';
import { expectReportMatchesReference, loadReferenceCases } from './reference';

const directory = mkdtempSync(join(tmpdir(), 'gp-cli-run-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function dataFile(name: string, content: string): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

async function run(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    writeOut: (text) => (stdout += text),
    writeErr: (text) => (stderr += text),
    readStdin: () => [stdin],
  });
  return { code, stdout, stderr };
}

async function fitReport(argv: string[], stdin?: string): Promise<FitReport> {
  const { code, stdout, stderr } = await run(argv, stdin);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout.endsWith('\n')).toBe(true);
  return JSON.parse(stdout) as FitReport;
}

const references = loadReferenceCases();

describe('fit on the reference cases', () => {
  it.each(Object.keys(references))('%s matches the reference', async (name) => {
    const reference = references[name]!;
    const path = dataFile(`${name}.json`, JSON.stringify({ x: reference.x, y: reference.y }));
    const report = await fitReport(['fit', path, '--kernel', reference.kernel]);
    expectReportMatchesReference(report, reference);
    // Near-zero gradient and the Hessian's eigenvalues, in the fixtures' units.
    for (const value of report.gradLogTheta) expect(Math.abs(value)).toBeLessThan(1e-6);
    report.hessianEigLog.forEach((value, i) => {
      expect(Math.abs(value - reference.hessianEigLog[i]!)).toBeLessThan(
        1e-6 * Math.abs(reference.hessianEigLog[0]!),
      );
    });
  });

  it('prints exactly the fixture fields, plus diagnostics and timing', async () => {
    const reference = references.sine10!;
    const path = dataFile(
      'sine10.csv',
      reference.x.map((x, i) => `${x},${reference.y[i]}`).join('\n'),
    );
    const report = await fitReport(['fit', path, '--fd']);
    const fixtureKeys = Object.keys(reference);
    expect(Object.keys(report)).toEqual([...fixtureKeys, 'diagnostics', 'timingMs']);
    expect(report.diagnostics).toMatchObject({
      negativeDefinite: true,
      trust: 'trusted',
      sensitivities: { defined: true, reason: null, held: [] },
    });
    expect(report.timingMs.fit).toBeGreaterThan(0);
    expect(report.timingMs.sensitivity).toBeGreaterThan(0);
  });

  it('--fd refits the first, middle and last point, agreeing with the implicit function theorem', async () => {
    const reference = references.bumps25!;
    const path = dataFile('bumps25.json', JSON.stringify(reference));
    const report = await fitReport(['fit', path, '--fd']);
    expect(report.fdCheck!.map((check) => check.i)).toEqual([0, 12, 24]);
    for (const check of report.fdCheck!) {
      const column = report.dLogTheta_dy!.map((row) => row[check.i]!);
      expect(check.ift).toEqual(column);
      const scale = Math.max(...column.map(Math.abs));
      check.fd.forEach((value, row) =>
        expect(Math.abs(value - column[row]!)).toBeLessThan(1e-5 * scale),
      );
    }
    const fixtureCheck = reference.fdCheck.find((check) => check.i === 12)!;
    const ours = report.fdCheck!.find((check) => check.i === 12)!;
    ours.fd.forEach((value, row) =>
      expect(Math.abs(value - fixtureCheck.fd[row]!)).toBeLessThan(
        1e-5 * Math.abs(fixtureCheck.fd[row]!) + 1e-7,
      ),
    );
  });

  it('reads standard input with "-" and pretty-prints on request', async () => {
    const { stdout } = await run(
      ['fit', '-', '--pretty'],
      'x y\n0 0.1\n1 0.9\n2 0.8\n3 -0.2\n4 -0.9\n5 -0.6\n',
    );
    expect(stdout.split('\n').length).toBeGreaterThan(50);
    expect((JSON.parse(stdout) as FitReport).x).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('undefined sensitivities', () => {
  it('prints the fit, null matrices and null fdCheck, and the reason', async () => {
    // Two points cannot pin down three hyperparameters: the likelihood is flat along a ridge.
    const path = dataFile('two.json', '{"x": [0, 1], "y": [1, 2]}');
    const report = await fitReport(['fit', path, '--fd']);
    expect(report.theta.lengthscale).toBeGreaterThan(0);
    expect(Number.isFinite(report.lml)).toBe(true);
    expect(report.hessianLogTheta).toHaveLength(3);
    for (const key of [
      'dLogTheta_dy',
      'dLogTheta_dx',
      'dTheta_dy',
      'dTheta_dx',
      'fdCheck',
    ] as const) {
      expect(report[key], key).toBeNull();
    }
    expect(report.diagnostics.sensitivities.defined).toBe(false);
    expect(report.diagnostics.sensitivities.reason).toMatch(/implicit function theorem/);
  });
});

describe('a maximum with σn on its floor', () => {
  it('prints the constrained sensitivities and names the held hyperparameter', async () => {
    // Exact values of a smooth function: the noise runs to its floor, ℓ and σf stay interior.
    const x = Array.from({ length: 20 }, (_, i) => 0.5 * i + 0.1 * Math.sin(3 * i));
    const path = dataFile(
      'clean.json',
      JSON.stringify({ x, y: x.map((value) => Math.sin(value)) }),
    );
    const report = await fitReport(['fit', path, '--kernel', 'matern32', '--fd']);
    expect(report.diagnostics.sensitivities.held).toEqual(['noiseStd']);
    expect(report.diagnostics.sensitivities.reason).toMatch(
      /σn sits at its smallest allowed value/,
    );
    expect(report.diagnostics.constrained?.held).toEqual(['noiseStd']);
    // σn stays a fixed fraction of σf: its row of d log θ̂/dy is σf's.
    expect(report.dLogTheta_dy![2]).toEqual(report.dLogTheta_dy![1]);
    for (const check of report.fdCheck!) {
      const scale = Math.max(...check.ift.map(Math.abs));
      check.fd.forEach((value, row) =>
        expect(Math.abs(value - check.ift[row]!)).toBeLessThan(1e-5 * scale),
      );
    }
  });
});

describe('bad input: one line on stderr, exit code 2', () => {
  const many = Array.from({ length: MAX_POINTS + 1 }, (_, i) => `${i},${Math.sin(i)}`).join('\n');
  const cases: [string, () => string[], RegExp][] = [
    ['no arguments', () => [], /^missing command/],
    ['an unknown option', () => ['fit', 'a.csv', '--verbose'], /^unknown option "--verbose"/],
    ['an unknown kernel', () => ['fit', 'a.csv', '--kernel', 'cubic'], /^unknown kernel "cubic"/],
    [
      'a missing file',
      () => ['fit', join(directory, 'nope.csv')],
      /^cannot read .*nope\.csv: no such file$/,
    ],
    ['a directory', () => ['fit', directory], /: it is a directory$/],
    [
      'malformed JSON',
      () => ['fit', dataFile('bad.json', '{"x": [1,\n2,]}')],
      /bad\.json line 2 column 2: malformed JSON: trailing comma/,
    ],
    [
      'malformed CSV',
      () => ['fit', dataFile('bad.csv', 'x,y\n0,1\n1,2\n2,abc\n')],
      /^.*bad\.csv line 4: "abc" is not a number$/,
    ],
    [
      'one point',
      () => ['fit', dataFile('one.csv', '0,1\n')],
      /one\.csv: need at least 2 points to fit a GP, got 1$/,
    ],
    [
      'no points',
      () => ['fit', dataFile('header.csv', 'x,y\n')],
      /header\.csv: need at least 2 points.*got 0$/,
    ],
    [
      'NaN in a CSV',
      () => ['fit', dataFile('nan.csv', 'x,y\n0,1\n\n1,NaN\n2,3\n')],
      /nan\.csv line 4: y\[1\] is NaN; every value must be finite$/,
    ],
    [
      'Infinity in a CSV',
      () => ['fit', dataFile('inf.csv', '0,1\n-inf,2\n')],
      /inf\.csv line 2: x\[1\] is -Infinity/,
    ],
    [
      'a string in JSON',
      () => ['fit', dataFile('str.json', '{"x": [0, "1"], "y": [1, 2]}')],
      /str\.json: x\[1\] is not a number: "1"$/,
    ],
    [
      'x not an array',
      () => ['fit', dataFile('obj.json', '{"x": 3, "y": [1, 2]}')],
      /obj\.json: x must be an array of numbers, got 3$/,
    ],
    [
      'lengths that differ',
      () => ['fit', dataFile('len.json', '{"x": [0, 1, 2], "y": [1, 2]}')],
      /len\.json: x has 3 values but y has 2/,
    ],
    [
      'all x equal',
      () => ['fit', dataFile('samex.csv', '1,1\n1,2\n1,3\n')],
      /samex\.csv: all x values equal 1/,
    ],
    [
      'all y zero',
      () => ['fit', dataFile('zeroy.csv', '0,0\n1,0\n2,-0\n')],
      /zeroy\.csv: every y is 0/,
    ],
    [
      'too many points',
      () => ['fit', dataFile('many.csv', many)],
      new RegExp(
        `many\\.csv line ${MAX_POINTS + 1}: more than ${MAX_POINTS} points; at most ${MAX_POINTS} are supported \\(reading stopped here\\)$`,
      ),
    ],
  ];

  it.each(cases)('%s', async (_, argv, message) => {
    const { code, stdout, stderr } = await run(argv());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    const lines = stderr.slice(0, -1).split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]!.slice('error: '.length)).toMatch(message);
  });

  it('prints the usage on --help, exit code 0', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(
      /^Usage: gp-sensitivity fit FILE \[--kernel rbf\|matern52\|matern32\] \[--rule ml\|map\|loo\]\s+\[--prior P\] \[--format json\|csv\]/,
    );
  });
});
