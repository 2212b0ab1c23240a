/**
 * The typed contract between the store (main thread) and the compute worker. One definition,
 * imported by both sides. All numbers are float64 results of `src/engine` unless a field says it
 * came from the float32 GPU path.
 */
import type { ComputeNote } from './computeNote';
import type {
  CurveAxis,
  DenseBackend,
  Diagnostics,
  Hyperparameters,
  KernelName,
  LandscapePlace,
  LogTheta,
  Matrix3,
  ResponseCurve,
  Rows3,
  SelectionRule,
  SensitivityResult,
} from '../../engine';
import type { PriorOptions } from '../../engine/rules/prior';
import type { Reason } from '../../engine/reasons';

/** Which compute path produced a result. */
export type ComputeBackend = 'webgl' | 'cpu' | 'main-thread';

/** A request to analyse the current data. The client assigns `seq`; newer requests win. */
export interface AnalysisRequest {
  x: Float64Array;
  y: Float64Array;
  kernel: KernelName;
  /** The selection rule that chooses θ̂ (docs/rules.md); `ml` when absent. */
  rule?: SelectionRule;
  /** The `map` rule's prior, in part (the engine's DEFAULT_PRIOR fills the rest); ignored otherwise. */
  prior?: PriorOptions;
  /**
   * A second rule whose θ̂ and sensitivities the answer also carries (`comparison`), for the
   * "compare rules" view; null or absent for none.
   */
  compareRule?: SelectionRule | null;
  /** Dense posterior grid in x units: `count` evenly spaced points on [min, max]. */
  grid: { min: number; max: number; count: number };
  /** Profile-likelihood landscape, or null to skip it (it is the most expensive part). */
  landscape: {
    lengthscaleRange: [number, number];
    noiseRatioRange: [number, number];
    size: number;
    /**
     * Widen the ranges so they hold θ̂, the runner-up maximum and a θ set by hand, with margins
     * (`landscapeBoxAround`); the result's axes say which ranges were used.
     */
    holdMaxima?: boolean;
  } | null;
  /**
   * A θ set by hand at (ℓ, σn²/σf²), σf at its profile optimum: the result then carries that θ,
   * its log likelihood and its posterior on the grid (`atFixedTheta`). Null or absent for none.
   */
  fixedTheta?: LandscapePlace | null;
  /** Number of posterior sample paths on the grid (0 for none). */
  samples: number;
  /** Point index for a finite-difference refit check, or null. */
  finiteDifferenceIndex: number | null;
  /**
   * Made while the reader drags: computed with the paths already measured on this device, never
   * trying a new one (a GPU path's first run compiles shaders for seconds on a software GPU).
   */
  live?: boolean;
}

export interface SequencedRequest extends AnalysisRequest {
  seq: number;
}

/**
 * Sensitivities of θ̂ to every data point (rows ℓ, σf, σn; column i = point i), as the engine
 * gives them: the payload is plain arrays, so it crosses the thread boundary unchanged.
 */
export type SensitivityPayload = SensitivityResult;

export interface AnalysisSuccess {
  seq: number;
  ok: true;
  backend: ComputeBackend;
  /**
   * Where the float64 engine's dense kernels ran: 'wasm' (WebAssembly SIMD) or 'js' (the same
   * algorithms in JavaScript, where WebAssembly cannot be compiled). The numbers agree to rounding.
   */
  engine: DenseBackend;
  kernel: KernelName;
  /** The rule that chose θ̂ (`ml` when the request named none). */
  rule: SelectionRule;
  theta: Hyperparameters;
  logTheta: LogTheta;
  lml: number;
  /**
   * The rule's objective at θ̂ (data units): `lml` under `ml`, plus the log-prior under `map`,
   * the leave-one-out log predictive probability under `loo`. The Hessian is this objective's.
   */
  objective: number;
  gradLogTheta: LogTheta;
  hessianLogTheta: Matrix3;
  diagnostics: Diagnostics;
  sensitivities: SensitivityPayload;
  /** Posterior of the latent function on the grid (see `posteriorPath` for how it was computed). */
  posterior: { x: Float64Array; mean: Float64Array; variance: Float64Array };
  /**
   * 'tfjs': float32 kernels on the worker's tfjs backend (within 1e-4 of float64); 'engine': the
   * float64 engine, used where it is measured to be faster on this device.
   */
  posteriorPath?: 'tfjs' | 'engine';
  /** Posterior sample paths on the same grid, one array per sample (float32 tfjs in the worker). */
  samples: Float64Array[];
  landscape: {
    lengthscales: Float64Array;
    noiseRatios: Float64Array;
    /** Row-major: index = iLengthscale * noiseRatios.length + iNoiseRatio. */
    profileLml: Float64Array;
    best: { lengthscale: number; noiseRatio: number; lml: number };
  } | null;
  finiteDifference: { index: number; fd: LogTheta; ift: LogTheta; agreeDigits: number } | null;
  /** The fit of the request's `compareRule` on the same data; absent or null when none was asked for. */
  comparison?: RuleComparison | null;
  /** The answer to `fixedTheta`; absent or null when none was asked for. */
  atFixedTheta?: FixedThetaFit | null;
  timingMs: {
    fit: number;
    sensitivity: number;
    posterior: number;
    landscape: number;
    total: number;
  };
}

