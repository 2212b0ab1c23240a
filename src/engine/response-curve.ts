/**
 * The response curve of the fit to one data coordinate: θ̂(v) = argmax_θ L(θ; D with vᵢ := v) for v
 * = yᵢ (or xᵢ) over a range of values, each sample an actual refit — L being the selection rule's
 * objective (docs/rules.md: the likelihood for `ml`, the log posterior for `map`, the leave-one-out
 * log probability for `loo`). At the current value its slope is the implicit function theorem's
 * d log θ̂/dvᵢ for that rule — the arrow's value — so the curve shows where the first-order
 * prediction holds and where it bends away.
 *
 * θ̂(v) is the global maximum, which can jump from one local maximum to another. The tracer
 * follows each local maximum as a branch (path-following: a warm Newton polish from the branch's
 * extrapolated log θ at the next sample), starting from the fit of the current data and its
 * runner-up, and checks with cold global fits (at both ends, plus any samples asked for) whether
 * a maximum the branches do not know wins somewhere; such a maximum is followed as a new branch,
 * inwards too, so one that wins at the current value shows there as well. At each sample θ̂ is the branch with the highest likelihood, so a
 * change of branch between two samples is a jump of θ̂, not a steep stretch of one curve.
 *
 * The work comes in small steps (`ResponseCurveTracer.step`, one refit each), so a caller can
 * interleave it with more urgent work.
 */
import { betterMaximumExists } from './better-maximum';
import { fitHyperparameters, type FitOptions } from './fit';
import {
  LML_TIE,
  closeLogTheta,
  extrapolateBranch,
  findBranch,
  highestBranchPerSample,
  type Branch,
  type Sample,
} from './response-curve-branches';
import type { PriorOptions } from './rules/prior';
import { computeSensitivities } from './sensitivity';
import type { Dataset, KernelName, LogTheta, Rows3, SelectionRule, TrustVerdict } from './types';

/** Which coordinate of the point the curve varies. */
export type CurveAxis = 'x' | 'y';

export interface ResponseCurveOptions {
  kernel?: KernelName;
  /** The selection rule every refit maximises (`ml` by default), and the `map` rule's prior. */
  rule?: SelectionRule;
  prior?: PriorOptions;
  /** The point whose coordinate varies. */
  index: number;
  axis: CurveAxis;
  /** Values of the coordinate to refit at, ascending; `values[centre]` is its current value. */
  values: Float64Array;
  centre: number;
  /**
   * The fit of the current data to follow (e.g. the θ̂ a page shows, with its Hessian and
   * runner-up), so that the curve and its slope belong to that maximum. Without it the centre is
   * fitted cold.
   */
  start?: NonNullable<FitOptions['warmStart']>;
  /** Samples besides both ends where a cold global fit checks the branches. */
  checks?: readonly number[];
}

export interface ResponseCurve {
  index: number;
  axis: CurveAxis;
  values: Float64Array;
  centre: number;
  /** log θ̂ at each sample, rows (ℓ, σf, σn); NaN where no fit could be made. */
  logTheta: Rows3;
  /** log p(y | X, θ̂) at each sample. */
  lml: Float64Array;
  /** The fit's verdict at each sample (an untrusted sample sits on a boundary or a flat ridge). */
  trust: TrustVerdict[];
  /**
   * Which local maximum θ̂ is on at each sample: 0 is the one through the current fit. Where two
   * neighbouring samples differ, θ̂ jumps between them.
   */
  branch: Int32Array;
  /** d log θ̂/dv at the centre by the implicit function theorem (ℓ, σf, σn), or null if undefined. */
  slope: LogTheta | null;
  /** Refits made (warm and cold), and how many of them were cold global fits. */
  refits: number;
  globalChecks: number;
}

export interface ResponseCurveTracer {
  /** Does one piece of work (a refit, rarely two); returns true while work remains. */
  step(): boolean;
  /** The curve, once `step` has returned false. */
  result(): ResponseCurve;
}

/**
 * A warm polish that ends further than this (in some log coordinate) from where the branch was
 * extrapolated to has left the branch: the maximum it followed has ended or the polish fell back
 * to the global search.
 */
const LEFT_BRANCH = 0.35;
/** At most this many maxima are followed; samples none of them reaches are fitted cold. */
const MAX_BRANCHES = 4;

type Task =
  | { kind: 'centre' }
  | { kind: 'seed'; logTheta: LogTheta; at: number }
  | { kind: 'follow'; branch: number; from: number; direction: 1 | -1 }
  | { kind: 'check'; at: number }
  | { kind: 'ridge'; at: number; direction: 1 | -1 }
  | { kind: 'fill' };

