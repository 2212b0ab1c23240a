/**
 * Every reason the engine's diagnostics can give, driven out of `diagnose` itself, is said in
 * English and in Spanish from the catalogues, with its numbers in the language's format; the
 * English sentences of the library and the command line are the engine's own, unchanged.
 */
import { describe, expect, it } from 'vitest';
import { diagnose, type DiagnosticsInput } from '../../src/engine/diagnostics';
import { REASON_CODES, reasonText, type Reason, type ReasonCode } from '../../src/engine/reasons';
import { SELECTION_RULES, type BoundaryFlag, type Matrix3 } from '../../src/engine/types';
import { translator } from '../../src/i18n/messages';
import { LANGUAGES } from '../../src/i18n/language';
import { nearTieMessage } from '../../src/ui/fitMessages';
import { noTheoremMessage, reasonMessage } from '../../src/ui/reasonText';

const diagonal = (a: number, b: number, c: number): Matrix3 => [
  [a, 0, 0],
  [0, b, 0],
  [0, 0, c],
];

/** A strict interior maximum with no reason to doubt it: every case below changes one thing. */
function input(changes: Partial<DiagnosticsInput> = {}): DiagnosticsInput {
  return {
    hessian: diagonal(-10, -5, -2),
    kind: {
      held: [],
      freeAxes: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      strict: true,
      onNoiseFloor: false,
    },
    boundary: [],
    converged: true,
    lml: 0,
    runnerUp: null,
    noiseToSignal: 2.5e-9,
    roundoff: { covarianceCondition: 10, hessianDifference: null, mixedPartialError: 0 },
    ...changes,
  };
}

const BOUNDARY_FLAGS: readonly BoundaryFlag[] = [
  'lengthscale-below-spacing',
  'lengthscale-beyond-span',
  'noise-vanishing',
  'signal-vanishing',
  'signal-unbounded',
];

/** Inputs that make `diagnose` give each reason, for every rule. */
const CASES: readonly DiagnosticsInput[] = SELECTION_RULES.flatMap((rule) => [
  input({ rule, converged: false }),
  ...BOUNDARY_FLAGS.map((flag) => input({ rule, boundary: [flag], converged: false })),
  input({
    rule,
    kind: {
      held: [2],
      freeAxes: [
        [1, 0, 0],
        [0, Math.SQRT1_2, Math.SQRT1_2],
      ],
      strict: true,
      onNoiseFloor: true,
    },
  }),
  input({
    rule,
    roundoff: { covarianceCondition: 1e15, hessianDifference: null, mixedPartialError: 2 },
  }),
  input({ rule, hessian: diagonal(-10, 5, -2) }),
  input({ rule, hessian: diagonal(-1e9, -1, -2) }),
  input({
    rule,
    roundoff: { covarianceCondition: 1e14, hessianDifference: null, mixedPartialError: 0.5 },
  }),
  input({
    rule,
    roundoff: { covarianceCondition: 1e12, hessianDifference: null, mixedPartialError: 1e-3 },
  }),
  input({
    rule,
    roundoff: { covarianceCondition: 1e13, hessianDifference: null, mixedPartialError: 0.05 },
  }),
  input({
    rule,
    runnerUp: { theta: { lengthscale: 1, signalStd: 1, noiseStd: 0.1 }, lml: -0.4 },
  }),
]);

const emitted: Reason[] = CASES.flatMap((given) => {
  const diagnostics = diagnose(given);
  // The English reasons and the keyed ones are the same list.
  expect(diagnostics.reasons).toEqual(diagnostics.keyedReasons.map(reasonText));
  return diagnostics.keyedReasons;
});

/** The numbers each reason names, as each language writes them. */
const NUMBERS: Readonly<Record<string, { en: string; es: string }>> = {
  noiseToSignal: { en: '2.5×10⁻⁹', es: '2,5×10⁻⁹' },
  condition: { en: '1.0×10⁹', es: '1,0×10⁹' },
  gap: { en: '0.40', es: '0,40' },
  digits: { en: 'about 3 correct digits', es: 'unas 3 cifras correctas' },
};

/** Each rule's objective as the Spanish messages name it. */
const SPANISH_OBJECTIVES = {
  ml: /verosimilitud/,
  map: /log-densidad a posteriori/,
  loo: /probabilidad logarítmica dejando uno fuera/,
};