/** A second rule's θ̂ and sensitivities on the same data (float64 engine). */
export interface RuleComparison {
  rule: SelectionRule;
  logTheta: LogTheta;
  diagnostics: Diagnostics;
  sensitivities: SensitivityPayload;
}

/** The fit at a θ set by hand, all from the float64 engine. */
export interface FixedThetaFit {
  /** Where it was asked for. */
  place: LandscapePlace;
  /** ℓ and σn²/σf² as asked, σf at its profile optimum, σn = σf √(σn²/σf²). */
  theta: Hyperparameters;
  /** log p(y | X, θ) at that θ (the landscape's value there). */
  lml: number;
  /** The latent posterior on the request's grid, or null when K is numerically singular there. */
  posterior: { mean: Float64Array; variance: Float64Array } | null;
}

export interface AnalysisFailure {
  seq: number;
  ok: false;
  /** Machine-readable error code (the engine's GpInputError code, or 'internal'). */
  code: string;
  message: string;
}

export type AnalysisResult = AnalysisSuccess | AnalysisFailure;

/**
 * A request for the response curve θ̂(vᵢ) of one point: refits with vᵢ (its y, or its x) set to
 * each of `perSide` evenly spaced values on either side of its current value, out to `halfWidth`
 * and within `domain` (see `src/engine/response-curve.ts`). The client assigns `seq`; a newer
 * curve request, or a cancel, drops an unfinished one.
 */
export interface CurveRequest {
  x: Float64Array;
  y: Float64Array;
  kernel: KernelName;
  /** The selection rule every refit maximises, as the analysis it follows; `ml` when absent. */
  rule?: SelectionRule;
  /** The `map` rule's prior, in part (the engine's DEFAULT_PRIOR fills the rest); ignored otherwise. */
  prior?: PriorOptions;
  index: number;
  axis: CurveAxis;
  halfWidth: number;
  perSide: number;
  domain: [number, number];
  /** The fit shown for these data, which the curve follows; null to fit the centre cold. */
  start: { logTheta: LogTheta; hessianLogTheta: Matrix3; runnerUpLogTheta: LogTheta | null } | null;
}

export interface SequencedCurveRequest extends CurveRequest {
  seq: number;
}

export interface CurveSuccess {
  seq: number;
  ok: true;
  curve: ResponseCurve;
  /** _compute_: time spent refitting; _total_: from receipt to answer, including waits. */
  timingMs: { compute: number; total: number };
}

/** A failed answer, as for an analysis. */
export type CurveFailure = AnalysisFailure;

export type CurveResult = CurveSuccess | CurveFailure;

/** Status of the compute service, for the page's status line. */
export interface ComputeStatus {
  backend: ComputeBackend | 'starting';
  /** Why it computes there, e.g. why WebGL was not used or that the worker restarted, by code. */
  note: ComputeNote | null;
}

/**
 * What the store holds to compute: the worker-backed implementation lives in `client.ts`
 * (`createComputeClient`), and tests may inject a fake.
 */
