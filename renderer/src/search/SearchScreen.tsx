// Corpus search (Ctrl/Cmd+Shift+F): a query with filters over every report, ranked results
// grouped by report with the matches in context, paging, and the consistency reports. A hit
// opens its report with the match selected.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { Occurrence, SearchHit, TagHitsArgs } from '../../../shared/schemas/search';
import { ConsistencyPanel } from './ConsistencyPanel';
import { SearchForm } from './SearchForm';
import { SearchResults, type SearchResultsHandle } from './SearchResults';
import { TagHitsBar, type TagHitsBarHandle } from './TagHitsBar';
import { useSearch } from './useSearch';
import '../components/screens.css';
import './search.css';

/** Where a report opens: at an annotation, or at a range of its text (UTF-16 units). */
export interface OpenAt {
  annotationId?: string;
  range?: { start: number; end: number };
}

/** A command for the screen from the menu or the keyboard (App.tsx): tag the hits, undo or redo that. */
export interface SearchRequest {
  kind: 'tag-hits' | 'undo' | 'redo';
  serial: number;
}

interface SearchScreenProps {
  labels: readonly Label[];
  onOpen(documentId: string, at: OpenAt): void;
  request?: SearchRequest | null;
}

type HitRange = NonNullable<TagHitsArgs['hits']>[number];
const hitKey = (hit: SearchHit) => `${hit.documentId}:${hit.utf16.start}:${hit.utf16.end}`;

function countText(search: ReturnType<typeof useSearch>): string {
  if (search.error) return '';
  if (!search.results) return search.searching ? 'Searching…' : 'Type to search every report.';
  const { total, capped, reports, elapsedMs, partial } = search.results;
  if (total === 0) return 'No report matches.';
  const page = search.pages > 1 ? `, page ${search.page + 1} of ${search.pages}` : '';
  // Capped: a very common word; the best of the first candidates are ranked (search.ts, candidateCap).
  const count = capped ? `More than ${total.toLocaleString()} reports match` : `${total.toLocaleString()} ${total === 1 ? 'report matches' : 'reports match'}`;
  // Partial: the query ran out of its time budget placing hits (search.ts, searchBudgetMs).
  if (partial) return `${count}${page}: showing the first ${reports.length}, refine the query to see more (${Math.round(elapsedMs)} ms).`;
  return `${count}${page} (${reports.length} shown, ${Math.round(elapsedMs)} ms).`;
}

export function SearchScreen({ labels, onOpen, request }: SearchScreenProps) {
  const search = useSearch();
  const [view, setView] = useState<'results' | 'consistency'>('results');
  const resultsRef = useRef<SearchResultsHandle>(null);
  const tagRef = useRef<TagHitsBarHandle>(null);
  /** Hits checked in the list, by hitKey: tagging then takes only these. */
  const [selected, setSelected] = useState<ReadonlyMap<string, HitRange>>(new Map());
  useEffect(() => setSelected(new Map()), [search.form]);
  const toggleHit = (hit: SearchHit) =>
    setSelected((current) => {
      const next = new Map(current);
      if (!next.delete(hitKey(hit))) next.set(hitKey(hit), { documentId: hit.documentId, ...hit.utf16 });
      return next;
    });
  const handled = useRef(request?.serial);
  useEffect(() => {
    if (!request || request.serial === handled.current) return;
    handled.current = request.serial;
    setView('results');
    if (request.kind === 'undo') tagRef.current?.undo();
    else if (request.kind === 'redo') tagRef.current?.redo();
    else requestAnimationFrame(() => tagRef.current?.focusLabel());
  }, [request]);
  const { query, label, outlet, tag, dateFrom, dateTo } = search.form;
  const tagSearch = useMemo(
    () => ({ query, label: label || undefined, outlet: outlet.trim() || undefined, tag: tag.trim() || undefined, dateFrom: dateFrom || undefined, dateTo: dateTo || undefined }),
    [query, label, outlet, tag, dateFrom, dateTo],
  );
  const openHit = (hit: SearchHit) =>
    onOpen(hit.documentId, hit.field === 'title' || hit.field === 'details' ? {} : hit.field === 'note' ? { annotationId: hit.annotationId ?? undefined } : { range: hit.utf16 });
  const openOccurrence = (o: Occurrence) => onOpen(o.documentId, o.annotationId ? { annotationId: o.annotationId } : { range: o.utf16 });

  return (
    <main className="search-screen" aria-labelledby="search-title">
      <header className="screen-head">
        <h1 id="search-title">Search</h1>
        <div className="segmented" role="radiogroup" aria-label="Show">
          {(['results', 'consistency'] as const).map((id) => (
            <label key={id} className={view === id ? 'on' : ''}>
              <input type="radio" name="search-view" checked={view === id} onChange={() => setView(id)} />
              {id === 'results' ? 'Results' : 'Consistency'}
            </label>
          ))}
        </div>
      </header>
      {view === 'consistency' ? (
        <ConsistencyPanel labels={labels} onOpen={openOccurrence} />
      ) : (
        <>
          <SearchForm form={search.form} labels={labels} update={search.update} toResults={() => resultsRef.current?.focusFirst()} />
          <p className="hint search-count" role="status" aria-live="polite">
            {countText(search)}
          </p>
          {search.error && (
            <p className="search-error" role="alert">
              {search.error}
            </p>
          )}
          {search.results && search.results.reports.length > 0 && (
            <>
              {/* Actions on the results: paging, then tagging the hits (TagHitsBar). */}
              <div className="search-result-actions" role="toolbar" aria-label="Results">
                <button type="button" disabled={search.page === 0} onClick={() => search.setPage(search.page - 1)}>
                  Previous page
                </button>
                <button type="button" disabled={search.page + 1 >= search.pages} onClick={() => search.setPage(search.page + 1)}>
                  Next page
                </button>
              </div>
              <TagHitsBar
                ref={tagRef}
                labels={labels}
                search={tagSearch}
                selected={[...selected.values()]}
                onTagged={() => {
                  setSelected(new Map());
                  search.refresh();
                }}
              />
              <SearchResults ref={resultsRef} results={search.results} labels={labels} onOpenHit={openHit} isSelected={(hit) => selected.has(hitKey(hit))} onToggleHit={toggleHit} />
            </>
          )}
        </>
      )}
    </main>
  );
}
