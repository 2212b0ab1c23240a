/**
 * Where JSON text first breaks the grammar of RFC 8259, and why — for error messages that name a
 * line and column. `JSON.parse` does the actual parsing; its messages do not always carry a
 * position and may quote the whole input, so this scanner is run only after it has failed.
 */

/** The first syntax error in a JSON text: character offset and a short description. */
export interface JsonSyntaxProblem {
  offset: number;
  message: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NON_FINITE = /-?(?:NaN|Infinity)/y;
const LITERAL = /true|false|null/y;

/** Scans `text`; null when it is valid JSON (or nests too deeply to scan). */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  let at = 0;

  const describe = (offset: number): string =>
    offset >= text.length ? 'end of input' : JSON.stringify(text[offset]);
  const fail = (message: string, offset = at): never => {
    throw new Stop(offset, message);
  };
  const unexpected = (): never => fail(`unexpected ${describe(at)}`);
  const skipWhitespace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const matchAt = (pattern: RegExp): string | null => {
    pattern.lastIndex = at;
    return pattern.exec(text)?.[0] ?? null;
  };

  const scanString = () => {
    const start = at++;
    for (;;) {
      if (at >= text.length) fail('unterminated string', start);
      const code = text.charCodeAt(at);
      if (code === 0x22) {
        at++;
        return;
      }
      if (code < 0x20) fail('unescaped control character in a string');
      if (code === 0x5c) {
        const escape = text[at + 1];
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 6;
        else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) at += 2;
        else fail('invalid escape in a string');
      } else {
        at++;
      }
    }
  };

  const scanValue = (): void => {
    skipWhitespace();
    const char = text[at];
    if (char === '{') return scanContainer('}');
    if (char === '[') return scanContainer(']');
    if (char === '"') return scanString();
    const nonFinite = matchAt(NON_FINITE);
    if (nonFinite) fail(`${nonFinite} is not allowed (JSON has no NaN or Infinity)`);
    const token = matchAt(NUMBER) ?? matchAt(LITERAL);
    if (token === null) {
      if (char === "'") fail('strings must use double quotes');
      unexpected();
    }
    at += token!.length;
  };

  const scanContainer = (close: '}' | ']') => {
    at++;
    skipWhitespace();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (close === '}') {
        if (text[at] !== '"') fail('expected a property name in double quotes');
        scanString();
        skipWhitespace();
        if (text[at] !== ':') fail(`expected ":" after the property name, found ${describe(at)}`);
        at++;
      }
      scanValue();
      skipWhitespace();
      if (text[at] === close) {
        at++;
        return;
      }
      if (text[at] !== ',') fail(`expected "," or "${close}", found ${describe(at)}`);
      const comma = at++;
      skipWhitespace();
      if (text[at] === close) fail(`trailing comma before "${close}"`, comma);
    }
  };

  try {
    scanValue();
    skipWhitespace();
    if (at < text.length) fail(`unexpected ${describe(at)} after the end of the JSON value`);
    return null;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, message: error.message };
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The offset of the first bracket that opens a level deeper than `maxDepth`, or null. One linear
 * pass that skips strings, run before parsing so that no parser or scanner recurses that deep.
 */
export function findNestingTooDeep(text: string, maxDepth: number): number | null {
  let depth = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (inString) {
      if (code === 0x5c) at++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > maxDepth) return at;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return null;
}
