/**
 * The hostile-input corpus against the command line (cli-cases.ts), run in process:
 * bad input exits with 2 and one stderr line of bounded length naming the problem; text in
 * UTF-8 (with or without a byte-order mark) or UTF-16 with one is read; a file far beyond the
 * point limit is refused having read only up to the limit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import type { ByteChunks } from '../../src/cli/text-decoding';
import { CLI_CASES, lazyCsv } from './cli-cases';
import { MESSAGE_LIMIT } from './corpus';
import { expectPrototypesUntouched, prototypeSnapshot } from './prototypes';

const directory = mkdtempSync(join(tmpdir(), 'gp-cli-hostile-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function run(argv: string[], stdin: ByteChunks = []) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    writeOut: (text) => (stdout += text),
    writeErr: (text) => (stderr += text),
    readStdin: () => stdin,
  });
  return { code, stdout, stderr };
}

function expectOneBoundedLine(stderr: string, message: RegExp | undefined): void {
  const lines = stderr.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]!.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  expect(lines[0]).toMatch(/^error: /);
  if (message) expect(lines[0]).toMatch(message);
}

describe('hostile input to the command line', () => {
  it.each(CLI_CASES.map((c) => [c.name, c] as const))('%s', async (_, testCase) => {
    const before = prototypeSnapshot();
    const path = join(directory, testCase.file.name);
    const { content } = testCase.file;
    if (typeof content === 'function') throw new Error('lazy content goes through stdin');
    writeFileSync(path, content);
    const { code, stdout, stderr } = await run(['fit', path, ...(testCase.args ?? [])]);
    expect(code, stderr).toBe(testCase.exit);
    if (testCase.exit === 2) {
      expect(stdout).toBe('');
      expectOneBoundedLine(stderr, testCase.message);
    } else {
      const report = JSON.parse(stdout) as { x: number[]; theta: Record<string, number> };
      expect(report.x).toEqual([0, 1, 2, 3]);
      for (const value of Object.values(report.theta)) expect(Number.isFinite(value)).toBe(true);
    }
    expectPrototypesUntouched(before);
  });

  it('refuses 50 MB of CSV on standard input at the first point too many, having read under 1 MB', async () => {
    const read = { bytes: 0 };
    const { code, stderr } = await run(['fit', '-'], lazyCsv(50, read)());
    expect(code).toBe(2);
    expectOneBoundedLine(stderr, /^error: stdin line 2001: more than 2000 points/);
    expect(read.bytes).toBeLessThan(1_000_000);
  });

  it('a 100 kB file name with line breaks is named in one bounded line', async () => {
    const { code, stderr } = await run(['fit', `${'dir/'.repeat(25_000)}a\nb.csv`]);
    expect(code).toBe(2);
    expectOneBoundedLine(stderr, /^error: cannot read "(dir\/)+/);
  });
});
