/**
 * The selection rules' rows of the engine benchmark (bench/cases/noisy-sine.ts), for n ≤ RULE_BENCH_MAX_N:
 *
 *   cold fit (map), cold fit (loo)      fitHyperparameters(data, { rule })
 *   drag step (map), drag step (loo)    as the `ml` drag step: start from the first-order
 *                                       prediction, warm refit, sensitivities, by that rule
 *   influence panel (ml, map, loo)      pointInfluence: the full data's local maxima, a refit
 *                                       without each point, and the infinitesimal jackknife
 *   heat map 64×48                      newPointPullMap (ml) over pullMapAxes(data, 64, 48)
 */
import {
  computeSensitivities,
  fitHyperparameters,
  newPointPullMap,
  pointInfluence,
  predictLogTheta,
  pullMapAxes,
  type Dataset,
  type FitResult,
  type SelectionRule,
} from '../src/engine/index';

export const RULE_BENCH_MAX_N = 100;

export const RULE_LABELS = {
  coldFitMap: 'cold fit (map)',
  dragStepMap: 'drag step (map)',
  coldFitLoo: 'cold fit (loo)',
  dragStepLoo: 'drag step (loo)',
  influence: 'influence panel: removal refits + dθ̂/dwᵢ (ml)',
  influenceMap: 'influence panel (map)',
  influenceLoo: 'influence panel (loo)',
  pullMap: 'heat map 64×48: new-point pull (ml)',
} as const;

export type RuleMeasurementName = keyof typeof RULE_LABELS;

interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** The benchmark's own helpers, passed in so that every row is timed the same way. */
export interface BenchTools<Summary> {
  repeat(run: (repetition: number) => Sample): Sample[];
  timed<T>(work: () => T): [T, Sample];
  summarize(samples: Sample[], note?: string): Summary;
  movedData(data: Dataset, repetition: number): Dataset;
}

/** The rows for one dataset, in table order, each a measurement to run (or skip). */
export function ruleMeasurements<Summary>(
  data: Dataset,
  tools: BenchTools<Summary>,
): [RuleMeasurementName, () => Summary][] {
  const { repeat, timed, summarize, movedData } = tools;
  const cold = (rule: SelectionRule) => () => {
    let untrusted = 0;
    const samples = repeat(() => {
      const [fit, sample] = timed(() => fitHyperparameters(data, { rule }));
      if (fit.diagnostics.trust === 'untrusted') untrusted++;
      return sample;
    });
    return summarize(samples, untrusted > 0 ? `untrusted in ${untrusted}/${samples.length}` : '');
  };
  const drag = (rule: SelectionRule) => () => {
    const base = fitHyperparameters(data, { rule });
    const baseSensitivities = computeSensitivities(data, base);
    let defined = 0;
    const samples = repeat((r) => {
      const moved = movedData(data, r);
      const [result, sample] = timed(() => {
        const logTheta = predictLogTheta(data, base, baseSensitivities, moved);
        return computeSensitivities(
          moved,
          fitHyperparameters(moved, {
            rule,
            warmStart: { logTheta, hessianLogTheta: base.hessianLogTheta },
          }),
        );
      });
      if (result.defined) defined++;
      return sample;
    });
    return summarize(samples, `sensitivities defined in ${defined}/${samples.length}`);
  };
  const fit: { value: FitResult | null } = { value: null };
  const mlFit = () => (fit.value ??= fitHyperparameters(data));
  const influence = (rule: SelectionRule) => () => {
    const ruleFit = rule === 'ml' ? mlFit() : fitHyperparameters(data, { rule });
    const counts = new Map<string, number>();
    const samples = repeat(() => {
      const [result, sample] = timed(() => pointInfluence(data, ruleFit));
      for (const point of result.points) {
        counts.set(point.status, (counts.get(point.status) ?? 0) + 1);
      }
      return sample;
    });
    const note = [...counts].map(([status, count]) => `${status} ${count / samples.length}`);
    return summarize(samples, note.join(', '));
  };
  return [
    ['coldFitMap', cold('map')],
    ['dragStepMap', drag('map')],
    ['coldFitLoo', cold('loo')],
    ['dragStepLoo', drag('loo')],
    ['influence', influence('ml')],
    ['influenceMap', influence('map')],
    ['influenceLoo', influence('loo')],
    [
      'pullMap',
      () => {
        const grid = pullMapAxes(data, 64, 48);
        return summarize(repeat(() => timed(() => newPointPullMap(data, mlFit(), grid))[1]));
      },
    ],
  ];
}
