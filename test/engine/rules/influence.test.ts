/**
 * Point influence (src/engine/influence.ts): the removal refits equal cold refits of the data
 * without the point (1e-9 in log θ), a jump of the maximum is reported as such, and the
 * infinitesimal jackknife d log θ̂/dwᵢ matches a finite difference in the weight of point i, taken
 * on the independent implementation's weighted objective — for every rule.
 */
import { describe, expect, it } from 'vitest';
import {
  createInfluenceShared,
  fitHyperparameters,
  localMaxima,
  pointInfluence,
  sameRuleOptions,
  validateDataset,
  type LogTheta,
} from '../../../src/engine';
import { coldRefit, noisySine, plain, RULE_CASE, RULES } from './cases';
import { ruleObjective } from './independent-gp';
import { fdHessian, newtonPolish } from './optimize';

describe.each(RULES)('influence of each point under rule %s', (rule) => {
  const data = RULE_CASE;
  const fit = fitHyperparameters(data, { rule, kernel: 'matern52' });
  const influence = pointInfluence(data, fit);

  it('removes each point exactly: the warm refit lands on the cold refit to 1e-9', () => {
    expect(influence.infinitesimalReason).toBeNull();
    influence.points.forEach((point, index) => {
      expect(point.index).toBe(index);
      expect(point.status).toBe('continued');
      const cold = coldRefit(data, fit, index);
      point.removal!.forEach((value, i) =>
        expect(Math.abs(fit.logTheta[i]! + value - cold[i]!)).toBeLessThan(1e-9),
      );
      point.linearRemoval!.forEach((value, i) => expect(value).toBe(-point.dLogTheta_dw![i]!));
    });
  });

  it('gives d log θ̂/dwᵢ that matches a finite difference in the weight to 1e-5', () => {
    const h = 1e-3;
    // One Hessian of the plain data serves every refit: they all sit close to θ̂.
    const prior = fit.prior ?? undefined;
    const hessian = fdHessian(
      (logTheta) => ruleObjective(rule, 'matern52', plain(data), logTheta, prior),
      fit.logTheta,
    );
    for (const index of [0, 5, 9, 15]) {
      const refit = (weight: number) => {
        const weighted = {
          ...plain(data),
          w: plain(data).x.map((_, k) => (k === index ? weight : 1)),
        };
        return newtonPolish(
          (logTheta) => ruleObjective(rule, 'matern52', weighted, logTheta, prior),
          fit.logTheta,
          hessian,
        );
      };
      // Central differences at h and 2h, Richardson-extrapolated.
      const central = (step: number) => {
        const up = refit(1 + step);
        const down = refit(1 - step);
        return up.map((value, i) => (value - down[i]!) / (2 * step));
      };
      const fine = central(h);
      const coarse = central(2 * h);
      const fd = fine.map((value, i) => (4 * value - coarse[i]!) / 3);
      const derivative = influence.points[index]!.dLogTheta_dw!;
      const scale = Math.max(...fd.map(Math.abs));
      derivative.forEach((value, i) => expect(Math.abs(value - fd[i]!)).toBeLessThan(1e-5 * scale));
    }
  });
});

describe('influence when the maximum jumps', () => {
  // Three maxima, the best two nearly tied (gap 0.016): removing some points hands the lead to
  // another one, removing others drives θ̂'s own maximum to an edge.
  const data = noisySine(12, 3, { noise: 0.6 });
  const fit = fitHyperparameters(data);

  it('says so, and reports the change to the new maximum and to the old one’s continuation', () => {
    expect(fit.diagnostics.runnerUp!.lmlGap).toBeLessThan(0.1);
    const influence = pointInfluence(data, fit);
    const jumped = influence.points
      .filter((point) => point.status === 'jumped')
      .map((point) => point.index);
    expect(jumped.length).toBeGreaterThan(0);
    expect(influence.points.some((point) => point.status === 'untrusted')).toBe(true);
    for (const point of influence.points) {
      if (point.status === 'untrusted') continue;
      const cold = coldRefit(data, fit, point.index);
      point.removal!.forEach((value, i) =>
        expect(Math.abs(fit.logTheta[i]! + value - cold[i]!)).toBeLessThan(1e-9),
      );
      if (point.status !== 'jumped') continue;
      expect(point.note).toMatch(/another maximum/);
      // The continuation (when its basin survives) is closer to θ̂ than the jump.
      const distance = (delta: LogTheta) => Math.max(...delta.map(Math.abs));
      if (point.continuedRemoval) {
        expect(distance(point.continuedRemoval)).toBeLessThan(distance(point.removal!));
      }
    }
  });

  it('with coldCheck, agrees with the cold refits too', () => {
    const checked = pointInfluence(data, fit, { coldCheck: true });
    const plainResult = pointInfluence(data, fit);
    checked.points.forEach((point, index) => {
      expect(point.status).toBe(plainResult.points[index]!.status);
      // An edge "maximum" is where a polish stopped creeping, not a point to agree on.
      if (point.status === 'untrusted') return;
      point.removal!.forEach((value, i) =>
        expect(Math.abs(value - plainResult.points[index]!.removal![i]!)).toBeLessThan(1e-9),
      );
    });
  });
});

describe('influence of some points only', () => {
  it('gives the same rows point by point as all at once, shared or not, and refuses an index out of range', () => {
    const data = RULE_CASE;
    const fit = fitHyperparameters(data, { rule: 'map' });
    const all = pointInfluence(data, fit);
    const maxima = localMaxima(data, sameRuleOptions(fit));
    const shared = createInfluenceShared();
    for (const index of [3, 0, data.x.length - 1]) {
      const one = pointInfluence(data, fit, { maxima, indices: [index] });
      expect(one.points).toEqual([all.points[index]]);
      // Sharing the jackknife and the refits' buffers between calls changes nothing.
      const sharing = pointInfluence(data, fit, { maxima, indices: [index], shared });
      expect(sharing.points).toEqual([all.points[index]]);
    }
    expect(shared.fit).toBe(fit);
    expect(() => pointInfluence(data, fit, { indices: [data.x.length] })).toThrow(RangeError);
  });
});

describe('influence at the edges', () => {
  it('marks a removal that leaves too few points as invalid', () => {
    const data = validateDataset([0, 1], [0.5, -0.3]);
    const influence = pointInfluence(data, fitHyperparameters(data));
    for (const point of influence.points) {
      expect(point.status).toBe('invalid');
      expect(point.removal).toBeNull();
      expect(point.note).toMatch(/at least 2 points/);
    }
  });
});
