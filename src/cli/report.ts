/**
 * The JSON object `fit` prints: the fields and units of a case of the reference fixtures
 * (test/fixtures/gp-reference.json), plus `diagnostics` and `timingMs`.
 *
 *   kernel, x, y                       the kernel and the data as fitted (data units)
 *   theta {lengthscale, signalStd, noiseStd}, lml (with the −n/2 log 2π term)
 *   gradLogTheta [3], hessianLogTheta [3][3], hessianEigLog [3] (ascending), all in log θ
 *   dLogTheta_dy, dLogTheta_dx, dTheta_dy, dTheta_dx   [3][n], rows (ℓ, σf, σn), column i = point i
 *   fdCheck        only with --fd: [{i, fd, ift}] for the first, middle (⌊n/2⌋) and last point,
 *                  fd = central-difference refits of column i of dLogTheta_dy, ift = that column
 *   diagnostics    the engine's Diagnostics, plus `sensitivities: {defined, reason, held}`
 *   timingMs       {fit, sensitivity}: wall-clock milliseconds inside the process
 *
 * When the implicit function theorem does not apply at θ̂ (boundary optimum, Hessian not negative
 * definite), the four sensitivity matrices are null, `fdCheck` (if asked for) is null and
 * `diagnostics.sensitivities` is `{defined: false, reason: "<why>", held: []}`; otherwise it is
 * `{defined: true, reason: null, held: []}` — or, at a maximum on the noise floor, `held:
 * ["noiseStd"]` with the reason: the matrices are then the constrained sensitivities, ℓ and σf
 * moving with σn held at its floor (a fixed fraction of σf, so its rows equal σf's). JSON has no Infinity: a non-finite number (e.g. the condition
 * number of a singular Hessian) prints as null.
 */
import type {
  Analysis,
  Diagnostics,
  FiniteDifferenceCheck,
  HyperparameterName,
  KernelName,
  Rows3,
} from '../engine/index';

/** One finite-difference check, as in the fixtures. */
export interface FdCheckEntry {
  i: number;
  fd: number[];
  ift: number[];
}

export interface FitReport {
  kernel: KernelName;
  x: number[];
  y: number[];
  theta: { lengthscale: number; signalStd: number; noiseStd: number };
  lml: number;
  gradLogTheta: number[];
  hessianLogTheta: number[][];
  hessianEigLog: number[];
  dLogTheta_dy: number[][] | null;
  dLogTheta_dx: number[][] | null;
  dTheta_dy: number[][] | null;
  dTheta_dx: number[][] | null;
  fdCheck?: FdCheckEntry[] | null;
  diagnostics: Omit<Diagnostics, 'keyedReasons'> & {
    sensitivities: { defined: boolean; reason: string | null; held: HyperparameterName[] };
  };
  timingMs: { fit: number; sensitivity: number };
}

/**
 * The diagnostics as the report gives them: the reasons as English sentences (`keyedReasons`,
 * the same reasons as data for the page's other languages, is left out).
 */
function printedDiagnostics({
  keyedReasons: _keyedReasons,
  ...diagnostics
}: Diagnostics): Omit<Diagnostics, 'keyedReasons'> {
  return diagnostics;
}

/** The points the --fd check refits: first, middle and last (distinct, ascending). */
export function fdCheckIndices(n: number): number[] {
  return [...new Set([0, Math.floor(n / 2), n - 1])].filter((i) => i >= 0 && i < n);
}

function plainRows(rows: Rows3): number[][] {
  return rows.map((row) => Array.from(row));
}

/**
 * Assembles the report. `fdChecks` is undefined when --fd was not given (the field is then
 * omitted) and null when it was given but the sensitivities are undefined.
 */
export function buildFitReport(
  data: { x: ArrayLike<number>; y: ArrayLike<number> },
  analysis: Analysis,
  fdChecks?: FiniteDifferenceCheck[] | null,
): FitReport {
  const { fit, sensitivities, timingMs } = analysis;
  const matrices = sensitivities.defined
    ? {
        dLogTheta_dy: plainRows(sensitivities.dLogTheta_dy),
        dLogTheta_dx: plainRows(sensitivities.dLogTheta_dx),
        dTheta_dy: plainRows(sensitivities.dTheta_dy),
        dTheta_dx: plainRows(sensitivities.dTheta_dx),
      }
    : { dLogTheta_dy: null, dLogTheta_dx: null, dTheta_dy: null, dTheta_dx: null };
  const report: FitReport = {
    kernel: fit.kernel,
    x: Array.from(data.x),
    y: Array.from(data.y),
    theta: { ...fit.theta },
    lml: fit.lml,
    gradLogTheta: [...fit.gradLogTheta],
    hessianLogTheta: fit.hessianLogTheta.map((row) => [...row]),
    hessianEigLog: [...fit.diagnostics.hessianEigLog],
    ...matrices,
    diagnostics: {
      ...printedDiagnostics(fit.diagnostics),
      sensitivities: sensitivities.defined
        ? sensitivities.constrained
          ? {
              defined: true,
              reason: sensitivities.constrained.reason,
              held: [...sensitivities.constrained.held],
            }
          : { defined: true, reason: null, held: [] }
        : { defined: false, reason: sensitivities.reason, held: [] },
    },
    timingMs: { ...timingMs },
  };
  if (fdChecks !== undefined) {
    const fdCheck =
      fdChecks?.map((check) => ({ i: check.index, fd: [...check.fd], ift: [...check.ift] })) ??
      null;
    // Keep the fixtures' field order: fdCheck before diagnostics.
    const { diagnostics, timingMs: timing, ...fields } = report;
    return { ...fields, fdCheck, diagnostics, timingMs: timing };
  }
  return report;
}

/** The report as JSON text with a final newline: one compact line, or indented with `pretty`. */
export function formatReport(report: FitReport, pretty = false): string {
  return `${JSON.stringify(report, null, pretty ? 2 : undefined)}\n`;
}
