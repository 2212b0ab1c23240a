import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useDeferredValue, useMemo, useState } from 'react';
import type { Matrix3, SelectionRule } from '../../engine/types';
import type { UiMessageKey } from '../../i18n/messages';
import { useExplorer } from '../context';
import { fitReasons } from '../fitMessages';
import { joinReasons, reasonMessage } from '../reasonText';
import { useI18n } from '../i18n';
import { texMatrix } from '../../i18n/texNumber';

/** Renders TeX to HTML once per distinct string. */
function Tex({ tex, display = true }: { tex: string; display?: boolean }) {
  const html = useMemo(
    () =>
      katex.renderToString(tex, {
        displayMode: display,
        throwOnError: false,
        output: 'htmlAndMathml',
      }),
    [tex, display],
  );
  return <span dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * Each rule's objective L(θ), the function θ̂ maximises (docs/rules.md): the log marginal
 * likelihood (Rasmussen & Williams 2006, eq. 5.8); it plus the log prior (MAP); the leave-one-out
 * log probability (LOO-CV, R&W §5.4.2). The theorem below holds for each with its own L.
 */
const OBJECTIVES: Readonly<Record<SelectionRule, { message: UiMessageKey; tex: string }>> = {
  ml: {
    message: 'mathObjective',
    tex: 'L(\\theta) = -\\tfrac12\\, y^\\top K_\\theta^{-1} y - \\tfrac12 \\log\\lvert K_\\theta\\rvert - \\tfrac n2 \\log 2\\pi',
  },
  map: {
    message: 'mathObjectiveMap',
    tex: 'L(\\theta) = \\log p(y \\mid X, \\theta) - \\sum_{k} \\frac{(\\theta_k - \\mu_k)^2}{2 s_k^2} + \\text{const}',
  },
  loo: {
    message: 'mathObjectiveLoo',
    tex: 'L(\\theta) = \\sum_{i=1}^{n} \\log \\mathcal N\\big(y_i;\\ \\mu_i, \\sigma_i^2\\big)',
  },
};

/** The model and the implicit function theorem, with the live numbers of the selected point. */
export function MathPanel() {
  const current = useExplorer((s) =>
    s.analysis && s.analysis.structureVersion === s.structureVersion ? s.analysis.result : null,
  );
  // Typesetting is the slowest render on the page: during a drag the numbers wait for the release.
  const dragging = useExplorer((s) => s.drag?.active ?? false);
  const [shown, setShown] = useState(current);
  if (!dragging && shown !== current) setShown(current);
  const live = useDeferredValue(shown);
  const selected = useExplorer((s) => s.selectedIndex ?? s.drag?.index ?? null);
  const chosenRule = useExplorer((s) => s.options.rule);
  const index = selected ?? 0;
  const sensitivities = live?.sensitivities;
  const column = sensitivities?.defined
    ? sensitivities.dLogTheta_dy.map((row) => [row[index] ?? Number.NaN])
    : null;
  const hessian: Matrix3 | null = live?.hessianLogTheta ?? null;
  // The rule of the numbers shown, which lag the choice while its refit runs.
  const rule = live?.rule ?? chosenRule;
  const constrained = sensitivities?.defined ? sensitivities.constrained : null;
  // What the noise floor holds, in the page's words (the engine's reason for it).
  const floorReason = constrained
    ? live?.diagnostics.keyedReasons.find((reason) => reason.code === 'noise-floor')
    : undefined;
  const tr = useI18n();
  const { t, language } = tr;
  const points = useExplorer((s) => s.analysis?.points ?? null);
  // The reasons in the page's words, as the trust note gives them.
  const undefinedReason =
    live && points && sensitivities && !sensitivities.defined
      ? t('reasonNoTheorem', {
          reasons: joinReasons(fitReasons(live, points, tr)),
        })
      : t('mathFitFailed');

  return (
    <section className="card math" aria-labelledby="math-title" data-testid="math">
      <div className="card-body">
        <h2 id="math-title">{t('mathTitle')}</h2>
        <div data-testid="math-objective" data-rule={rule}>
          <p>{t(OBJECTIVES[rule].message)}</p>
          <Tex tex={OBJECTIVES[rule].tex} />
        </div>
        <p>{t('mathTheorem')}</p>
        <Tex tex="\frac{\partial \hat\theta}{\partial y_i} = -H^{-1}\,\frac{\partial^2 L}{\partial\theta\,\partial y_i},\qquad H = \frac{\partial^2 L}{\partial\theta\,\partial\theta^\top}\Big|_{\hat\theta}" />
        {live && hessian && (
          <>
            <p>{t('mathAtFit')}</p>
            <Tex tex={`H = ${texMatrix(language, hessian)}`} />
            {column ? (
              <Tex
                tex={`\\frac{\\partial \\log\\hat\\theta}{\\partial y_{${index + 1}}} = ${texMatrix(language, column)}\\;\\begin{matrix}\\ell\\\\\\sigma_f\\\\\\sigma_n\\end{matrix}`}
              />
            ) : (
              <p>{t('mathNoSensitivities', { reason: undefinedReason })}</p>
            )}
            {floorReason && (
              <p data-testid="math-constrained">
                {t('mathConstrained', { reason: reasonMessage(floorReason, tr) })}
              </p>
            )}
            {column && (
              <p>
                {selected === null
                  ? t('mathShowingFirst')
                  : t('mathColumnOf', { index: index + 1 })}
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
