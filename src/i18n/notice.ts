/**
 * A message for the reader held as data (a catalogue key and its values) rather than as text, so
 * the state layer can say what went wrong and the page can say it in the reader's language.
 */
import type { en } from './messages.en';
import type { optionsEn } from './options.en';

/** A key of the whole catalogue (messages.en.ts). */
export type NoticeKey = keyof typeof en;

/**
 * A key of the problems with what the page was given (options.en.ts): these are said at once where
 * they are found, in either language, without waiting for a catalogue to load (`problemText`).
 */
export type ProblemKey = keyof typeof optionsEn;

/** A value in a notice: text as it is (a quoted piece of a link), a count, or another notice. */
export type NoticeValue<Key extends NoticeKey = NoticeKey> = string | number | Notice<Key>;

export interface Notice<Key extends NoticeKey = NoticeKey> {
  readonly key: Key;
  readonly values?: Readonly<Record<string, NoticeValue<Key>>>;
}

/** A problem with an option, a link or the address: its keys, nested ones too, are `ProblemKey`s. */
export type ProblemNotice = Notice<ProblemKey>;

/** A notice for `key` with `values`. */
export function notice<Key extends NoticeKey>(
  key: Key,
  values?: Readonly<Record<string, NoticeValue<Key>>>,
): Notice<Key> {
  return values ? { key, values } : { key };
}