describe("the engine's reasons", () => {
  it('are every code there is: the diagnostics give each one', () => {
    const codes = new Set<ReasonCode>(emitted.map((reason) => reason.code));
    expect([...codes].sort()).toEqual([...REASON_CODES].sort());
  });

  it('keep the English sentences the library and the command line have always printed', () => {
    const english = new Set(emitted.map(reasonText));
    for (const sentence of [
      'the optimiser did not converge to a stationary point',
      'the lengthscale runs to zero (below the spacing of the inputs): the data look like pure noise',
      'σn sits at its smallest allowed value (σn/σf = 2.5e-9); the arrows show how ℓ and σf move with σn held there, for moves of a point much smaller than σn',
      'the noise is so small against the signal (σn/σf = 2.5e-9) that float64 rounding swamps the curvature of the likelihood: the arrows would be noise',
      'the log-posterior is flat or saddle-shaped at the optimum (the Hessian is not negative definite)',
      'the optimum is nearly flat in one direction (condition number 1.0e+9)',
      'the noise is tiny against the signal (σn/σf = 2.5e-9), so rounding error leaves the arrows only their rough size and direction',
      'the noise is tiny against the signal (σn/σf = 2.5e-9), so rounding error leaves the arrows about 3 correct digits',
      'the noise is tiny against the signal (σn/σf = 2.5e-9), so rounding error leaves the arrows about 1 correct digit',
      'another maximum is almost as likely (log-likelihood gap 0.40): a small change in the data can make the fit jump',
      'another maximum is almost as likely (leave-one-out log probability gap 0.40): a small change in the data can make the fit jump',
    ])
      expect(english, sentence).toContain(sentence);
  });

  for (const language of LANGUAGES) {
    it(`each has its own text in ${language}, numbers in the language's format`, () => {
      const tr = translator(language);
      for (const reason of emitted) {
        const text = reasonMessage(reason, tr);
        const label = `${JSON.stringify(reason)} in ${language}: ${text}`;
        expect(text.length, label).toBeGreaterThan(20);
        expect(text, label).not.toMatch(/[{}]/);
        for (const [name, written] of Object.entries(NUMBERS)) {
          if (name in reason && !(name === 'digits' && (reason as { digits: number }).digits === 1))
            expect(text, label).toContain(written[language]);
        }
        if (language === 'es') {
          expect(text, label).not.toBe(reasonMessage(reason, translator('en')));
          if ('rule' in reason) expect(text, label).toMatch(SPANISH_OBJECTIVES[reason.rule]);
          // No English sentence left in the Spanish text.
          expect(text, label).not.toMatch(/\b(the|and|with|is|are)\b/);
        }
      }
    });
  }

  it('say why the implicit function theorem does not apply, in either language', () => {
    const reasons: Reason[] = [{ code: 'not-converged' }, { code: 'flat', rule: 'loo' }];
    expect(noTheoremMessage(reasons, translator('en'))).toBe(
      'the optimiser did not converge to a stationary point; the leave-one-out log probability is flat or saddle-shaped at the optimum (the Hessian is not negative definite), so the implicit function theorem does not apply',
    );
    expect(noTheoremMessage(reasons, translator('es'))).toBe(
      'el optimizador no convergió a un punto estacionario; la probabilidad logarítmica dejando uno fuera es plana o tiene forma de silla en el óptimo (la hessiana no es definida negativa), así que el teorema de la función implícita no se aplica',
    );
  });

  it("name a near tie's gap in the units of the rule's objective", () => {
    const theta = { lengthscale: 0.25, signalStd: 1, noiseStd: 0.1 };
    const runnerUp = { theta: { lengthscale: 80, signalStd: 0.5, noiseStd: 1 }, lmlGap: 0.98 };
    const said = (language: 'en' | 'es', rule: 'ml' | 'map' | 'loo') =>
      nearTieMessage(theta, runnerUp, 10, translator(language), rule);
    // In nats, the unit the glossary explains, of the rule's own objective.
    expect(said('en', 'ml')).toContain('only 0.98 nats of log-likelihood behind');
    expect(said('en', 'loo')).toContain('only 0.98 nats of leave-one-out log probability behind');
    expect(said('es', 'map')).toContain('solo 0,98 nats de log-densidad a posteriori por detrás');
    expect(said('es', 'loo')).toContain(
      'solo 0,98 nats de probabilidad logarítmica dejando uno fuera por detrás',
    );
  });

  it('call noise "little" or "much" only where it is, and otherwise "less" or "more"', () => {
    const tie = (theta: { lengthscale: number; signalStd: number; noiseStd: number }) =>
      nearTieMessage(
        theta,
        { theta: { lengthscale: 8000, signalStd: 1e-4, noiseStd: 0.83 }, lmlGap: 0 },
        10,
        translator('en'),
      );
    // A wiggly fit with σn = 2σf beside a flat one of pure noise: less noise, not little.
    expect(tie({ lengthscale: 0.21, signalStd: 0.37, noiseStd: 0.74 })).toContain(
      '(ℓ = 0.21, less noise)',
    );
    expect(tie({ lengthscale: 0.21, signalStd: 1, noiseStd: 0.1 })).toContain(
      '(ℓ = 0.21, little noise)',
    );
    expect(tie({ lengthscale: 0.21, signalStd: 1, noiseStd: 0.1 })).toContain('much noise');
  });
});
