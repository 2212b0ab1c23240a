/**
 * Every note the status line can give about where the page computes (src/worker/shared/
 * computeNote.ts) is said in English and in Spanish from the catalogues, with its numbers in the
 * language's format and the browser's own words (`detail`) kept as they were given.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/language';
import { translator } from '../../src/i18n/messages';
import { computeNoteMessage, workerFailureMessage } from '../../src/ui/computeNoteText';
import {
  COMPUTE_NOTE_CODES,
  WORKER_FAILURE_CODES,
  type ComputeNote,
  type WorkerFailure,
} from '../../src/worker/shared/computeNote';

/** The browser's words, which no catalogue translates. */
const DETAIL = 'Error: WebGL2RenderingContext unavailable (EGL_BAD_ALLOC)';

/** One failure of every kind. */
const FAILURES: readonly WorkerFailure[] = [
  { code: 'error', detail: DETAIL },
  { code: 'unnamed-error' },
  { code: 'undecodable-message' },
  { code: 'silent', seconds: 1.5 },
  { code: 'no-start', seconds: 20 },
  { code: 'no-web-workers' },
];

/** One note of every kind; those that carry a failure, with every failure. */
const NOTES: readonly ComputeNote[] = [
  { code: 'webgl-not-requested' },
  { code: 'webgl-unavailable' },
  { code: 'webgl-failed', detail: DETAIL },
  { code: 'webgl-refused' },
  { code: 'webgl-test-failed' },
  { code: 'webgl-context-lost' },
  { code: 'cannot-compute', detail: DETAIL },
  ...FAILURES.flatMap((cause): ComputeNote[] => [
    { code: 'worker-restarted', cause },
    { code: 'worker-gave-up', failures: 4, cause },
    { code: 'worker-gave-up', failures: 1, cause },
    { code: 'no-worker', cause },
  ]),
];

/** The numbers the notes above name, as each language writes them. */
const NUMBERS: Readonly<Record<string, { en: string; es: string }>> = {
  silent: { en: '1.5 s', es: '1,5 s' },
  'no-start': { en: '20 s', es: '20 s' },
};

const carriedDetail = (note: ComputeNote): boolean =>
  'detail' in note || ('cause' in note && note.cause.code === 'error');

describe('the compute notes', () => {
  it('cover every code there is', () => {
    expect([...new Set(NOTES.map((note) => note.code))].sort()).toEqual(
      [...COMPUTE_NOTE_CODES].sort(),
    );
    expect(FAILURES.map((failure) => failure.code).sort()).toEqual(
      [...WORKER_FAILURE_CODES].sort(),
    );
  });

  it('keep the English words the status line has always shown', () => {
    const en = translator('en');
    const said = (note: ComputeNote) => computeNoteMessage(note, en);
    expect(said({ code: 'webgl-unavailable' })).toBe(
      'WebGL is unavailable in this worker (no OffscreenCanvas)',
    );
    expect(said({ code: 'webgl-failed', detail: DETAIL })).toBe(`WebGL did not start (${DETAIL})`);
    expect(said({ code: 'worker-restarted', cause: { code: 'silent', seconds: 2.31 } })).toBe(
      'the compute worker restarted after: no answer for 2.3 s',
    );
    expect(said({ code: 'worker-gave-up', failures: 4, cause: { code: 'unnamed-error' } })).toBe(
      'the compute worker failed 4 times (an error in the worker)',
    );
    expect(said({ code: 'no-worker', cause: { code: 'no-web-workers' } })).toBe(
      'computing on the main thread: this browser has no Web Workers',
    );
  });

  for (const language of LANGUAGES) {
    it(`each has its own text in ${language}, numbers in its format, the detail verbatim`, () => {
      const tr = translator(language);
      for (const note of NOTES) {
        const text = computeNoteMessage(note, tr);
        const label = `${JSON.stringify(note)} in ${language}: ${text}`;
        expect(text.length, label).toBeGreaterThan(10);
        expect(text, label).not.toMatch(/[{}]/);
        if (carriedDetail(note)) expect(text, label).toContain(DETAIL);
        else expect(text, label).not.toContain(DETAIL);
        if ('cause' in note) {
          expect(text, label).toContain(workerFailureMessage(note.cause, tr));
          const written = NUMBERS[note.cause.code];
          if (written) expect(text, label).toContain(written[language]);
        }
        if (note.code === 'worker-gave-up' && note.failures > 1) expect(text, label).toContain('4');
        if (language === 'es') {
          expect(text, label).not.toBe(computeNoteMessage(note, translator('en')));
          // No English sentence left in the Spanish text, apart from the browser's own words.
          expect(text.replace(DETAIL, ''), label).not.toMatch(
            /\b(the|and|with|is|in|after|failed|no answer|did not)\b/,
          );
        }
      }
    });
  }

  it('say a failure in Spanish with a decimal comma', () => {
    const es = translator('es');
    expect(
      computeNoteMessage(
        { code: 'worker-restarted', cause: { code: 'silent', seconds: 2.31 } },
        es,
      ),
    ).toBe('el hilo de cálculo se reinició tras: sin respuesta durante 2,3 s');
    expect(computeNoteMessage({ code: 'webgl-failed', detail: DETAIL }, es)).toBe(
      `WebGL no arrancó (${DETAIL})`,
    );
  });
});
