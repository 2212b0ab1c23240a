/**
 * The explorer's single store (zustand, vanilla: no React). It owns the data and the view
 * options, is the only code that talks to the compute service, and turns every edit into a
 * request: pointer → points → request (seq) → result → store → render.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KernelName } from '../engine/types';
import type { AnalysisResult, ComputeClient } from '../worker/shared/protocol';
import { snapPoint, type Point } from './domain';
import { record, redo, undo } from './history';
import { findPreset, type PresetId } from './presets';
import { initialData, loadedFrom } from './initialData';
import { sameArrowScale } from './arrowScale';
import { applyResult, scaleFor } from './results';
import { createComputeRequests, type CurveRequests, type InsightRequests } from './computeRequests';
import { createTransaction } from './transaction';
import { createViewActions } from './viewActions';
import { createPointNudge, dragSessionAt } from './pointNudge';
import type { DataSnapshot, ExplorerData, ExplorerState } from './types';
import type { SharedState } from './urlCodec';
import { notice } from '../i18n/notice';
import { NO_LESSON } from './lesson';

/** Fewest points the explorer keeps: below three, the three hyperparameters are not identified. */
export const MIN_EXPLORER_POINTS = 3;

export interface ExplorerStoreOptions {
  client: ComputeClient;
  /** Starting data and view (e.g. from a shared link); the default dataset otherwise. */
  initial?: SharedState;
  /** Most points the reader may place. */
  maxPoints: number;
  /**
   * The reader may move the points but not add or remove one (a figure whose text is about these
   * points: a tap or a long press on a phone must not change them).
   */
  fixedPointCount?: boolean;
  /**
   * Ask for the selected point's response curve (the explorer draws it; widgets do not):
   * CURVE_REQUESTS (panelRequests.ts).
   */
  curveRequests?: CurveRequests;
  /** Ask for the insight panels' results: INSIGHT_REQUESTS (panelRequests.ts). */
  insightRequests?: InsightRequests;
  /** Clock for the refitting flag (staleness.ts); performance.now by default. */
  now?: () => number;
}

export type ExplorerStore = StoreApi<ExplorerState>;

