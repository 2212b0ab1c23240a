/** The hostile-input corpus against the command line (corpus.ts). */
import type { HostileClass } from './corpus';

/** Text a command-line user may feed `fit` (as a file, or on standard input). */
export interface CliCase {
  name: string;
  class: HostileClass;
  /** The file's bytes (or text, as UTF-8), and its name. */
  file: { name: string; content: string | Uint8Array | (() => Iterable<Uint8Array>) };
  /** Extra arguments after the file. */
  args?: string[];
  /** 2 and a single bounded line matching `message`, or 0 (a fit). */
  exit: 0 | 2;
  message?: RegExp;
}

const utf16 = (text: string, endian: 'le' | 'be'): Uint8Array => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [high, low] = [code >> 8, code & 0xff];
    bytes.set(endian === 'le' ? [low, high] : [high, low], 2 + 2 * i);
  }
  return bytes;
};

const TABLE = 'x,y\n0,0.3\n1,-0.2\n2,0.5\n3,0.1\n';

/** A CSV of about `megabytes` MB, made lazily in 64 kB chunks (counted by `read`). */
export function lazyCsv(megabytes: number, read: { bytes: number }): () => Iterable<Uint8Array> {
  return function* chunks() {
    const encoder = new TextEncoder();
    let line = 0;
    const total = megabytes * 1_000_000;
    let produced = 0;
    while (produced < total) {
      let text = '';
      while (text.length < 65_536) {
        text += `${(line * 0.001).toFixed(6)},${Math.sin(line).toFixed(12)}\n`;
        line += 1;
      }
      const bytes = encoder.encode(text);
      produced += bytes.length;
      read.bytes += bytes.length;
      yield bytes;
    }
  };
}

export const CLI_CASES: CliCase[] = [
  {
    name: 'JSON nested 100,000 deep',
    class: 'untyped-failure',
    file: { name: 'deep.json', content: `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
    exit: 2,
    message: /nested deeper than 32 levels/,
  },
  {
    name: 'JSON nested 5,000 deep, and broken',
    class: 'untyped-failure',
    file: { name: 'deep.json', content: `{"x":${'['.repeat(5000)}` },
    exit: 2,
    message: /nested deeper than 32 levels/,
  },
  {
    name: 'a 2 MB string value',
    class: 'unbounded-echo',
    file: { name: 'long.json', content: `{"x":[0,"${'a'.repeat(2_000_000)}",2],"y":[1,2,3]}` },
    exit: 2,
    message: /x\[1\] is not a number: "a{80}…" \(2,000,000 characters\)$/,
  },
  {
    name: 'a table field of terminal escapes',
    class: 'injection',
    file: { name: 'ansi.csv', content: '0,1\n1,\u001b[2J\u001b[31mred\n' },
    exit: 2,
    message: /line 2: "\\u001b\[2J\\u001b\[31mred" is not a number/,
  },
  {
    name: 'markup in a table field',
    class: 'injection',
    file: { name: 'markup.csv', content: '0,1\n1,<script>alert(1)</script>\n' },
    exit: 2,
    message: /line 2: "<script>alert\(1\)<\/script>" is not a number/,
  },
  {
    name: '{"__proto__": {…}} instead of x and y',
    class: 'injection',
    file: { name: 'proto.json', content: '{"__proto__": {"x": [0, 1, 2], "y": [1, 2, 3]}}' },
    exit: 2,
    message: /missing "x"/,
  },
  {
    name: 'a number beyond float64',
    class: 'untyped-failure',
    file: { name: 'huge.json', content: '{"x": [0, 1, 1e999], "y": [1, 2, 3]}' },
    exit: 2,
    message: /x\[2\] is Infinity/,
  },
  {
    name: 'a single line of 50 MB',
    class: 'unbounded-work',
    file: { name: 'line.csv', content: `1,${'9'.repeat(50_000_000)}` },
    exit: 2,
    message: /line 1 is longer than 4,096 characters/,
  },
  {
    name: 'JSON over 8 Mi characters',
    class: 'unbounded-work',
    file: { name: 'big.json', content: `{"x":[0,1],"y":[1,2],"pad":"${' '.repeat(9_000_000)}"}` },
    exit: 2,
    message: /more than 8,388,608 characters of JSON/,
  },
  {
    name: 'UTF-8 with a byte-order mark',
    class: 'encoding',
    file: { name: 'bom.csv', content: `\ufeff${TABLE}` },
    exit: 0,
  },
  {
    name: 'UTF-16 little-endian with a byte-order mark',
    class: 'encoding',
    file: { name: 'le.csv', content: utf16(TABLE, 'le') },
    exit: 0,
  },
  {
    name: 'UTF-16 big-endian with a byte-order mark',
    class: 'encoding',
    file: { name: 'be.csv', content: utf16(TABLE, 'be') },
    exit: 0,
  },
  {
    name: 'UTF-16 without a byte-order mark',
    class: 'encoding',
    file: { name: 'nobom.csv', content: utf16(TABLE, 'le').subarray(2) },
    exit: 2,
    message: /holds NUL bytes: it is UTF-16 without a byte-order mark/,
  },
  {
    name: 'UTF-32',
    class: 'encoding',
    file: { name: 'utf32.csv', content: Uint8Array.of(0xff, 0xfe, 0, 0, 0x30, 0, 0, 0) },
    exit: 2,
    message: /is UTF-32/,
  },
  {
    name: 'Latin-1',
    class: 'encoding',
    file: {
      name: 'latin1.csv',
      content: Uint8Array.from('temp\u00e9rature,y\n0,1\n1,2\n', (c) => c.charCodeAt(0)),
    },
    exit: 2,
    message: /is not valid UTF-8 text/,
  },
  {
    name: 'a binary file',
    class: 'encoding',
    file: {
      name: 'image.png',
      content: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13),
    },
    exit: 2,
    message: /holds NUL bytes/,
  },
  {
    name: 'a 100 kB kernel name',
    class: 'unbounded-echo',
    file: { name: 'ok.csv', content: TABLE },
    args: ['--kernel', 'k'.repeat(100_000)],
    exit: 2,
    message: /unknown kernel "k{80}…" \(100,000 characters\)/,
  },
  {
    name: 'the kernel __proto__',
    class: 'injection',
    file: { name: 'ok.csv', content: TABLE },
    args: ['--kernel', '__proto__'],
    exit: 2,
    message: /unknown kernel "__proto__"/,
  },
];
