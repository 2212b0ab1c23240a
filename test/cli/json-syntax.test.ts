import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn } from '../../src/cli/json-syntax';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it('accepts whatever JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, indent) => {
        expect(findJsonSyntaxError(JSON.stringify(value, null, indent ? 2 : undefined))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('finds an error exactly when JSON.parse rejects, on mangled JSON', () => {
    const mangled = fc
      .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', ':', 'N', ' ', '\n'))
      .map(([value, position, insert]) => {
        const text = JSON.stringify(value);
        const at = position % (text.length + 1);
        return text.slice(0, at) + insert + text.slice(at + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(mangled, (text) => {
        expect(findJsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('points at the offending character', () => {
    expect(findJsonSyntaxError('[1, 2 3]')).toEqual({
      offset: 6,
      message: 'expected "," or "]", found "3"',
    });
    expect(findJsonSyntaxError('{"a": 01}')).toMatchObject({ offset: 7 });
    expect(findJsonSyntaxError('"abc')).toEqual({ offset: 0, message: 'unterminated string' });
    expect(findJsonSyntaxError('[1] x')?.message).toMatch(/after the end of the JSON value/);
    expect(findJsonSyntaxError('{"a": -Infinity}')?.message).toMatch(/^-Infinity is not allowed/);
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});
