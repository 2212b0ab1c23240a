/**
 * Why the page computes where it does (src/worker/shared/computeNote.ts, through the store's
 * types) in the page's language, numbers in its format and the browser's own words (`detail`) as
 * they were given. The records below name every code, so a new note or failure fails the
 * typecheck until it has its words here (and the catalogues, whose type is the English one's
 * keys, have them in both languages).
 */
import type {
  ComputeNote,
  ComputeNoteCode,
  WorkerFailure,
  WorkerFailureCode,
} from '../state/types';
import type { Translator } from '../i18n/messages';
import { formatFixed } from './format';

type NoteOf<Code extends ComputeNoteCode> = Extract<ComputeNote, { readonly code: Code }>;
type FailureOf<Code extends WorkerFailureCode> = Extract<WorkerFailure, { readonly code: Code }>;

/** Seconds as the notes give them: one decimal at most ("1.5 s", "1,5 s", "5 s"). */
const seconds = (value: number, tr: Translator) => tr.number(Math.round(value * 10) / 10, 2);

/** Each failure's words: what made the page give up on a worker. */
export const WORKER_FAILURE_MESSAGES: {
  readonly [Code in WorkerFailureCode]: (failure: FailureOf<Code>, tr: Translator) => string;
} = {
  error: (failure) => failure.detail,
  'unnamed-error': (_, tr) => tr.t('workerFailureUnnamed'),
  'undecodable-message': (_, tr) => tr.t('workerFailureUndecodable'),
  silent: (failure, tr) => tr.t('workerFailureSilent', { seconds: seconds(failure.seconds, tr) }),
  'no-start': (failure, tr) =>
    tr.t('workerFailureNoStart', { seconds: seconds(failure.seconds, tr) }),
  'no-web-workers': (_, tr) => tr.t('workerFailureNoWebWorkers'),
};

/** Why a worker was given up on, in the page's language. */
export function workerFailureMessage(failure: WorkerFailure, tr: Translator): string {
  const message = WORKER_FAILURE_MESSAGES[failure.code] as (
    failure: WorkerFailure,
    tr: Translator,
  ) => string;
  return message(failure, tr);
}

/** Each note's words. */
export const COMPUTE_NOTE_MESSAGES: {
  readonly [Code in ComputeNoteCode]: (note: NoteOf<Code>, tr: Translator) => string;
} = {
  'webgl-not-requested': (_, tr) => tr.t('computeNoteWebglNotRequested'),
  'webgl-unavailable': (_, tr) => tr.t('computeNoteWebglUnavailable'),
  'webgl-failed': (note, tr) => tr.t('computeNoteWebglFailed', { detail: note.detail }),
  'webgl-refused': (_, tr) => tr.t('computeNoteWebglRefused'),
  'webgl-test-failed': (_, tr) => tr.t('computeNoteWebglTestFailed'),
  'webgl-context-lost': (_, tr) => tr.t('computeNoteContextLost'),
  'worker-restarted': (note, tr) =>
    tr.t('computeNoteRestarted', { cause: workerFailureMessage(note.cause, tr) }),
  'worker-gave-up': (note, tr) =>
    note.failures === 1
      ? tr.t('computeNoteGaveUpOnce', { cause: workerFailureMessage(note.cause, tr) })
      : tr.t('computeNoteGaveUp', {
          count: formatFixed(note.failures, 0, tr.language),
          cause: workerFailureMessage(note.cause, tr),
        }),
  'no-worker': (note, tr) =>
    tr.t('computeNoteNoWorker', { cause: workerFailureMessage(note.cause, tr) }),
  'cannot-compute': (note, tr) => tr.t('computeNoteCannotCompute', { detail: note.detail }),
};

/** The status line's note in the page's language. */
export function computeNoteMessage(note: ComputeNote, tr: Translator): string {
  const message = COMPUTE_NOTE_MESSAGES[note.code] as (note: ComputeNote, tr: Translator) => string;
  return message(note, tr);
}
