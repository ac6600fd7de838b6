// brat's consistency reports: the same text under different labels, and a tagged text left
// untagged elsewhere. Each occurrence opens the report there.
import { useEffect, useState } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { ConsistencyReport, Occurrence } from '../../../shared/schemas/search';
import { call } from '../api';

interface ConsistencyPanelProps {
  labels: readonly Label[];
  onOpen(occurrence: Occurrence): void;
}

export function ConsistencyPanel({ labels, onOpen }: ConsistencyPanelProps) {
  const [labelId, setLabelId] = useState('');
  const [report, setReport] = useState<ConsistencyReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = (id: string | null) => labels.find((l) => l.id === id)?.name ?? id ?? '';

  useEffect(() => {
    let current = true;
    setReport(null);
    call('search.consistency', { labelId: labelId || undefined }).then(
      (next) => current && setReport(next),
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      current = false;
    };
  }, [labelId]);

  const place = (o: Occurrence) => (
    <button type="button" className="link-button" onClick={() => onOpen(o)}>
      {o.title} at {o.start.toLocaleString()}
      {o.labelId ? ` (${name(o.labelId)})` : ''}
    </button>
  );

  return (
    <section className="consistency" aria-labelledby="consistency-title">
      <h2 id="consistency-title">Consistency</h2>
      <label className="filter-field">
        Label
        <select value={labelId} onChange={(event) => setLabelId(event.target.value)}>
          <option value="">All labels</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <p className="hint" role="status" aria-live="polite">
        {error ?? (report ? `${report.conflicts.length} texts with different labels; ${report.untagged.length} tagged texts also found untagged.` : 'Checking…')}
      </p>
      {report && (
        <>
          <h3>Same text, different labels</h3>
          <ul className="consistency-list" aria-label="Same text, different labels">
            {report.conflicts.map((c) => (
              <li key={c.text}>
                <strong>“{c.text}”</strong> {c.labels.map((l) => `${name(l.labelId)} ×${l.count}`).join(', ')}
                <ul>
                  {c.examples.map((o) => (
                    <li key={`${o.documentId}:${o.start}`}>{place(o)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <h3>Tagged here, not there</h3>
          <ul className="consistency-list" aria-label="Tagged here, not there">
            {report.untagged.map((u) => (
              <li key={`${u.text}:${u.labelId}`}>
                <strong>“{u.text}”</strong> tagged {name(u.labelId)} {u.tagged}×, untagged at:
                <ul>
                  {u.untagged.map((o) => (
                    <li key={`${o.documentId}:${o.start}`}>{place(o)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
