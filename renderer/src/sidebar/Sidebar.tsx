import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { Analysis } from '../state/useAnalysis';
import { AnnotationCard } from './AnnotationCard';
import { cardDetails } from './card-details';
import type { DocumentWindow } from '../state/document-window';
import type { ReaderCommands } from './reader-commands';
import { useAnnotationList } from './useAnnotationList';
import { StatusFilterBar } from './StatusFilterBar';
import { EventList } from './EventList';
import type { StatusFilter } from '../reader/status-filter';

interface SidebarProps {
  /** The open report (the list asks main for its annotations a page at a time). */
  window: DocumentWindow;
  labels: readonly Label[];
  hiddenLabels: ReadonlySet<string>;
  selectedId: string | null;
  analysis: Analysis;
  commands: ReaderCommands;
  /** The highlight filter by status, shown under the label filters. */
  statusFilter: StatusFilter;
  onStatusFilter(filter: StatusFilter): void;
}

/** The document's annotations in reading order, loaded a page at a time; only what is in view renders. */
export const Sidebar = memo(function Sidebar(props: SidebarProps) {
  const { labels, hiddenLabels, selectedId, analysis } = props;
  const named = useMemo(() => [...new Set(analysis.relations.flatMap((r) => [r.fromId, r.toId]))], [analysis.relations]);
  const list = useAnnotationList(props.window, labels, hiddenLabels, named);
  const { at } = list;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: list.shown,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 6,
    getItemKey: useCallback((index: number) => at(index)?.id ?? `row-${index}`, [at]),
    scrollPaddingStart: 8,
    scrollPaddingEnd: 16,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { need, indexOf } = list;
  useEffect(() => need(first, last), [need, first, last, list.shown]);

  // After the reader has painted: bringing the card into view is not urgent.
  const listedSelected = selectedId !== null && list.loaded.has(selectedId);
  useEffect(() => {
    if (!selectedId) return;
    let current = true;
    const timer = setTimeout(() => {
      indexOf(selectedId).then(
        (index) => current && index !== null && virtualizer.scrollToIndex(index, { align: 'auto' }),
        () => undefined,
      );
    }, 30);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // Once per selection (and again when the list's set changes under it), not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, list.shown, listedSelected]);

  return (
    <aside className="sidebar" aria-label="Annotations">
      <div className="sidebar-head">
        <h2>
          Annotations <span className="total">{list.total ?? ''}</span>
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
                {label.name} <span className="count">{list.byLabel[label.id] ?? 0}</span>
              </button>
            );
          })}
          <StatusFilterBar schemaLabels={analysis.schema?.labels ?? []} filter={props.statusFilter} onChange={props.onStatusFilter} />
        </div>
      </div>
      <EventList events={analysis.events} eventTypes={analysis.eventTypes} selectedId={selectedId} commands={props.commands} />
      <div ref={scrollRef} className="card-scroll">
        {list.shown === 0 ? (
          <p className="sidebar-empty">
            {list.total === null ? '' : list.total === 0
              ? 'Select text in the report and press 1, 2 or 3 (or use the toolbar) to tag it.'
              : 'No annotations with the labels shown.'}
          </p>
        ) : (
          <div role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const annotation = at(item.index);
              return (
                <div
                  key={item.key}
                  role="listitem"
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="card-slot"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {annotation ? (
                    <AnnotationCard
                      annotation={annotation}
                      labels={labels}
                      selected={annotation.id === selectedId}
                      details={cardDetails(annotation, analysis, list.loaded)}
                      commands={props.commands}
                    />
                  ) : (
                    <div className="card-loading" aria-busy="true" style={{ height: 120 }} />
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </aside>
  );
});
