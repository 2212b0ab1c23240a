/**
 * Problems with what the page was given, in English: a bad value of the widget's `points`,
 * `height`, `theme`, … named in one sentence and replaced by its default (src/embed/options.ts,
 * src/embed/pointsText.ts), a shared link that cannot be read (src/state/urlCodec.ts) and the
 * embed page's too long address. Option names and their allowed values stay as written in code.
 * These are said at once where they are found (returned by `mount().update()`, logged), so they
 * ship with the code in both languages (`problemText`, messages.ts) while the rest of the
 * catalogue loads with its language. Spread into messages.en.ts; every key here must exist in
 * options.es.ts.
 */
export const optionsEn = {
  optionTooLong: '{name} is {length} characters long; at most {limit} are read',
  optionNotText: '{name} must be text, not {value}',
  optionNotOneOf: '{name} {value} is not one of {allowed}',
  optionNotBooleanType: '{name} must be true or false, not {value}',
  optionNotBoolean: '{name} {value} is not true or false',
  optionPanelsNotList: 'panels must be a list of {allowed}, not {value}',
  optionPanelsNotNames: 'panels must be names such as {allowed}',
  optionPanelOrNone: '{problem} (or none for the plot alone)',
  optionHeightType: 'height must be a number of pixels from {min} to {max}, or auto, not {value}',
  optionHeightRange: 'height {value} is not a number of pixels from {min} to {max}, or auto',
  optionUsingDefault: '{problem}; using the default.',
  optionShowingPreset: '{problem}; showing the noisy sine instead.',
  optionPoints: 'points: {problem}',
  optionsNotObject: 'options must be an object, not {value}.',
  appUrlTooLong: 'app-url is {length} characters long; the "Open in explorer" link is left out.',
  appUrlNotText: 'app-url is {value}; the "Open in explorer" link is left out.',
  appUrlNotAddress: 'app-url {value} is not an address; the "Open in explorer" link is left out.',
  appUrlNotHttp:
    'app-url {value} is not an http or https address; the "Open in explorer" link is left out.',
  pointsNone: 'no points given',
  pointsTooFewOne: '{count} point given; at least {min} are needed to fit three hyperparameters',
  pointsTooFew: '{count} points given; at least {min} are needed to fit three hyperparameters',
  pointsTooMany: '{count} points given; an embedded widget holds at most {max}',
  pointsOutsideX:
    'point {index} (x = {x}) lies outside the plot: x must be in [{x0}, {x1}] and y in [{y0}, {y1}]',
  pointsOutsideY:
    'point {index} (y = {y}) lies outside the plot: x must be in [{x0}, {x1}] and y in [{y0}, {y1}]',
  pointsUnreadable: 'point {index} could not be read',
  pointsNotFinite: 'point {index} needs finite numbers x and y',
  pointsNotArray: 'points must be an array of {x, y} or text, not {value}',
  pointsPairShape: 'pair {index} {value} must be an x and a y separated by a comma',
  pointsPairNotNumber: 'pair {index} has {value}, which is not a finite number',
  // A quoted value cut at 40 characters, with its full length
  quotedCut: '{quoted} ({length} characters)',
  // A value of the wrong kind, described
  valueSymbol: 'a symbol',
  valueFunction: 'a function',
  valueObject: 'an object',
  valueArray: 'an array',
  valueArrayOfOne: 'an array of 1 item',
  valueArrayOf: 'an array of {count} items',
  valueView: 'a {name}',
  valueViewOfOne: 'a {name} of 1 item',
  valueViewOf: 'a {name} of {count} items',
  valueLongBigint: 'a bigint of {digits} digits',
  // A shared link that cannot be read, and the embed page's too long address
  linkTooLong: 'The link is {length} characters long; a link to this page holds at most {limit}.',
  linkNoState: 'The link holds no explorer state.',
  linkVersion: 'The link uses format version {version}; this page reads version {supported}.',
  linkKernel: 'The link names an unknown kernel {value}.',
  linkHyperparameter: 'The link names an unknown hyperparameter {value}.',
  linkOptions: 'The link has unknown options {value}.',
  linkRule: 'The link names an unknown rule {value}.',
  linkPrior:
    'The link’s MAP prior {value} is not three median:spread pairs in the range the explorer accepts.',
  linkTooManyPoints: 'The link holds {count} points; at most {max} are allowed.',
  linkDamaged: 'The link is damaged: {problem}.',
  linkNoPoints: 'The link holds no points.',
  linkNotBase64: 'the point list is not valid base64url',
  linkTruncated: 'the point list is truncated',
  linkOutside: 'point {index} lies outside the plot',
  embedQueryTooLong:
    'The address’s options are {length} characters long; at most {limit} are read, so the defaults are shown.',
  linkHide: 'The link asks to hide unknown parts {value}.',
};
