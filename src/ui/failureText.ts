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

const READER_REASONS: Partial<Record<string, string>> = {
  'all-x-equal':
    'Every point has the same x, so no lengthscale can be fitted. Move a point sideways.',
  'zero-y': 'Every point has y = 0, so there is nothing to fit. Move a point up or down.',
  'too-few-points': 'Too few points to fit three hyperparameters. Add a point.',
};

/** A sentence: first letter capitalised, ending with a full stop. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const capitalised = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** The reason a compute request failed, for the reader. */
export function failureReason(failure: FailureLike): string {
  return READER_REASONS[failure.code] ?? asSentence(failure.message);
}
