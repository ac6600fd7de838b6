// The claims as a table whose rows are fetched a page at a time and rendered only on screen.
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type Dispatch, type KeyboardEvent, type RefObject, type SetStateAction } from 'react';
import type { ClaimRow } from '../../../shared/schemas/claims';
import { ClaimCells } from './ClaimCells';
import { nextSort, type SortColumn, type SortState } from './claim-filters';
import type { ClaimsQueryState } from './useClaimsQuery';
import type { ClaimPages, ClaimsRequest } from './useClaimPages';

const rowHeight = 58;

interface ClaimsTableProps {
  query: ClaimsQueryState;
  pages: ClaimPages;
  onOpen(documentId: string, annotationId: string): void;
}

export function ClaimsTable({ query, pages, onOpen }: ClaimsTableProps) {
  const count = pages.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { ensure } = pages;
  useEffect(() => ensure(first, last), [ensure, first, last]);

  const open = (row: ClaimRow | undefined) => row && onOpen(row.documentId, row.id);
  const { active, setActive, onKeyDown } = useRowKeys(count, virtualizer, scrollRef, query.request, (index) => open(pages.row(index)));

  return (
    <div className="claims-table" role="table" aria-label="Claims" aria-rowcount={count + 1} aria-colcount={7}>
      <ClaimsHeader sort={query.sort} setSort={query.setSort} />
      <div ref={scrollRef} className="claims-scroll" role="rowgroup" onKeyDown={onKeyDown}>
        {pages.total === 0 && !pages.error ? (
          <p className="sidebar-empty claims-empty">
            {query.filtered ? 'No claims match these filters.' : 'No claims yet. Tag a span as Claim in a report, link it to its source and place, and it appears here.'}
          </p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = pages.row(item.index);
              return (
                <div
                  key={item.index}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-index={item.index}
                  data-claim-id={row?.id}
                  tabIndex={item.index === active ? 0 : -1}
                  className={`claims-row claims-body-row${item.index === active ? ' active' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
                  onFocus={() => setActive(item.index)}
                  onClick={() => {
                    setActive(item.index);
                    open(row);
                  }}
                  aria-busy={row ? undefined : true}
                >
                  {row ? (
                    <ClaimCells row={row} {...query.columns} />
                  ) : (
                    <div role="cell" className="claims-cell loading">
                      Loading…
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

function ClaimsHeader({ sort, setSort }: { sort: SortState; setSort: Dispatch<SetStateAction<SortState>> }) {
  const header = (column: SortColumn, title: string) => {
    const on = sort.column === column;
    return (
      <div role="columnheader" className="claims-cell" aria-sort={on ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort-button" onClick={() => setSort((s) => nextSort(s, column))} title={`Sort by ${title.toLowerCase()}`}>
          {title}
          <span className="sort-mark" aria-hidden="true">
            {on ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </div>
    );
  };
  return (
    <div role="rowgroup">
      <div role="row" className="claims-row claims-header" aria-rowindex={1}>
        {header('quote', 'Quote')}
        {header('document', 'Report')}
        {header('date', 'Date')}
        {header('sources', 'Sources')}
        {header('locations', 'Locations')}
        {header('status', 'Status')}
        {header('confidence', 'Confidence')}
      </div>
    </div>
  );
}

/** One row is in the tab order; arrow keys, Page Up/Down, Home and End move it, Enter opens it. A new request starts at the top. */
function useRowKeys(count: number, virtualizer: Virtualizer<HTMLDivElement, Element>, scrollRef: RefObject<HTMLDivElement | null>, request: ClaimsRequest, openRow: (index: number) => void) {
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);
  useEffect(() => {
    setActive(0);
    virtualizer.scrollToOffset(0);
    // A new query starts at the top.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  useEffect(() => {
    if (!focusWanted.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (el) {
      focusWanted.current = false;
      el.focus({ preventScroll: true });
    }
  });

  const move = useCallback(
    (to: number) => {
      if (count === 0) return;
      const index = Math.max(0, Math.min(count - 1, to));
      focusWanted.current = true;
      setActive(index);
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [count, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + pageRows),
      PageUp: () => move(active - pageRows),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => openRow(active),
    };
    const action = keys[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    action();
  };

  return { active, setActive, onKeyDown };
}
