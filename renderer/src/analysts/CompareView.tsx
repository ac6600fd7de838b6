// Two layers of a report side by side, as brat compares two annotators: each column shows the text
// with that layer's spans; a span the other layer lacks (same start, end and label) is marked as
// a difference, and the counts say how many each has alone.
import { useEffect, useState } from 'react';
import type { LayerComparison } from '../../../shared/schemas/analysts';
import type { Label } from '../../../shared/schemas/schema';
import { call, messageOf } from '../api';
import { compareSegments } from './compare-segments';
import './layers.css';

/** Longer reports are compared on their first part (the counts cover the whole report). */
const maxShown = 200_000;

export function CompareView({ documentId, length, a, b, labels }: { documentId: string; length: number; a: string | null; b: string; labels: readonly Label[] }) {
  const [comparison, setComparison] = useState<LayerComparison | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    Promise.all([call('layers.compare', { documentId, a: a ?? undefined, b }), call('documents.textRange', { id: documentId, start: 0, end: Math.min(length, maxShown) })]).then(
      ([c, t]) => {
        if (!current) return;
        setComparison(c);
        setText(t);
      },
      (failure) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, [documentId, length, a, b]);
  if (error) return <p role="alert">{error}</p>;
  if (!comparison) return <p role="status">Comparing the layers…</p>;
  const labelName = new Map(labels.map((l) => [l.id, l]));
  const summary = `${comparison.both} in both, ${comparison.onlyA} only in ${comparison.a.name}, ${comparison.onlyB} only in ${comparison.b.name}`;
  return (
    <section className="compare-view" aria-label="Compare layers">
      <p className="compare-summary" role="status">
        {summary}
      </p>
      <div className="compare-columns">
        {[comparison.a, comparison.b].map((side, i) => (
          <article key={side.layer + String(i)} className="compare-column" aria-label={`${side.name}’s layer`}>
            <h2>
              {side.name} <span className="compare-count">({side.spans.filter((s) => !s.matched).length} not in the other layer)</span>
            </h2>
            <div className="compare-text" dir="auto">
              {compareSegments(text.length, side.spans).map((segment) => {
                const piece = text.slice(segment.start, segment.end);
                if (segment.kind === 'none') return <span key={segment.start}>{piece}</span>;
                const label = labelName.get(segment.labelIds[0] ?? '');
                const names = segment.labelIds.map((id) => labelName.get(id)?.name ?? id).join(', ');
                return (
                  <mark
                    key={segment.start}
                    className={`compare-span ${segment.kind}`}
                    style={{ borderBottomColor: label?.color }}
                    title={segment.kind === 'diff' ? `${names} — not in the other layer` : names}
                    aria-label={segment.kind === 'diff' ? `${piece} (${names}, only in ${side.name}’s layer)` : undefined}
                  >
                    {piece}
                  </mark>
                );
              })}
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}
