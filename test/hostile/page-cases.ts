/** The hostile-input corpus against the explorer's URL and the widget's options (corpus.ts). */
import { sparse, type HostileClass } from './corpus';

/** A fragment for the explorer's URL and the answer it must get. */
export interface UrlCase {
  name: string;
  class: HostileClass;
  fragment: string;
  /** The message of the refusal, or null: the fragment is read. */
  message: RegExp | null;
}

export const URL_CASES: UrlCase[] = [
  {
    name: 'a 4 MB fragment',
    class: 'unbounded-work',
    fragment: `#v=1&k=rbf&a=l&o=b&p=${'A'.repeat(4 * 1024 * 1024)}`,
    // fragmentLimit(300): the points' 1,600 characters, 300 for the options, 12 per title and caption character.
    message: /^The link is 4,194,325 characters long; a link to this page holds at most 8,140\.$/,
  },
  {
    name: 'a fragment just over the limit, whose tail would fail otherwise',
    class: 'unbounded-work',
    fragment: `#v=1&k=rbf&a=l&o=b&p=AAAA${'&'.repeat(8140)}k=evil`,
    message: /characters long/,
  },
  {
    name: 'a 1 kB kernel name',
    class: 'unbounded-echo',
    fragment: `#v=1&k=${'k'.repeat(1000)}&a=l&o=b&p=AAAA`,
    message: /^The link names an unknown kernel "k{40}…" \(1,000 characters\)\.$/,
  },
  {
    name: 'markup as the kernel',
    class: 'injection',
    fragment: `#v=1&k=${encodeURIComponent('<img src=x onerror=alert(1)>')}&a=l&o=b&p=AAAA`,
    message: /unknown kernel "<img src=x onerror=alert\(1\)>"/,
  },
  {
    name: 'the kernel __proto__',
    class: 'injection',
    fragment: '#v=1&k=__proto__&a=l&o=b&p=AAAA',
    message: /unknown kernel "__proto__"/,
  },
  {
    name: 'a version of text with a bidirectional override',
    class: 'injection',
    fragment: `#v=${encodeURIComponent('1\u202e2')}&k=rbf&a=l&o=b&p=AAAA`,
    message: /format version "1\\u202e2"/,
  },
  {
    name: 'options of junk',
    class: 'unbounded-echo',
    fragment: `#v=1&k=rbf&a=l&o=${'x'.repeat(500)}&p=AAAA`,
    message: /unknown options "x{40}…" \(500 characters\)/,
  },
  {
    name: 'more points than the page holds',
    class: 'unbounded-work',
    // 1608 characters of base64url are 1206 bytes: 301 points, counted without decoding.
    fragment: `#v=1&k=rbf&a=l&o=b&p=${'A'.repeat(1608)}`,
    message: /^The link holds 301 points; at most 300 are allowed\.$/,
  },
  {
    name: 'a point list that is not base64url',
    class: 'untyped-failure',
    fragment: '#v=1&k=rbf&a=l&o=b&p=AA$A',
    message: /not valid base64url/,
  },
  {
    name: 'malformed percent escapes',
    class: 'untyped-failure',
    fragment: '#v=1&k=%E0%A4%A&a=l&o=b&p=AAAA',
    message: /unknown kernel/,
  },
];

/** Widget options as text (URL parameters, attributes) or JavaScript values, and their fate. */
export interface EmbedOptionCase {
  name: string;
  class: HostileClass;
  options: Record<string, unknown>;
  /** Every problem must match one of these, in order; [] when none. */
  problems: RegExp[];
}

