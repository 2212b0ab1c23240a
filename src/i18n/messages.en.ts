/**
 * The explorer's and the widget's text in English. `{name}` is a number or word filled in when
 * shown (numbers already formatted for the language). Every key here must exist in
 * messages.es.ts (the type `UiMessages` is this object's keys).
 */
import { optionsEn } from './options.en';
import { panelsEn } from './panels.en';

export const en = {
  ...panelsEn,
  ...optionsEn,
  // Masthead and page
  appTitle: 'GP Sensitivity Explorer',
  tagline:
    'Drag a point and watch a Gaussian process refit its hyperparameters. Each arrow shows which way that point pulls them, and how hard.',
  learnLink: 'How it works',
  languageLabel: 'Language',
  themeLabel: 'Theme',
  themeAuto: 'Auto',
  themeLight: 'Light',
  themeDark: 'Dark',
  dismiss: 'Dismiss',
  fitAside: 'The fit',
  aboutTitle: 'What am I looking at?',
  aboutText:
    'A Gaussian process with kernel k(x, x′) = σf² ρ(|x − x′|; ℓ) + σn² δ is fitted by maximising the chosen rule’s objective: the marginal likelihood of the points under ML-II, the default (MAP adds a prior on θ, LOO-CV scores each point predicted from the others). The fitted values θ̂ are not a function you can differentiate by hand, but the rule that picks them is: at the maximum the gradient is zero, and the implicit function theorem (IFT) turns that into the derivative of θ̂ with respect to every point. The arrows draw those derivatives. When the maximum is flat, a saddle, on a boundary or nearly tied with another, the derivative is not meaningful and the page says so.',
  linkProblemFallback: '{message} Showing the default dataset instead.',

  // Share, export, presentation
  share: 'Share',
  shareLabel: 'Share: copy a link to this view',
  shareCopied: 'Link copied: it restores these points and settings.',
  shareCopyThis: 'Copy this link: {url}',
  exportMenu: 'Export',
  exportPng: 'Plot as PNG',
  exportSvg: 'Plot as SVG',
  exportCsv: 'Data as CSV',
  exportJson: 'Data and fit as JSON',
  exportPython: 'Copy as Python (scikit-learn)',
  pythonCopied: 'Python code copied.',
  clipboardUnavailable: 'The clipboard is not available here.',
  present: 'Present',
  exitPresentation: 'Exit presentation',
  presentTitle: 'Presentation mode (P)',
  exitPresentationTitle: 'Leave presentation mode (P or Esc)',

  // Toolbar
  toolbarLabel: 'Explorer controls',
  dataLabel: 'Data',
  datasetLabel: 'Dataset',
  yourPoints: 'Your points',
  kernelLabel: 'Kernel',
  arrowsLabel: 'Arrows',
  arrowsShow: 'Arrows show the {name}',
  xAndY: 'x and y',
  showLabel: 'Show',
  band: 'band',
  landscape: 'landscape',
  undo: 'Undo',
  undoTitle: 'Undo (Ctrl+Z)',
  redo: 'Redo',
  redoTitle: 'Redo (Ctrl+Shift+Z)',
  reset: 'Reset',
  presetEdited: 'You have moved points since this dataset was loaded.',
  yourPointsNote:
    'Each arrow shows how its point pulls θ̂; pick a dataset from the menu for a guided example.',

  // Hyperparameters
  nameLengthscale: 'lengthscale',
  nameSignalStd: 'signal std',
  nameNoiseStd: 'noise std',
  unitX: 'x units',
  unitY: 'y units',

  // Status line and plot
  hint: 'Drag a point · click to add · double-click or Del to remove · Tab, arrow keys to move',
  statusPoints: '{count} points',
  statusCompute: 'compute',
  backendStarting: 'starting…',
  backendMainThread: 'main thread',
  // Why it computes there (src/ui/computeNoteText.ts); {detail} is the browser's own words.
  computeNoteWebglNotRequested: 'WebGL not requested',
  computeNoteWebglUnavailable: 'WebGL is unavailable in this worker (no OffscreenCanvas)',
  computeNoteWebglFailed: 'WebGL did not start ({detail})',
  computeNoteWebglRefused: 'WebGL did not start (tfjs could not initialise it)',
  computeNoteWebglTestFailed: 'WebGL did not start (a test kernel failed)',
  computeNoteContextLost: 'the WebGL context was lost; computing on the CPU',
  computeNoteRestarted: 'the compute worker restarted after: {cause}',
  computeNoteGaveUp: 'the compute worker failed {count} times ({cause})',
  computeNoteGaveUpOnce: 'the compute worker failed ({cause})',
  computeNoteNoWorker: 'computing on the main thread: {cause}',
  computeNoteCannotCompute: 'cannot compute: {detail}',
  workerFailureUnnamed: 'an error in the worker',
  workerFailureUndecodable: 'a message could not be decoded',
  workerFailureSilent: 'no answer for {seconds} s',
  workerFailureNoStart: 'it did not start within {seconds} s',
  workerFailureNoWebWorkers: 'this browser has no Web Workers',
  engineWasm: 'The float64 engine runs its hot loops in WebAssembly SIMD',
  engineJs: 'The float64 engine runs in JavaScript (WebAssembly is not available here)',
  plotLabel: 'Data and Gaussian-process fit. Click empty space to add a point.',
  embedPlotLabel: 'Data and Gaussian-process fit. Drag a point; click empty space to add one.',
  pointLabel: 'Point {index} of {count}: x {x}, y {y}.',
  pointRaises: ' Raising it raises {symbol}: d log {symbol}/dy {value}.',
  pointLowers: ' Raising it lowers {symbol}: d log {symbol}/dy {value}.',
  pointRightRaises: ' Moving it right raises {symbol}: d log {symbol}/dx {value}.',
  pointRightLowers: ' Moving it right lowers {symbol}: d log {symbol}/dx {value}.',
  keyMean: 'posterior mean of f',
  keyBand: '95% band of f',
  keyArrowThisLong: 'An arrow this long:',
  keyChangesBy: '{symbol} changes by {rate} %',
  keyPerUnit: 'per unit the point',
  keyPerStep: 'per {step} the point',
  keyNoArrows: 'No arrows',
  keyAtThisFit: 'at this fit',
  keyMovesAlong: 'moves along',
  keyTheArrow: 'the arrow',
  keyMovesUp: 'moves up',

  // θ set by hand
  yourTheta: 'Your θ',
  manualSigmaAtBest: '(σf = {signal} at its best there, σn = {noise})',
  computingFit: 'Computing its fit…',
  curveSingular: 'Its curve cannot be drawn here (the covariance is singular).',
  arrowsGreyedManual: 'The arrows are greyed: they are derivatives at θ̂, not here.',
  backToFit: 'Back to θ̂',
  likelihoodUnknown: 'its likelihood could not be computed',
  likelihoodSame: 'within 0.01 nats of θ̂: it explains the data as well',
  likelihoodWorse: '−{nats} nats: this θ explains the data e^{nats} ≈ {factor}× less well than θ̂',
  likelihoodBetter: '+{nats} nats: this θ explains the data e^{nats} ≈ {factor}× better than θ̂',
  moreThanHuge: 'more than 10³⁰⁰',

  // Readout
  readoutTitle: 'Fitted hyperparameters',
  inUnit: 'in {unit}',
  notYetFitted: 'not yet fitted',
  iftPredicts: 'the arrows predicted {value}',
  fromTheRefit: 'by the arrows at the drag’s start; {gap} from the refit',
  natsValue: '{value} nats',
  conditionNumber: 'Hessian condition number',
  hessian: 'Hessian',
  atThetaHat: 'at θ̂',
  negativeDefinite: 'negative definite',
  notNegativeDefinite: 'not negative definite',
  negativeDefiniteHeld: 'negative definite, σn held',
  hessianOnBound: 'no peak: θ̂ is on a bound',
  fittedAnnouncement:
    'Fitted: lengthscale {lengthscale}, signal std {signalStd}, noise std {noiseStd}.',

  // Trust
  fitting: 'Fitting…',
  trustShown: 'Sensitivities trusted: θ̂ is a strict interior maximum.',
  trustCaution: 'Use the arrows with care.',
  trustUntrusted: 'Arrows greyed: the sensitivities cannot be trusted here.',
  trustHidden: 'Arrows hidden: the sensitivities are undefined here.',
  trustNoFit: 'No fit for these points.',
  trustRefitting: 'Refitting: the arrows and θ̂ shown are for the points before your last change.',

  // Legend
  legendTitle: 'Reading the arrows',
  legendVector:
    'Points the way to move the point to raise {symbol} fastest; its components are ∂ log {symbol}/∂x and ∂ log {symbol}/∂y.',
  legendVertical:
    'Up: raising the point raises the {name} {symbol}. Down: raising it lowers {symbol}.',
  legendLength:
    'Length: ∂ log {symbol} / ∂y, in log so it is unit-free in {symbol}. An arrow one unit of y long means ∂ log {symbol} / ∂y = {reference}, as the plot’s key says: {symbol} changes by about {percent} % for a rise of {step}.',
  legendLengthNone:
    'Length: there are no arrows at this fit, so no scale to state; the reason is shown beside θ̂.',
  legendCapped: 'Capped: longer than drawn.',
  legendCaution: 'Dashed in colour: use with care; the reason is beside θ̂.',
  legendGrey: 'Grey and dashed: the fit is not trustworthy here; the reason is shown beside θ̂.',
  legendScaleNote:
    'The scale stays fixed while you drag and after you let go, so arrows compare across points and over time. It changes only when the arrows outgrow it or shrink far below it, or when you show another hyperparameter’s arrows or load other data (after a change of rule it is kept only while it fits); the plot’s key is then outlined for a moment.',
  rescale: 'Fit the scale to these arrows',

  // Prediction
  predictionTitle: 'Prediction vs refit',
  predictionIntro: 'The arrows are derivatives, so they predict θ̂ to first order:',
  predictionFromStart: ', from where the drag began.',
  predictionIdle:
    'Drag a point, or move it with the arrow keys, to compare the prediction with the refitted θ̂.',
  predictionMoved: 'Point {index} moved Δx = {dx}, Δy = {dy}.',
  predictionAgrees: 'For {symbol}, the arrow’s prediction agrees with the refit.',
  predictionParted:
    'For {symbol}, the prediction has parted from the refit: the move is beyond where the arrow’s straight line holds.',
  predictionJumped:
    'For {symbol}, the refit has jumped to another maximum: the point crossed the jump its response curve marks at {axis} ≈ {value}, which no straight line foresees.',
  verdictPrediction: 'prediction',
  verdictRefit: 'refit {refit} ({gap} apart)',
  verdictAgrees: '— agrees',
  verdictParted: '— parted',

  // Finite-difference check
  checkTitle: 'Check it',
  checkIntro:
    'Refit with yᵢ moved by ±h and compare the slope with ∂ log θ̂/∂yᵢ from the implicit function theorem (IFT).',
  checkSelect: 'Select a point to check',
  checkRefitting: 'Refitting around point {index}…',
  checkRun: 'Check point {index} by finite differences',
  checkFailed: 'The check could not run for these points.',
  checkDigits: 'digits agree for point {index}, counted against the largest of the three.',
  checkIft: 'IFT',
  checkFd: 'finite difference',

  // Fit messages (what the engine's diagnostics mean on the plot)
  fitWiggly: 'a wiggly fit',
  fitFlat: 'a flat fit',
  fitSmooth: 'a smooth fit',
  fitWigglyNoisy: 'a wiggly, noisy fit',
  fitFlatNoisy: 'a flat, noisy fit',
  fitSmoothNoisy: 'a smooth, noisy fit',
  muchNoise: 'much noise',
  littleNoise: 'little noise',
  moreNoise: 'more noise',
  lessNoise: 'less noise',
  fitDescription: '{shape} (ℓ = {lengthscale}, {noise})',
  nearTie:
    'Two explanations of the data are almost equally likely: {first} and {second}, only {gap} nats of {objective} behind. A small change in the data can make the fit jump from one to the other.',
  boundaryFlatLine:
    'ℓ keeps growing, far beyond the data: the fit is a flat line and every point is noise around it, so there is no maximum to take a derivative at.',
  boundaryStraightLine:
    'ℓ keeps growing, far beyond the data: the fit is a straight line, so there is no maximum to take a derivative at.',
  boundaryBeyondSpan:
    'ℓ keeps growing, far beyond the span of the data: the likelihood rises all the way out, so there is no maximum to take a derivative at.',
  boundaryBelowSpacing:
    'ℓ shrinks below the gaps between the points: neighbours stop informing each other and the curve only bends at the points themselves. There is no maximum to take a derivative at.',
  boundaryNoiseVanishing:
    'σn shrinks to zero: the curve passes through every point exactly, so there is no maximum to take a derivative at.',
  boundarySignalVanishing:
    'σf shrinks to zero: the curve is flat at zero and every point is noise, so there is no maximum to take a derivative at.',
  boundarySignalUnbounded:
    'σf keeps growing: the rule prefers an ever larger signal variance, so there is no maximum to take a derivative at.',
  failureAllXEqual:
    'Every point has the same x, so no lengthscale can be fitted. Move a point sideways.',
  failureZeroY: 'Every point has y = 0, so there is nothing to fit. Move a point up or down.',
  failureTooFew: 'Too few points to fit three hyperparameters. Add a point.',
  termWhatIs: 'What is {term}?',

  // Widget
  widgetControls: 'Widget controls',
  openInExplorer: 'Open in explorer ↗',
  openInExplorerShort: 'Explorer ↗',
  embedHint: 'Drag a point: θ̂ refits.',
  embedRefitting: 'Refitting: θ̂ and the arrows are for the points before your last change.',
  embedNoFit: 'No fit: {reason}',
  embedGreyed: 'Arrows greyed',
  embedNoArrows: 'No arrows',
  embedCare: 'Use the arrows with care',
  embedTrusted: 'arrows trusted',
  embedNotReliable: 'the sensitivities are not reliable here.',
  embedTrustHidden: 'trust: shown once you answer',
  computedBy: 'computed by',
  // Selection rules, point influence, where a new point would pull
  ruleLabel: 'Rule',
  ruleMl: 'ML-II',
  ruleMap: 'MAP',
  ruleLoo: 'LOO-CV',
  ruleExplainMl:
    'ML-II picks the θ under which the points are most probable (maximum marginal likelihood).',
  ruleExplainMap:
    'MAP adds a weak prior to ML-II: each hyperparameter is drawn towards a median set by the data’s own scale, 95 % of the time within a factor of it either way (set below). It keeps θ̂ off the edges.',
  ruleExplainLoo:
    'LOO-CV picks the θ that best predicts each point from all the others (leave-one-out log probability).',
  priorLegend: 'The MAP prior, relative to the data',
  priorMedian: 'median',
  priorFactor: '95 % within a factor of',
  priorOfSdX: '× the sd of x',
  priorOfRmsY: '× the rms of y',
  priorDefaults: 'Defaults',
  priorInvalid:
    'Not used: a median is a number from {minMedian} to {maxMedian}, a factor from {minFactor} to {maxFactor}.',
  compareLabel: 'Compare with',
  compareNone: 'nothing',
  compareKey: 'Arrows: {first} (left of each point) and {second} (right), at one scale.',
  compareUndefined: '{rule}: no arrows here ({reason}).',
  showInfluence: 'influence',
  showPullMap: 'new-point pull',
};
