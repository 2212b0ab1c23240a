import { describe, expect, it } from 'vitest';
import { StageTimes, UNMEASURED_STAGE_MS } from '../../src/worker/main/liveness';
import { sampleRequest } from './fakeWorker';

const sized = (n: number, landscape: number | null = null) => ({
  ...sampleRequest(),
  x: new Float64Array(n),
  landscape:
    landscape === null
      ? null
      : {
          lengthscaleRange: [0.1, 10] as [number, number],
          noiseRatioRange: [1e-6, 1] as [number, number],
          size: landscape,
        },
});

const timing = (fit: number, landscape = 0) => ({
  fit,
  sensitivity: 0,
  posterior: 0,
  landscape,
  total: fit + landscape,
});

describe('stage times for the liveness allowance', () => {
  it('allows an unmeasured stage the default', () => {
    expect(new StageTimes().longestStageMs(sized(10))).toBe(UNMEASURED_STAGE_MS);
  });

  it('scales a measured fit by n³ for a larger request, never down for a smaller one', () => {
    const times = new StageTimes();
    times.record(sized(10), timing(2));
    // The landscape was never measured, but this request has none: the fit counts.
    expect(times.longestStageMs(sized(20))).toBeCloseTo(16, 6);
    expect(times.longestStageMs(sized(5))).toBeCloseTo(2, 6);
  });

  it('scales a measured landscape by its size and n³', () => {
    const times = new StageTimes();
    times.record(sized(10, 20), timing(1, 10));
    const scaled = times.longestStageMs(sized(10, 40));
    // size·n³ + size²·n: doubling the size at n = 10 doubles the work and a bit more.
    expect(scaled).toBeGreaterThan(20);
    expect(scaled).toBeLessThan(25);
  });

  it('counts the median silence the page saw, so one stall does not slow detection for long', () => {
    const times = new StageTimes();
    times.record(sized(10), timing(1));
    for (const silence of [5, 6, 7, 3000, 8]) times.recordSilence(silence);
    expect(times.longestStageMs(sized(10))).toBe(7);
  });

  it('does not learn from a stage that compiled GPU shaders', () => {
    const times = new StageTimes();
    times.record(
      sized(10),
      { fit: 1, sensitivity: 1, posterior: 4000, landscape: 0, total: 4002 },
      true,
    );
    times.record(sized(10), { fit: 1, sensitivity: 1, posterior: 3, landscape: 0, total: 5 });
    expect(times.longestStageMs(sized(10))).toBe(3);
  });
});