export const EMBED_OPTION_CASES: EmbedOptionCase[] = [
  {
    name: '1 MB of junk as the points',
    class: 'unbounded-echo',
    options: { points: 'junk '.repeat(200_000) },
    problems: [
      /^points is 1,000,000 characters long; at most 8,000 are read; showing the noisy sine instead\.$/,
    ],
  },
  {
    name: 'a hundred and one points',
    class: 'unbounded-work',
    options: {
      points: Array.from({ length: 101 }, (_, i) => `${(i / 11).toFixed(2)},0.5`).join(';'),
    },
    problems: [/101 points given; an embedded widget holds at most 100/],
  },
  {
    name: 'a coordinate of 5,001 characters',
    class: 'unbounded-echo',
    options: { points: `1,2;3,4;5,${'9'.repeat(5000)}x` },
    problems: [/pair 3 has "9{40}…" \(5,001 characters\), which is not a finite number/],
  },
  {
    name: 'Infinity and hexadecimal coordinates',
    class: 'silent-wrong-answer',
    options: { points: '1,2;3,Infinity;0x5,1' },
    problems: [/pair 2 has "Infinity", which is not a finite number/],
  },
  {
    name: 'a 100 kB kernel',
    class: 'unbounded-echo',
    options: { kernel: 'k'.repeat(100_000) },
    problems: [/^kernel is 100,000 characters long; at most 64 are read; using the default\.$/],
  },
  {
    name: 'markup as the kernel',
    class: 'injection',
    options: { kernel: '<img src=x onerror=alert(1)>' },
    problems: [
      /^kernel "<img src=x onerror=alert\(1\)>" is not one of rbf, matern52, matern32; using the default\.$/,
    ],
  },
  {
    name: 'the kernel __proto__ and the hyperparameter constructor',
    class: 'injection',
    options: { kernel: '__proto__', hyperparameter: 'constructor' },
    problems: [/kernel "__proto__" is not one of/, /hyperparameter "constructor" is not one of/],
  },
  {
    name: 'heights of every kind',
    class: 'silent-wrong-answer',
    options: { height: '1e9' },
    problems: [/height "1e9" is not a number of pixels from 160 to 1200/],
  },
  {
    name: 'a style as the theme',
    class: 'injection',
    options: { theme: 'dark; background: red' },
    problems: [/theme "dark; background: red" is not one of auto, light, dark/],
  },
  {
    name: 'panels with an unknown one',
    class: 'silent-wrong-answer',
    options: { panels: 'controls,evil' },
    problems: [/panel "evil" is not one of controls, readout, status/],
  },
  {
    name: 'JavaScript values of the wrong types',
    class: 'untyped-failure',
    options: { points: 42, kernel: 7, band: {}, panels: { length: 1e9 }, height: [], theme: null },
    problems: [
      /points: points must be an array of \{x, y\} or text, not 42/,
      /kernel must be text, not 7/,
      /band must be true or false, not an object/,
      /panels must be a list of controls, readout, status, not an object/,
      /height must be a number of pixels from 160 to 1200, or auto, not an array of 0 items/,
      /theme must be text, not null/,
    ],
  },
  {
    name: 'a sparse array of 2³²−1 points from JavaScript',
    class: 'unbounded-work',
    options: { points: sparse(2 ** 32 - 1) },
    problems: [/4,294,967,295 points given; an embedded widget holds at most 100/],
  },
  {
    name: 'panels as an array of a million names',
    class: 'unbounded-work',
    options: { panels: sparse(1_000_000) },
    problems: [
      /panels must be a list of controls, readout, status, not an array of 1,000,000 items/,
    ],
  },
];

/** `app-url` values and whether a link to them may be drawn. */
export const APP_URL_CASES: { value: string; linked: boolean }[] = [
  { value: 'https://example.org/gp/index.html', linked: true },
  { value: '../index.html', linked: true },
  { value: 'javascript:alert(1)', linked: false },
  { value: 'JaVaScRiPt:alert(1)', linked: false },
  { value: 'data:text/html,<script>alert(1)</script>', linked: false },
  { value: 'vbscript:msgbox(1)', linked: false },
  { value: `https://example.org/${'a'.repeat(3000)}`, linked: false },
];
