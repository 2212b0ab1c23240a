#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order — ESLint (zero warnings), Prettier, the
 * TypeScript typecheck, the unit tests, and the browser tests when a Chromium is available.
 *
 * Every step runs even when an earlier one fails. The run ends with a summary table and, as its
 * very last line, `tests: N passed, N failed[, N skipped]` over unit + browser tests. The exit code
 * is non-zero when any step failed; browser tests skipped for want of a Chromium are not a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissingReason } from './chromium-path.mjs';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reportDirectory = mkdtempSync(join(tmpdir(), 'gp-explorer-test-'));

/** @param {string} name */
const binary = (name) => join(repositoryRoot, 'node_modules', '.bin', name);

/**
 * @typedef {{ passed: number, failed: number, skipped: number }} TestCounts
 * @typedef {{ name: string, status: 'passed' | 'failed' | 'skipped', seconds: number,
 *             note: string, counts?: TestCounts }} StepResult
 */

/**
 * Runs one command with its output streamed to ours.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @returns {{ passed: boolean, seconds: number, note: string }}
 */
function runCommand(name, command, args) {
  console.log(`\n━━ ${name}: ${[command.replace(`${repositoryRoot}/`, ''), ...args].join(' ')}`);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: repositoryRoot, stdio: 'inherit' });
  const seconds = (performance.now() - started) / 1000;
  if (result.error)
    return { passed: false, seconds, note: `could not start: ${result.error.message}` };
  if (result.status !== 0) {
    const how = result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`;
    return { passed: false, seconds, note: how };
  }
  return { passed: true, seconds, note: '' };
}

/**
 * Counts from vitest's JSON report (Jest's format). A test file that failed without a failing
 * test (it did not load, or a hook threw) counts as one failed test, so a broken file can never
 * leave the last line saying "0 failed".
 * @param {string} reportPath
 * @returns {TestCounts | null}
 */
function readCounts(reportPath) {
  if (!existsSync(reportPath)) return null;
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const brokenFiles = report.testResults.filter(
    (/** @type {{ status: string, assertionResults: { status: string }[] }} */ file) =>
      file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

/**
 * Runs a vitest suite with the JSON reporter alongside the default one.
 * @param {string} name
 * @param {string} configFile
 * @returns {StepResult}
 */
function runVitest(name, configFile) {
  const reportPath = join(reportDirectory, `${configFile}.json`);
  const run = runCommand(name, binary('vitest'), [
    'run',
    '--config',
    configFile,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportPath}`,
  ]);
  const counts = readCounts(reportPath);
  if (counts === null) {
    return { name, status: 'failed', seconds: run.seconds, note: `no test report (${run.note})` };
  }
  const failed = !run.passed || counts.failed > 0;
  const ranNone = counts.passed + counts.failed + counts.skipped === 0;
  let note = ranNone ? 'no tests ran' : formatCounts(counts);
  if (!run.passed && counts.failed === 0) note += ` — ${run.note}, see the log above`;
  return { name, status: failed ? 'failed' : 'passed', seconds: run.seconds, note, counts };
}

/**
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @returns {StepResult}
 */
function runCheck(name, command, args) {
  const run = runCommand(name, command, args);
  return { name, status: run.passed ? 'passed' : 'failed', seconds: run.seconds, note: run.note };
}

/** @param {TestCounts} counts */
function formatCounts({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '');
}

/** @param {StepResult[]} results */
function printSummary(results) {
  const rows = results.map((step) => [
    step.name,
    step.status === 'failed' ? 'FAILED' : step.status,
    step.status === 'skipped' ? '-' : `${step.seconds.toFixed(1)} s`,
    step.note,
  ]);
  const header = ['step', 'result', 'time', 'notes'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (/** @type {string[]} */ cells) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(`\n${line(header)}\n${line(widths.map((width) => '─'.repeat(width)))}`);
  for (const row of rows) console.log(line(row));
}

const results = [
  runCheck('eslint', binary('eslint'), ['.', '--max-warnings', '0']),
  runCheck('prettier', binary('prettier'), ['--check', '.']),
  runCheck('typecheck', binary('tsc'), ['--noEmit', '-p', 'tsconfig.json']),
  runVitest('unit tests', 'vitest.config.ts'),
];

const chromiumMissing = chromiumMissingReason();
if (chromiumMissing === null) {
  results.push(runVitest('browser tests', 'vitest.e2e.config.ts'));
} else {
  console.log(`\n━━ browser tests: SKIPPED — ${chromiumMissing}`);
  results.push({ name: 'browser tests', status: 'skipped', seconds: 0, note: chromiumMissing });
}
rmSync(reportDirectory, { recursive: true, force: true });

printSummary(results);
const total = { passed: 0, failed: 0, skipped: 0 };
for (const { counts } of results) {
  if (!counts) continue;
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
const anyFailed = results.some((step) => step.status === 'failed');
if (anyFailed) {
  const names = results.filter((step) => step.status === 'failed').map((step) => step.name);
  console.log(`\nFailed: ${names.join(', ')}.`);
}
console.log(`tests: ${formatCounts(total)}`);
process.exitCode = anyFailed ? 1 : 0;
