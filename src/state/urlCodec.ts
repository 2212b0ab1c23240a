/**
 * The shareable state in a URL fragment, compact and versioned:
 *
 *     #v=1&k=rbf&a=l&o=bs&p=<base64url>
 *
 * `k` kernel (rbf | m52 | m32); `a` arrows for ℓ (l), σf (f) or σn (n); `o` flags: b band shown,
 * s landscape shown, v 2-D arrows, i influence panel shown, m pull map shown; `r` the selection
 * rule (ml | map | loo; absent: ml) and `c` a second rule to compare (absent: none); `p` the points, 4 bytes each: x / 0.001 as an unsigned 16-bit
 * integer and y / 0.001 as a signed one, big-endian. Points live on that grid (see domain.ts), so
 * decoding an encoded state gives it back exactly. `&present=1` (optional, also alone: `#present=1`)
 * opens the page in presentation mode. A lesson link adds `hide=`, `title=` and `caption=`
 * (lesson.ts). Only `v` is required: a link written by hand may leave out `k`, `a`, `o` or `p`,
 * which then take the explorer's defaults (RBF, arrows for ℓ, band and landscape shown, the noisy
 * sine).
 */
import { quoteText } from '../engine/input-error';
import {
  SELECTION_RULES,
  type HyperparameterName,
  type KernelName,
  type SelectionRule,
} from '../engine/types';
import { problemText } from '../i18n/messages';
import { notice, type ProblemNotice } from '../i18n/notice';
import { COORDINATE_STEP, X_DOMAIN, Y_DOMAIN, type Point } from './domain';
import { DEFAULT_KERNEL, DEFAULT_VIEW_OPTIONS } from './options';
import { DEFAULT_PRESET_ID, findPreset } from './presets';
import { decodePrior, encodePrior, isDefaultPrior } from './prior';
import {
  LESSON_CAPTION_MAX,
  LESSON_PARTS,
  LESSON_TITLE_MAX,
  isEmptyLesson,
  parseLessonParts,
  plainLessonText,
  type Lesson,
} from './lesson';
import type { ViewOptions } from './options';

export const URL_FORMAT_VERSION = 1;

/** Everything a link restores. */
export interface SharedState {
  points: readonly Point[];
  kernel: KernelName;
  options: ViewOptions;
  /** Presentation mode: true when the link asks for it (absent: unchanged, off for a new page). */
  presentation?: boolean;
  /** A lesson link's hidden parts, title and caption (absent: none). */
  lesson?: Lesson;
}

/** The fragment's flag for presentation mode. */
const PRESENT_PARAMETER = 'present';

