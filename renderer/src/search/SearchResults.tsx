// Ranked results grouped by report: each report's title and its hits in context, the match
// marked. ↑/↓ move between hits, Enter (or a click) opens the report at the hit.
import { forwardRef, useImperativeHandle, useRef, type KeyboardEvent } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { SearchHit, SearchResults as Results } from '../../../shared/schemas/search';
import { formatDate } from '../library/Library';

export interface SearchResultsHandle {
  focusFirst(): void;
}

interface SearchResultsProps {
  results: Results;
  labels: readonly Label[];
  onOpenHit(hit: SearchHit): void;
  /** Hits in the text can be checked, to tag only those (TagHitsBar). */
  isSelected(hit: SearchHit): boolean;
  onToggleHit(hit: SearchHit): void;
}

/** The snippet with its match in <mark>; offsets are code points. */
function Snippet({ hit }: { hit: SearchHit }) {
  const points = Array.from(hit.snippet);
  return (
    <span className="search-snippet">
      {points.slice(0, hit.snippetMatch.start).join('')}
      <mark>{points.slice(hit.snippetMatch.start, hit.snippetMatch.end).join('')}</mark>
      {points.slice(hit.snippetMatch.end).join('')}
    </span>
  );
}

const fieldNames: Record<SearchHit['field'], string> = { text: '', title: 'In the title', details: 'In the details', note: 'In a note' };

export const SearchResults = forwardRef<SearchResultsHandle, SearchResultsProps>(function SearchResults({ results, labels, onOpenHit, isSelected, onToggleHit }, ref) {
  const listRef = useRef<HTMLOListElement>(null);
  const hitButtons = () => Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button.search-hit') ?? []);
  useImperativeHandle(ref, () => ({ focusFirst: () => hitButtons()[0]?.focus() }), []);
  const labelName = (id: string | null) => labels.find((l) => l.id === id)?.name ?? '';

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    const buttons = hitButtons();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
    if (event.key === 'ArrowUp' && at === 0) {
      (document.querySelector('.search-query input') as HTMLInputElement | null)?.focus();
    } else buttons[next]?.focus();
    event.preventDefault();
  };

  return (
    <ol className="search-results" aria-label="Reports found" ref={listRef} onKeyDown={onKeyDown}>
      {results.reports.map((report) => (
        <li key={report.documentId} className="search-report">
          <h2 className="search-report-title">
            {report.title}
            <span className="hint small">
              {' '}
              {[report.outlet, formatDate(report.publishedAt)].filter(Boolean).join(' · ')}
              {' · '}
              {report.hitCount === 1 ? '1 match' : `${report.hitCount.toLocaleString()} matches`}
            </span>
          </h2>
          <ul className="search-hits" aria-label={`Matches in ${report.title}`}>
            {report.hits.map((hit) => (
              <li key={`${hit.field}:${hit.start}:${hit.annotationId ?? ''}`} className="search-hit-row">
                {hit.field === 'text' && (
                  <input type="checkbox" checked={isSelected(hit)} onChange={() => onToggleHit(hit)} aria-label={`Select the match “${hit.quote}” in ${report.title}`} />
                )}
                <button type="button" className="search-hit" onClick={() => onOpenHit(hit)} data-start={hit.start} data-end={hit.end}>
                  {(fieldNames[hit.field] || hit.labelId) && (
                    <span className="search-hit-where">{fieldNames[hit.field] || labelName(hit.labelId)}</span>
                  )}
                  <Snippet hit={hit} />
                </button>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
});
