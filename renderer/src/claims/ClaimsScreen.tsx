// Every claim of the corpus in one table: quote, report, date, attributed sources, locations,
// status and confidence. Sorting and filtering happen in the store; rows are fetched a page at
// a time as the list scrolls, and only the rows on screen are in the DOM.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AttributeFilter, ClaimFilters, ClaimRow, ClaimSort } from '../../../shared/schemas/claims';
import type { AttributeValue, AnalysisSchema, LabelAttribute } from '../../../shared/schemas/schema';
import { call, messageOf } from '../api';
import { useNotices } from '../components/Notices';
import { formatDate } from '../library/Library';
import { useClaimPages, type ClaimsRequest } from './useClaimPages';
import '../components/screens.css';
import './claims.css';

interface ClaimsScreenProps {
  /** Opens the report at the claim. */
  onOpen(documentId: string, annotationId: string): void;
}

type SortColumn = 'quote' | 'document' | 'date' | 'status' | 'confidence';

interface Draft {
  /** Claim attribute filters: attribute id → chosen value ('' for any). */
  attributes: Record<string, string>;
  /** Source attribute filters: attribute id → chosen value. */
  sourceAttributes: Record<string, string>;
  dateFrom: string;
  dateTo: string;
  tag: string;
  text: string;
}

const emptyDraft: Draft = { attributes: {}, sourceAttributes: {}, dateFrom: '', dateTo: '', tag: '', text: '' };
const rowHeight = 58;

function findAttribute(attributes: readonly LabelAttribute[], id: string, name: string): LabelAttribute | undefined {
  return attributes.find((a) => a.id === id) ?? attributes.find((a) => a.name.toLowerCase() === name);
}

/** Choice, multi-choice and yes/no attributes can be filtered by one value. */
function filterable(a: LabelAttribute): boolean {
  return a.type === 'choice' || a.type === 'multi' || a.type === 'boolean';
}

function filterValue(a: LabelAttribute, raw: string): string | boolean {
  return a.type === 'boolean' ? raw === 'true' : raw;
}

