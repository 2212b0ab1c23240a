/**
 * A lesson link's additions to a shared state: parts of the page to hide and a title and caption
 * shown at the top, so a lecturer can prepare a sequence of links that each show one idea.
 *
 *     #v=1&…&hide=landscape,math&title=Una+recta&caption=…
 *
 * `hide` lists LESSON_PARTS by name; the title and caption are plain text (never markup), cut to
 * LESSON_TITLE_MAX and LESSON_CAPTION_MAX characters.
 */

/** What a lesson link can hide, in the order the page shows them. */
export const LESSON_PARTS = [
  'controls',
  'readout',
  'curve',
  'landscape',
  'rules',
  'prediction',
  'check',
  'legend',
  'math',
  'about',
] as const;
export type LessonPart = (typeof LESSON_PARTS)[number];

export const LESSON_TITLE_MAX = 120;
export const LESSON_CAPTION_MAX = 400;

export interface Lesson {
  hide: readonly LessonPart[];
  title: string;
  caption: string;
}

export const NO_LESSON: Lesson = { hide: [], title: '', caption: '' };

/** Whether a lesson hides nothing and says nothing. */
export function isEmptyLesson(lesson: Lesson): boolean {
  return lesson.hide.length === 0 && lesson.title === '' && lesson.caption === '';
}

/** C0 and C1 controls and the line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * `text` as a title or caption: control characters turned into spaces, runs of white space made
 * one, trimmed, and cut to `limit` characters (an ellipsis marks a cut; surrogate pairs kept).
 */
export function plainLessonText(text: string, limit: number): string {
  const plain = text.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  const characters = [...plain];
  return characters.length <= limit ? plain : `${characters.slice(0, limit - 1).join('')}…`;
}

/** The names of `hide=` in LESSON_PARTS order, or the first unknown name. */
export function parseLessonParts(text: string): LessonPart[] | { unknown: string } {
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const unknown = names.find((name) => !(LESSON_PARTS as readonly string[]).includes(name));
  if (unknown !== undefined) return { unknown };
  return LESSON_PARTS.filter((part) => names.includes(part));
}
