import { useId, useState } from 'react';
import type { HyperparameterName, HyperparameterPrior } from '../../engine/types';
import type { Language } from '../../i18n/language';
import {
  DEFAULT_VIEW_OPTIONS,
  encodePrior,
  isPriorFactor,
  isPriorMedian,
  logSdOfFactor,
  priorFactor,
  PRIOR_FACTOR_RANGE,
  PRIOR_MEDIAN_RANGE,
  PRIOR_NAMES,
  withPrior,
} from '../../state';
import { useExplorer, useExplorerStore } from '../context';
import { HYPERPARAMETER_LABELS } from '../format';
import { useI18n } from '../i18n';

/** A number as the field shows it: three significant digits, the language's decimal mark. */
function fieldText(value: number, language: Language): string {
  return new Intl.NumberFormat(language, {
    maximumSignificantDigits: 3,
    useGrouping: false,
  }).format(value);
}

/** A limit in a sentence: grouped digits, as the language writes them. */
function limitText(value: number, language: Language): string {
  return new Intl.NumberFormat(language).format(value);
}

/** A typed number, with either decimal mark; NaN when it is not one. */
function parseField(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return /^[0-9]*\.?[0-9]+(e[+-]?[0-9]+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
}

type Field = 'median' | 'factor';
type FieldTexts = Record<HyperparameterName, Record<Field, string>>;

function textsOf(prior: HyperparameterPrior, language: Language): FieldTexts {
  const row = (name: HyperparameterName) => ({
    median: fieldText(prior[name].median, language),
    factor: fieldText(priorFactor(prior[name].logSd), language),
  });
  return {
    lengthscale: row('lengthscale'),
    signalStd: row('signalStd'),
    noiseStd: row('noiseStd'),
  };
}

/** The fields' texts after the prior changed: each keeps its text where it already says the prior. */
function mergeTexts(
  current: FieldTexts,
  prior: HyperparameterPrior,
  language: Language,
): FieldTexts {
  const fresh = textsOf(prior, language);
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.abs(b);
  const row = (name: HyperparameterName) => ({
    median: same(parseField(current[name].median), prior[name].median)
      ? current[name].median
      : fresh[name].median,
    factor: same(logSdOfFactor(parseField(current[name].factor)), prior[name].logSd)
      ? current[name].factor
      : fresh[name].factor,
  });
  return {
    lengthscale: row('lengthscale'),
    signalStd: row('signalStd'),
    noiseStd: row('noiseStd'),
  };
}

/**
 * The `map` rule's prior, editable: for each hyperparameter its median as a multiple of the
 * data's scale (the standard deviation of x for ℓ, the root mean square of y for σf and σn) and
 * the factor either way that holds 95 % of it. Shown while MAP is one of the rules drawn. A typed
 * value that is not usable is marked and not sent; the prior in force stays.
 */
export function PriorEditor() {
  const store = useExplorerStore();
  const prior = useExplorer((s) => s.options.prior);
  const shown = useExplorer((s) => s.options.rule === 'map' || s.options.compareRule === 'map');
  const { t, language } = useI18n();
  const [texts, setTexts] = useState(() => textsOf(prior, language));
  const id = useId();
  const priorText = encodePrior(prior);
  // A prior set elsewhere (Defaults, a link) rewrites the fields that no longer say it, during
  // render (React's pattern for state derived from props); a field the reader is typing in,
  // which already says it, keeps its text and caret.
  const [syncedWith, setSyncedWith] = useState(`${priorText}|${language}`);
  if (syncedWith !== `${priorText}|${language}`) {
    setSyncedWith(`${priorText}|${language}`);
    const languageChanged = !syncedWith.endsWith(`|${language}`);
    setTexts(languageChanged ? textsOf(prior, language) : mergeTexts(texts, prior, language));
  }
  if (!shown) return null;

  const valid = (field: Field, text: string) =>
    field === 'median' ? isPriorMedian(parseField(text)) : isPriorFactor(parseField(text));
  const invalid = PRIOR_NAMES.some(
    (name) => !valid('median', texts[name].median) || !valid('factor', texts[name].factor),
  );
  const edit = (name: HyperparameterName, field: Field, text: string) => {
    setTexts((current) => ({ ...current, [name]: { ...current[name], [field]: text } }));
    if (!valid(field, text)) return;
    const value = parseField(text);
    const part = field === 'median' ? { median: value } : { logSd: logSdOfFactor(value) };
    store.getState().setPrior(withPrior(store.getState().options.prior, name, part));
  };
  const field = (which: Field, name: HyperparameterName) => (
    <input
      className="prior-input num"
      inputMode="decimal"
      value={texts[name][which]}
      onChange={(event) => edit(name, which, event.target.value)}
      aria-labelledby={`${id}-${name} ${id}-${which}`}
      aria-invalid={!valid(which, texts[name][which]) || undefined}
      data-testid={`prior-${name}-${which}`}
    />
  );
  const defaults = DEFAULT_VIEW_OPTIONS.prior;
  return (
    <fieldset className="prior-editor" data-testid="prior-editor">
      <legend className="toolbar-label">{t('priorLegend')}</legend>
      <table className="prior-table">
        <thead>
          <tr>
            <td />
            <th scope="col" id={`${id}-median`}>
              {t('priorMedian')}
            </th>
            <th scope="col" id={`${id}-factor`}>
              {t('priorFactor')}
            </th>
          </tr>
        </thead>
        <tbody>
          {PRIOR_NAMES.map((name) => {
            const label = HYPERPARAMETER_LABELS[name];
            return (
              <tr key={name}>
                <th scope="row" id={`${id}-${name}`} style={{ color: `var(--${name})` }}>
                  <span className="prior-symbol">{label.symbol}</span>
                  <sub>{label.subscript}</sub>
                </th>
                <td>
                  {field('median', name)}{' '}
                  <span className="prior-unit">
                    {t(name === 'lengthscale' ? 'priorOfSdX' : 'priorOfRmsY')}
                  </span>
                </td>
                <td>× {field('factor', name)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="prior-footer">
        <button
          type="button"
          className="button quiet"
          disabled={encodePrior(defaults) === priorText && !invalid}
          onClick={() => {
            store.getState().setPrior(defaults);
            setTexts(textsOf(defaults, language));
          }}
          data-testid="prior-defaults"
        >
          {t('priorDefaults')}
        </button>
        {invalid && (
          <span className="prior-invalid" role="status" data-testid="prior-invalid">
            {t('priorInvalid', {
              minMedian: limitText(PRIOR_MEDIAN_RANGE[0], language),
              maxMedian: limitText(PRIOR_MEDIAN_RANGE[1], language),
              minFactor: limitText(PRIOR_FACTOR_RANGE[0], language),
              maxFactor: limitText(PRIOR_FACTOR_RANGE[1], language),
            })}
          </span>
        )}
      </div>
    </fieldset>
  );
}
