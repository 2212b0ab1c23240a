/**
 * The command line as a function: arguments and streams in, exit code out. `main.ts` binds it to
 * the process; tests call it directly. Every failure becomes exactly one line `error: …` on
 * stderr and a non-zero exit code (2 for bad input, 1 for an internal failure), never a stack.
 */
import {
  analyze,
  finiteDifferenceCheck,
  GpInputError,
  newPointPullMap,
  pointInfluence,
  pullMapAxes,
  validateDataset,
  type Dataset,
} from '../engine/index';
import { parseArguments } from './args';
import { CliError, EXIT_BAD_INPUT, EXIT_INTERNAL, fileLabel, oneLine } from './cli-error';
import { formatCsvReport } from './csv-report';
import { readDataChunks, readDataFile, type RawData } from './read-data';
import { buildFitReport, fdCheckIndices, formatReport } from './report';
import { influenceReport, pullMapReport, withRuleFields } from './rule-report';
import type { ByteChunks } from './text-decoding';
import { USAGE } from './usage';

/** Where the command line's text goes and where `-` reads from. */
export interface CliStreams {
  writeOut(text: string): void;
  writeErr(text: string): void;
  /** Standard input as it arrives (bytes, or text in tests); read only for FILE `-`. */
  readStdin(): ByteChunks;
}

/**
 * The table line of the first non-finite value, looking where the dataset check looks first
 * (every x, then every y); null for JSON or when every value is finite.
 */
function lineOfFirstNonFinite(raw: RawData): number | null {
  if (!raw.lineOfPoint || !Array.isArray(raw.x) || !Array.isArray(raw.y)) return null;
  for (const column of [raw.x, raw.y] as unknown[][]) {
    const index = column.findIndex((value) => !Number.isFinite(value));
    if (index !== -1) return raw.lineOfPoint[index] ?? null;
  }
  return null;
}

/** Runs the dataset check; its GpInputError becomes a CliError naming the file (and line). */
function validate(raw: RawData, name: string): Dataset {
  try {
    return validateDataset(raw.x, raw.y);
  } catch (error) {
    if (!(error instanceof GpInputError)) throw error;
    const line = error.code === 'non-finite' ? lineOfFirstNonFinite(raw) : null;
    const where = `${fileLabel(name)}${line === null ? '' : ` line ${line}`}`;
    throw new CliError(`${where}: ${error.message}`, EXIT_BAD_INPUT, error.code);
  }
}

async function fit(argv: readonly string[], streams: CliStreams): Promise<void> {
  const command = parseArguments(argv);
  if (command.command === 'help') {
    streams.writeOut(USAGE);
    return;
  }
  const name = command.file === '-' ? 'stdin' : command.file;
  const raw =
    command.file === '-'
      ? await readDataChunks(streams.readStdin(), name)
      : await readDataFile(command.file);
  const data = validate(raw, name);
  const analysis = analyze(data, {
    kernel: command.kernel,
    rule: command.rule ?? 'ml',
    ...(command.prior ? { prior: command.prior } : {}),
  });
  let fdChecks;
  if (command.fd) {
    fdChecks = analysis.sensitivities.defined
      ? fdCheckIndices(data.x.length).map((i) =>
          finiteDifferenceCheck(data, analysis.fit, i, analysis.sensitivities),
        )
      : null;
  }
  let report = buildFitReport(data, analysis, fdChecks);
  if (command.rule !== null || command.influence || command.mapGrid) {
    const timingMs: Record<string, number> = {};
    let started = performance.now();
    // The command line can afford a global search per removed point: no maximum goes unseen.
    const influence =
      command.influence &&
      influenceReport(pointInfluence(data, analysis.fit, { coldCheck: true }), true);
    if (influence) timingMs.influence = performance.now() - started;
    started = performance.now();
    const grid = command.mapGrid && pullMapAxes(data, command.mapGrid.nx, command.mapGrid.ny);
    const pullMap = grid && pullMapReport(newPointPullMap(data, analysis.fit, grid));
    if (pullMap) timingMs.pullMap = performance.now() - started;
    report = withRuleFields(report, analysis.fit, {
      rule: command.rule !== null,
      ...(influence ? { influence } : {}),
      ...(pullMap ? { pullMap } : {}),
      timingMs,
    });
  }
  streams.writeOut(
    command.format === 'csv' ? formatCsvReport(report) : formatReport(report, command.pretty),
  );
}

/** Runs the command line; resolves to the process exit code. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  try {
    await fit(argv, streams);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      streams.writeErr(`error: ${oneLine(error.message)}\n`);
      return error.exitCode;
    }
    // A bad input found past the dataset check (e.g. by the fit itself) is still bad input.
    if (error instanceof GpInputError) {
      streams.writeErr(`error: ${oneLine(error.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    const detail = error instanceof Error ? error.message : String(error);
    streams.writeErr(`error: internal failure: ${oneLine(detail)}\n`);
    return EXIT_INTERNAL;
  }
}
