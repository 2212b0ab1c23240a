/**
 * How the page tells a working compute worker from a gone one: a silent worker (closed, killed,
 * stuck in a loop, or awaiting a GPU that will never answer) sends nothing, while a working one
 * reports each stage of an analysis (started, fitted, sensitivities, posterior) and then its
 * result. A request is declared lost when the worker has been silent for longer than the longest
 * stage it can be expected to take:
 *
 *   allowance = floorMs + multiple × (expected time of the request's longest stage)
 *
 * Stage times are measured from the worker's own results and scaled to the request's size (the
 * fit and sensitivities as n³, the posterior as n²·m·(1 + samples) + n³, the landscape as
 * size·n³ + size²·n); a stage never measured is allowed UNMEASURED_STAGE_MS. The silences the
 * page itself saw between two messages of recent requests count too (their median): on a machine
 * so busy that threads wait for a core, that is what a stage takes. For the explorer's
 * sizes every stage takes milliseconds, so a silent worker is found within floorMs (1.5 s).
 * Until the worker has reported that it started, the allowance is startupMs; and when the worker
 * announces work the page cannot have measured (the first GPU run of a size, which compiles
 * shaders), it says how long that may take and gets floorMs more than that.
 */
import type { AnalysisSuccess, SequencedRequest } from '../shared/protocol';

export interface LivenessOptions {
  /** The least silence that counts as a lost worker, ms. */
  floorMs: number;
  /** The silence allowed before the worker has reported its backend (start-up), ms. */
  startupMs: number;
  /** Expected stage times are multiplied by this. */
  multiple: number;
}

export const DEFAULT_LIVENESS: LivenessOptions = { floorMs: 1500, startupMs: 30_000, multiple: 4 };

/** What a stage may take before it has ever been measured, ms. */
export const UNMEASURED_STAGE_MS = 5000;

/** Measurements kept per stage. */
const SAMPLES_PER_STAGE = 24;

/** A timer callback running this much later than asked means the page itself was blocked. */
const LATE_TIMER_MS = 100;
/** Grace given then, so that messages that queued up meanwhile are read first. */
const LATE_GRACE_MS = 250;

type Stage = 'fit' | 'sensitivity' | 'posterior' | 'landscape';
const STAGES: readonly Stage[] = ['fit', 'sensitivity', 'posterior', 'landscape'];

/** The request's fields the cost of a stage depends on. */
type Sized = Pick<
  SequencedRequest,
  'x' | 'grid' | 'samples' | 'landscape' | 'finiteDifferenceIndex'
>;

/** Work of each stage in arbitrary units; null when the request skips the stage. */
function stageWork(request: Sized, stage: Stage): number | null {
  const n = Math.max(request.x.length, 1);
  const cube = n ** 3;
  switch (stage) {
    case 'fit':
      return cube;
    case 'sensitivity':
      return cube * (request.finiteDifferenceIndex === null ? 1 : 3);
    case 'posterior':
      return n * n * Math.max(request.grid.count, 1) * (1 + request.samples) + cube;
    case 'landscape': {
      if (request.landscape === null) return null;
      const size = request.landscape.size;
      return size * cube + size * size * n;
    }
  }
}

/** Measured stage times, for the expected time of the next request's stages. */
export class StageTimes {
  private readonly samples = new Map<Stage, { work: number; ms: number }[]>(
    STAGES.map((stage) => [stage, []]),
  );
  /** The longest silence between two messages of each recent request, as the page saw it. */
  private readonly silences: number[] = [];

  /** Records the longest silence the page saw while a request was answered. */
  recordSilence(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.silences.push(ms);
    if (this.silences.length > SAMPLES_PER_STAGE) this.silences.shift();
  }

  /**
   * Records the stage times of an answered request; `withFirstGpuRun`: its posterior stage
   * compiled shaders, which says nothing about the next request's.
   */
  record(request: Sized, timing: AnalysisSuccess['timingMs'], withFirstGpuRun = false): void {
    for (const stage of STAGES) {
      if (withFirstGpuRun && stage === 'posterior') continue;
      const work = stageWork(request, stage);
      const ms = timing[stage];
      if (work === null || !Number.isFinite(ms) || ms < 0) continue;
      const list = this.samples.get(stage)!;
      list.push({ work, ms });
      if (list.length > SAMPLES_PER_STAGE) list.shift();
    }
  }

