/**
 * The fields `fit` adds to its report on request (see usage.ts):
 *
 *   with --rule:      rule, objective (the rule's objective at θ̂, data units) and, for map, prior
 *   with --influence: influence {status[n], removal, linearRemoval, dLogTheta_dw ([3][n], rows
 *                     lengthscale, signalStd, noiseStd; null entries where undefined),
 *                     continuedRemoval[n], notes[n], infinitesimalReason, coldChecked}
 *   with --map-grid:  pullMap {xs[NX], ys[NY], dLogTheta_dw[3][NY][NX] (entry [h][j][i] at
 *                     (xs[i], ys[j])), mean[NX], sd[NX]}, or {defined: false, reason}
 *
 * and the time each took to timingMs. With none of them the report is exactly as before.
 */
import type {
  FitResult,
  HyperparameterPrior,
  InfluenceResult,
  LogTheta,
  PullMap,
  SelectionRule,
} from '../engine/index';
import type { FitReport } from './report';

export interface InfluenceReport {
  status: string[];
  removal: (number | null)[][];
  linearRemoval: (number | null)[][];
  dLogTheta_dw: (number | null)[][];
  continuedRemoval: (number[] | null)[];
  notes: (string | null)[];
  infinitesimalReason: string | null;
  /** Every removal was also refitted from a global search (always, on the command line). */
  coldChecked: boolean;
}

export type PullMapReport =
  | {
      defined: true;
      xs: number[];
      ys: number[];
      dLogTheta_dw: number[][][];
      mean: number[];
      sd: number[];
    }
  | { defined: false; reason: string };

export interface RuleReportFields {
  rule?: SelectionRule;
  objective?: number;
  prior?: HyperparameterPrior | null;
  influence?: InfluenceReport;
  pullMap?: PullMapReport;
}

/** Three rows (ℓ, σf, σn) of one entry per point, null where a point has no value. */
function rowsOf(values: (LogTheta | null)[]): (number | null)[][] {
  return [0, 1, 2].map((i) => values.map((value) => (value ? value[i]! : null)));
}

export function influenceReport(result: InfluenceResult, coldChecked: boolean): InfluenceReport {
  const { points } = result;
  return {
    status: points.map((point) => point.status),
    removal: rowsOf(points.map((point) => point.removal)),
    linearRemoval: rowsOf(points.map((point) => point.linearRemoval)),
    dLogTheta_dw: rowsOf(points.map((point) => point.dLogTheta_dw)),
    continuedRemoval: points.map((point) => point.continuedRemoval && [...point.continuedRemoval]),
    notes: points.map((point) => point.note),
    infinitesimalReason: result.infinitesimalReason,
    coldChecked,
  };
}

export function pullMapReport(map: PullMap): PullMapReport {
  if (!map.defined) return { defined: false, reason: map.reason };
  const nx = map.xs.length;
  return {
    defined: true,
    xs: Array.from(map.xs),
    ys: Array.from(map.ys),
    dLogTheta_dw: map.dLogTheta_dw.map((row) =>
      Array.from(map.ys, (_, j) => Array.from(row.subarray(j * nx, (j + 1) * nx))),
    ),
    mean: Array.from(map.mean),
    sd: Array.from(map.sd),
  };
}

/**
 * The report with the requested fields added before `diagnostics` (the fixtures' fields keep
 * their order) and their times added to `timingMs`.
 */
export function withRuleFields(
  report: FitReport,
  fit: FitResult,
  extras: {
    rule: boolean;
    influence?: InfluenceReport;
    pullMap?: PullMapReport;
    timingMs?: Record<string, number>;
  },
): FitReport & RuleReportFields {
  const { diagnostics, timingMs, ...fields } = report;
  const added: RuleReportFields = {};
  if (extras.rule) {
    added.rule = fit.rule;
    added.objective = fit.objective;
    if (fit.rule === 'map') added.prior = fit.prior;
  }
  if (extras.influence) added.influence = extras.influence;
  if (extras.pullMap) added.pullMap = extras.pullMap;
  return { ...fields, ...added, diagnostics, timingMs: { ...timingMs, ...extras.timingMs } };
}
