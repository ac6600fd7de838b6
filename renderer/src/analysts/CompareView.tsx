// Two to five layers of a report side by side, as brat compares annotators: each column shows the
// text with that layer's spans; a span not in every other layer (same start, end and label) is
// marked as a difference, and the counts say how many each has that the others lack. The columns
// scroll together; Previous/Next difference (or N and Shift+N) step through the differences in
// reading order, starting at the first.
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { LayersComparison } from '../../../shared/schemas/analysts';
import type { Label } from '../../../shared/schemas/schema';
import { call, messageOf } from '../api';
import { onCompareCommand } from './compare-commands';
import { compareSegments, type CompareSegment } from './compare-segments';
import './layers.css';

/** Longer reports are compared on their first part (the counts cover the whole report). */
const maxShown = 200_000;

interface CompareViewProps {
  documentId: string;
  length: number;
  /** The layer the reader shows (null: my own), compared with the others. */
  shown: string | null;
  others: readonly string[];
  labels: readonly Label[];
}

type Side = LayersComparison['layers'][number];

/** Distinct spans of a layer that some other layer lacks. */
function notInAll(side: Side): number {
  return new Set(side.spans.filter((s) => !s.matched).map((s) => `${s.start}:${s.end}:${s.labelId}`)).size;
}

function summaryOf(comparison: LayersComparison): string {
  const sides = comparison.layers;
  if (sides.length === 2) return `${comparison.inAll} in both, ${notInAll(sides[0]!)} only in ${sides[0]!.name}, ${notInAll(sides[1]!)} only in ${sides[1]!.name}`;
  return `${comparison.inAll} in all ${sides.length} layers; not in every other: ${sides.map((s) => `${notInAll(s)} of ${s.name}’s`).join(', ')}`;
}

export function CompareView({ documentId, length, shown, others: compared, labels }: CompareViewProps) {
  const [comparison, setComparison] = useState<LayersComparison | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [current, setCurrent] = useState(0);
  const columnsRef = useRef<HTMLDivElement>(null);
  const key = `${shown}\u0000${compared.join(',')}`;
  useEffect(() => {
    let live = true;
    setCurrent(0);
    const first = shown === null ? call('analysts.profile', {}).then((p) => p.analyst.id) : Promise.resolve(shown);
    const comparing = first.then((layer) => call('layers.compareMany', { documentId, layers: [layer, ...compared] }));
    Promise.all([comparing, call('documents.textRange', { id: documentId, start: 0, end: Math.min(length, maxShown) })]).then(
      ([c, t]) => {
        if (!live) return;
        setComparison(c);
        setText(t);
      },
      (failure) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentId, length, key]);
  const columns = useMemo(() => comparison?.layers.map((side) => compareSegments(text.length, side.spans)) ?? [], [comparison, text]);
  // Every difference of every column, in reading order (then column order): where the steps go.
  const differences = useMemo(() => {
    const all: { column: number; start: number }[] = [];
    columns.forEach((segments, column) => segments.forEach((s) => s.kind === 'diff' && all.push({ column, start: s.start })));
    return all.sort((x, y) => x.start - y.start || x.column - y.column);
  }, [columns]);
  const step = (by: 1 | -1) => differences.length > 0 && setCurrent((c) => (c + by + differences.length) % differences.length);
  const latestStep = useRef(step);
  latestStep.current = step;
  useEffect(() => onCompareCommand((command) => latestStep.current(command === 'next-disagreement' ? 1 : -1)), []);
  const target = differences[current];
  useEffect(() => {
    if (!target) return;
    columnsRef.current?.querySelector(`[data-column="${target.column}"] mark[data-start="${target.start}"]`)?.scrollIntoView({ block: 'center' });
  }, [target]);

  if (error) return <p role="alert">{error}</p>;
  if (!comparison) return <p role="status">Comparing the layers…</p>;
  const labelName = new Map(labels.map((l) => [l.id, l]));
  const others = comparison.layers.length === 2 ? 'the other layer' : 'every other layer';
  const mark = (segment: CompareSegment, side: Side, column: number) => {
    const piece = text.slice(segment.start, segment.end);
    if (segment.kind === 'none') return <span key={segment.start}>{piece}</span>;
    const label = labelName.get(segment.labelIds[0] ?? '');
    const names = segment.labelIds.map((id) => labelName.get(id)?.name ?? id).join(', ');
    const isCurrent = target?.column === column && target.start === segment.start;
    return (
      <mark
        key={segment.start}
        data-start={segment.start}
        className={`compare-span ${segment.kind}${isCurrent ? ' current' : ''}`}
        style={{ borderBottomColor: label?.color }}
        title={segment.kind === 'diff' ? `${names} — not in ${others}` : names}
        aria-label={segment.kind === 'diff' ? `${piece} (${names}, in ${side.name}’s layer, not in ${others})` : undefined}
        aria-current={isCurrent ? 'true' : undefined}
      >
        {piece}
      </mark>
    );
  };
  return (
    <section className="compare-view" aria-label="Compare layers">
      <div className="compare-nav">
        <p className="compare-summary" role="status">
          {summaryOf(comparison)}
        </p>
        <button type="button" disabled={differences.length === 0} onClick={() => step(-1)} aria-keyshortcuts="Shift+N">
          Previous difference
        </button>
        <button type="button" disabled={differences.length === 0} onClick={() => step(1)} aria-keyshortcuts="N">
          Next difference
        </button>
        <span className="hint" aria-live="polite">
          {differences.length === 0 ? 'No differences.' : `Difference ${current + 1} of ${differences.length}`}
        </span>
      </div>
      <div className="compare-columns" ref={columnsRef} style={{ '--compare-columns': comparison.layers.length } as CSSProperties}>
        {comparison.layers.map((side, column) => (
          <article key={side.layer} data-column={column} className="compare-column" aria-label={`${side.name}’s layer`}>
            <h2>
              {side.name} <span className="compare-count">({notInAll(side)} not in {others})</span>
            </h2>
            <div className="compare-text" dir="auto">
              {columns[column]!.map((segment) => mark(segment, side, column))}
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}
