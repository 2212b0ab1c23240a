/**
 * "Predict, then drag": the reader commits to ℓ̂ growing or shrinking when the marked point moves
 * the asked way, then moves it (drag by mouse or touch, the arrow keys on the focused point, or
 * the buttons) and reads whether the refit went the predicted way. The verdict compares the
 * widget's refitted ℓ̂ (the float64 engine's) with the ℓ̂ of the unmoved data. Exercise 3 asks
 * instead whether ℓ̂ follows the arrow or jumps, and sees a jump in two successive fits (jump.ts).
 * Where the arrows show the answer (exercises 1 and 2), the figure hides them, saying so, until
 * the reader has chosen one; where the words on trusting them do (exercise 3), those; a choice
 * stands until "Start again".
 */
import { mount, type EmbedHandle } from '../embed/mount';
import type { FitChangeDetail } from '../embed/fitEvents';
import { ARTICLE_KERNEL, ARTICLE_WIDGET_HEIGHT } from './datasets';
import type { ArticleFacts } from './facts';
import { isJump, JUMP_STEP } from './jump';
import { goLive } from './live';
import { fill, formatNumber, type Language, type LearnMessages } from './messages';

type Guess = 'grow' | 'shrink' | 'follow' | 'jump';

/** Smallest move of the point (in y) that counts as a move. */
const MOVE_THRESHOLD = 0.02;
const BUTTON_STEP = JUMP_STEP;
/** A point moved sideways by more than this (in x) no longer tests the vertical question. */
const SIDEWAYS_LIMIT = 0.1;

