import { selectArrows } from '../../state';
import { useExplorer, useExplorerStore } from '../context';
import { HYPERPARAMETER_LABELS } from '../format';
import { useExplorerMessages } from '../explorerText';
import { useI18n } from '../i18n';
import { readableRise, riseLimit } from '../plot/PlotKey';

/** The glyph's drawing, pointing up (as the plot's arrows do) or to the right. */
const GLYPHS = {
  up: {
    width: 16,
    height: 34,
    dot: [8, 29],
    shaft: 'M8,23 V8',
    head: (offset: number) => `M8,${2 + offset} l-4.5,8 h9 Z`,
  },
  right: {
    width: 40,
    height: 16,
    dot: [4, 8],
    shaft: 'M10,8 H29',
    head: (offset: number) => `M${34 - offset},8 l-8,-4.5 v9 Z`,
  },
} as const;

/**
 * A small arrow glyph in the arrows' style (not to scale): pointing up from its point, as the
 * plot's arrows do, or to the right for arrows in x and y, which point any way.
 */
function Glyph({
  capped = false,
  up,
  className,
}: {
  capped?: boolean;
  up: boolean;
  className: string;
}) {
  const glyph = GLYPHS[up ? 'up' : 'right'];
  return (
    <svg
      width={glyph.width}
      height={glyph.height}
      aria-hidden="true"
      className={`arrows ${className}`}
    >
      <circle cx={glyph.dot[0]} cy={glyph.dot[1]} r={3.5} fill="var(--point)" />
      <g className="arrow">
        <path className="shaft" d={glyph.shaft} />
        <path className="head" d={glyph.head(0) + (capped ? glyph.head(6) : '')} />
      </g>
    </svg>
  );
}

/**
 * How to read the arrows: direction, the stated scale (in d log θ̂ / dy, so unit-free in θ),
 * capped arrows, and grey ones.
 */
export function Legend() {
  const store = useExplorerStore();
  // Primitives, not the arrows view: this re-renders when the scale or verdict changes, not per refit.
  const status = useExplorer((s) => selectArrows(s).status);
  const untrusted = status === 'untrusted';
  const hidden = status === 'hidden';
  const reference = useExplorer((s) => s.arrowScale?.reference);
  // The same readable rise as the plot's key (scaleWords), so the two state one change.
  const largest = useExplorer(riseLimit);
  const rise = reference === undefined ? 1 : readableRise(reference, largest);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const mode = useExplorer((s) => s.options.arrowMode);
  const label = HYPERPARAMETER_LABELS[hyperparameter];
  const symbol = `${label.symbol}${label.subscript}`;
  const colour = untrusted ? 'untrusted' : hyperparameter;
  const up = mode !== 'vector';
  const tr = useI18n();
  const { t } = tr;
  const say = useExplorerMessages();
  const scaleWords = {
    symbol,
    reference: tr.number(reference ?? Number.NaN, 2),
    percent: tr.number(100 * (reference ?? Number.NaN) * rise, 2),
    step: tr.number(rise, 1),
  };

  return (
    <section className="card" aria-labelledby="legend-title">
      <div className="card-body legend">
        <h2 id="legend-title">{t('legendTitle')}</h2>
        <div className="legend-row">
          <Glyph up={up} className={colour} />
          <span>
            {mode === 'vector'
              ? t('legendVector', { symbol })
              : t('legendVertical', { name: tr.hyperparameterName(hyperparameter), symbol })}
          </span>
        </div>
        <div className="legend-row">
          <Glyph up={up} className={colour} />
          <span data-testid="arrow-scale">
            {reference === undefined || hidden
              ? t('legendLengthNone', { symbol })
              : mode === 'vector'
                ? say('legendLengthVector', scaleWords)
                : t('legendLength', scaleWords)}
          </span>
        </div>
        <div className="legend-row">
          <Glyph up={up} capped className={colour} />
          <span>{t('legendCapped')}</span>
        </div>
        <div
          className="legend-row"
          data-testid="legend-caution"
          data-current={status === 'caution'}
        >
          <Glyph up={up} className={`${hyperparameter} caution`} />
          <span>{t('legendCaution')}</span>
        </div>
        <div className="legend-row">
          <Glyph up={up} className="untrusted dashed" />
          <span>{t('legendGrey')}</span>
        </div>
        <p className="note">
          {t('legendScaleNote')}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => store.getState().rescaleArrows()}
            data-testid="rescale"
          >
            {t('rescale')}
          </button>
        </p>
      </div>
    </section>
  );
}
