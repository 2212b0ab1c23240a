/**
 * The explorer's own text in English: what only the explorer shows (the likelihood landscape, the
 * two rules' rows in the plot's key, point influence, the new-point pull map, the dataset note's
 * words under another rule or after an edit, the legend's words for x-and-y arrows), kept out of
 * the catalogue the widget downloads
 * (messages.en.ts). `{name}` placeholders as there; every key here must exist in
 * explorerMessages.es.ts. The explorer reads them through `useExplorerMessages()`
 * (src/ui/explorerText.ts).
 */
export const explorerMessagesEn = {
  // Likelihood landscape
  landscapeTitle: 'Likelihood landscape',
  landscapeRole: 'interactive map',
  landscapeKeys: 'Arrow keys move a crosshair, Enter shows the fit at that θ, Escape returns to θ̂.',
  landscapeNotComputed: 'Likelihood landscape, not yet computed.',
  landscapeDescribe:
    'Likelihood landscape over lengthscale and noise ratio. The maximum θ̂ is at ℓ {lengthscale}, noise ratio {ratio}.',
  landscapeSecond: 'A second, lower maximum exists.',
  landscapeOffMap: 'θ̂ (off the map)',
  landscapeYourTheta: 'your θ',
  landscapeRunnerUp: 'runner-up, {gap} nats lower',
  landscapeIft: 'prediction',
  landscapeOptimumPredicted: 'θ̂, as predicted',
  landscapeAxisLengthscale: 'lengthscale ℓ',
  landscapeAxisNoise: 'noise ratio σn²/σf²',
  landscapeCaption:
    'Colour: the {profile} in {nats} below {top}. Dashed: the {laplace} (1σ, 2σ) of Σ = −H⁻¹, how sharply the {hessian} says θ̂ is pinned down; where the likelihood is quadratic they follow the 0.5 and 2 nat contours.',
  termProfileLikelihood: 'profile log-likelihood',
  termNats: 'nats',
  termLaplace: 'Laplace ellipses',
  termHessian: 'Hessian',
  termNearTie: 'near tie',
  landscapeNoEllipse: 'No ellipse here: θ̂ is not a strict maximum.',
  landscapeTopTheta: 'θ̂',
  landscapeTopPeak: 'its top',
  landscapeOtherRule:
    'This map is always the likelihood, the objective of ML-II. {rule} chooses θ̂ by another objective, so θ̂ need not sit at the top of this map, and its ellipses come from the Hessian of that objective, not from these contours.',
  landscapeRunnerUpGap: 'A second maximum, the runner-up, is {gap} nats lower.',
  landscapeRunnerUpTie: 'A second maximum, the runner-up, is {gap} nats lower: a {tie}.',
  landscapeTry: 'Click or tap the map to try a θ of your own.',
  landscapeHint:
    'Hover over or tap the map to read it; click or tap to try that θ; or use Tab, the arrow keys and Enter.',
  landscapeOutside: 'outside the computed map.',
  natsRelative: 'nats relative to θ̂',
  natsRelativeTop: 'nats relative to the top',

  // The plot's key: the two rules' rows while one is compared with another
  keyCompareFirst: '{rule} (left)',
  // A dataset's note, whose claims are measured for ML-II, while another rule fits
  presetUnderMl: '(under ML-II)',
  legendLengthVector:
    'Length: how steeply log {symbol} rises in that direction, √((∂ log {symbol}/∂x)² + (∂ log {symbol}/∂y)²). An arrow one unit long means {reference}, as the plot’s key says: {symbol} changes by about {percent} % when the point moves {step} along its arrow.',
  presetAsLoaded: '(as loaded, before your edits)',
  presetResetTitle: 'Back to the data and settings as last loaded, before your changes',
  presetOtherRule: 'This note describes the ML-II fit; the fit shown is {rule}.',
  keyCompareSecond: '{rule} (right)',
  keyPullShading: 'Shading: a point',
  keyPullAdded: 'added here moves {symbol}',
  keyPullColours: '↓ blue, ↑ red',

  // The readout under a rule other than ML-II: which objective θ̂ and its Hessian belong to
  readoutObjective: '{rule} objective at θ̂',
  readoutOfRule: '({rule})',
  readoutCompared: '{rule}: {value}',
  readoutComparedNoMaximum: '{rule}: {value} ✗ no maximum',
  // A hyperparameter the search region's edge stopped: its value is where the search stopped
  readoutToInfinity: '→ ∞, the search stopped here',
  readoutToZero: '→ 0, the search stopped here',
  readoutOnFloor: 'held on its floor',
  // Point influence and where a new point would pull
  insightComputing: 'Computing…',
  insightWaiting: 'Let go of the point to compute this.',
  insightFailed: 'Could not compute this: {message}',
  influenceTitle: 'How much each point holds {name}',
  influenceIntro:
    'Removal: the change of {name} when the point is taken out and θ̂ refitted. Jackknife (the infinitesimal jackknife): the same change predicted from a derivative at θ̂, with no refit. Where the two agree the point’s pull is linear; where they part — one point holding θ̂ up, or θ̂ jumping to another maximum without it — the derivative misleads. Apart: how far the two are, in log, |log(1 + removal) − log(1 + jackknife)|; 0.01 is about 1 %.',
  influencePoint: 'Point',
  influenceRemoval: 'Removal',
  influenceJackknife: 'Jackknife',
  influenceGap: 'Apart (log)',
  influenceSortBy: 'Sort by {column}',
  influenceJumped: 'jumps to another maximum',
  influenceUntrusted: 'refit untrusted',
  influenceInvalid: 'cannot refit without it',
  influenceUndefined: 'The infinitesimal jackknife is undefined here: {reason}.',
  influenceChecking:
    'Checking each refit by searching for θ̂ from many starting points, not only from θ̂, so that a jump to another maximum is caught; a row may still change.',
  influenceChecked:
    'Each refit was also checked by searching for θ̂ from many starting points, not only from θ̂, so that a jump to another maximum is caught.',
  influenceCheckFailed:
    'The search from many starting points could not finish ({message}): each refit here started from θ̂ only.',
  pullMapLabel: 'Where a new point would pull {name}',
  pullMapKey: 'Adding a point here changes {name} by about (equal steps in log):',
  pullMapHint: 'Hover over or tap the map for its number; click or tap to pick a place.',
  pullMapAt: 'A new point at ({x}, {y}) would change {name} by about {change} (first order).',
  pullMapRefit: 'Refit exactly with a point here',
  pullMapExact: 'Exact refit: {change}.',
  pullMapHolds: 'First order said {predicted}: within a fifth of the exact change, it holds.',
  pullMapMisses:
    'First order said {predicted}: more than a fifth off the exact change, so a whole point here bends θ̂ off that straight line.',
  pullMapJumped: 'Exact refit: {change} — θ̂ jumps to another maximum.',
  pullMapUndefined: 'No map here: {reason}.',
};

/** Every key of the explorer's own text, each a string: a language missing one fails the typecheck. */
export type ExplorerMessages = { readonly [Key in keyof typeof explorerMessagesEn]: string };
export type ExplorerMessageKey = keyof ExplorerMessages;
