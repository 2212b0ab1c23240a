/**
 * `fit --format csv`: the same numbers as the JSON report, one row per point, with `#` lines for
 * what is not per point, and empty sensitivity fields (with the reason) where they are undefined.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/cli/csv-report';
import type { FitReport } from '../../src/cli/report';
import { runCli } from '../../src/cli/run';
import { USAGE } from '../../src/cli/usage';
import { loadReferenceCases } from './reference';

const directory = mkdtempSync(join(tmpdir(), 'gp-cli-csv-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    writeOut: (text) => (stdout += text),
    writeErr: (text) => (stderr += text),
    readStdin: () => [],
  });
  return { code, stdout, stderr };
}

/** The `#` lines, the header and the rows of a CSV report. */
function parseCsv(text: string) {
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  const comments = lines.filter((line) => line.startsWith('#'));
  const table = lines.filter((line) => !line.startsWith('#'));
  expect(lines.slice(0, comments.length)).toEqual(comments);
  const [header, ...rows] = table;
  return { comments, header: header!.split(','), rows: rows.map((row) => row.split(',')) };
}

const reference = loadReferenceCases().bumps25!;

describe('fit --format csv', () => {
  it('holds, row by row, the points and the numbers of the JSON report', async () => {
    const path = join(directory, 'bumps25.json');
    writeFileSync(path, JSON.stringify({ x: reference.x, y: reference.y }));
    const json = JSON.parse((await run(['fit', path, '--fd'])).stdout) as FitReport;
    const result = await run(['fit', path, '--fd', '--format', 'csv']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { comments, header, rows } = parseCsv(result.stdout);

    expect(header).toEqual(CSV_COLUMNS);
    expect(header.slice(0, 5)).toEqual(['x', 'y', 'dlogl_dy', 'dlogsf_dy', 'dlogsn_dy']);
    expect(rows).toHaveLength(reference.x.length);
    const matrices = [json.dLogTheta_dy!, json.dLogTheta_dx!, json.dTheta_dy!, json.dTheta_dx!];
    rows.forEach((row, i) => {
      expect(row).toHaveLength(14);
      expect(Number(row[0])).toBe(reference.x[i]);
      expect(Number(row[1])).toBe(reference.y[i]);
      const expected = matrices.flatMap((matrix) => matrix.map((values) => values[i]));
      expect(row.slice(2).map(Number)).toEqual(expected);
    });

    // The scalars in `#` lines, none of which a spreadsheet would split into cells.
    for (const line of comments) expect(line).not.toContain(',');
    expect(comments[0]).toBe(`# gp-sensitivity fit  kernel=rbf  n=${reference.x.length}`);
    expect(comments[1]).toContain(`lengthscale=${json.theta.lengthscale}`);
    expect(comments[1]).toContain(`lml=${json.lml}`);
    expect(comments).toContain(`# trust=${json.diagnostics.trust}`);
    expect(comments.some((line) => line.startsWith('# sensitivities defined'))).toBe(true);
    const fdLines = comments.filter((line) => line.startsWith('# fdCheck point'));
    expect(fdLines).toHaveLength(3);
    expect(fdLines[1]).toContain(`point 12 `);
    expect(fdLines[1]).toContain(json.fdCheck![1]!.fd.join(' '));
  });

  it('leaves the sensitivity fields empty, and says why, where they are undefined', async () => {
    const path = join(directory, 'two.csv');
    writeFileSync(path, '0,1\n1,2\n');
    const result = await run(['fit', path, '--format=csv', '--fd']);
    expect(result.code).toBe(0);
    const { comments, header, rows } = parseCsv(result.stdout);
    expect(header).toEqual(CSV_COLUMNS);
    expect(rows).toEqual([
      ['0', '1', ...Array<string>(12).fill('')],
      ['1', '2', ...Array<string>(12).fill('')],
    ]);
    const reason = comments.find((line) => line.startsWith('# sensitivities undefined'));
    expect(reason).toMatch(/their columns are empty\): .*implicit function theorem/);
    expect(comments).toContain('# fdCheck not run: the sensitivities are undefined');
  });

  it('is described by --help with the exact header', () => {
    expect(USAGE).toContain(CSV_COLUMNS.join(','));
  });
});
