// The library as a grid of one-line rows, virtualised and fetched a page at a time: title,
// outlet, author, date, counts per label, tags. Headers sort (aria-sort); rows are selected with
// the mouse and keyboard (useLibraryKeys). Its scroll offset is kept in the library's state, so
// coming back from a report finds the same place.
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import type { DocumentSummary } from '../../../shared/schemas/library';
import type { LibrarySortKey } from '../../../shared/schemas/library-query';
import type { Label } from '../../../shared/schemas/schema';
import { LabelCounts } from '../components/LabelCounts';
import { useGridRows } from '../grid/useGridRows';
import { formatDate } from './format-date';
import type { LibraryState } from './useLibrary';
import { useLibraryKeys, type RowActions } from './useLibraryKeys';

const rowHeight = 36;

const columns: { key: LibrarySortKey | null; title: string }[] = [
  { key: 'title', title: 'Title' },
  { key: 'outlet', title: 'Outlet' },
  { key: 'author', title: 'Author' },
  { key: 'date', title: 'Date' },
  { key: 'annotations', title: 'Annotations' },
  { key: null, title: 'Tags' },
  { key: null, title: 'Actions' },
];

interface LibraryTableProps {
  library: LibraryState;
  labels: readonly Label[];
  actions: RowActions;
  /** Focus the active row once it is drawn (coming back to the library). */
  focusOnShow: boolean;
}

export function LibraryTable({ library, labels, actions, focusOnShow }: LibraryTableProps) {
  const { pages, selection, active, setActive, scrollTop } = library;
  const count = pages.total ?? 0;
  const grid = useGridRows({ count, rowHeight, overscan: 12, active, setActive, ensure: pages.ensure, initialOffset: () => scrollTop.current });
  const { scrollRef, virtualizer } = grid;
  const { onKeyDown, onRowClick } = useLibraryKeys(library, grid, actions);
  const items = virtualizer.getVirtualItems();

  // A new filter or sort starts at the top.
  const requestKey = JSON.stringify([library.filter, library.sort]);
  const shownKey = useRef(requestKey);
  useEffect(() => {
    if (requestKey === shownKey.current) return;
    shownKey.current = requestKey;
    // Scrolling measures the list (a forced layout): not when it is at the top already.
    if (scrollTop.current > 0) virtualizer.scrollToOffset(0);
  }, [requestKey, virtualizer, scrollTop]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && scrollTop.current > 0) el.scrollTop = scrollTop.current;
    // Only when the table appears: later scrolling is the analyst's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const focused = useRef(!focusOnShow);
  useEffect(() => {
    if (focused.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (row) {
      focused.current = true;
      row.focus({ preventScroll: true });
    }
  });

  return (
    <div className="library-table" role="grid" aria-label="Reports" aria-rowcount={count + 1} aria-colcount={columns.length} aria-multiselectable="true">
      <LibraryHeader library={library} scrollRef={scrollRef} />
      <div
        ref={scrollRef}
        className="library-scroll"
        role="rowgroup"
        onKeyDown={onKeyDown}
        onScroll={(e) => (scrollTop.current = e.currentTarget.scrollTop)}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const doc = pages.row(item.index);
            const selected = doc !== undefined && selection.ids.has(doc.id);
            return (
              <div
                key={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                aria-busy={doc ? undefined : true}
                data-index={item.index}
                data-id={doc?.id}
                tabIndex={item.index === active ? 0 : -1}
                className={`library-row${item.index === active ? ' active' : ''}${selected ? ' selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
                onFocus={(e) => e.target === e.currentTarget && setActive(item.index)}
                onClick={(e) => onRowClick(e, item.index, doc)}
                onDoubleClick={() => doc && actions.open(doc)}
              >
                {doc ? (
                  <LibraryCells doc={doc} labels={labels} actions={actions} />
                ) : (
                  <div role="gridcell" className="library-cell loading">
                    Loading…
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function LibraryCells({ doc, labels, actions }: { doc: DocumentSummary; labels: readonly Label[]; actions: RowActions }) {
  const date = doc.publishedAt ? formatDate(doc.publishedAt) : `imported ${formatDate(doc.importedAt)}`;
  return (
    <>
      <div role="gridcell" className="library-cell doc-title-cell">
        <button
          type="button"
          tabIndex={-1}
          className="doc-open"
          dir="auto"
          title={doc.title}
          onClick={(e) => {
            if (e.shiftKey || e.ctrlKey || e.metaKey) return;
            e.stopPropagation();
            actions.open(doc);
          }}
        >
          {doc.title}
        </button>
      </div>
      <div role="gridcell" className="library-cell" dir="auto">
        {doc.outlet}
      </div>
      <div role="gridcell" className="library-cell" dir="auto">
        {doc.author}
      </div>
      <div role="gridcell" className="library-cell">
        {date}
      </div>
      <div role="gridcell" className="library-cell">
        <LabelCounts labels={labels} counts={doc.counts} />
      </div>
      <div role="gridcell" className="library-cell">
        {doc.tags.length > 0 && (
          <span className="doc-tags" aria-label="Tags">
            {doc.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </span>
        )}
      </div>
      <div role="gridcell" className="library-cell">
        <button
          type="button"
          tabIndex={-1}
          onClick={(e) => {
            e.stopPropagation();
            actions.details(doc);
          }}
          title="Details (Alt+Enter)"
        >
          Details…
        </button>
      </div>
    </>
  );
}

function LibraryHeader({ library, scrollRef }: { library: LibraryState; scrollRef: RefObject<HTMLDivElement | null> }) {
  const { sort, setSort, active } = library;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowRight' ? 1 : -1)))]?.focus();
    } else if (event.key === 'ArrowDown') {
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
    } else return;
    event.preventDefault();
  };
  return (
    <div role="rowgroup">
      <div role="row" className="library-row library-header" aria-rowindex={1} onKeyDown={onKeyDown}>
        {columns.map(({ key, title }) => {
          const on = key !== null && sort.key === key;
          return (
            <div
              key={title}
              role="columnheader"
              className="library-cell"
              aria-sort={key === null ? undefined : on ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              {key === null ? (
                <span className={title === 'Actions' ? 'visually-hidden' : undefined}>{title}</span>
              ) : (
                <button
                  type="button"
                  tabIndex={-1}
                  className="sort-button"
                  title={`Sort by ${title.toLowerCase()}`}
                  onClick={() => setSort({ key, direction: on && sort.direction === 'asc' ? 'desc' : on ? 'asc' : key === 'date' || key === 'annotations' ? 'desc' : 'asc' })}
                >
                  {title}
                  <span className="sort-mark" aria-hidden="true">
                    {on ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