  /**
   * The longest stage `request` is expected to take, ms: the measured stages scaled up (never
   * down) to its size, and the median of the recent requests' longest silences (a median: one
   * stall of a busy machine should not slow the detection of a dead worker for long).
   */
  longestStageMs(request: Sized): number {
    const sorted = [...this.silences].sort((a, b) => a - b);
    let longest = sorted[Math.floor(sorted.length / 2)] ?? 0;
    for (const stage of STAGES) {
      const work = stageWork(request, stage);
      if (work === null) continue;
      const list = this.samples.get(stage)!;
      const expected =
        list.length === 0
          ? UNMEASURED_STAGE_MS
          : Math.max(...list.map((sample) => sample.ms * Math.max(1, work / sample.work)));
      longest = Math.max(longest, expected);
    }
    return longest;
  }
}

/** Watches one worker's silence while a request is out. */
export interface LivenessWatch {
  /** A request was sent to the worker. */
  sent(request: SequencedRequest): void;
  /**
   * The worker said something (a status, a stage, a result): it is alive. `expectMs`: it
   * announced that its next stage may take this long.
   */
  heard(expectMs?: number): void;
  /** The worker has reported its backend: start-up is over. */
  ready(): void;
  /** The request was answered; its stage times are learned. */
  answered(request: SequencedRequest, result: { ok: boolean; timingMs?: unknown }): void;
  /** Stops watching (the worker was replaced or the page is done). */
  stop(): void;
}

export function createLivenessWatch(
  options: LivenessOptions,
  times: StageTimes,
  onSilent: (silentMs: number) => void,
): LivenessWatch {
  let outstanding: SequencedRequest | null = null;
  let started = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** When the worker last spoke (or the request was sent), and the longest silence since. */
  let lastHeardAt = 0;
  let longestSilence = 0;
  /** The silence after an announced slow stage says nothing about this machine. */
  let skipSilence = false;
  /** The request out had a first GPU run announced. */
  let announced = false;

  const clear = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const allowance = (request: SequencedRequest): number =>
    started
      ? options.floorMs + options.multiple * times.longestStageMs(request)
      : options.startupMs;
  const arm = (ms: number, graced: boolean): void => {
    clear();
    if (outstanding === null) return;
    const due = performance.now() + ms;
    timer = setTimeout(() => {
      timer = null;
      // A page blocked past the deadline has not read the worker's messages yet: read first.
      if (!graced && performance.now() - due > LATE_TIMER_MS) arm(LATE_GRACE_MS, true);
      else onSilent(ms);
    }, ms);
  };
  const rearm = (announcedMs = 0): void => {
    if (outstanding === null) return;
    arm(Math.max(allowance(outstanding), options.floorMs + announcedMs), false);
  };

  return {
    sent(request) {
      outstanding = request;
      lastHeardAt = performance.now();
      longestSilence = 0;
      skipSilence = false;
      announced = false;
      rearm();
    },
    heard(expectMs) {
      const at = performance.now();
      if (outstanding !== null && !skipSilence) {
        longestSilence = Math.max(longestSilence, at - lastHeardAt);
      }
      lastHeardAt = at;
      skipSilence = expectMs !== undefined;
      announced ||= skipSilence;
      rearm(expectMs);
    },
    ready() {
      // The start-up is no measure of a stage.
      started = true;
      lastHeardAt = performance.now();
      longestSilence = 0;
      rearm();
    },
    answered(request, result) {
      if (result.ok && result.timingMs) {
        times.record(request, result.timingMs as AnalysisSuccess['timingMs'], announced);
      }
      if (started) times.recordSilence(longestSilence);
      outstanding = null;
      clear();
    },
    stop() {
      outstanding = null;
      clear();
    },
  };
}
