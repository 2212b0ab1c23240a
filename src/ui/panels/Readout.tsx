import { useState } from 'react';
import { HYPERPARAMETER_NAMES } from '../../engine/types';
import { selectArrows, selectPrediction } from '../../state';
import { useExplorer } from '../context';
import { failureReason } from '../failureText';
import { hessianVerdict } from '../fitMessages';
import { HYPERPARAMETER_LABELS } from '../format';
import { useI18n } from '../i18n';
import { AGREEMENT, formatApart, relativeGap } from './responseCurveGeometry';
import { Term } from '../Term';
import { useExplorerMessages } from '../explorerText';
import { RULE_MESSAGES } from '../ruleText';
import { TrustNote } from './TrustNote';
import { boundLimit, type BoundLimit } from '../boundLimit';
import type { ExplorerMessageKey } from '../../i18n/explorerMessages.en';

/**
 * A prediction this far from the refit (relative gap 1: a factor of 2) is marked in words, not
 * by colour alone; beyond `AGREEMENT` (5 %) it is coloured.
 */
const FAR_APART = 1;

const BOUND_MESSAGES = {
  infinity: 'readoutToInfinity',
  zero: 'readoutToZero',
  floor: 'readoutOnFloor',
} as const satisfies Record<BoundLimit, ExplorerMessageKey>;

/**
 * θ̂ with units (and, during a drag, the first-order prediction under it), the rule's objective
 * (under MAP and LOO-CV), the log marginal likelihood, the Hessian's condition and the trust verdict. Each hyperparameter is two lines, name
 * and value above, unit and prediction below, so that a long name (Spanish's "desviación típica del
 * ruido") keeps the row's width beside its value and the row does not grow when the prediction shows.
 */
