/**
 * Values named in the widget's option problems, as notice values (src/i18n/notice.ts) so the
 * widget says them in its language: a quoted text cut at 40 characters ("…" (2,000 characters))
 * and a description of a value of the wrong kind ("an array of 7 items"). The same wording in
 * English as quoteText and describeValue of src/engine/input-error.ts, which they wrap.
 */
import { describeValue, QUOTE_LIMIT, quoteText, typedArrayName } from '../engine/input-error';
import { notice, type NoticeValue, type ProblemKey } from '../i18n/notice';

/** The most characters of a value a problem quotes. */
export const QUOTED_CHARACTERS = 40;

/** `text` in double quotes, at most 40 characters of it, with its full length when cut. */
export function quoteNotice(text: string, limit = QUOTED_CHARACTERS): NoticeValue<ProblemKey> {
  const quoted = quoteText(text, limit);
  if (quoted.endsWith('"')) return quoted;
  // Cut: quoteText wrote `"…" (N characters)`; the length is said in the widget's language.
  return notice('quotedCut', {
    quoted: quoted.slice(0, quoted.lastIndexOf(' (')),
    length: text.length,
  });
}

function lengthOf(value: object): number | null {
  try {
    const length = (value as { length?: unknown }).length;
    return typeof length === 'number' ? length : null;
  } catch {
    return null;
  }
}

/**
 * A value as a problem names it: quoted text (at most `limit` characters), a number, or what kind
 * of thing it is.
 */
export function describeNotice(value: unknown, limit = QUOTE_LIMIT): NoticeValue<ProblemKey> {
  switch (typeof value) {
    case 'string':
      return quoteNotice(value, limit);
    case 'symbol':
      return notice('valueSymbol');
    case 'function':
      return notice('valueFunction');
    case 'bigint': {
      const digits = value.toString().length;
      return digits <= limit ? describeValue(value, limit) : notice('valueLongBigint', { digits });
    }
    case 'object':
      break;
    default:
      return describeValue(value);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const count = lengthOf(value);
    if (count === null) return notice('valueArray');
    return count === 1 ? notice('valueArrayOfOne') : notice('valueArrayOf', { count });
  }
  if (ArrayBuffer.isView(value)) {
    const name = typedArrayName(value);
    const count = lengthOf(value);
    if (count === null) return notice('valueView', { name });
    return count === 1
      ? notice('valueViewOfOne', { name })
      : notice('valueViewOf', { name, count });
  }
  return notice('valueObject');
}
