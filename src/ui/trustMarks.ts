import type { ArrowsView } from '../state';

/**
 * The mark beside a verdict on the arrows: the theorem holds (✓), holds only with care (!), or
 * fails (✗) — the three the article's step 6 names. `waiting` is marked as a failure: with no
 * fit yet, a note shows only to say why there is none.
 */
export const TRUST_MARKS = {
  shown: '✓',
  caution: '!',
  untrusted: '✗',
  hidden: '✗',
  waiting: '✗',
} as const satisfies Record<ArrowsView['status'], string>;
