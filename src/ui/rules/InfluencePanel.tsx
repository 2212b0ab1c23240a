import { useState } from 'react';
import { HYPERPARAMETER_NAMES } from '../../engine/types';
import { currentInsight, type InfluenceRow } from '../../state/insight';
import type { ExplorerMessageKey } from '../../i18n/explorerMessages.en';
import { useExplorer } from '../context';
import { useExplorerMessages } from '../explorerText';
import { useI18n } from '../i18n';
import { noTheoremMessage } from '../reasonText';
import { highlightedPoint } from './highlight';

type Column = 'index' | 'removal' | 'jackknife' | 'gap';

const COLUMN_LABELS: Record<Column, ExplorerMessageKey> = {
  index: 'influencePoint',
  removal: 'influenceRemoval',
  jackknife: 'influenceJackknife',
  gap: 'influenceGap',
};

const STATUS_NOTES: Partial<Record<InfluenceRow['status'], ExplorerMessageKey>> = {
  jumped: 'influenceJumped',
  untrusted: 'influenceUntrusted',
  invalid: 'influenceInvalid',
};

const CHECK_MESSAGES = {
  checking: 'influenceChecking',
  done: 'influenceChecked',
  failed: 'influenceCheckFailed',
} as const satisfies Record<string, ExplorerMessageKey>;

/**
 * Each point's influence on the shown hyperparameter: the exact change when the point is removed
 * (a refit) beside the infinitesimal jackknife's first-order estimate of it, and how far apart
 * they are; sortable by any column. Hooks: `data-testid="influence-row"` with `data-index`,
 * `data-removal` and `data-infinitesimal` (changes of log θ̂, full precision; empty when
 * undefined). Hovering or focusing a row rings the point on the plot. The rows come first from
 * refits started at θ̂, then checked from the full data's other maxima and a global search of each
 * reduced dataset (`data-testid="influence-check"`, `data-check` checking, done or failed).
 */
export function InfluencePanel() {
  const on = useExplorer((s) => s.options.showInfluence);
  const insight = useExplorer(currentInsight);
  const dragging = useExplorer((s) => s.drag?.active ?? false);
  const hyperparameter = useExplorer((s) => s.options.hyperparameter);
  const tr = useI18n();
  const t = useExplorerMessages();
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({
    column: 'gap',
    descending: true,
  });
  if (!on) return null;
  const name = tr.hyperparameterName(hyperparameter);
  const influence = insight?.influence ?? null;
  const row = HYPERPARAMETER_NAMES.indexOf(hyperparameter);
  const rows = (influence?.rows ?? []).map((entry) => {
    const removal = entry.removal?.[row] ?? Number.NaN;
    const jackknife = entry.linearRemoval?.[row] ?? Number.NaN;
    return { entry, removal, jackknife, gap: Math.abs(removal - jackknife) };
  });
  const key = (r: (typeof rows)[number]): number =>
    sort.column === 'index'
      ? r.entry.index
      : sort.column === 'gap'
        ? r.gap
        : Math.abs(sort.column === 'removal' ? r.removal : r.jackknife);
  // NaN (undefined) sorts last either way.
  rows.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (Number.isNaN(ka) || Number.isNaN(kb)) return Number.isNaN(ka) ? 1 : -1;
    return sort.descending ? kb - ka : ka - kb;
  });
  const state = influence ? 'current' : dragging ? 'waiting' : (insight?.status ?? 'computing');
  // How far the rows' global check has come (InsightRequest.globalCheck).
  const check: keyof typeof CHECK_MESSAGES | null = !influence
    ? null
    : influence.globalCheck
      ? 'done'
      : insight?.status === 'failed'
        ? 'failed'
        : 'checking';
  return (
    <section className="influence" data-testid="influence-panel" data-state={state}>
      <h3>{t('influenceTitle', { name })}</h3>
      <p className="influence-intro">{t('influenceIntro', { name })}</p>
      {!influence && (
        <p className="influence-status" role="status">
          {dragging
            ? t('insightWaiting')
            : insight?.status === 'failed'
              ? t('insightFailed', { message: insight.message ?? '' })
              : t('insightComputing')}
        </p>
      )}
      {check && (
        <p
          className="influence-status"
          role="status"
          data-testid="influence-check"
          data-check={check}
        >
          {t(CHECK_MESSAGES[check], { message: insight?.message ?? '' })}
        </p>
      )}
      {influence?.reasons && (
        <p className="influence-status">
          {t('influenceUndefined', { reason: noTheoremMessage(influence.reasons, tr) })}
        </p>
      )}
      {influence && (
        <div className="influence-scroll">
          <table className="influence-table">
            <thead>
              <tr>
                {(Object.keys(COLUMN_LABELS) as Column[]).map((column) => (
                  <th
                    key={column}
                    scope="col"
                    aria-sort={
                      sort.column === column
                        ? sort.descending
                          ? 'descending'
                          : 'ascending'
                        : undefined
                    }
                  >
                    <button
                      type="button"
                      className="sort-button"
                      data-testid={`influence-sort-${column}`}
                      title={t('influenceSortBy', { column: t(COLUMN_LABELS[column]) })}
                      onClick={() =>
                        setSort((now) => ({
                          column,
                          descending: now.column === column ? !now.descending : column !== 'index',
                        }))
                      }
                    >
                      {t(COLUMN_LABELS[column])}
                      {sort.column === column ? (sort.descending ? ' ↓' : ' ↑') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ entry, removal, jackknife, gap }) => {
                const note = STATUS_NOTES[entry.status];
                return (
                  <tr
                    key={entry.index}
                    data-testid="influence-row"
                    data-index={entry.index}
                    data-removal={Number.isNaN(removal) ? '' : String(removal)}
                    data-infinitesimal={Number.isNaN(jackknife) ? '' : String(jackknife)}
                    data-status={entry.status}
                    tabIndex={0}
                    onMouseEnter={() => highlightedPoint.setState({ index: entry.index })}
                    onMouseLeave={() => highlightedPoint.setState({ index: null })}
                    onFocus={() => highlightedPoint.setState({ index: entry.index })}
                    onBlur={() => highlightedPoint.setState({ index: null })}
                  >
                    <td>{entry.index + 1}</td>
                    <td>
                      {tr.logRatio(removal)}
                      {note && <span className="influence-note"> ({t(note)})</span>}
                    </td>
                    <td>{tr.logRatio(jackknife)}</td>
                    <td>{Number.isNaN(gap) ? '—' : tr.number(gap, 2)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
