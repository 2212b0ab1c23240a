/**
 * The catalogues load on demand: a translator exists only once its language's catalogue has
 * arrived (so no text is ever shown in another language meanwhile), while the problems with what
 * the page was given are said at once, in either language.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { notice } from '../../src/i18n/notice';

/** A fresh copy of messages.ts, with nothing loaded (the test setup loaded the shared one). */
async function freshMessages() {
  vi.resetModules();
  return import('../../src/i18n/messages');
}

describe('the message catalogues', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('give a translator only once its language has loaded', async () => {
    const messages = await freshMessages();
    for (const language of ['en', 'es'] as const) {
      expect(messages.isLanguageLoaded(language)).toBe(false);
      expect(() => messages.translator(language)).toThrow(/not loaded yet/);
    }
    const spanish = await messages.loadLanguage('es');
    expect(spanish.t('readoutTitle')).toBe('Hiperparámetros ajustados');
    expect(messages.translator('es')).toBe(spanish);
    expect(await messages.loadLanguage('es')).toBe(spanish);
    // Loading one language loads only that one.
    expect(messages.isLanguageLoaded('en')).toBe(false);
    expect(() => messages.translator('en')).toThrow(/English messages are not loaded/);
    expect((await messages.loadLanguage('en')).t('readoutTitle')).toBe('Fitted hyperparameters');
  });

  it("say the problems with a page's input at once, in either language", async () => {
    const messages = await freshMessages();
    const problem = notice('optionUsingDefault', {
      problem: notice('optionHeightRange', { value: '"9000"', min: 120, max: 1200 }),
    });
    expect(messages.problemText(problem)).toBe(
      'height "9000" is not a number of pixels from 120 to 1,200, or auto; using the default.',
    );
    expect(messages.problemText(notice('linkNoPoints'), 'es')).toBe(
      'El enlace no contiene ningún punto.',
    );
    expect(messages.problemText(notice('pointsTooMany', { count: 1200, max: 200 }), 'es')).toBe(
      'se han dado 1200 puntos; un widget incrustado admite como mucho 200',
    );
    expect(messages.isLanguageLoaded('en')).toBe(false);
    expect(messages.isLanguageLoaded('es')).toBe(false);
  });
});
