/** The shape of the explorer's store: data, view options, compute results and interaction state. */
import type {
  HyperparameterName,
  HyperparameterPrior,
  KernelName,
  LogTheta,
  SelectionRule,
} from '../engine/types';
import type { AnalysisFailure, AnalysisSuccess, ComputeStatus } from '../worker/shared/protocol';
import type { CurveAxis } from '../engine/response-curve';
import type { ArrowScale } from './arrowScale';
import type { CurveView } from './curve';
import type { Point } from './domain';
import type { History } from './history';
import type { InsightView } from './insight';
import type { ArrowMode, ViewOptions } from './options';
import type { PresetId } from './presets';
import type { SharedState } from './urlCodec';
import type { Notice } from '../i18n/notice';
import type { Lesson } from './lesson';

/** Why the page computes where it does (the status line's note) and why a worker was given up on. */
export type {
  ComputeNote,
  ComputeNoteCode,
  WorkerFailure,
  WorkerFailureCode,
} from '../worker/shared/computeNote';

/** What undo/redo restores. */
export interface DataSnapshot {
  points: readonly Point[];
  kernel: KernelName;
  presetId: PresetId | null;
}

/** The data and view as last loaded (the page's start, a preset, a link): what Reset restores. */
export interface LoadedData extends DataSnapshot {
  options: ViewOptions;
}

/** A successful analysis together with the data it was computed for. */
export interface AnalysisView {
  result: AnalysisSuccess;
  /** The exact points array the request was built from (compare by reference). */
  points: readonly Point[];
  /** Same as the store's `structureVersion` when the point indices still match. */
  structureVersion: number;
  /** The `map` prior the request carried (the options' own object: compare by reference). */
  prior: HyperparameterPrior;
}

export type LandscapeGrid = NonNullable<AnalysisSuccess['landscape']>;

export interface LandscapeView {
  grid: LandscapeGrid;
  points: readonly Point[];
  /**
   * The top of the landscape: log p(y | X, θ̂) of the same answer (the grid's own best sample if
   * that is higher), so values read against it are "nats below θ̂".
   */
  peakLml: number;
}

/** θ̂ in the landscape's coordinates: ℓ and the noise ratio σn²/σf². */
export interface LandscapePosition {
  lengthscale: number;
  noiseRatio: number;
}

/** θ̂ and column i of the sensitivities where a drag began: the linearisation's anchor. */
export interface DragBaseline {
  logTheta: LogTheta;
  /** ∂ log θ̂ / ∂yᵢ for (ℓ, σf, σn). */
  dLogTheta_dy: LogTheta;
  /** ∂ log θ̂ / ∂xᵢ for (ℓ, σf, σn). */
  dLogTheta_dx: LogTheta;
}

export interface DragSession {
  index: number;
  start: Point;
  /** The points array at the start (by reference), to recognise the result that anchors it. */
  startPoints: readonly Point[];
  /** Null until a result for the start position with defined sensitivities is at hand. */
  baseline: DragBaseline | null;
  /** θ̂ after each refit during the drag, oldest first. */
  trail: LandscapePosition[];
  /** False once the pointer is released; the session stays to show where the drag led. */
  active: boolean;
  moved: boolean;
  before: DataSnapshot;
  /** A session of arrow-key steps (pointNudge.ts), and the points after its latest step. */
  keyboard?: boolean;
  latestPoints?: readonly Point[];
}

export interface FiniteDifferenceView {
  index: number;
  points: readonly Point[];
  status: 'pending' | 'done';
  result: AnalysisSuccess['finiteDifference'];
}

