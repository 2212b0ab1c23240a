/**
 * The explorer's single store (zustand, vanilla: no React). It owns the data and the view
 * options, is the only code that talks to the compute service, and turns every edit into a
 * request: pointer → points → request (seq) → result → store → render.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KernelName } from '../engine/types';
import type { AnalysisResult, ComputeClient } from '../worker/protocol';
import { snapPoint, type Point } from './domain';
import { emptyHistory, record, redo, undo } from './history';
import { DEFAULT_KERNEL, DEFAULT_VIEW_OPTIONS, type ViewOptions } from './options';
import { DEFAULT_PRESET_ID, findPreset, matchPreset, type PresetId } from './presets';
import { boxOf, buildRequest, LIVE_LANDSCAPE_MAX_POINTS } from './request';
import { buildCurveRequest, curveMatches, curveTarget, pendingCurve, settledCurve } from './curve';
import {
  applyResult,
  baselineFor,
  landscapePosition,
  scaleFor,
  type RequestRecord,
} from './results';
import { createStalenessClock } from './staleness';
import { insightRequestFor, pendingInsight, settledInsight } from './insight';
import type { DataSnapshot, ExplorerData, ExplorerState } from './types';
import type { SharedState } from './urlCodec';
import { notice } from '../i18n/notice';
import { NO_LESSON } from './lesson';

/** Fewest points the explorer keeps: below three, the three hyperparameters are not identified. */
export const MIN_POINTS = 3;

export interface ExplorerStoreOptions {
  client: ComputeClient;
  /** Starting data and view (e.g. from a shared link); the default dataset otherwise. */
  initial?: SharedState;
  /** Most points the reader may place. */
  maxPoints: number;
  /** Ask for the selected point's response curve (the explorer draws it; widgets do not). */
  responseCurves?: boolean;
  /** Clock for the refitting flag (staleness.ts); performance.now by default. */
  now?: () => number;
}

export type ExplorerStore = StoreApi<ExplorerState>;

function initialData(initial: SharedState | undefined): ExplorerData {
  return {
    storeKey: {},
    points: initial?.points ?? findPreset(DEFAULT_PRESET_ID).points,
    kernel: initial?.kernel ?? DEFAULT_KERNEL,
    presetId: initial ? matchPreset(initial.points) : DEFAULT_PRESET_ID,
    options: initial?.options ?? DEFAULT_VIEW_OPTIONS,
    structureVersion: 0,
    selectedIndex: null,
    drag: null,
    analysis: null,
    landscape: null,
    failure: null,
    pendingSeq: null,
    refitting: false,
    status: { backend: 'starting', note: null },
    arrowScale: null,
    finiteDifference: null,
    history: emptyHistory(),
    notice: null,
    curve: null,
    curveAxis: 'y',
    manualTheta: null,
    presentation: initial?.presentation ?? false,
    lesson: initial?.lesson ?? NO_LESSON,
    insight: null,
  };
}

