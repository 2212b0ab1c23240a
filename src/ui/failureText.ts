/**
 * Why there is no fit, in the reader's words: the data problems a reader can cause by dragging
 * get a sentence that says what they see and what to do; anything else keeps the engine's own
 * message (already bounded in length), as a sentence.
 */

/** A failed compute result's code (the engine's GpInputError codes, or 'internal') and message. */
export interface FailureLike {
  code: string;
  message: string;
}

import { translator, type Translator, type UiMessageKey } from '../i18n/messages';
import { reasonSentence } from './reasonText';

const READER_REASONS: Partial<Record<string, UiMessageKey>> = {
  'all-x-equal': 'failureAllXEqual',
  'zero-y': 'failureZeroY',
  'too-few-points': 'failureTooFew',
};

/** The reason a compute request failed, for the reader. */
export function failureReason(failure: FailureLike, tr: Translator = translator('en')): string {
  const key = READER_REASONS[failure.code];
  // The engine's own messages stay in English; the page's framing around them is translated.
  return key ? tr.t(key) : reasonSentence(failure.message);
}
