import type { ClaimRow } from '../../../shared/schemas/claims';
import { formatDate } from '../library/Library';
import { formatValue } from './claim-filters';

/** The cells of one claim: quote, report, date, sources with their kind, locations, status, confidence. */
export function ClaimCells({ row, statusId, confidenceId, sourceKindId }: { row: ClaimRow; statusId?: string; confidenceId?: string; sourceKindId?: string }) {
  const sources = row.sources.map((s) => {
    const kind = sourceKindId ? formatValue(s.attributes[sourceKindId]) : '';
    return { id: s.id, text: s.quote, kind };
  });
  const locations = row.locations.map((l) => ({
    id: l.id,
    text: l.place ? l.place.name : l.quote,
    implicit: l.implicit === true,
    title: `${l.place ? `${l.quote} → ${l.place.name}${l.place.country ? `, ${l.place.country}` : ''}` : `${l.quote} (not resolved)`}${l.implicit ? ', tagged inside the claim (not linked)' : ''}`,
  }));
  const statusValue = statusId ? formatValue(row.attributes[statusId]) : '';
  const confidenceValue = confidenceId ? formatValue(row.attributes[confidenceId]) : '';
  return (
    <>
      <div role="cell" className="claims-cell quote-cell" title={row.quote}>
        “{row.quote}”
      </div>
      <div role="cell" className="claims-cell" title={row.documentTitle}>
        {row.documentTitle}
      </div>
      <div role="cell" className="claims-cell nowrap">
        {formatDate(row.publishedAt)}
      </div>
      <div role="cell" className="claims-cell list-cell" title={sources.map((s) => (s.kind ? `${s.text} (${s.kind})` : s.text)).join('; ')}>
        {sources.length === 0 ? (
          <span className="none">—</span>
        ) : (
          sources.map((s) => (
            <span key={s.id} className="cell-item">
              {s.text}
              {s.kind && <span className="kind"> ({s.kind})</span>}
            </span>
          ))
        )}
      </div>
      <div role="cell" className="claims-cell list-cell" title={locations.map((l) => l.title).join('; ')}>
        {locations.length === 0 ? (
          <span className="none">—</span>
        ) : (
          locations.map((l) => (
            <span key={l.id} className="cell-item">
              {l.text}
              {l.implicit && <span className="kind"> (inside the claim)</span>}
            </span>
          ))
        )}
      </div>
      <div role="cell" className="claims-cell">
        {statusValue ? <span className={`status-chip status-${statusValue.replace(/[^a-z]/gi, '').toLowerCase()}`}>{statusValue}</span> : <span className="none">—</span>}
      </div>
      <div role="cell" className="claims-cell">
        {confidenceValue || <span className="none">—</span>}
      </div>
    </>
  );
}