export interface ComputeClient extends Partial<InsightClient> {
  /** Sends a request and returns its sequence number. Pending older requests are superseded. */
  request(request: AnalysisRequest): number;
  /** Receives every result that is not stale. Returns an unsubscribe function. */
  subscribe(listener: (result: AnalysisResult) => void): () => void;
  subscribeStatus(listener: (status: ComputeStatus) => void): () => void;
  /**
   * Asks for a response curve and returns its sequence number. It is computed when no analysis
   * is waiting, a little at a time, so an analysis never waits behind it; a newer curve request
   * drops an unfinished one.
   */
  requestCurve(request: CurveRequest): number;
  /** Drops the unfinished curve request, if any (its answer is never delivered). */
  cancelCurve(): void;
  /** Receives the answer to the newest curve request. Returns an unsubscribe function. */
  subscribeCurve(listener: (result: CurveResult) => void): () => void;
  dispose(): void;
}

/**
 * A request for the slower questions about the current fit, computed off the drag's path: each
 * point's influence (removal refits and the infinitesimal jackknife), the pull of a new point over
 * a grid, and the exact refit with one point added. The client assigns `seq`; a newer request, or
 * a cancel, drops an unfinished one.
 */
export interface InsightRequest {
  x: Float64Array;
  y: Float64Array;
  kernel: KernelName;
  rule: SelectionRule;
  prior?: PriorOptions;
  /** The fit shown for these data, polished again as the start; null to fit cold. */
  start: { logTheta: LogTheta; hessianLogTheta: Matrix3 } | null;
  /** Compute every point's influence. */
  influence: boolean;
  /**
   * Also fit each dataset without its point from a global search (a cold fit per point), so that
   * a maximum the full data do not have is caught: what the removal refits' `jumped` and
   * `untrusted` then rest on. Slower (seconds at n = 100): the page asks for it after the
   * quick answer.
   */
  globalCheck?: boolean;
  /** The heat map's grid (data units), or null for none. */
  pullMap: { xs: Float64Array; ys: Float64Array } | null;
  /** A place to add a point at and refit exactly, or null. */
  addedPoint: { x: number; y: number } | null;
}

export interface SequencedInsightRequest extends InsightRequest {
  seq: number;
}

/** One point's influence on log θ̂ (rows as the engine's `PointInfluence`). */
export interface InfluenceRow {
  index: number;
  /** log θ̂ without the point − log θ̂ (null when the reduced data cannot be fitted). */
  removal: LogTheta | null;
  /** −d log θ̂/dwᵢ: the infinitesimal jackknife's estimate of the removal (null when undefined). */
  linearRemoval: LogTheta | null;
  status: 'continued' | 'jumped' | 'untrusted' | 'invalid';
}

export interface InsightSuccess {
  seq: number;
  ok: true;
  /** The fitted log θ̂ the answer is about (the same maximum as the analysis shown). */
  logTheta: LogTheta;
  /**
   * `reasons`: why the infinitesimal jackknife is undefined (the fit's reasons), else null;
   * `globalCheck`: whether the removal refits were checked by a global search (InsightRequest).
   */
  influence: {
    rows: InfluenceRow[];
    reasons: readonly Reason[] | null;
    globalCheck: boolean;
  } | null;
  pullMap:
    | { defined: true; xs: Float64Array; ys: Float64Array; dLogTheta_dw: Rows3 }
    | { defined: false; reasons: readonly Reason[] }
    | null;
  addedPoint: {
    x: number;
    y: number;
    /** The exact change of log θ̂ with the point added. */
    delta: LogTheta;
    /** The first-order pull d log θ̂/dw at w = 0 there (null when undefined). */
    predictedDelta: LogTheta | null;
    status: 'continued' | 'jumped';
  } | null;
  timingMs: { fit: number; influence: number; pullMap: number; addedPoint: number; total: number };
}

/** A failed answer, as for an analysis. */
export type InsightFailure = AnalysisFailure;

export type InsightResult = InsightSuccess | InsightFailure;

/** The optional part of a compute client that answers `InsightRequest`s. */
export interface InsightClient {
  requestInsight(request: InsightRequest): number;
  cancelInsight(): void;
  subscribeInsight(listener: (result: InsightResult) => void): () => void;
}
