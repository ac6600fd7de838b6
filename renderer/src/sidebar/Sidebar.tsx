import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { Analysis } from '../state/useAnalysis';
import { AnnotationCard } from './AnnotationCard';
import { cardDetails } from './card-details';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { ReaderCommands } from './reader-commands';

interface SidebarProps {
  annotations: readonly ReaderAnnotation[];
  labels: readonly Label[];
  hiddenLabels: ReadonlySet<string>;
  selectedId: string | null;
  analysis: Analysis;
  commands: ReaderCommands;
}

/** The document's annotations in reading order; a long list renders only what is in view. */
export const Sidebar = memo(function Sidebar(props: SidebarProps) {
  const { annotations, labels, hiddenLabels, selectedId } = props;
  const counts = useMemo(() => {
    const result = new Map<string, number>();
    for (const a of annotations) result.set(a.labelId, (result.get(a.labelId) ?? 0) + 1);
    return result;
  }, [annotations]);
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  const shown = useMemo(() => annotations.filter((a) => !hiddenLabels.has(a.labelId)), [annotations, hiddenLabels]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 132,
    overscan: 6,
    getItemKey: useCallback((index: number) => shown[index]!.id, [shown]),
    scrollPaddingStart: 8,
    scrollPaddingEnd: 16,
  });

  // After the reader has painted: bringing the card into view is not urgent.
  useEffect(() => {
    if (!selectedId) return;
    const timer = setTimeout(() => {
      const index = shown.findIndex((a) => a.id === selectedId);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    }, 30);
    return () => clearTimeout(timer);
  }, [selectedId, shown, virtualizer]);

  return (
    <aside className="sidebar" aria-label="Annotations">
      <div className="sidebar-head">
        <h2>
          Annotations <span className="total">{annotations.length}</span>
        </h2>
        <div className="filters" role="group" aria-label="Show labels">
          {labels.map((label) => {
            const on = !hiddenLabels.has(label.id);
            return (
              <button
                key={label.id}
                type="button"
                className={`filter-chip${on ? ' on' : ''}`}
                aria-pressed={on}
                onClick={() => props.commands.toggleLabel(label.id)}
                title={on ? `Hide ${label.name} annotations in this list` : `Show ${label.name} annotations`}
              >
                <span className="swatch" style={{ background: label.color }} aria-hidden="true" />
                {label.name} <span className="count">{counts.get(label.id) ?? 0}</span>
              </button>
            );
          })}
        </div>
      </div>
      <div ref={scrollRef} className="card-scroll">
        {shown.length === 0 ? (
          <p className="sidebar-empty">
            {annotations.length === 0
              ? 'Select text in the report and press 1, 2 or 3 (or use the toolbar) to tag it.'
              : 'No annotations with the labels shown.'}
          </p>
        ) : (
          <div role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const annotation = shown[item.index]!;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="card-slot"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <AnnotationCard
                    annotation={annotation}
                    labels={labels}
                    selected={annotation.id === selectedId}
                    details={cardDetails(annotation, props.analysis, byId)}
                    commands={props.commands}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </aside>
  );
});
