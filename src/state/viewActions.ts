/**
 * The store's actions that change how the data are shown — the arrows' hyperparameter and mode,
 * the band, the landscape, the selection rule and its comparison, the influence panel and the
 * pull map, a θ set by hand, the response curve's axis, presentation mode, hidden arrows or trust
 * words, whether the landscape is on screen, the notice — and never
 * the data themselves (store.ts holds those).
 */
import type { ViewOptions } from './options';
import { encodePrior, isUsablePrior } from './prior';
import type { ComputeRequests } from './computeRequests';
import type { Transaction } from './transaction';
import type { ExplorerActions } from './types';

export type ViewActions = Pick<
  ExplorerActions,
  | 'setCurveAxis'
  | 'setHyperparameter'
  | 'setArrowMode'
  | 'setShowBand'
  | 'setShowLandscape'
  | 'setRule'
  | 'setCompareRule'
  | 'setPrior'
  | 'setShowInfluence'
  | 'setShowPullMap'
  | 'refitWithPointAt'
  | 'dismissNotice'
  | 'setManualTheta'
  | 'setPresentation'
  | 'setArrowsHidden'
  | 'setLandscapeInView'
  | 'setReasonsHidden'
>;

export function createViewActions({
  read: get,
  write: set,
  compute,
}: Pick<Transaction, 'read' | 'write'> & { compute: ComputeRequests }): ViewActions {
  const { requestAnalysis, refreshCurve, refreshInsight } = compute;

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

  return {
    setCurveAxis(curveAxis) {
      if (curveAxis === get().curveAxis) return;
      set({ curveAxis });
      refreshCurve();
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
      // None of the old rule's arrows are drawn; the new rule's keep the scale if it fits them.
      // A finished drag's prediction was the old rule's arrows: it says nothing of the new fit.
      const { options } = get();
      // A rule is never compared with itself: choosing the compared rule swaps the two.
      const compareRule = options.compareRule === rule ? options.rule : options.compareRule;
      set({ options: { ...options, rule, compareRule }, drag: settledDragOnly(get().drag) });
      requestAnalysis();
    },
    setCompareRule(requested) {
      const compareRule = requested === get().options.rule ? null : requested;
      if (compareRule === get().options.compareRule) return;
      set({ options: { ...get().options, compareRule } });
      requestAnalysis(null, { reuseLandscape: true });
    },
    setPrior(prior) {
      const { options } = get();
      if (!isUsablePrior(prior) || encodePrior(prior) === encodePrior(options.prior)) return;
      set({
        options: { ...options, prior },
        // Under MAP a new prior is a new fit: the last drag's prediction was the old one's.
        ...(options.rule === 'map' ? { drag: settledDragOnly(get().drag) } : {}),
      });
      if (options.rule === 'map' || options.compareRule === 'map') {
        requestAnalysis(null, { reuseLandscape: true });
      }
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
        [place.lengthscale, place.noiseRatio].every((value) => Number.isFinite(value) && value > 0);
      if (!valid) return;
      set({
        manualTheta: place && { lengthscale: place.lengthscale, noiseRatio: place.noiseRatio },
      });
      if (place !== null) requestAnalysis(null, { reuseLandscape: true });
    },

    setPresentation(on) {
      if (on !== get().presentation) set({ presentation: on });
    },
    setArrowsHidden(hidden) {
      if (hidden !== get().arrowsHidden) set({ arrowsHidden: hidden });
    },
    setReasonsHidden(hidden) {
      if (hidden !== get().reasonsHidden) set({ reasonsHidden: hidden });
    },
    setLandscapeInView(inView) {
      if (inView !== get().landscapeInView) set({ landscapeInView: inView });
    },
  };
}

/** A drag still under way is kept; a finished one's prediction and trail are dropped. */
function settledDragOnly<T extends { active: boolean } | null>(drag: T): T | null {
  return drag?.active ? drag : null;
}