export function mountExercise(
  exercise: HTMLElement,
  language: Language,
  m: LearnMessages,
  facts: ArticleFacts,
): EmbedHandle {
  const number = exercise.dataset.exercise;
  const index = Number(exercise.dataset.point);
  const wantUp = exercise.dataset.direction === 'up';
  const fitted =
    number === '1' ? facts.exerciseSine : number === '2' ? facts.exerciseOutlier : facts.clusters;
  const { points } = fitted;
  const startLengthscale = fitted.fit.theta.lengthscale;
  const start = points[index]!;
  const feedback = exercise.querySelector<HTMLElement>('.feedback')!;
  const choices = [...exercise.querySelectorAll<HTMLButtonElement>('.choice')];
  let guess: Guess | null = null;
  // Whether the reader tried to move the point before answering (and was told to answer first).
  let movedBeforeAnswer = false;
  let latest: FitChangeDetail | null = null;
  // Exercise 3: ℓ̂ of the fit before the latest, and the first jump seen (until "Start again").
  let previousLengthscale = startLengthscale;
  let jump: { from: number; to: number } | null = null;
  // ℓ̂ as the widget's readout shows it: four digits.
  const n = (v: number) => formatNumber(language, v, 4);

  const say = (text: string, verdict: 'none' | 'right' | 'wrong') => {
    feedback.textContent = text;
    exercise.dataset.verdict = verdict;
  };
  // The test is of the ringed point alone: any other point away from its place spoils it.
  const away = (point: { x: number; y: number }, k: number) =>
    point.x !== points[k]!.x || point.y !== points[k]!.y;
  const othersMoved = (detail: FitChangeDetail | null) =>
    detail !== null &&
    (detail.points.length !== points.length ||
      detail.points.some((point, k) => k !== index && away(point, k)));
  const atStart = (detail: FitChangeDetail) =>
    detail.points.length === points.length && !detail.points.some(away);
  /**
   * Puts the data back as given: every edit undone (moves, added or removed points), then any
   * point still away from its place moved back, should the undo history have been cut short.
   */
  const restoreStart = () => {
    const store = widget.store;
    for (let step = 0; store.getState().history.past.length > 0 && step < 500; step++)
      store.getState().undo();
    const state = store.getState();
    if (state.points.length === points.length)
      state.points.forEach((point, k) => {
        if (away(point, k)) state.movePoint(k, points[k]!.x, points[k]!.y);
      });
    store.getState().select(index);
  };
  const judge = () => {
    if (!guess) return say(movedBeforeAnswer ? m.exAnswerFirst : m.exWaiting, 'none');
    if (othersMoved(latest))
      return say(fill(m.exOnlyThisPoint, { point: String(index + 1) }), 'none');
    const guessText = { grow: m.exGrow, shrink: m.exShrink, follow: m.ex3Follow, jump: m.ex3Jump }[
      guess
    ];
    const direction = wantUp ? m.exUp : m.exDown;
    const moved = latest ? latest.points[index]!.y - start.y : 0;
    // The question is about moving the point up or down: a sideways move changes ℓ̂ too.
    const sideways = latest ? latest.points[index]!.x - start.x : 0;
    if (Math.abs(sideways) > SIDEWAYS_LIMIT)
      return say(
        fill(m.exSideways, { dx: formatNumber(language, Math.abs(sideways), 2), direction }),
        'none',
      );
    if (!latest || Math.abs(moved) < MOVE_THRESHOLD)
      return say(fill(m.exCommitted, { guess: guessText, direction }), 'none');
    if (moved > 0 !== wantUp)
      return say(fill(m.exWrongWay, { moved: moved > 0 ? m.exUp : m.exDown, direction }), 'none');
    if (number === '3') {
      if (!jump)
        return say(
          fill(m.ex3Following, { before: n(startLengthscale), after: n(latest.lengthscale) }),
          'none',
        );
      const right = guess === 'jump';
      // Moved on after the jump: the readout shows ℓ̂ now, which the text names too.
      const now = n(latest.lengthscale);
      const text =
        fill(m.ex3Jumped, { from: n(jump.from), to: n(jump.to) }) +
        (now === n(jump.to) ? '' : ` ${fill(m.ex3Now, { now })}`);
      return say(`${right ? m.ex3Right : m.ex3Wrong} ${text}`, right ? 'right' : 'wrong');
    }
    const grew = latest.lengthscale > startLengthscale;
    const values = {
      before: n(startLengthscale),
      after: n(latest.lengthscale),
      change: grew ? m.exGrew : m.exShrank,
    };
    const right = (guess === 'grow') === grew;
    say(fill(right ? m.exRight : m.exWrong, values), right ? 'right' : 'wrong');
  };

  const host = document.createElement('div');
  host.className = 'widget';
  goLive(exercise.querySelector<HTMLElement>('figure')!).append(host);
  const widget = mount(host, {
    points,
    // The question is about these points: a tap or a long press must not add or remove one.
    fixedPointCount: true,
    kernel: ARTICLE_KERNEL,
    height: ARTICLE_WIDGET_HEIGHT,
    panels: ['readout'],
    theme: 'light',
    lang: language,
    onChange: (detail) => {
      latest = detail;
      // Before an answer a move would show the result: it is undone, and the page says why.
      if (!guess && !atStart(detail)) {
        movedBeforeAnswer = true;
        restoreStart();
        say(m.exAnswerFirst, 'none');
        return;
      }
      if (!jump && isJump(previousLengthscale, detail.lengthscale))
        jump = { from: previousLengthscale, to: detail.lengthscale };
      previousLengthscale = detail.lengthscale;
      judge();
    },
  });
  widget.store.getState().select(index);
  const arrowsNote = exercise.querySelector<HTMLElement>('.arrows-note');
  /**
   * Shows the arrows, and the words on how far to trust them, once there is a guess, where they
   * would give the answer away before.
   */
  const revealAfterGuess = () => {
    const answered = guess !== null;
    const arrowsShown = exercise.dataset.arrows !== 'after-guess' || answered;
    const reasonsShown = exercise.dataset.reasons !== 'after-guess' || answered;
    // In the widget's store, so that the points' names keep the answer too (PointsLayer.tsx).
    const state = widget.store.getState();
    state.setArrowsHidden(!arrowsShown);
    state.setReasonsHidden(!reasonsShown);
    if (arrowsNote) arrowsNote.hidden = arrowsShown && reasonsShown;
  };
  revealAfterGuess();

  const lockedNote = exercise.querySelector<HTMLElement>('.locked-note');
  // A guess stands until "Start again": changing it once the arrows or the refit have shown the
  // answer would turn the prediction into a reading.
  for (const button of choices)
    button.addEventListener('click', () => {
      if (guess !== null) {
        if (lockedNote) lockedNote.hidden = button.dataset.guess === guess;
        return;
      }
      guess = button.dataset.guess as Guess;
      // Moves made before the answer do not count: the test starts from the data as given.
      restoreStart();
      jump = null;
      previousLengthscale = startLengthscale;
      for (const other of choices) {
        other.setAttribute('aria-pressed', String(other === button));
        if (other !== button) other.setAttribute('aria-disabled', 'true');
      }
      exercise.dataset.guess = guess;
      revealAfterGuess();
      judge();
    });
  for (const button of exercise.querySelectorAll<HTMLButtonElement>('.move'))
    button.addEventListener('click', () => {
      if (!guess) {
        movedBeforeAnswer = true;
        return say(m.exAnswerFirst, 'none');
      }
      const state = widget.store.getState();
      const point = state.points[index]!;
      const step = button.dataset.move === 'up' ? BUTTON_STEP : -BUTTON_STEP;
      state.movePoint(index, point.x, point.y + step);
      state.select(index);
    });
  exercise.querySelector<HTMLButtonElement>('.reset')!.addEventListener('click', () => {
    guess = null;
    movedBeforeAnswer = false;
    for (const other of choices) {
      other.setAttribute('aria-pressed', 'false');
      other.removeAttribute('aria-disabled');
    }
    if (lockedNote) lockedNote.hidden = true;
    delete exercise.dataset.guess;
    revealAfterGuess();
    jump = null;
    // The refit at the start is a return, not a jump.
    previousLengthscale = startLengthscale;
    restoreStart();
    judge();
  });
  return widget;
}