export function createExplorerStore({
  client,
  initial,
  maxPoints,
  responseCurves = false,
  now,
}: ExplorerStoreOptions): ExplorerStore {
  /**
   * Every action runs as one transaction: its changes gather in a draft and reach the subscribers
   * as one update when the outermost action returns, so React renders once per action and no
   * subscriber sees a half-made state.
   */
  let draft: ExplorerState | null = null;
  let depth = 0;
  function read(): ExplorerState {
    return draft ?? store.getState();
  }
  function write(change: Partial<ExplorerState>): void {
    if (depth === 0) store.setState(change);
    else draft = { ...read(), ...change };
  }
  function transact<Args extends unknown[], Result>(
    run: (...args: Args) => Result,
  ): (...args: Args) => Result {
    return (...args) => {
      depth += 1;
      try {
        return run(...args);
      } finally {
        depth -= 1;
        if (depth === 0 && draft) {
          const next = draft;
          draft = null;
          store.setState(next, true);
        }
      }
    };
  }

  const requests = new Map<number, RequestRecord>();
  let lastRequest: RequestRecord | null = null;
  const staleness = createStalenessClock((refitting) => write({ refitting }), now ? { now } : {});
  /** Set at a release: the arrow scale is fitted anew once the fit of the final points is in. */
  let rescaleWhenCurrent = false;

  /** Drops an unfinished curve whose data are no longer on screen. */
  function dropStaleCurve(): void {
    const { curve, points } = read();
    if (curve?.status !== 'computing' || curve.points === points) return;
    client.cancelCurve();
    write({ curve: { ...curve, status: 'stale' } });
  }

  /**
   * Asks for the response curve the state calls for, unless it is already here or coming. Never
   * during a drag: the curve computed before the drag stays, and the page follows the point on it.
   */
  function refreshCurve(): void {
    if (!responseCurves) return;
    const state = read();
    if (state.drag?.active) return;
    const target = curveTarget(state);
    if (!target) {
      if (state.curve?.status === 'computing') client.cancelCurve();
      if (state.curve !== null) write({ curve: null });
      return;
    }
    if (curveMatches(state.curve, target)) return;
    const seq = client.requestCurve(buildCurveRequest(state, target));
    write({ curve: pendingCurve(state.curve, target, seq) });
  }

  /**
   * Asks for the influence, pull map or added point's refit the state calls for, when the data
   * are at rest (insight.ts); a newer request drops an unfinished one in the worker.
   */
  function refreshInsight(addedPoint: { x: number; y: number } | null = null): void {
    if (!client.requestInsight) return;
    const state = read();
    const wanted = insightRequestFor(state, addedPoint);
    if (wanted === null) return;
    const seq = client.requestInsight(wanted.request);
    write({ insight: pendingInsight(state.insight, wanted.key, seq, addedPoint) });
  }

  /** Drops an unfinished insight request (a drag began: the worker must be free for it). */
  function cancelInsight(): void {
    if (read().insight?.status === 'computing') client.cancelInsight?.();
  }

  /**
   * Sends the current data to the compute service. `reuseLandscape` skips the landscape when the
   * one on screen belongs to these points (a request that only changes the θ set by hand).
   */
  function requestAnalysis(
    finiteDifferenceIndex: number | null = null,
    { reuseLandscape = false } = {},
  ): void {
    const { points, kernel, options, drag, structureVersion, manualTheta } = read();
    cancelInsight();
    const shown = read().landscape;
    const landscape =
      options.showLandscape &&
      (!drag?.active || points.length <= LIVE_LANDSCAPE_MAX_POINTS) &&
      !(reuseLandscape && shown?.points === points);
    // During a drag the axes start from those on screen, so they only grow while a point moves.
    const landscapeBox = drag?.active && shown ? boxOf(shown.grid) : undefined;
    const seq = client.request(
      buildRequest(points, kernel, {
        landscape,
        finiteDifferenceIndex,
        landscapeBox,
        fixedTheta: manualTheta,
        rule: options.rule,
        compareRule: options.compareRule,
        live: drag?.active ?? false,
      }),
    );
    const previous = lastRequest;
    lastRequest = {
      points,
      kernel,
      structureVersion,
      landscape,
      finiteDifferenceIndex,
      supersededAt: null,
    };
    requests.set(seq, lastRequest);
    write({ pendingSeq: seq });
    dropStaleCurve();
    staleness.requested(lastRequest, previous);
  }

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
        const { points, analysis, structureVersion, drag } = get();
        const start = points[index];
        if (!start || drag?.active) return;
        // The curve in progress would hold the worker while the pointer moves: drop it.
        const { curve } = get();
        if (curve?.status === 'computing') {
          client.cancelCurve();
          set({ curve: { ...curve, status: 'stale' } });
        }
        const anchored =
          analysis?.points === points && analysis.structureVersion === structureVersion;
        set({
          selectedIndex: index,
          finiteDifference: null,
          drag: {
            index,
            start,
            startPoints: points,
            baseline: anchored ? baselineFor(analysis.result, index) : null,
            trail: anchored ? [landscapePosition(analysis.result)] : [],
            active: true,
            moved: false,
            before: snapshot(),
          },
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
          drag: { ...drag, moved: true },
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
        const landscapeComing = lastRequest?.points === points && lastRequest.landscape;
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
        if (!points[index]) return;
        if (points.length <= MIN_POINTS) {
          set({ notice: notice('noticeMinPoints', { min: MIN_POINTS }) });
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

      setCurveAxis(curveAxis) {
        if (curveAxis === get().curveAxis) return;
        set({ curveAxis });
        refreshCurve();
      },

      setKernel(kernel: KernelName) {
        if (kernel === get().kernel) return;
        set({ arrowScale: null });
        commit({ kernel });
      },

      setHyperparameter(hyperparameter) {
        setOptions({ hyperparameter });
      },
      setArrowMode(arrowMode) {
        setOptions({ arrowMode });
      },
      setShowBand(showBand) {
        setOptions({ showBand });
      },
      setShowLandscape(showLandscape) {
        setOptions({ showLandscape });
        const { landscape, points } = get();
        if (showLandscape && landscape?.points !== points) requestAnalysis();
      },

      setRule(rule) {
        if (rule === get().options.rule) return;
        // The scale is fitted anew to the new rule's arrows; none are drawn until they come.
        set({ options: { ...get().options, rule }, arrowScale: null });
        requestAnalysis();
      },
      setCompareRule(compareRule) {
        if (compareRule === get().options.compareRule) return;
        set({ options: { ...get().options, compareRule } });
        requestAnalysis(null, { reuseLandscape: true });
      },
      setShowInfluence(showInfluence) {
        setOptions({ showInfluence });
        refreshInsight();
      },
      setShowPullMap(showPullMap) {
        setOptions({ showPullMap });
        refreshInsight();
      },
      refitWithPointAt(x, y) {
        if (Number.isFinite(x) && Number.isFinite(y)) refreshInsight({ x, y });
      },

      loadPreset(id: PresetId) {
        set({ arrowScale: null, selectedIndex: null });
        commit({ points: findPreset(id).points, presetId: id }, { structural: true });
      },

      loadShared(shared) {
        set({
          arrowScale: null,
          selectedIndex: null,
          options: shared.options,
          presentation: shared.presentation ?? get().presentation,
          lesson: shared.lesson ?? NO_LESSON,
        });
        commit(
          { points: shared.points, kernel: shared.kernel, presetId: matchPreset(shared.points) },
          { structural: true },
        );
      },

      reset() {
        set({
          arrowScale: null,
          selectedIndex: null,
          options: DEFAULT_VIEW_OPTIONS,
          manualTheta: null,
        });
        commit(
          {
            points: findPreset(DEFAULT_PRESET_ID).points,
            kernel: DEFAULT_KERNEL,
            presetId: DEFAULT_PRESET_ID,
          },
          { structural: true },
        );
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
        const { analysis, options, structureVersion } = get();
        if (!analysis || analysis.structureVersion !== structureVersion) return;
        const scale = scaleFor(analysis.result, options.hyperparameter, options.arrowMode);
        const current = get().arrowScale;
        const same =
          current?.reference === scale?.reference &&
          current?.hyperparameter === scale?.hyperparameter &&
          current?.mode === scale?.mode;
        if (scale && !same) set({ arrowScale: scale });
      },

      checkFiniteDifference() {
        const { selectedIndex, points, drag } = get();
        if (selectedIndex === null || drag?.active) return;
        set({
          finiteDifference: { index: selectedIndex, points, status: 'pending', result: null },
        });
        requestAnalysis(selectedIndex);
      },

      dismissNotice() {
        set({ notice: null });
      },

      setManualTheta(place) {
        const current = get().manualTheta;
        const same =
          place === current ||
          (place !== null &&
            current !== null &&
            place.lengthscale === current.lengthscale &&
            place.noiseRatio === current.noiseRatio);
        if (same) return;
        const valid =
          place === null ||
          [place.lengthscale, place.noiseRatio].every(
            (value) => Number.isFinite(value) && value > 0,
          );
        if (!valid) return;
        set({
          manualTheta: place && { lengthscale: place.lengthscale, noiseRatio: place.noiseRatio },
        });
        if (place !== null) requestAnalysis(null, { reuseLandscape: true });
      },

      setPresentation(on) {
        if (on !== get().presentation) set({ presentation: on });
      },

      dispose() {
        unsubscribeInsight?.();
        unsubscribeResults();
        unsubscribeStatus();
        unsubscribeCurves();
        staleness.dispose();
      },
    };

    function setOptions(change: Partial<ViewOptions>): void {
      const options = { ...get().options, ...change };
      const { arrowScale } = get();
      const scaleKept =
        arrowScale?.hyperparameter === options.hyperparameter &&
        arrowScale.mode === options.arrowMode;
      set({ options, arrowScale: scaleKept ? arrowScale : null });
      if (!scaleKept) get().rescaleArrows();
      refreshCurve();
    }
  });

  /** Refits the arrow scale after a release, once the result for the final points is in. */
  function rescaleIfCurrent(): void {
    const { analysis, points, drag } = read();
    if (!rescaleWhenCurrent || drag?.active || analysis?.points !== points) return;
    rescaleWhenCurrent = false;
    read().rescaleArrows();
  }

  function receive(result: AnalysisResult): void {
    const request = requests.get(result.seq);
    for (const seq of requests.keys()) if (seq <= result.seq) requests.delete(seq);
    if (!request) return;
    write(applyResult(read(), result, request));
    rescaleIfCurrent();
    refreshCurve();
    refreshInsight();
    staleness.answered(request);
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
    const next = settledCurve(read().curve, result);
    if (next) write({ curve: next });
  });
  const unsubscribeInsight = client.subscribeInsight?.(
    transact((result) => {
      const next = settledInsight(read().insight, result);
      if (next) write({ insight: next });
    }),
  );
  const unsubscribeStatus = client.subscribeStatus((status) => write({ status }));
  // The first analysis of the starting data.
  transact(requestAnalysis)();
  return store;
}