export function createExplorerStore({
  client,
  initial,
  maxPoints,
  fixedPointCount = false,
  curveRequests,
  insightRequests,
  now,
}: ExplorerStoreOptions): ExplorerStore {
  const { read, write, transact } = createTransaction(() => store);
  const compute = createComputeRequests({
    client,
    read,
    write,
    curveRequests,
    insightRequests,
    now,
  });
  const { requestAnalysis, refreshCurve, refreshInsight } = compute;
  /** Set at a release: the arrow scale is fitted anew once the fit of the final points is in. */
  let rescaleWhenCurrent = false;

  const store = createStore<ExplorerState>()(() => {
    const set = write;
    const get = read;
    function snapshot(): DataSnapshot {
      const { points, kernel, presetId } = get();
      return { points, kernel, presetId };
    }

    /**
     * Replaces the data. `structural` marks a change of which points exist (indices change
     * meaning); `recordUndo` stores the previous data for undo.
     */
    function commit(
      next: Partial<DataSnapshot>,
      { structural = false, recordUndo = true } = {},
    ): void {
      const state = get();
      set({
        ...next,
        history: recordUndo ? record(state.history, snapshot()) : state.history,
        structureVersion: structural ? state.structureVersion + 1 : state.structureVersion,
        drag: null,
        finiteDifference: null,
        notice: null,
      });
      rescaleWhenCurrent = true;
      requestAnalysis();
    }

    function replacePoint(points: readonly Point[], index: number, x: number, y: number): Point[] {
      return points.map((point, i) => (i === index ? snapPoint(x, y) : point));
    }

    /** Restores undo/redo state; a change of count or kernel also needs a fresh arrow scale. */
    function restore(target: DataSnapshot, history: ExplorerData['history']): void {
      const state = get();
      const structural = target.points.length !== state.points.length;
      set({
        ...target,
        history,
        structureVersion: structural ? state.structureVersion + 1 : state.structureVersion,
        arrowScale: structural || target.kernel !== state.kernel ? null : state.arrowScale,
        selectedIndex: structural ? null : state.selectedIndex,
        drag: null,
        finiteDifference: null,
        notice: null,
      });
      rescaleWhenCurrent = true;
      requestAnalysis();
    }

    return {
      ...initialData(initial),

      beginDrag(index) {
        const { drag } = get();
        const session = dragSessionAt(get(), index, snapshot());
        if (!session || drag?.active) return;
        // The curve in progress would hold the worker while the pointer moves: drop it.
        const { curve } = get();
        if (curve?.status === 'computing') {
          client.cancelCurve();
          set({ curve: { ...curve, status: 'stale' } });
        }
        set({
          selectedIndex: index,
          finiteDifference: null,
          drag: session,
        });
      },

      dragTo(x, y) {
        const { drag, points } = get();
        if (!drag?.active) return;
        const current = points[drag.index];
        const moved = snapPoint(x, y);
        if (!current || (current.x === moved.x && current.y === moved.y)) return;
        set({
          points: replacePoint(points, drag.index, x, y),
          // The same object once moved, so views of the drag re-render only for the refit.
          drag: drag.moved ? drag : { ...drag, moved: true },
          presetId: null,
        });
        requestAnalysis();
      },

      endDrag() {
        const { drag, history, options, landscape, points } = get();
        if (!drag?.active) return;
        set({
          drag: { ...drag, active: false },
          history: drag.moved ? record(history, drag.before) : history,
        });
        if (drag.moved) {
          // Fit the arrows' scale to where the drag led, so they do not sit at their cap.
          rescaleWhenCurrent = true;
          rescaleIfCurrent();
        }
        refreshCurve();
        refreshInsight();
        // A large dataset skipped the landscape while dragging: bring it up to date now.
        const landscapeComing = compute.landscapeComing(points);
        if (
          drag.moved &&
          options.showLandscape &&
          landscape?.points !== points &&
          !landscapeComing
        ) {
          requestAnalysis();
        }
      },

      movePoint(index, x, y) {
        const { points } = get();
        if (!points[index]) return;
        commit({ points: replacePoint(points, index, x, y), presetId: null });
        set({ selectedIndex: index });
      },

      addPoint(x, y) {
        if (fixedPointCount) return;
        const { points } = get();
        if (points.length >= maxPoints) {
          set({ notice: notice('noticeMaxPoints', { max: maxPoints }) });
          return;
        }
        commit({ points: [...points, snapPoint(x, y)], presetId: null }, { structural: true });
        set({ selectedIndex: points.length });
      },

      removePoint(index) {
        const { points, selectedIndex } = get();
        if (!points[index] || fixedPointCount) return;
        if (points.length <= MIN_EXPLORER_POINTS) {
          set({ notice: notice('noticeMinPoints', { min: MIN_EXPLORER_POINTS }) });
          return;
        }
        commit(
          { points: points.filter((_, i) => i !== index), presetId: null },
          { structural: true },
        );
        const remaining = points.length - 1;
        set({ selectedIndex: selectedIndex === null ? null : Math.min(index, remaining - 1) });
      },

      select(index) {
        const { points, selectedIndex } = get();
        const next = index !== null && points[index] ? index : null;
        if (next !== selectedIndex) set({ selectedIndex: next, finiteDifference: null });
        refreshCurve();
      },

      setKernel(kernel: KernelName) {
        if (kernel === get().kernel) return;
        set({ arrowScale: null });
        commit({ kernel });
      },

      loadPreset(id: PresetId) {
        const { kernel, options } = get();
        const points = findPreset(id).points;
        set({
          arrowScale: null,
          selectedIndex: null,
          loaded: { points, kernel, presetId: id, options },
        });
        commit({ points, presetId: id }, { structural: true });
      },

      loadShared(shared) {
        const loaded = loadedFrom(shared);
        set({
          arrowScale: null,
          selectedIndex: null,
          options: shared.options,
          presentation: shared.presentation ?? get().presentation,
          lesson: shared.lesson ?? NO_LESSON,
          loaded,
        });
        commit(
          { points: loaded.points, kernel: loaded.kernel, presetId: loaded.presetId },
          { structural: true },
        );
      },

      reset() {
        const { points, kernel, presetId, options } = get().loaded;
        set({ arrowScale: null, selectedIndex: null, options, manualTheta: null });
        commit({ points, kernel, presetId }, { structural: true });
      },

      undo() {
        const state = get();
        if (state.drag?.active) return;
        const step = undo(state.history, snapshot());
        if (step) restore(step.state, step.history);
      },

      redo() {
        const state = get();
        if (state.drag?.active) return;
        const step = redo(state.history, snapshot());
        if (step) restore(step.state, step.history);
      },

      rescaleArrows() {
        fitArrowScale(false);
      },

      checkFiniteDifference() {
        const { selectedIndex, points, drag } = get();
        if (selectedIndex === null || drag?.active) return;
        set({
          finiteDifference: { index: selectedIndex, points, status: 'pending', result: null },
        });
        requestAnalysis(selectedIndex);
      },

      ...createViewActions({ read, write, compute }),
      ...createPointNudge({ read, write, snapshot }),

      dispose() {
        unsubscribeInsight?.();
        unsubscribeResults();
        unsubscribeStatus();
        unsubscribeCurves();
        compute.dispose();
      },
    };
  });

  /** Refits the arrow scale after a release, once the result for the final points is in. */
  function rescaleIfCurrent(): void {
    const { analysis, points, drag } = read();
    if (!rescaleWhenCurrent || drag?.active || analysis?.points !== points) return;
    rescaleWhenCurrent = false;
    fitArrowScale(true);
  }

  /**
   * Fits the arrow scale to the fit on screen: anew (`keepIfFits` false, the reader's request),
   * or after an edit keeping the scale while it still fits the arrows (arrowScale.ts).
   */
  function fitArrowScale(keepIfFits: boolean): void {
    const { analysis, options, structureVersion, arrowScale: current } = read();
    if (!analysis || analysis.structureVersion !== structureVersion) return;
    const scale = scaleFor(
      analysis.result,
      options.hyperparameter,
      options.arrowMode,
      options.compareRule,
      keepIfFits ? current : null,
    );
    if (scale && !sameArrowScale(current, scale)) write({ arrowScale: scale });
  }

  function receive(result: AnalysisResult): void {
    const request = compute.claim(result);
    if (!request) return;
    write(applyResult(read(), result, request));
    rescaleIfCurrent();
    refreshCurve();
    refreshInsight();
    compute.answered(request);
  }

  const actions = Object.entries(read()).filter(
    (entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === 'function',
  );
  store.setState(
    Object.fromEntries(
      actions.map(([name, run]) => [name, transact(run)]),
    ) as Partial<ExplorerState>,
  );
  const unsubscribeResults = client.subscribe(transact(receive));
  const unsubscribeCurves = client.subscribeCurve((result) => {
    const next = curveRequests?.settled(read().curve, result);
    if (next) write({ curve: next });
  });
  const unsubscribeInsight = client.subscribeInsight?.(
    transact((result) => {
      const next = insightRequests?.settled(read().insight, result);
      if (next) write({ insight: next });
      // A quick influence answer is followed by its global check (insight.ts).
      if (next && result.ok) refreshInsight();
    }),
  );
  const unsubscribeStatus = client.subscribeStatus((status) => write({ status }));
  // The first analysis of the starting data.
  transact(requestAnalysis)();
  return store;
}
