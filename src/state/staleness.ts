/**
 * Whether what the page shows is still the answer for the points on screen. Every answer (θ̂, the
 * arrows, the band) belongs to the data of its request; once the data has changed, that answer is
 * out of date, and when no newer one has come within REFIT_BUDGET_MS — a frame budget: a healthy
 * worker answers a drag step in a few milliseconds — the store sets `refitting`, and the page greys
 * the arrows and θ̂ and says it is refitting instead of presenting an old result as current. The
 * flag clears when an answer for the current data arrives.
 */
import type { KernelName } from '../engine/types';
import type { Point } from './domain';

/** How long an answer may lag the data before it is marked as refitting, ms. */
export const REFIT_BUDGET_MS = 100;

/** The data an answer belongs to, and when that data stopped being current. */
export interface AnsweredData {
  points: readonly Point[];
  kernel: KernelName;
  /** When the data first changed after this request was made; null while it is current. */
  supersededAt: number | null;
}

export interface StalenessClock {
  /** A request for `next` was made; `previous` (the one before it) is superseded if data differ. */
  requested(next: AnsweredData, previous: AnsweredData | null): void;
  /** The answer to `shown`'s request is now what the page shows. */
  answered(shown: AnsweredData): void;
  dispose(): void;
}

export function createStalenessClock(
  setRefitting: (refitting: boolean) => void,
  { now = () => performance.now(), budgetMs = REFIT_BUDGET_MS } = {},
): StalenessClock {
  let shown: AnsweredData | null = null;
  let refitting = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const set = (value: boolean): void => {
    if (value === refitting) return;
    refitting = value;
    setRefitting(value);
  };

  const update = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (shown === null || shown.supersededAt === null) {
      set(false);
      return;
    }
    const wait = shown.supersededAt + budgetMs - now();
    if (wait <= 0) {
      set(true);
      return;
    }
    set(false);
    timer = setTimeout(update, wait);
  };

  return {
    requested(next, previous) {
      const changed =
        previous !== null && (previous.points !== next.points || previous.kernel !== next.kernel);
      if (changed && previous.supersededAt === null) previous.supersededAt = now();
      update();
    },
    answered(record) {
      shown = record;
      update();
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
