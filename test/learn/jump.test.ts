/**
 * Exercise 3's claims, measured with the float64 engine: on the two-cluster data the fit picks the
 * wiggly explanation; lowering the chosen point a quarter unit at a time first changes ℓ̂ a little
 * (as its arrow says), then, before the point leaves the plot, ℓ̂ jumps by more than JUMP_FACTOR
 * between two successive fits to the smooth explanation, where the arrow forecast a small change.
 */
import { describe, expect, it } from 'vitest';
import { Y_DOMAIN } from '../../src/state';
import { CLUSTER_POINTS, JUMP_DIRECTION, JUMP_POINT } from '../../src/learn/datasets';
import { fitPoints } from '../../src/learn/facts';
import { isJump, JUMP_FACTOR, JUMP_STEP, jumpPath } from '../../src/learn/jump';

describe('exercise 3: make the fit jump', () => {
  const start = fitPoints(CLUSTER_POINTS);
  const runnerUp = start.fit.diagnostics.runnerUp!;
  const path = jumpPath();

  it('starts on the wiggly explanation, with a smooth one as runner-up', () => {
    expect(runnerUp).toBeDefined();
    expect(start.fit.theta.lengthscale * JUMP_FACTOR).toBeLessThan(runnerUp.theta.lengthscale);
  });

  it('jumps before the point leaves the plot, lowered a quarter unit at a time', () => {
    expect(JUMP_DIRECTION).toBe('down');
    expect(path.jumpStep).not.toBeNull();
    const k = path.jumpStep!;
    const y = CLUSTER_POINTS[JUMP_POINT]!.y - k * JUMP_STEP;
    expect(y).toBeGreaterThanOrEqual(Y_DOMAIN[0]);
    const before = path.lengthscales[k - 1]!;
    const after = path.lengthscales[k]!;
    expect(isJump(before, after)).toBe(true);
    // To the smooth explanation: the runner-up's ℓ within a factor 2.
    expect(after / runnerUp.theta.lengthscale).toBeGreaterThan(0.5);
    expect(after / runnerUp.theta.lengthscale).toBeLessThan(2);
  });

  it('changes ℓ̂ only a little at each step before the jump', () => {
    const k = path.jumpStep!;
    expect(k).toBeGreaterThanOrEqual(2);
    for (let step = 1; step < k; step++) {
      const ratio = path.lengthscales[step]! / path.lengthscales[step - 1]!;
      expect(Math.abs(Math.log(ratio))).toBeLessThan(Math.log(1.2));
    }
  });

  it('the arrow forecast a small change where ℓ̂ jumped', () => {
    const k = path.jumpStep!;
    const before = path.lengthscales[k - 1]!;
    expect(Math.abs(Math.log(path.forecast! / before))).toBeLessThan(Math.log(1.2));
    expect(isJump(path.forecast!, path.lengthscales[k]!)).toBe(true);
  });

  it('calls small changes no jump, and a change by more than the factor a jump', () => {
    expect(isJump(1, 2.9)).toBe(false);
    expect(isJump(1, 0.4)).toBe(false);
    expect(isJump(1, 3.1)).toBe(true);
    expect(isJump(1, 0.3)).toBe(true);
  });
});
