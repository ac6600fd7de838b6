// A report's disagreements: every span not made by all the analysts compared, with who made it;
// choosing one opens the reader there, and "Compare side by side" opens the report in the
// compare view of those analysts' layers (up to five), at its first difference.
import { useEffect, useState } from 'react';
import type { DisagreementsData } from '../../../shared/schemas/agreement';
import { call, messageOf } from '../api';
import { maxCompared, setLayerView } from '../state/view-layer';

interface DisagreementPanelProps {
  documentId: string;
  analysts: readonly string[];
  onOpen(documentId: string, range: { start: number; end: number }): void;
  onClose(): void;
}

export function DisagreementPanel({ documentId, analysts, onOpen, onClose }: DisagreementPanelProps) {
  const [data, setData] = useState<DisagreementsData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('agreement.disagreements', { documentId, analysts: [...analysts] }).then(setData, (e: unknown) => setError(messageOf(e)));
  }, [documentId, analysts]);
  const names = new Map(data?.analysts.map((a) => [a.id, a.name]) ?? []);
  const disagreements = data?.spans.filter((s) => !s.agreed) ?? [];
  const compare = () => {
    const [first, ...others] = analysts;
    setLayerView({ layer: first!, compareWith: others.slice(0, maxCompared - 1) });
    const at = disagreements[0];
    onOpen(documentId, at ? { start: at.start, end: at.end } : { start: 0, end: 0 });
  };
  return (
    <section className="disagreements" aria-labelledby="disagreements-title">
      <header>
        <h2 id="disagreements-title">{data ? `Disagreements in ${data.title}` : 'Disagreements'}</h2>
        <button type="button" onClick={compare} disabled={!data} title={analysts.length > maxCompared ? `The first ${maxCompared} analysts’ layers` : undefined}>
          Compare side by side
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {error && <p role="alert">{error}</p>}
      {data && (
        <p className="hint" role="status">
          {disagreements.length} of {data.spans.length} distinct spans are not made by every analyst.
        </p>
      )}
      <ul>
        {disagreements.map((span) => (
          <li key={`${span.start}:${span.end}:${span.labelId}`}>
            <button type="button" className="disagreement" onClick={() => onOpen(documentId, { start: span.start, end: span.end })}>
              <span className="label-name">{span.label}</span> <q>{span.quote}</q>
            </button>
            <span className="makers">
              by {span.analysts.map((id) => names.get(id) ?? id).join(', ')}; not by{' '}
              {data!.analysts
                .filter((a) => !span.analysts.includes(a.id))
                .map((a) => a.name)
                .join(', ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