export function formatValue(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function toFilters(draft: Draft, claimAttributes: readonly LabelAttribute[], sourceAttributes: readonly LabelAttribute[]): ClaimFilters {
  const pick = (chosen: Record<string, string>, attributes: readonly LabelAttribute[]): AttributeFilter[] =>
    attributes
      .filter((a) => chosen[a.id])
      .map((a) => ({ attributeId: a.id, values: [filterValue(a, chosen[a.id]!)] }));
  const filters: ClaimFilters = {};
  const attrs = pick(draft.attributes, claimAttributes);
  const sources = pick(draft.sourceAttributes, sourceAttributes);
  if (attrs.length) filters.attributes = attrs;
  if (sources.length) filters.sourceAttributes = sources;
  if (draft.dateFrom) filters.dateFrom = draft.dateFrom;
  if (draft.dateTo) filters.dateTo = draft.dateTo;
  if (draft.tag) filters.tags = [draft.tag];
  if (draft.text.trim()) filters.text = draft.text.trim();
  return filters;
}

export function ClaimsScreen({ onOpen }: ClaimsScreenProps) {
  const { notify } = useNotices();
  const [schema, setSchema] = useState<AnalysisSchema | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<{ column: SortColumn; direction: 'asc' | 'desc' }>({ column: 'date', direction: 'desc' });

  useEffect(() => {
    Promise.all([call('schema.get', {}), call('documents.list', {})])
      .then(([s, docs]) => {
        setSchema(s);
        setTags([...new Set(docs.flatMap((d) => d.tags))].sort((a, b) => a.localeCompare(b)));
      })
      .catch((error) => notify(messageOf(error), 'error'));
  }, [notify]);

  // The quote search waits for a pause in typing.
  useEffect(() => {
    const timer = setTimeout(() => setDraft((d) => (d.text === text ? d : { ...d, text })), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const claimLabel = schema?.labels.find((l) => l.id === 'claim');
  const sourceLabel = schema?.labels.find((l) => l.id === 'source');
  const claimAttributes = useMemo(() => claimLabel?.attributes ?? [], [claimLabel]);
  const sourceAttributes = useMemo(() => sourceLabel?.attributes ?? [], [sourceLabel]);
  const status = findAttribute(claimAttributes, 'claim-status', 'status');
  const confidence = findAttribute(claimAttributes, 'claim-confidence', 'confidence');
  const sourceKind = findAttribute(sourceAttributes, 'source-kind', 'kind');

  const request = useMemo<ClaimsRequest>(() => {
    let claimSort: ClaimSort;
    if (sort.column === 'status' || sort.column === 'confidence') {
      const attribute = sort.column === 'status' ? status : confidence;
      claimSort = attribute ? { key: 'attribute', attributeId: attribute.id, direction: sort.direction } : { key: 'date', direction: 'desc' };
    } else {
      claimSort = { key: sort.column, direction: sort.direction };
    }
    return { filters: toFilters(draft, claimAttributes, sourceAttributes), sort: claimSort };
  }, [draft, sort, status, confidence, claimAttributes, sourceAttributes]);

  const pages = useClaimPages(request);
  const count = pages.total ?? 0;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { ensure } = pages;
  useEffect(() => ensure(first, last), [ensure, first, last]);

  // One row is in the tab order; arrow keys move between rows.
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

  const open = useCallback((row: ClaimRow | undefined) => row && onOpen(row.documentId, row.id), [onOpen]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + pageRows),
      PageUp: () => move(active - pageRows),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => open(pages.row(active)),
    };
    const action = keys[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    action();
  };

  const header = (column: SortColumn, title: string) => {
    const on = sort.column === column;
    return (
      <div role="columnheader" className="claims-cell" aria-sort={on ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="sort-button"
          onClick={() =>
            setSort((s) => ({ column, direction: s.column === column ? (s.direction === 'asc' ? 'desc' : 'asc') : column === 'date' ? 'desc' : 'asc' }))
          }
          title={`Sort by ${title.toLowerCase()}`}
        >
          {title}
          <span className="sort-mark" aria-hidden="true">
            {on ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </div>
    );
  };

  const attributeSelect = (attribute: LabelAttribute, group: 'attributes' | 'sourceAttributes', label: string) => (
    <label key={`${group}-${attribute.id}`} className="filter-field">
      <span>{label}</span>
      <select
        value={draft[group][attribute.id] ?? ''}
        onChange={(event) => setDraft((d) => ({ ...d, [group]: { ...d[group], [attribute.id]: event.target.value } }))}
      >
        <option value="">Any</option>
        {(attribute.type === 'boolean' ? ['true', 'false'] : attribute.options).map((o) => (
          <option key={o} value={o}>
            {attribute.type === 'boolean' ? (o === 'true' ? 'yes' : 'no') : o}
          </option>
        ))}
      </select>
    </label>
  );

  const filtered = JSON.stringify(draft) !== JSON.stringify(emptyDraft) || text !== '';

  return (
    <main className="claims-screen" aria-labelledby="claims-title">
      <header className="screen-head">
        <h1 id="claims-title">Claims</h1>
        <p className="hint" role="status" aria-live="polite">
          {pages.total === null ? 'Loading…' : filtered
              ? `${count.toLocaleString()} ${count === 1 ? 'claim matches' : 'claims match'} the filters.`
              : `${count.toLocaleString()} ${count === 1 ? 'claim' : 'claims'} in the library.`}
        </p>
      </header>
      <div className="claims-filters" role="search" aria-label="Filter claims">
        <label className="filter-field wide">
          <span>Quote contains</span>
          <input type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder="Search quotes" />
        </label>
        {claimAttributes.filter(filterable).map((a) => attributeSelect(a, 'attributes', capitalise(a.name)))}
        {sourceAttributes.filter(filterable).map((a) => attributeSelect(a, 'sourceAttributes', `Source ${a.name}`))}
        <label className="filter-field">
          <span>Published from</span>
          <input type="date" value={draft.dateFrom} onChange={(event) => setDraft((d) => ({ ...d, dateFrom: event.target.value }))} />
        </label>
        <label className="filter-field">
          <span>to</span>
          <input type="date" value={draft.dateTo} onChange={(event) => setDraft((d) => ({ ...d, dateTo: event.target.value }))} />
        </label>
        <label className="filter-field">
          <span>Report tag</span>
          <select value={draft.tag} onChange={(event) => setDraft((d) => ({ ...d, tag: event.target.value }))}>
            <option value="">Any</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="clear-filters"
          disabled={!filtered}
          onClick={() => {
            setText('');
            setDraft(emptyDraft);
          }}
        >
          Clear filters
        </button>
      </div>
      {pages.error && (
        <p className="claims-error" role="alert">
          {pages.error}
        </p>
      )}
      <div className="claims-table" role="table" aria-label="Claims" aria-rowcount={count + 1} aria-colcount={7}>
        <div role="rowgroup">
          <div role="row" className="claims-row claims-header" aria-rowindex={1}>
            {header('quote', 'Quote')}
            {header('document', 'Report')}
            {header('date', 'Date')}
            <div role="columnheader" className="claims-cell">
              Sources
            </div>
            <div role="columnheader" className="claims-cell">
              Locations
            </div>
            {header('status', 'Status')}
            {header('confidence', 'Confidence')}
          </div>
        </div>
        <div ref={scrollRef} className="claims-scroll" role="rowgroup" onKeyDown={onKeyDown}>
          {pages.total === 0 && !pages.error ? (
            <p className="sidebar-empty claims-empty">
              {filtered
                ? 'No claims match these filters.'
                : 'No claims yet. Tag a span as Claim in a report, link it to its source and place, and it appears here.'}
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
                      <ClaimCells row={row} statusId={status?.id} confidenceId={confidence?.id} sourceKindId={sourceKind?.id} />
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
      <p className="hint small claims-keys">
        ↑ ↓ move between claims · Enter opens the report at the claim · click a column heading to sort
      </p>
    </main>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ClaimCells({ row, statusId, confidenceId, sourceKindId }: { row: ClaimRow; statusId?: string; confidenceId?: string; sourceKindId?: string }) {
  const sources = row.sources.map((s) => {
    const kind = sourceKindId ? formatValue(s.attributes[sourceKindId]) : '';
    return { id: s.id, text: s.quote, kind };
  });
  const locations = row.locations.map((l) => ({ id: l.id, text: l.place ? l.place.name : l.quote, title: l.place ? `${l.quote} → ${l.place.name}${l.place.country ? `, ${l.place.country}` : ''}` : `${l.quote} (not resolved)` }));
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