export function Readout() {
  const result = useExplorer((s) => s.analysis?.result ?? null);
  const failure = useExplorer((s) => s.failure?.result ?? null);
  const chosen = useExplorer((s) => s.options.hyperparameter);
  const arrows = useExplorer(selectArrows);
  const prediction = useExplorer(selectPrediction);
  // Screen readers hear the new fit once an edit settles, not at every step of a drag.
  const dragging = useExplorer((s) => s.drag?.active ?? false);
  const tr = useI18n();
  const { t, number: formatNumber } = tr;
  const te = useExplorerMessages();
  const verdict = result && hessianVerdict(result.diagnostics);
  // Under MAP and LOO-CV, θ̂ maximises another objective than log p(y | X, θ), and the
  // Hessian is that objective's: the readout names it.
  const ruleName = result && result.rule !== 'ml' ? t(RULE_MESSAGES[result.rule].name) : null;
  // The compared rule's θ̂ beside this one's, as its arrows stand beside these on the plot.
  const comparedRule = useExplorer((s) => s.options.compareRule);
  const compared =
    result?.comparison && result.comparison.rule === comparedRule ? result.comparison : null;
  const comparedName =
    compared && te('keyCompareSecond', { rule: t(RULE_MESSAGES[compared.rule].name) });
  const ofRule = ruleName && (
    <span className="readout-of-rule"> {te('readoutOfRule', { rule: ruleName })}</span>
  );
  const [announcement, setAnnouncement] = useState('');
  const settled =
    result && !dragging
      ? t('fittedAnnouncement', {
          lengthscale: formatNumber(result.theta.lengthscale),
          signalStd: formatNumber(result.theta.signalStd),
          noiseStd: formatNumber(result.theta.noiseStd),
        })
      : null;
  if (settled !== null && settled !== announcement) setAnnouncement(settled);

  return (
    <section
      className={`card readout${arrows.stale ? ' stale' : ''}`}
      aria-labelledby="readout-title"
      data-testid="readout"
      data-stale={arrows.stale}
    >
      <div className="card-body">
        <h2 id="readout-title">{t('readoutTitle')}</h2>
        <div className="readout-rows">
          {HYPERPARAMETER_NAMES.map((name, k) => {
            const label = HYPERPARAMETER_LABELS[name];
            const value = result?.theta[name];
            const predicted = prediction?.predicted[name];
            const gap = relativeGap(prediction?.logGap[k] ?? Number.NaN);
            const limit = result && boundLimit(result.diagnostics, name);
            return (
              <div key={name} className={`readout-row${name === chosen ? ' active' : ''}`}>
                <span
                  className="readout-symbol"
                  style={{ color: `var(--${name})` }}
                  aria-hidden="true"
                >
                  {label.symbol}
                  {label.subscript && <sub>{label.subscript}</sub>}
                </span>
                <span className="readout-line">
                  <span className="readout-name">
                    <Term id={name}>{tr.hyperparameterName(name)}</Term>
                  </span>
                  <span
                    className={`readout-value num${limit && limit !== 'floor' ? ' on-bound' : ''}`}
                    data-testid={`theta-${name}`}
                    data-bound={limit ?? undefined}
                    aria-label={`${tr.hyperparameterName(name)}: ${value === undefined ? t('notYetFitted') : formatNumber(value)} ${tr.hyperparameterUnit(name)}`}
                  >
                    {value === undefined ? '—' : formatNumber(value)}
                  </span>
                </span>
                <span className="readout-line minor">
                  <span className="readout-unit">
                    {limit ? (
                      <span className="readout-bound" data-testid={`readout-bound-${name}`}>
                        {te(BOUND_MESSAGES[limit])}
                      </span>
                    ) : (
                      t('inUnit', { unit: tr.hyperparameterUnit(name) })
                    )}
                  </span>
                  {predicted !== undefined && (
                    <span
                      className={`readout-prediction num${gap > AGREEMENT ? ' parted' : ''}`}
                      data-testid={`readout-predicted-${name}`}
                      data-gap={String(gap)}
                      title={t('fromTheRefit', { gap: formatApart(gap, tr.language) })}
                    >
                      {t('iftPredicts', { value: formatNumber(predicted) })}
                      {/* Off by more than a factor of 2 (a long move on a steep arrow can
                          predict 10²⁰), the number is no estimate of θ̂: the words say so. */}
                      {gap >= FAR_APART && ` ${t('verdictParted')}`}
                    </span>
                  )}
                  {predicted === undefined && compared && (
                    <span className="readout-compared num" data-testid={`readout-compared-${name}`}>
                      {te(
                        compared.diagnostics.trust === 'untrusted'
                          ? 'readoutComparedNoMaximum'
                          : 'readoutCompared',
                        {
                          rule: comparedName!,
                          value: formatNumber(Math.exp(compared.logTheta[k]!)),
                        },
                      )}
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </div>
        <dl className="metrics" data-rule={result?.rule ?? 'ml'}>
          {ruleName && (
            <>
              <dt>{te('readoutObjective', { rule: ruleName })}</dt>
              <dd className="num" data-testid="objective" data-value={String(result!.objective)}>
                <Term id="nats">
                  {t('natsValue', { value: formatNumber(result!.objective, 5) })}
                </Term>
              </dd>
            </>
          )}
          <dt>
            <Term id="logLikelihood">log p(y | X, θ̂)</Term>
          </dt>
          <dd className="num" data-testid="lml">
            {result ? (
              <Term id="nats">{t('natsValue', { value: formatNumber(result.lml, 5) })}</Term>
            ) : (
              '—'
            )}
          </dd>
          <dt>
            <Term id="conditionNumber">{t('conditionNumber')}</Term>
            {ofRule}
          </dt>
          <dd className="num" data-testid="condition">
            {result ? formatNumber(result.diagnostics.conditionNumber, 3) : '—'}
          </dd>
          <dt>
            <Term id="hessian">{t('hessian')}</Term> {t('atThetaHat')}
            {ofRule}
          </dt>
          <dd>
            {verdict ? (
              <Term id={verdict.term}>
                <span data-testid="hessian-verdict">{t(verdict.message)}</span>
              </Term>
            ) : (
              '—'
            )}
          </dd>
        </dl>
        <TrustNote view={arrows} failure={failure ? failureReason(failure, tr) : null} />
        <p className="visually-hidden" aria-live="polite" data-testid="fit-announcement">
          {announcement}
        </p>
      </div>
    </section>
  );
}
