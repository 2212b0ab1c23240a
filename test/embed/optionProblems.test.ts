/**
 * The widget's option problems in English and Spanish: every problem is a notice whose English
 * text is the `problems` sentence, and whose Spanish text carries none of the English catalogue's
 * words (only option names and values, which stay as written in code).
 */
import { describe, expect, it } from 'vitest';
import { readAppUrl, resolveEmbedOptions, type EmbedOptions } from '../../src/embed/options';
import { checkPoints, parsePointsText } from '../../src/embed/pointsText';
import { describeNotice, quoteNotice } from '../../src/embed/problemValues';
import { translator } from '../../src/i18n/messages';
import { optionsEn } from '../../src/i18n/options.en';
import { PRESET_TEXT_ES } from '../../src/i18n/presets.es';
import { PRESET_TEXT_EN } from '../../src/i18n/presets.en';
import { DEFAULT_PRESET_ID } from '../../src/state';

const en = translator('en');
const es = translator('es');

/** Bad options, one of each kind of problem. */
const BAD: [string, unknown][] = [
  ['kernel', { kernel: 'gauss' }],
  ['kernel not text', { kernel: 7 }],
  ['band', { band: 'maybe' }],
  ['band not text', { band: {} }],
  ['panels', { panels: 'controls,legend' }],
  ['panels not a list', { panels: new Array(9).fill('readout') }],
  ['panels not names', { panels: [1] }],
  ['height', { height: '90' }],
  ['height not a number', { height: true }],
  ['theme too long', { theme: 'x'.repeat(65) }],
  ['too few points', { points: '1,1' }],
  ['one point', { points: [{ x: 1, y: 1 }] }],
  ['too many points', { points: Array.from({ length: 101 }, (_, i) => ({ x: i / 10, y: 0 })) }],
  ['point outside', { points: '1,1;2,2;30,3' }],
  ['point not finite', { points: [{ x: 1, y: 1 }, { x: 2 }, { x: 3, y: 0 }] }],
  ['pair shape', { points: '1,1;2;3,3' }],
  ['pair not a number', { points: '1,1;2,abc;3,3' }],
  ['no points', { points: ' ; ' }],
  ['points of the wrong kind', { points: new Float64Array(6) }],
  ['points too long', { points: '1,1;'.repeat(3000) }],
  ['not an object', 42],
];

/** The English catalogue's fixed words: each message with its placeholders taken out. */
const ENGLISH_FRAGMENTS = Object.values(optionsEn)
  .flatMap((message) => message.split(/\{\w+\}/))
  .map((fragment) => fragment.trim())
  .filter((fragment) => /[a-z]{3}/.test(fragment) && !/^[\w-]+:?$/.test(fragment));

describe('option problems in two languages', () => {
  it.each(BAD)('%s: the English sentence is the notice said in English', (_, options) => {
    const { problems, notices } = resolveEmbedOptions(options as EmbedOptions);
    expect(notices).toHaveLength(1);
    expect(problems).toEqual(notices.map((problem) => en.notice(problem)));
  });

  it.each(BAD)('%s: said in Spanish, with no English words', (_, options) => {
    const { notices } = resolveEmbedOptions(options as EmbedOptions);
    const spanish = es.notice(notices[0]!);
    expect(spanish).not.toBe(en.notice(notices[0]!));
    expect(spanish).not.toMatch(/\{\w+\}/);
    for (const fragment of ENGLISH_FRAGMENTS) expect(spanish).not.toContain(fragment);
  });

  it('says the same things in both languages', () => {
    const problem = (options: EmbedOptions, tr = es) =>
      tr.notice(resolveEmbedOptions(options).notices[0]!);
    expect(problem({ kernel: 'gauss' })).toBe(
      'kernel "gauss" no es ninguno de estos valores: rbf, matern52, matern32; se usa el valor por defecto.',
    );
    expect(problem({ height: '90' })).toBe(
      'height "90" no es un número de píxeles entre 160 y 1200, ni auto; se usa el valor por defecto.',
    );
    expect(problem({ points: '1,1' })).toBe(
      'points: se ha dado 1 punto; hacen falta al menos 3 para ajustar tres hiperparámetros; se muestra en su lugar el seno con ruido.',
    );
    expect(problem({ points: '1,1;2,2;3,3.5' })).toMatch(
      /^points: el punto 3 \(y = 3\.5\) queda fuera del gráfico: x debe estar en \[0, 10\] e y en \[-3, 3\];/,
    );
    // The coordinate is the author's own, every digit: a rounded one would read as inside.
    expect(problem({ points: '1,1;2,2;3,3.0000001' }, en)).toContain('(y = 3.0000001)');
  });

  it('names the default dataset by its name in each language', () => {
    expect(optionsEn.optionShowingPreset).toContain(
      PRESET_TEXT_EN[DEFAULT_PRESET_ID].label.toLowerCase(),
    );
    expect(es.t('optionShowingPreset')).toContain(
      PRESET_TEXT_ES[DEFAULT_PRESET_ID].label.toLowerCase(),
    );
  });

  it('cuts a long quoted value at 40 characters and gives its length in the language', () => {
    const long = 'a'.repeat(50_000);
    const quoted = quoteNotice(long);
    expect(en.notice({ key: 'optionNotText', values: { name: 'x', value: quoted } })).toBe(
      `x must be text, not "${'a'.repeat(40)}…" (50,000 characters)`,
    );
    expect(es.notice({ key: 'optionNotText', values: { name: 'x', value: quoted } })).toBe(
      `x debe ser un texto, no "${'a'.repeat(40)}…" (50.000 caracteres)`,
    );
    expect(quoteNotice('short')).toBe('"short"');
  });

  it('describes values of the wrong kind in each language', () => {
    const say = (value: unknown, tr = es) =>
      tr.notice({ key: 'optionNotText', values: { name: 'v', value: describeNotice(value) } });
    expect(say([1])).toBe('v debe ser un texto, no una lista de 1 elemento');
    expect(say(new Float64Array(7), en)).toBe('v must be text, not a Float64Array of 7 items');
    expect(say(() => 0)).toBe('v debe ser un texto, no una función');
    expect(say(null)).toBe('v debe ser un texto, no null');
    expect(say(10n ** 90n)).toBe('v debe ser un texto, no un bigint de 91 cifras');
  });

  it('keeps the English message of a points parse and adds its notice', () => {
    const parsed = parsePointsText('1,1;2,2');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toBe(en.notice(parsed.problem));
    expect(es.notice(parsed.problem)).toBe(
      'se han dado 2 puntos; hacen falta al menos 3 para ajustar tres hiperparámetros',
    );
    const javascript = checkPoints([]);
    expect(javascript.ok).toBe(false);
  });

  it('says a refused app-url in each language', () => {
    const refused = readAppUrl('javascript:alert(1)', 'https://blog.example/');
    expect(refused.url).toBeNull();
    expect(refused.problem).toBe(en.notice(refused.notice!));
    expect(es.notice(refused.notice!)).toBe(
      'app-url "javascript:alert(1)" no es una dirección http ni https; no se muestra el enlace «Abrir en el explorador».',
    );
  });
});