/** Starts tracing the response curve; call `step()` until it returns false. */
export function traceResponseCurve(
  data: Dataset,
  options: ResponseCurveOptions,
): ResponseCurveTracer {
  const kernel = options.kernel ?? 'rbf';
  const rule = options.rule ?? 'ml';
  const ruleOptions: FitOptions = {
    kernel,
    rule,
    ...(rule === 'map' && options.prior ? { prior: options.prior } : {}),
  };
  const { index, axis, values, centre } = options;
  const m = values.length;
  if (!(index >= 0 && index < data.x.length) || !Number.isInteger(index)) {
    throw new RangeError(`point ${index} is not in the data (0 … ${data.x.length - 1})`);
  }
  if (!(centre >= 0 && centre < m) || !Number.isInteger(centre)) {
    throw new RangeError(`centre ${centre} is not a sample (0 … ${m - 1})`);
  }
  const branches: Branch[] = [];
  /** How many branches are followed (untrusted samples are recorded, not followed). */
  let followed = 0;
  /** Samples where no fit could be made (left NaN). */
  const unfittable = new Set<number>();
  let slope: LogTheta | null = null;
  let refits = 0;
  let globalChecks = 0;
  // Follow tasks run first (depth-first along a branch); global checks after every branch known.
  const follows: Task[] = [{ kind: 'centre' }];
  // Without a start the centre's own fit is cold, so a check there would repeat it; with one,
  // a better maximum at the centre is found from the ends (followed inwards) instead.
  const checks: Task[] = [...new Set([0, m - 1, ...(options.checks ?? [])])]
    .filter((at) => at >= 0 && at < m)
    .map((at): Task => ({ kind: 'check', at }));
  checks.push({ kind: 'fill' });

  const dataAt = (k: number): Dataset => {
    const moved = { x: Float64Array.from(data.x), y: Float64Array.from(data.y) };
    moved[axis][index] = values[k]!;
    return moved;
  };

  const fitAt = (k: number, warmStart?: FitOptions['warmStart']): Sample | null => {
    refits++;
    try {
      const fit = fitHyperparameters(dataAt(k), {
        ...ruleOptions,
        ...(warmStart && { warmStart }),
      });
      const { logTheta, lml, objective } = fit;
      return { logTheta, lml, objective, trust: fit.diagnostics.trust, fit };
    } catch {
      return null;
    }
  };

  const knownBranch = (k: number, logTheta: LogTheta): number => findBranch(branches, k, logTheta);

  /**
   * Records a new maximum at sample k and, unless it is untrusted (a boundary or a flat ridge:
   * nothing to follow) or MAX_BRANCHES are followed already, schedules following it both ways.
   */
  const addBranch = (k: number, sample: Sample): void => {
    const branch: Branch = new Array<Sample | null>(m).fill(null);
    branch[k] = sample;
    branches.push(branch);
    const id = branches.length - 1;
    if (followed >= MAX_BRANCHES || sample.trust === 'untrusted') return;
    followed++;
    follows.push(
      { kind: 'follow', branch: id, from: k, direction: 1 },
      { kind: 'follow', branch: id, from: k, direction: -1 },
    );
  };

  /** Where branch `id` is expected at sample `to`; the centre's first step follows the slope. */
  const extrapolate = (id: number, from: number, direction: 1 | -1, to: number): LogTheta =>
    extrapolateBranch(
      branches[id]!,
      values,
      from,
      direction,
      to,
      id === 0 && from === centre ? slope : null,
    );

  const run = (task: Task): void => {
    switch (task.kind) {
      case 'centre': {
        const sample = fitAt(centre, options.start);
        if (!sample) return;
        const sensitivities = computeSensitivities(dataAt(centre), sample.fit);
        if (sensitivities.defined) {
          const rows = sensitivities[axis === 'y' ? 'dLogTheta_dy' : 'dLogTheta_dx'];
          slope = [rows[0][index]!, rows[1][index]!, rows[2][index]!];
        }
        addBranch(centre, sample);
        const runnerUp = sample.fit.diagnostics.runnerUp;
        if (runnerUp) {
          const { lengthscale, signalStd, noiseStd } = runnerUp.theta;
          follows.push({
            kind: 'seed',
            at: centre,
            logTheta: [Math.log(lengthscale), Math.log(signalStd), Math.log(noiseStd)],
          });
        }
        return;
      }
      case 'seed': {
        const sample = fitAt(task.at, { logTheta: task.logTheta });
        if (sample && knownBranch(task.at, sample.logTheta) < 0) addBranch(task.at, sample);
        return;
      }
      case 'follow': {
        const { branch: id, from, direction } = task;
        const to = from + direction;
        if (to < 0 || to >= m) return;
        const branch = branches[id]!;
        const here = branch[from]!;
        const predicted = extrapolate(id, from, direction, to);
        const sample = fitAt(to, {
          logTheta: predicted,
          hessianLogTheta: here.fit.hessianLogTheta,
        });
        if (!sample) return;
        if (sample.trust === 'untrusted') {
          // No strict maximum here, so where a warm polish stops depends on where it started:
          // the branch ends, and from here on fresh fits say what θ̂ is until one finds a maximum.
          follows.unshift({ kind: 'ridge', at: to, direction });
          return;
        }
        const other = knownBranch(to, sample.logTheta);
        if (other >= 0 && other !== id) return; // merged into a maximum already followed
        if (!closeLogTheta(sample.logTheta, predicted, LEFT_BRANCH)) {
          // The followed maximum ended here; what the fit found instead is a maximum of its own.
          if (other < 0) addBranch(to, sample);
          return;
        }
        branch[to] = sample;
        follows.unshift({ kind: 'follow', branch: id, from: to, direction });
        return;
      }
      case 'ridge': {
        const { at, direction } = task;
        if (at < 0 || at >= m) return;
        globalChecks++;
        const fresh = fitAt(at);
        if (!fresh) return;
        if (knownBranch(at, fresh.logTheta) < 0) addBranch(at, fresh);
        if (fresh.trust === 'untrusted')
          follows.unshift({ kind: 'ridge', at: at + direction, direction });
        return;
      }
      case 'fill': {
        // A sample no followed branch reached (more maxima than MAX_BRANCHES) is fitted cold.
        const uncovered = Array.from({ length: m }, (_, k) => k).find(
          (k) => !unfittable.has(k) && !branches.some((branch) => branch[k] != null),
        );
        if (uncovered === undefined) return;
        const sample = fitAt(uncovered);
        if (sample) addBranch(uncovered, sample);
        else unfittable.add(uncovered);
        checks.unshift(task);
        return;
      }
      case 'check': {
        globalChecks++;
        const held = branches.flatMap((branch) => branch[task.at] ?? []);
        // Only a maximum that beats every followed one at this sample changes θ̂; for `ml` the
        // search for one stops early in known basins, and a cold fit is made only when it finds
        // one (the other rules' objectives have no such search: their cold fit is the check).
        if (rule === 'ml' && !betterMaximumExists(dataAt(task.at), kernel, held, LML_TIE)) return;
        const sample = fitAt(task.at);
        const best = Math.max(...held.map((known) => known.objective));
        if (
          sample &&
          knownBranch(task.at, sample.logTheta) < 0 &&
          sample.objective > best + LML_TIE
        ) {
          addBranch(task.at, sample);
        }
        return;
      }
    }
  };

  const assemble = (): ResponseCurve => ({
    index,
    axis,
    values: Float64Array.from(values),
    centre,
    ...highestBranchPerSample(branches, m),
    slope,
    refits,
    globalChecks,
  });

  let finished: ResponseCurve | null = null;
  return {
    step() {
      if (finished) return false;
      const task = follows.shift() ?? checks.shift();
      if (task) {
        run(task);
        return true;
      }
      finished = assemble();
      return false;
    },
    result() {
      if (!finished) throw new Error('the response curve is not finished: call step() until false');
      return finished;
    },
  };
}

/** The whole response curve in one call (see `traceResponseCurve`). */
export function responseCurve(data: Dataset, options: ResponseCurveOptions): ResponseCurve {
  const tracer = traceResponseCurve(data, options);
  while (tracer.step());
  return tracer.result();
}

/**
 * `count` evenly spaced values on [current − halfWidth, current + halfWidth] ∩ [min, max], one of
 * them exactly `current`, and the index of that one: the samples of a response curve.
 */
export function curveSampleValues(
  current: number,
  halfWidth: number,
  perSide: number,
  [min, max]: readonly [number, number],
): { values: Float64Array; centre: number } {
  const step = halfWidth / perSide;
  const below = Math.max(0, Math.min(perSide, Math.floor((current - min) / step + 1e-9)));
  const above = Math.max(0, Math.min(perSide, Math.floor((max - current) / step + 1e-9)));
  const values = Float64Array.from(
    { length: below + above + 1 },
    (_, k) => current + (k - below) * step,
  );
  values[below] = current;
  return { values, centre: below };
}
