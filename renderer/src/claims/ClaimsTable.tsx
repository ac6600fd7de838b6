// The claims as a table whose rows are fetched a page at a time and rendered only on screen.
import { useEffect, useState, type Dispatch, type KeyboardEvent, type SetStateAction } from 'react';
import type { ClaimRow } from '../../../shared/schemas/claims';
import { useGridRows } from '../grid/useGridRows';
import { ClaimCells } from './ClaimCells';
import { nextSort, type SortColumn, type SortState } from './claim-filters';
import type { ClaimsQueryState } from './useClaimsQuery';
import type { ClaimPages } from './useClaimPages';

const rowHeight = 58;

interface ClaimsTableProps {
  query: ClaimsQueryState;
  pages: ClaimPages;
  onOpen(documentId: string, annotationId: string): void;
}

export function ClaimsTable({ query, pages, onOpen }: ClaimsTableProps) {
  const count = pages.total ?? 0;
  const [active, setActive] = useState(0);
  const grid = useGridRows({ count, rowHeight, overscan: 10, active, setActive, ensure: pages.ensure });
  const { scrollRef, virtualizer } = grid;
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    setActive(0);
    virtualizer.scrollToOffset(0);
    // A new query starts at the top.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query.request]);

  const open = (row: ClaimRow | undefined) => row && onOpen(row.documentId, row.id);
  /** Arrows, Page Up/Down, Home and End move the active row; Enter opens it. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const to = grid.target(event.key);
    if (to !== null) grid.move(to);
    else if (event.key === 'Enter') open(pages.row(active));
    else return;
    event.preventDefault();
  };

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