/** Whether a fragment asks for presentation mode (`present=1`), with or without a state. */
export function fragmentAsksToPresent(fragment: string): boolean {
  return new URLSearchParams(fragment.replace(/^#/, '')).get(PRESENT_PARAMETER) === '1';
}

/**
 * A state, or the first problem: as a notice for the page (in the reader's language) and as its
 * English text (for logs and scripts).
 */
export type DecodeResult =
  { ok: true; state: SharedState } | { ok: false; notice: ProblemNotice; message: string };

function refuse(problem: ProblemNotice): DecodeResult {
  return { ok: false, notice: problem, message: problemText(problem) };
}

const KERNEL_CODES: Record<KernelName, string> = { rbf: 'rbf', matern52: 'm52', matern32: 'm32' };
const HYPERPARAMETER_CODES: Record<HyperparameterName, string> = {
  lengthscale: 'l',
  signalStd: 'f',
  noiseStd: 'n',
};
const BYTES_PER_POINT = 4;

/** The most characters of the point list `p` for `maxPoints` points (base64url, unpadded). */
function pointTextLimit(maxPoints: number): number {
  return Math.ceil((maxPoints * BYTES_PER_POINT * 4) / 3);
}

/**
 * The longest fragment a page holding `maxPoints` points reads: the point list plus room for the
 * other parameters. A longer one is refused before it is parsed, so a hostile link of megabytes
 * costs nothing.
 */
export function fragmentLimit(maxPoints: number): number {
  // A title or caption character takes at most 12 characters percent-encoded (a surrogate pair).
  return pointTextLimit(maxPoints) + 300 + 12 * (LESSON_TITLE_MAX + LESSON_CAPTION_MAX);
}

/** A value from the link as a message quotes it: at most 40 characters. */
const quoteParameter = (value: string | null) => quoteText(value ?? '', 40);

function invert<K extends string>(codes: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(codes).map(([name, code]) => [code as string, name as K]));
}
const KERNEL_BY_CODE = invert(KERNEL_CODES);
const HYPERPARAMETER_BY_CODE = invert(HYPERPARAMETER_CODES);

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  try {
    return Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

function encodePoints(points: readonly Point[]): string {
  const view = new DataView(new ArrayBuffer(points.length * BYTES_PER_POINT));
  points.forEach((point, i) => {
    view.setUint16(i * BYTES_PER_POINT, Math.round(point.x / COORDINATE_STEP));
    view.setInt16(i * BYTES_PER_POINT + 2, Math.round(point.y / COORDINATE_STEP));
  });
  return toBase64Url(new Uint8Array(view.buffer));
}

function decodePoints(text: string): Point[] | ProblemNotice {
  const bytes = fromBase64Url(text);
  if (!bytes) return notice('linkNotBase64');
  if (bytes.length % BYTES_PER_POINT !== 0) return notice('linkTruncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const points: Point[] = [];
  for (let offset = 0; offset < bytes.length; offset += BYTES_PER_POINT) {
    const x = Number((view.getUint16(offset) * COORDINATE_STEP).toFixed(3));
    const y = Number((view.getInt16(offset + 2) * COORDINATE_STEP).toFixed(3));
    if (x < X_DOMAIN[0] || x > X_DOMAIN[1] || y < Y_DOMAIN[0] || y > Y_DOMAIN[1]) {
      return notice('linkOutside', { index: points.length + 1 });
    }
    points.push({ x, y });
  }
  return points;
}

/** A rule named in the link: `absent` when it names none, undefined when it names an unknown one. */
function readRule<T extends SelectionRule | null>(
  code: string | null,
  absent: T,
): SelectionRule | T | undefined {
  if (code === null) return absent;
  return SELECTION_RULES.find((rule) => rule === code);
}

/** The view's switches as the letters of the `o` parameter. */
function optionFlags(options: ViewOptions): string {
  return (
    (options.showBand ? 'b' : '') +
    (options.showLandscape ? 's' : '') +
    (options.arrowMode === 'vector' ? 'v' : '') +
    (options.showInfluence ? 'i' : '') +
    (options.showPullMap ? 'm' : '')
  );
}

const DEFAULT_FLAGS = optionFlags(DEFAULT_VIEW_OPTIONS);

/** The URL fragment (without '#') for a state. */
export function encodeSharedState(state: SharedState): string {
  const { options } = state;
  const flags = optionFlags(options);
  const params = new URLSearchParams({
    v: String(URL_FORMAT_VERSION),
    k: KERNEL_CODES[state.kernel],
    a: HYPERPARAMETER_CODES[options.hyperparameter],
    o: flags,
    p: encodePoints(state.points),
  });
  if (options.rule !== 'ml') params.set('r', options.rule);
  if (options.compareRule !== null) params.set('c', options.compareRule);
  if (!isDefaultPrior(options.prior)) params.set('pr', encodePrior(options.prior));
  if (state.presentation) params.set(PRESENT_PARAMETER, '1');
  const lesson = state.lesson;
  if (lesson && !isEmptyLesson(lesson)) {
    const hide = LESSON_PARTS.filter((part) => lesson.hide.includes(part));
    if (hide.length > 0) params.set('hide', hide.join(','));
    const title = plainLessonText(lesson.title, LESSON_TITLE_MAX);
    const caption = plainLessonText(lesson.caption, LESSON_CAPTION_MAX);
    if (title) params.set('title', title);
    if (caption) params.set('caption', caption);
  }
  // `,` and `:` are safe in a fragment; keeping them makes `hide=` and `pr=` readable.
  return params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
}

/**
 * Reads a fragment written by `encodeSharedState` (a leading '#' is allowed). Returns a message
 * naming the first problem instead of throwing, so a damaged link never breaks the page.
 */
export function decodeSharedState(fragment: string, maxPoints: number): DecodeResult {
  const limit = fragmentLimit(maxPoints);
  if (fragment.length > limit)
    return refuse(notice('linkTooLong', { length: fragment.length, limit }));
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const version = params.get('v');
  if (version === null) return refuse(notice('linkNoState'));
  if (version !== String(URL_FORMAT_VERSION)) {
    return refuse(
      notice('linkVersion', {
        version: /^\d{1,6}$/.test(version) ? version : quoteParameter(version),
        supported: URL_FORMAT_VERSION,
      }),
    );
  }
  // A parameter left out (a link written by hand, say `#v=1&r=loo`) takes the page's default;
  // one present but unreadable is refused.
  const kernel = params.has('k') ? KERNEL_BY_CODE.get(params.get('k')!) : DEFAULT_KERNEL;
  if (!kernel) return refuse(notice('linkKernel', { value: quoteParameter(params.get('k')) }));
  const hyperparameter = params.has('a')
    ? HYPERPARAMETER_BY_CODE.get(params.get('a')!)
    : DEFAULT_VIEW_OPTIONS.hyperparameter;
  if (!hyperparameter)
    return refuse(notice('linkHyperparameter', { value: quoteParameter(params.get('a')) }));
  const flags = params.get('o') ?? DEFAULT_FLAGS;
  const rule = readRule(params.get('r'), 'ml');
  const compareRule = readRule(params.get('c'), null);
  if (rule === undefined || compareRule === undefined) {
    const text = rule === undefined ? params.get('r') : params.get('c');
    return refuse(notice('linkRule', { value: quoteParameter(text) }));
  }
  const priorText = params.get('pr');
  const prior = priorText === null ? DEFAULT_VIEW_OPTIONS.prior : decodePrior(priorText);
  if (prior === null) return refuse(notice('linkPrior', { value: quoteParameter(priorText) }));
  if (!/^[bsvim]*$/.test(flags))
    return refuse(notice('linkOptions', { value: quoteParameter(flags) }));
  const pointText = params.get('p') ?? '';
  // The count follows from the length alone: a list too long is refused before it is decoded.
  const impliedCount = Math.floor(Math.floor((pointText.length * 3) / 4) / BYTES_PER_POINT);
  if (impliedCount > maxPoints)
    return refuse(notice('linkTooManyPoints', { count: impliedCount, max: maxPoints }));
  const points = params.has('p')
    ? decodePoints(pointText)
    : [...findPreset(DEFAULT_PRESET_ID).points];
  if (!Array.isArray(points)) return refuse(notice('linkDamaged', { problem: points }));
  if (points.length === 0) return refuse(notice('linkNoPoints'));
  if (points.length > maxPoints)
    return refuse(notice('linkTooManyPoints', { count: points.length, max: maxPoints }));
  const hide = parseLessonParts(params.get('hide') ?? '');
  if (!Array.isArray(hide))
    return refuse(notice('linkHide', { value: quoteParameter(hide.unknown) }));
  const lesson: Lesson = {
    hide,
    title: plainLessonText(params.get('title') ?? '', LESSON_TITLE_MAX),
    caption: plainLessonText(params.get('caption') ?? '', LESSON_CAPTION_MAX),
  };
  return {
    ok: true,
    state: {
      points,
      kernel,
      options: {
        hyperparameter,
        arrowMode: flags.includes('v') ? 'vector' : 'vertical',
        showBand: flags.includes('b'),
        showLandscape: flags.includes('s'),
        rule,
        // A rule is never compared with itself (viewActions.ts).
        compareRule: compareRule === rule ? null : compareRule,
        prior,
        showInfluence: flags.includes('i'),
        showPullMap: flags.includes('m'),
      },
      ...(params.get(PRESENT_PARAMETER) === '1' ? { presentation: true } : {}),
      ...(isEmptyLesson(lesson) ? {} : { lesson }),
    },
  };
}