export interface ExplorerData {
  /**
   * One object per store, kept for its lifetime: the selectors' memo caches are keyed on it, so
   * several widgets on one page never evict each other's derived views.
   */
  readonly storeKey: object;
  points: readonly Point[];
  kernel: KernelName;
  presetId: PresetId | null;
  options: ViewOptions;
  /** What Reset returns to. */
  loaded: LoadedData;
  /** Increases whenever points are added, removed or replaced, so indices change meaning. */
  structureVersion: number;
  selectedIndex: number | null;
  drag: DragSession | null;
  analysis: AnalysisView | null;
  landscape: LandscapeView | null;
  failure: { result: AnalysisFailure; points: readonly Point[] } | null;
  /** Sequence number of the newest request not yet answered, or null when idle. */
  pendingSeq: number | null;
  /**
   * True while the answer shown (θ̂, arrows, band) is for data that changed more than a frame
   * budget ago, with no newer answer yet (staleness.ts): the page marks it as refitting.
   */
  refitting: boolean;
  status: ComputeStatus;
  arrowScale: ArrowScale | null;
  finiteDifference: FiniteDifferenceView | null;
  history: History<DataSnapshot>;
  /** A message for the reader about their last action (e.g. a damaged link), or null. */
  notice: Notice | null;
  /** The selected point's response curve θ̂(yᵢ) (or θ̂(xᵢ)), when the page draws one. */
  curve: CurveView | null;
  /** Which coordinate the curve varies in "x and y" arrow mode (always y otherwise). */
  curveAxis: CurveAxis;
  /**
   * A θ the reader set by hand on the landscape, (ℓ, σn²/σf²) with σf at its profile optimum;
   * while set, the plot shows its fit instead of θ̂'s. Null for θ̂.
   */
  manualTheta: LandscapePosition | null;
  /** Presentation mode: large type, only the plot, θ̂ and the response curve. */
  presentation: boolean;
  /**
   * The arrows are computed and drawn but not shown, and the points' names leave out their pull,
   * while a page asks the reader to predict them first (the article's exercises).
   */
  arrowsHidden: boolean;
  /**
   * Whether the landscape's panel is on screen (true where nobody says): during a drag an
   * off-screen landscape is not recomputed move by move, only when the drag ends or it is seen.
   */
  landscapeInView: boolean;
  /**
   * How far the arrows can be trusted, and why, is not said (the readout and the status say it is
   * held back) while a page asks the reader to predict what those words would give away.
   */
  reasonsHidden: boolean;
  /** A lesson link's hidden parts, title and caption (NO_LESSON for none). */
  lesson: Lesson;
  /** Point influence, the new-point pull map and an added point's refit (insight.ts). */
  insight: InsightView | null;
}

export interface ExplorerActions {
  beginDrag(index: number): void;
  dragTo(x: number, y: number): void;
  endDrag(): void;
  /** One undoable move, e.g. from the keyboard. */
  movePoint(index: number, x: number, y: number): void;
  /** A keyboard step of one point: consecutive steps make one session, as a drag (pointNudge.ts). */
  nudgePoint(index: number, x: number, y: number): void;
  addPoint(x: number, y: number): void;
  removePoint(index: number): void;
  select(index: number | null): void;
  setKernel(kernel: KernelName): void;
  setHyperparameter(hyperparameter: HyperparameterName): void;
  setArrowMode(mode: ArrowMode): void;
  setShowBand(show: boolean): void;
  setShowLandscape(show: boolean): void;
  /** Chooses the selection rule; θ̂ and the arrows are refitted by it. */
  setRule(rule: SelectionRule): void;
  /** Draws a second rule's arrows beside the first (null: one rule). */
  setCompareRule(rule: SelectionRule | null): void;
  /** Sets the `map` rule's prior (relative to the data); refits when MAP is drawn. */
  setPrior(prior: HyperparameterPrior): void;
  setShowInfluence(show: boolean): void;
  setShowPullMap(show: boolean): void;
  /** Asks for the exact refit with a point added at (x, y), beside its first-order pull. */
  refitWithPointAt(x: number, y: number): void;
  loadPreset(id: PresetId): void;
  loadShared(state: SharedState): void;
  /** Back to the data, kernel and view options as last loaded (`loaded`), the arrows rescaled. */
  reset(): void;
  undo(): void;
  redo(): void;
  /** Chooses a new arrow scale for the current sensitivities. */
  rescaleArrows(): void;
  setCurveAxis(axis: CurveAxis): void;
  /** Refits by central differences for the selected point. */
  checkFiniteDifference(): void;
  /** Shows the fit at a θ set by hand (null: back to θ̂). */
  setManualTheta(place: LandscapePosition | null): void;
  setPresentation(on: boolean): void;
  setArrowsHidden(hidden: boolean): void;
  setLandscapeInView(inView: boolean): void;
  setReasonsHidden(hidden: boolean): void;
  dismissNotice(): void;
  dispose(): void;
}

export type ExplorerState = ExplorerData & ExplorerActions;
