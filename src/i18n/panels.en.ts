/**
 * The panels' text in English (response curve, the math, the Embed dialog),
 * the reader's notices (too many or too few points) and the engine's reasons in
 * the page's words. Spread into messages.en.ts; every key here must exist in panels.es.ts.
 */
export const panelsEn = {
  pointRole: 'draggable point',

  // Response curve
  curveTitle: 'Response curve',
  curvePoint: 'point {index}',
  curveAxisOf: '{axis} of point {index}',
  curveMoveY: 'move y',
  curveMoveX: 'move x',
  curveVaryY: 'Vary the point’s y',
  curveVaryX: 'Vary the point’s x',
  curveFitted: 'fitted {symbol}',
  curveJump: 'jump',
  curveFigureLabel:
    '{symbol} refitted as {axis} moves from {from} to {to}, with the tangent whose slope is the arrow.',
  curveSelect: 'Select a point (click or tap it, or Tab to it) to see θ̂ refitted as it moves.',
  curveFailed: 'No curve for these points: {reason}.',
  curveFailedDefault: 'the refits failed',
  // A curve is never computed during a drag (the drag has the worker).
  curveAfterRelease: 'The curve is computed when you let go of the point.',
  curveComputing: 'Refitting along the point’s range…',
  curveRecomputing: 'Refitting around the point’s new position…',
  curveNoTangent: 'No tangent: no strict maximum here, so no arrow; each dot is still a refit.',
  curveShaded: 'Shaded: the tangent (the arrow) is within {within} of the refits.',
  curveJumpsAt:
    'At {axis} ≈ {value} {symbol} jumps from {from} to {to}, to another maximum no tangent foresees.',
  curveJumpsLargest:
    'The largest of {count} jumps, at {axis} ≈ {value}: {symbol} {from} → {to}, another maximum no tangent foresees.',
  curveRidgeBelow: 'At {axis} ≈ {value} and below, the fit has no maximum left (hollow dots).',
  curveRidgeAbove: 'At {axis} ≈ {value} and above, the fit has no maximum left (hollow dots).',
  curveRidgeNear: 'Near {axis} ≈ {value} the fit has no maximum (hollow dots).',
  curveBendsAway:
    'Shaded: the tangent (the arrow) is within {within} of the refits; beyond, the curve bends away and the prediction parts.',
  curveHolds:
    'The tangent stays within {within} of every refit shown: here the arrow predicts {symbol}.',

  // The math
  mathTitle: 'The math',
  mathObjective:
    'The fitted θ̂ maximises the log marginal likelihood, with θ = (log ℓ, log σf, log σn):',
  mathObjectiveMap:
    'The fitted θ̂ maximises the log marginal likelihood plus the log prior (MAP), with θ = (log ℓ, log σf, log σn) and a normal prior on each, centred at μₖ with spread sₖ:',
  mathObjectiveLoo:
    'The fitted θ̂ maximises the leave-one-out log probability (LOO-CV): how well each point is predicted from all the others, where point i’s prediction has mean μᵢ = yᵢ − [K⁻¹y]ᵢ / [K⁻¹]ᵢᵢ and variance σᵢ² = 1 / [K⁻¹]ᵢᵢ, with θ = (log ℓ, log σf, log σn):',
  mathTheorem:
    'Since ∇L(θ̂) = 0 for all data near y, the implicit function theorem gives every point’s pull on θ̂ from one Hessian H:',
  mathAtFit: 'At this fit, in log θ:',
  mathNoSensitivities: 'No sensitivities at this fit: {reason}.',
  mathFitFailed: 'the fit failed',
  mathConstrained:
    '{reason}: the theorem is applied to ℓ and σf alone, with σn kept at the same fraction of σf.',
  mathShowingFirst: 'Showing point 1; select a point to see its column.',
  mathColumnOf: 'The column for point {index}, the one selected.',

  // Embed dialog
  embedButton: 'Embed',
  embedDialogTitle: 'Embed this figure',
  close: 'Close',
  embedShow: 'Show',
  embedPanelControls: 'controls',
  embedPanelReadout: 'θ̂ readout',
  embedPanelStatus: 'trust note',
  embedHeight: 'plot height',
  embedPixels: 'px',
  embedTheme: 'theme',
  embedThemeAuto: 'auto',
  embedThemeLight: 'light',
  embedThemeDark: 'dark',
  embedAsIframe: 'As an iframe (any page)',
  embedAsElement: 'As an element (pages that allow a script)',
  embedNote:
    'Both show the points and settings you see now. Readers can drag the points; their changes stay on their screen.',
  copy: 'Copy',
  copied: 'Copied',
  selectAndCopy: 'Select and copy',
  embedIframeTitle:
    'Interactive figure: how each data point pulls a Gaussian process’s fitted hyperparameters',

  // Lesson links
  lessonRegion: 'Lesson',
  lessonButton: 'Lesson',
  lessonDialogTitle: 'Make a lesson link',
  lessonIntro:
    'A link to these points and settings that hides the parts you tick and shows your title and caption at the top. Prepare one link per idea, in the order you will teach them.',
  lessonHide: 'Hide',
  lessonTitleLabel: 'Title',
  lessonCaptionLabel: 'Caption',
  lessonLimit: 'plain text, at most {count} characters',
  lessonLinkLabel: 'The lesson link',
  lessonPartControls: 'controls and dataset note',
  lessonPartReadout: 'θ̂ and its numbers',
  lessonPartCurve: 'response curve',
  lessonPartLandscape: 'likelihood landscape',
  lessonPartRules: 'selection rules and influence',
  lessonPartPrediction: 'prediction vs refit',
  lessonPartCheck: 'finite-difference check',
  lessonPartLegend: 'reading the arrows',
  lessonPartMath: 'the math',
  lessonPartAbout: 'what am I looking at?',

  // Notices for the reader
  noticeMaxPoints: 'The explorer holds at most {max} points.',
  noticeMinPoints: 'Keep at least {min} points: three hyperparameters need them.',
  languageLoadFailed: 'The {language} text could not be loaded; choose it again to retry.',

  // The engine's reasons, in the page's words
  reasonNotConverged: 'the optimiser did not converge to a stationary point',
  reasonSwamped:
    'the noise is so small against the signal (σn/σf = {ratio}) that float64 rounding swamps the curvature of {objective}: the arrows would be noise',
  reasonFlat:
    '{objective} is flat or saddle-shaped at the optimum (the Hessian is not negative definite)',
  reasonIllConditioned:
    'the optimum is nearly flat in one direction (condition number {condition})',
  reasonRoughDigits:
    'the noise is tiny against the signal (σn/σf = {ratio}), so rounding error leaves the arrows only their rough size and direction',
  reasonFewDigits:
    'the noise is tiny against the signal (σn/σf = {ratio}), so rounding error leaves the arrows about {digits} correct digits',
  reasonNoiseFloor:
    'σn sits at its smallest allowed value (σn/σf = {ratio}); the arrows show how ℓ and σf move with σn held there, for moves of a point much smaller than σn',
  reasonOneDigit:
    'the noise is tiny against the signal (σn/σf = {ratio}), so rounding error leaves the arrows about 1 correct digit',
  reasonNearTie:
    'another maximum is almost as likely ({objective} gap {gap}): a small change in the data can make the fit jump',
  reasonBelowSpacing:
    'the lengthscale runs to zero (below the spacing of the inputs): the data look like pure noise',
  reasonBeyondSpan:
    'the lengthscale runs to infinity (far beyond the span of the inputs): the data look like a straight line or a constant',
  reasonNoiseVanishing: 'the noise runs to zero: the fit interpolates the data',
  reasonSignalVanishing: 'the signal runs to zero: the data are explained by noise alone',
  reasonSignalUnbounded:
    'the signal variance runs to infinity: the data look like a trend the kernel reaches only in the limit, or (leave-one-out) an ever flatter, ever larger prior whose predictions interpolate smoothly',
  // Each rule's objective, as a surface ("the curvature of …") and in a gap ("… gap 0.42")
  objectiveMl: 'the likelihood',
  objectiveMap: 'the log-posterior',
  objectiveLoo: 'the leave-one-out log probability',
  objectiveGapMl: 'log-likelihood',
  objectiveGapMap: 'log-posterior',
  objectiveGapLoo: 'leave-one-out log probability',
  reasonNoTheorem: '{reasons}, so the implicit function theorem does not apply',
};
