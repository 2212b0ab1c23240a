/**
 * The hostile-input corpus: what an attacker or a clumsy user can hand every entry of the product
 * (library, command line, the explorer's URL, the widget's options as URL parameters, element
 * attributes or JavaScript values, postMessage), one row per case, each with the class of failure
 * it guards against and the answer it must get. The cases are beside this file, one file per entry:
 * library-cases.ts, scale-cases.ts, cli-cases.ts and page-cases.ts (the URL and the widget); the
 * runners too (unit level), and test/e2e/hostile.e2e.test.ts (the browser).
 * docs/threat-model.md explains the classes.
 */

/** The failure each case guards against (docs/threat-model.md). */
export type HostileClass =
  /** A bad input ending in an untyped error (TypeError, RangeError, an internal failure). */
  | 'untyped-failure'
  /** A bad value echoed whole into a message, a notice or stderr. */
  | 'unbounded-echo'
  /** Work (decoding, parsing, copying) proportional to a hostile size before the limit. */
  | 'unbounded-work'
  /** A wrong answer given silently. */
  | 'silent-wrong-answer'
  /** Markup or script carried by an input into the page, or a prototype polluted. */
  | 'injection'
  /** Text that is not UTF-8 read as garbage. */
  | 'encoding';

/** The longest message any entry may produce, in characters. */
export const MESSAGE_LIMIT = 400;

/** An array of `length` holes: a hostile length that costs nothing to make. */
export const sparse = (length: number): unknown[] => {
  const array: unknown[] = [];
  array.length = length;
  return array;
};
