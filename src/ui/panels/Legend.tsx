import { selectArrows } from '../../state';
import { useExplorer, useExplorerStore } from '../context';
import { formatNumber, HYPERPARAMETER_LABELS } from '../format';

/** A small arrow glyph in the arrows' style (not to scale). */
function Glyph({ capped = false, className }: { capped?: boolean; className: string }) {
  const head = (offset: number) => `M${34 - offset},8 l-8,-4.5 v9 Z`;
  return (
    <svg width={40} height={16} aria-hidden="true" className={`arrows ${className}`}>
      <circle cx={4} cy={8} r={3.5} fill="var(--point)" />
      <g className="arrow">
        <path className="shaft" d="M10,8 H29" />
        <path className="head" d={head(0) + (capped ? head(6) : '')} />
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
  const untrusted = useExplorer((s) => selectArrows(s).status === 'untrusted');
  const reference = useExplorer((s) => s.arrowScale?.reference);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const mode = useExplorer((s) => s.options.arrowMode);
  const label = HYPERPARAMETER_LABELS[hyperparameter];
  const symbol = `${label.symbol}${label.subscript}`;
  const colour = untrusted ? 'untrusted' : hyperparameter;

  return (
    <section className="card" aria-labelledby="legend-title">
      <div className="card-body legend">
        <h2 id="legend-title">Reading the arrows</h2>
        <div className="legend-row">
          <Glyph className={colour} />
          <span>
            {mode === 'vector'
              ? `Points the way to move the point to raise ${symbol} fastest; its components are ∂ log ${symbol}/∂x and ∂ log ${symbol}/∂y.`
              : `Up: raising the point raises the ${label.name} ${symbol}. Down: raising it lowers ${symbol}.`}
          </span>
        </div>
        <div className="legend-row">
          <Glyph className={colour} />
          <span data-testid="arrow-scale">
            Length: ∂ log {symbol} / ∂y, in log so it is unit-free in {symbol}. One unit of y on the
            plot stands for{' '}
            <strong className="num">
              {reference === undefined ? '—' : formatNumber(reference, 2)}
            </strong>
            , that is about a {reference === undefined ? '—' : formatNumber(reference * 10, 2)} %
            change in {symbol} per 0.1 rise.
          </span>
        </div>
        <div className="legend-row">
          <Glyph capped className={colour} />
          <span>Capped: longer than drawn.</span>
        </div>
        <div className="legend-row">
          <Glyph className="untrusted dashed" />
          <span>
            Grey and dashed: the fit is not trustworthy here; the reason is shown beside θ̂.
          </span>
        </div>
        <p className="note">
          The scale stays fixed while you drag, so arrows compare across points and over time, and
          is fitted anew when you let go, so that at most a fifth of the arrows reach the cap.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => store.getState().rescaleArrows()}
            data-testid="rescale"
          >
            Fit the scale to these arrows
          </button>
        </p>
      </div>
    </section>
  );
}
