/**
 * The article's text in English. `*x*` is emphasis, `**x**` strong, `{name}` a number or word
 * filled in from the engine (src/learn/facts.ts) and formatted for the language. Every key here
 * must exist in messages.es.ts (the type `LearnMessages` is this object's keys).
 */
export const en = {
  pageTitle: 'How fitted GP hyperparameters depend on the data — GP Sensitivity Explorer',
  metaDescription:
    'A guided explainer with live figures: why dℓ/dy is zero, what θ̂(X, y) is, and how the implicit function theorem gives dθ̂/dy.',
  languageLabel: 'Language',
  explorerLink: 'Open the explorer',
  skipToArticle: 'Skip to the article',
  title: 'How the fitted hyperparameters of a Gaussian process depend on its data',
  lead: 'A reader once asked for “the derivative of the lengthscale with respect to a new data point”. Taken literally, the question has no answer. The way out is one of the handiest ideas in applied statistics, and this page walks through it with figures you can move.',
  source:
    'The argument follows an answer on Cross Validated ({question}, {answer}), retold here in our own words, with one slip in its formula checked by computation (step 7).',
  sourceQuestion: 'question 446850',
  sourceAnswer: 'answer 447199',
  staticNote:
    'Picture drawn when the page was built; with JavaScript on, a live figure replaces it.',

  s1Title: '1. A fit and its three knobs',
  s1Intro:
    'A Gaussian process (GP) is a way of putting probabilities on smooth curves. Three numbers, the *hyperparameters* θ = (ℓ, σf, σn), say which curves it expects:',
  s1Lengthscale:
    'the **lengthscale ℓ**: over what distance in x the curve can change a lot. A small ℓ allows quick wiggles; a large ℓ makes the curve nearly straight.',
  s1Signal: 'the **signal standard deviation σf**: how far the curve usually strays from zero.',
  s1Noise:
    'the **noise standard deviation σn**: how much each measured point scatters around the curve.',
  s1Play:
    'Given the points, the GP draws its best guess for the curve f (the posterior mean) and a band where f itself plausibly runs (95 %). The noise is not in the band, so many points lie outside it. In figure 1 you choose ℓ; σf and σn stay at their fitted values. The number under the plot is the *log marginal likelihood* log p(y | X, θ): how probable the data are under your θ. Try to make it as large as you can.',
  fig1Caption:
    'Figure 1. The noisy sine ({n} points) with the fit for the ℓ you choose. The maximum is at ℓ̂ = {best}; the slider’s steps come close to it.',
  fig1Slider: 'Lengthscale ℓ',
  fig1Value: 'With ℓ = {l}: log p(y | X, θ) = {lml}.',
  fig1Best: 'Best: {bestLml} at ℓ̂ = {best}, {gap} above yours.',
  fig1AtBest: 'The slider’s nearest step to the maximum, at ℓ̂ = {best}: {gap} below it.',

  s2Title: '2. ℓ is a number you chose; the rule depends on the data',
  s2P1: 'In figure 1 you set ℓ yourself, and it stays where you put it whatever the points are. That is the whole trouble with “dℓ/dy”: ℓ is a setting, not a function of the data, so its derivative with respect to any yᵢ is zero and tells us nothing.',
  s2P2: 'What does depend on the data is a **rule** that picks θ from them. The usual rule is the game you just played: take the θ under which the data are most probable,',
  s2P3: 'θ̂ is a function of the data. Move a point and θ̂ moves with it; that function has a derivative, and it is the one the question was after.',
  fig2Caption:
    'Figure 2. The explorer on the same data, refitting θ̂ as you drag. Drag any point up or down and watch ℓ̂ in the readout.',

  s3Title: '3. One point, one curve',
  s3P1: 'Take one point and imagine sliding it up and down (figure 3 does it for the point you choose). At each height yᵢ we refit and write down ℓ̂. The result is an ordinary curve, ℓ̂ as a function of yᵢ: the *response curve*. Each dot on it is a complete refit.',
  s3P2: 'With ℓ̂ on a log scale, as in the figure, its slope at the current height is d log ℓ̂/dyᵢ. That slope is what the arrow on the point draws, and the theorem of the next step gives it with no refit at all; the dots are there to check it. The arrow is not a force on the point and does not say where the point wants to go: it says how ℓ̂ would change if you moved the point up.',
  fig3Caption:
    'Figure 3. ℓ̂ refitted (log scale) with point {point} set to each height (dots) and the tangent at its current height (line).',
  pointPicker: 'Point',
  pointOption: 'point {point} (x = {x})',
  fig3Slope:
    'Slope at the current height, from the theorem: d log ℓ̂/dy = {slope}. The dots: {refits} refits.',

  s4Title: '4. Differentiating without a formula for θ̂',
  s4P1: 'There is no formula for θ̂; an optimiser finds it. But at the optimum the gradient of L(θ, y) = log p(y | X, θ) is zero, and it stays zero as the data move, because θ̂ moves to keep it so:',
  s4P2: 'Differentiate both sides with respect to y, by the chain rule, and solve:',
  s4P3: 'where H is the Hessian of L at θ̂. This is the *implicit function theorem*: it needs only quantities at the current fit. For a GP with covariance matrix K and α = K⁻¹y (everything in log θ, as the engine works):',
  fig4Caption:
    'Figure 4. The theorem with the numbers of the chosen point, computed live by the engine.',
  fig4Note:
    'H is the Hessian in log θ = (log ℓ, log σf, log σn); the second line is column {point} of ∂²L/∂θ∂y; the last line multiplies them into d log θ̂/dy{point}.',

  s5Title: '5. Checking the theorem',
  s5P1: 'Trust, but check: move the point up by a small h and down by h, refit both times, and divide the change in log θ̂ by 2h. For point {point} of these data, with h = {h} (and again with h/2, the two combined so that their leading errors cancel), the finite difference and the theorem agree to {digits} digits, counted against the largest of the three derivatives.',
  fig5Caption: 'Figure 5. Four refits (±h and ±h/2) against one formula, for the chosen point.',
  fig5Theorem: 'theorem',
  fig5Refit: 'refits',
  fig5Digits: 'Digits that agree, against the largest: {digits}.',
  fig5Button: 'Refit again',

  s6Title: '6. Where it breaks',
  s6P1: 'The theorem needs a strict maximum inside the allowed region: H must be negative definite. There are three ways to lose that, and one way for the arrow to mislead:',
  s6Flat:
    '**Flat** (figure 6a): when the data show nothing a curve could follow (pure noise, a straight line, a constant), ℓ̂ grows until the search stops it, far beyond the span of the inputs: nothing in the data pins it down. θ̂ has no derivative, and the figure hides the arrows and says why.',
  s6Boundary:
    '**On the edge** (figure 6b): clean data with no scatter push σn down to the smallest value allowed. There the gradient need not be zero, but the theorem still holds for ℓ and σf with σn held on its floor: the arrows show those moves, but only for moves of a point much smaller than σn. Here σn itself is below 0.001, the smallest step a point can be dragged: read these arrows as a limit, not as the prediction of a drag.',
  s6Tie:
    '**A near tie** (figure 6c): two explanations, say a wiggly curve with little noise and a smooth one with much noise, are almost equally probable. A small move can make θ̂ jump from one to the other, and no derivative describes a jump.',
  s6Large:
    '**Large moves**: the arrow is a tangent. Drag far and the response curve bends away from it; the first-order prediction and the refit part.',
  s6Marks:
    'Each figure says which case it is in. Under the plot a line says how far to trust the arrows: ✓ where the theorem holds; ! where it holds only with care, and the arrows are then dashed; ✗ where it fails, with grey dashed arrows or none.',
  fig6Caption:
    'Figure 6c. Two clusters with nothing between them: the two explanations’ log-likelihoods differ by only {gap}. The note under the plot says what the page sees.',

  fig6FlatCaption:
    'Figure 6a. Pure noise, {flatN} points: ℓ̂ = {flatLengthscale}, where the search stops ({flatTimes} times the inputs’ span of {flatSpan}). The fit is a flat line, the arrows are hidden, and the note under the plot says why.',
  fig6FloorCaption:
    'Figure 6b. Exact values of a parabola at {floorN} points, no noise added: σ̂n = {floorNoise}, on its floor (σn/σf = {floorRatio}). The engine holds σn there, and the arrows show how ℓ and σf move with it held, as the note under the plot says.',

  s7Title: '7. Checking the formula in the source',
  s7P1: 'The answer this page follows writes the objective as −yᵀK⁻¹y − ½ log|K|, without the ½ on the quadratic term. Does it matter? Note that',
  s7P2: 'so the slip turns the objective into the log-likelihood of the data multiplied by √2. With σf and σn both free, that changes little: the fit to √2·y has the same ℓ̂ ({lengthscale} under both), the same arrows for ℓ, and σ̂f, σ̂n larger by √2 (σ̂f = {signalL} against {signalF}, a ratio of {ratio}); the variances double.',
  s7P3: 'Now hold σf fixed, as one often does, at {signalL}: the scale can no longer absorb the √2, and ℓ̂ moves from {fixedL} to {fixedF}. The slip matters exactly when the scale is not free.',
  fig7Caption:
    'Figure 7. Both objectives maximised by the engine on the noisy sine. Choose where σf is held.',
  fig7Objective: 'objective',
  fig7Likelihood: 'log-likelihood',
  fig7Source: 'source’s formula',
  fig7Free: 'σf free',
  fig7Fixed: 'σf fixed at {signal}',
  fig7SignalPicker: 'Hold σf at',
  fig7SlopeSame:
    'Largest difference between the two objectives’ d log ℓ̂/dy over all points: {diff}.',

  s8Title: '8. The whole picture: which points pull hardest',
  s8P1: 'Now every point has its arrow. Points pull hard on θ̂ when they alone decide what the curve does near them: the points at the **ends** of the data, with nothing beyond them to check them, **isolated** points, and points where the curve **bends** sharply. An **outlier**, which the fit must explain either as noise or with a wiggle, pulls hardest on σn.',
  s8P2: 'In these data one point was lifted 2 above the sine. Its σn arrow is the longest by far (it is {ratio} times the next one): the fit explains it as noise. Switch the arrows to ℓ in the figure’s controls: the longest is now at an end of the data, and the outlier’s neighbour on the right pulls harder than the outlier itself.',
  fig8Caption: 'Figure 8. The noisy sine with an outlier, every point with its arrow.',

  exTitle: 'Exercises: predict, then drag',
  exIntro:
    'Commit to an answer first, then move the point and see what the refit says. Exercises 1 and 2 have data of their own, the same sine with fresh noise, so the figures above do not show their answers. Drag it with the mouse or a finger, or use the buttons; the point can also be moved with the arrow keys once focused. The key beside the plot says what an arrow’s length stands for, and that scale stays put as you move the point unless the arrows outgrow it (the key is then outlined), so an arrow before and after a move compare.',
  ex1Question:
    'Point {point} sits above the fitted curve. If you raise it further, will ℓ̂ grow or shrink?',
  ex2Question:
    'Point {point} is the outlier, lifted 2 above the sine the other points follow. If you lower it towards the fitted curve, will ℓ̂ grow or shrink?',
  exFigureCaption: 'Exercise {number}. The data, with point {point} ringed.',
  exArrowsHidden:
    'The arrows are hidden until you choose an answer: the ringed point’s arrow would give it away.',
  exReasonsHidden:
    'The line under the plot that says how far to trust the arrows appears once you choose an answer: now it would give the answer away.',
  exGrow: 'ℓ̂ will grow',
  exShrink: 'ℓ̂ will shrink',
  exCommitted: 'Your guess: {guess}. Now move the point {direction}.',
  exUp: 'up',
  exDown: 'down',
  exMoveUp: 'Raise the point by 0.25',
  exMoveDown: 'Lower the point by 0.25',
  exReset: 'Start again',
  exLocked: 'Your answer is in. To choose the other one, press “Start again”.',
  exWrongWay: 'You moved the point {moved}; move it {direction} to test your guess.',
  exRight: 'Right: ℓ̂ went from {before} to {after}, it {change}.',
  exWrong:
    'Not this time: ℓ̂ went from {before} to {after}, it {change}. Look at the point’s arrow: it predicted this.',
  exGrew: 'grew',
  exShrank: 'shrank',
  ex3Question:
    'These are the two clusters of figure 6c, and the fit is the wiggly one. Lower point {point} a quarter unit at a time. What will ℓ̂ do?',
  ex3Follow: 'ℓ̂ will change a little, as the arrow says',
  ex3Jump: 'ℓ̂ will jump to a very different value',
  ex3Following:
    'ℓ̂ is {after} (it was {before}): so far it changes a little, as the arrow says. Keep lowering the point.',
  ex3Jumped:
    'Between two fits ℓ̂ jumped from {from} to {to}: the smooth explanation now beats the wiggly one, and θ̂ moved to the other maximum. The arrow is the slope of the maximum θ̂ sits on; it cannot see a second maximum rise until it overtakes the first.',
  ex3Now: 'Since then it has moved on along the new maximum: ℓ̂ is now {now}.',
  ex3Right: 'Right.',
  ex3Wrong: 'Not this time.',
  exAnswerFirst: 'Choose an answer first; then move the point. (It stays where it was until then.)',
  exSideways:
    'The point also moved sideways, by {dx}, and that changes ℓ̂ too; the question is about moving it {direction}. Press “Start again” and move it straight {direction}.',
  exWaiting: 'Choose an answer first.',
  exOnlyThisPoint:
    'Another point has moved too, and the test is of point {point} alone: press “Start again” to put the points back.',

  footer:
    'Built with the float64 engine of GP Sensitivity Explorer. Every number on this page is computed, not typed in.',
} as const;
