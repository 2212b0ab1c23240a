/**
 * Measurements of how a dataset behaves under the edits a reader makes: dragging one point up or
 * down, and adding one point anywhere in the plot. Shared by the preset search
 * (`scripts/search-presets.ts`) and the presets' property tests, so the promises the page makes
 * about its data are measured the same way they were chosen.
 *
 * Every refit here is a cold, global fit of the float64 engine: what the data imply, whatever path
 * the page's warm starts took.
 */
import {
  computeSensitivities,
  fitHyperparameters,
  HYPERPARAMETER_NAMES,
  validateDataset,
  type FitResult,
  type HyperparameterName,
  type KernelName,
  type SensitivityResult,
} from '../src/engine';
import { snapPoint, X_DOMAIN, Y_DOMAIN, type Point } from '../src/state/domain';

export interface FittedPoints {
  fit: FitResult;
  sensitivities: SensitivityResult;
}

/** A cold fit of `points` with the engine, and its sensitivities. */
export function fitPoints(points: readonly Point[], kernel: KernelName = 'rbf'): FittedPoints {
  const data = validateDataset(
    points.map((p) => p.x),
    points.map((p) => p.y),
  );
  const fit = fitHyperparameters(data, { kernel });
  return { fit, sensitivities: computeSensitivities(data, fit) };
}

/** The vertical moves of one point that the reader's drags are checked with (data units). */
export const DRAG_STEPS = [-0.3, -0.2, -0.1, 0.1, 0.2, 0.3] as const;

export interface DragReport {
  /** Drags checked (points × steps). */
  drags: number;
  /** Drags after which the refit was not `trusted`, as "point i by Δy: reasons". */
  untrusted: string[];
  /**
   * Largest relative gap |predicted − refit| / refit of each hyperparameter over every drag, where
   * predicted = exp(log θ̂ + ∂ log θ̂/∂yᵢ · Δy) from the undragged fit.
   */
  worstGap: Record<HyperparameterName, number>;
  /** Where each worst gap happened: "point i by Δy". */
  worstAt: Record<HyperparameterName, string>;
}

/**
 * Drags every point by each of `steps` in y (kept inside the plot, on its coordinate grid) and
 * compares each cold refit with the first-order prediction. Null when the undragged fit has no
 * sensitivities.
 */
export function checkDrags(
  points: readonly Point[],
  kernel: KernelName = 'rbf',
  steps: readonly number[] = DRAG_STEPS,
): DragReport | null {
  const base = fitPoints(points, kernel);
  if (!base.sensitivities.defined) return null;
  const { dLogTheta_dy } = base.sensitivities;
  const report: DragReport = {
    drags: 0,
    untrusted: [],
    worstGap: { lengthscale: 0, signalStd: 0, noiseStd: 0 },
    worstAt: { lengthscale: '', signalStd: '', noiseStd: '' },
  };
  points.forEach((point, i) => {
    for (const step of steps) {
      const moved = snapPoint(point.x, point.y + step);
      const delta = moved.y - point.y;
      if (delta === 0) continue;
      report.drags++;
      const where = `point ${i} by ${delta.toFixed(3)}`;
      const { fit } = fitPoints(
        points.map((p, k) => (k === i ? moved : p)),
        kernel,
      );
      if (fit.diagnostics.trust !== 'trusted') {
        report.untrusted.push(`${where}: ${fit.diagnostics.reasons.join('; ')}`);
      }
      HYPERPARAMETER_NAMES.forEach((name, k) => {
        const predicted = Math.exp(base.fit.logTheta[k]! + dLogTheta_dy[k]![i]! * delta);
        const refit = fit.theta[name];
        const gap = Math.abs(predicted - refit) / refit;
        if (!(gap <= report.worstGap[name])) {
          report.worstGap[name] = gap;
          report.worstAt[name] = where;
        }
      });
    }
  });
  return report;
}

/** The grid of added points: 41 x values × 25 y values spanning the plot's frame. */
export const ADDITION_GRID = { xCount: 41, yCount: 25 } as const;

export interface AdditionReport {
  /** Additions checked. */
  additions: number;
  /** Added points after which the sensitivities were undefined (the arrows hidden). */
  undefinedAt: Point[];
  /** Added points after which the fit was `caution` (arrows shown with a warning). */
  cautionAt: Point[];
}

/** Adds one point at every node of a grid over the plot's frame and refits each time. */
export function checkAdditions(
  points: readonly Point[],
  kernel: KernelName = 'rbf',
  grid: { xCount: number; yCount: number } = ADDITION_GRID,
): AdditionReport {
  const report: AdditionReport = { additions: 0, undefinedAt: [], cautionAt: [] };
  for (let a = 0; a < grid.xCount; a++) {
    for (let b = 0; b < grid.yCount; b++) {
      const added = snapPoint(
        X_DOMAIN[0] + ((X_DOMAIN[1] - X_DOMAIN[0]) * a) / (grid.xCount - 1),
        Y_DOMAIN[0] + ((Y_DOMAIN[1] - Y_DOMAIN[0]) * b) / (grid.yCount - 1),
      );
      report.additions++;
      const { fit, sensitivities } = fitPoints([...points, added], kernel);
      if (!sensitivities.defined) report.undefinedAt.push(added);
      else if (fit.diagnostics.trust === 'caution') report.cautionAt.push(added);
    }
  }
  return report;
}
