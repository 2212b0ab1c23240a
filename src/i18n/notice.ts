/**
 * A message for the reader held as data (a catalogue key and its values) rather than as text, so
 * the state layer can say what went wrong and the page can say it in the reader's language.
 */
import type { en } from './messages.en';

/** A value in a notice: text as it is (a quoted piece of a link), a count, or another notice. */
export type NoticeValue = string | number | Notice;

export interface Notice {
  readonly key: keyof typeof en;
  readonly values?: Readonly<Record<string, NoticeValue>>;
}

/** A notice for `key` with `values`. */
export function notice(
  key: keyof typeof en,
  values?: Readonly<Record<string, NoticeValue>>,
): Notice {
  return values ? { key, values } : { key };
}
