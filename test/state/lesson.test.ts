/**
 * Lesson links: the hidden parts, title and caption survive the URL codec exactly, arrive as
 * plain text of bounded length whatever the link holds, and an unknown part is named.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/messages';
import {
  LESSON_CAPTION_MAX,
  LESSON_PARTS,
  LESSON_TITLE_MAX,
  plainLessonText,
  type Lesson,
} from '../../src/state/lesson';
import { DEFAULT_VIEW_OPTIONS } from '../../src/state/options';
import { findPreset } from '../../src/state/presets';
import { decodeSharedState, encodeSharedState, fragmentLimit } from '../../src/state/urlCodec';

const base = {
  points: findPreset('sine').points,
  kernel: 'rbf' as const,
  options: DEFAULT_VIEW_OPTIONS,
};

/** Plain text as the codec keeps it: no control characters, single spaces, trimmed. */
const plainText = (max: number) =>
  fc
    .string({ unit: 'grapheme', maxLength: max })
    .map((text) => plainLessonText(text, max))
    .filter((text) => [...text].length <= max && !text.endsWith('…'));

describe('lesson links', () => {
  it('round-trip any hidden parts, title and caption exactly', () => {
    fc.assert(
      fc.property(
        fc.subarray([...LESSON_PARTS]),
        plainText(LESSON_TITLE_MAX),
        plainText(LESSON_CAPTION_MAX),
        (hide, title, caption) => {
          const lesson: Lesson = { hide, title, caption };
          const fragment = encodeSharedState({ ...base, lesson });
          expect(fragment.length).toBeLessThanOrEqual(fragmentLimit(300));
          const decoded = decodeSharedState(fragment, 300);
          expect(decoded.ok).toBe(true);
          if (!decoded.ok) return;
          const empty = hide.length === 0 && title === '' && caption === '';
          expect(decoded.state.lesson).toEqual(empty ? undefined : lesson);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes hide= readably, in the page’s order', () => {
    const fragment = encodeSharedState({
      ...base,
      lesson: { hide: ['math', 'landscape', 'controls'], title: 'Una recta', caption: '' },
    });
    expect(fragment).toContain('hide=controls,landscape,math');
    expect(fragment).toContain('title=Una+recta');
    expect(fragment).not.toContain('caption=');
    // Order and case in a hand-written link do not matter.
    const handWritten = fragment.replace('hide=controls,landscape,math', 'hide=MATH,controls');
    const decoded = decodeSharedState(handWritten, 300);
    expect(decoded.ok && decoded.state.lesson?.hide).toEqual(['controls', 'math']);
  });

  it('keeps markup as text and cuts long or controlled text', () => {
    const markup = '<img src=x onerror=alert(1)> <b>bold</b>';
    const long = 'ñ'.repeat(1000);
    const fragment =
      encodeSharedState(base) +
      `&title=${encodeURIComponent(`${markup}\u0000\n\t`)}&caption=${encodeURIComponent(long)}`;
    const decoded = decodeSharedState(fragment, 300);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.state.lesson?.title).toBe(markup);
    const caption = decoded.state.lesson!.caption;
    expect([...caption]).toHaveLength(LESSON_CAPTION_MAX);
    expect(caption.endsWith('…')).toBe(true);
  });

  it('names an unknown part, in the reader’s language', () => {
    const decoded = decodeSharedState(`${encodeSharedState(base)}&hide=math,plot`, 300);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.message).toBe('The link asks to hide unknown parts "plot".');
    expect(translator('es').notice(decoded.notice)).toBe(
      'El enlace pide ocultar partes desconocidas, "plot".',
    );
  });
});
