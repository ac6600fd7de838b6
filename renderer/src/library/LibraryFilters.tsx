// The library's filters: text (title or outlet) always on show; tag, outlet, date range and
// annotation state behind "Filters", so the table stays two Tab stops from the top bar.
import { useState } from 'react';
import type { LibraryFacets, LibraryFilter } from '../../../shared/schemas/library-query';

interface LibraryFiltersProps {
  filter: LibraryFilter;
  facets: LibraryFacets | null;
  onChange(filter: LibraryFilter): void;
}

/** The filter without the keys whose value is empty. */
function cleaned(filter: LibraryFilter): LibraryFilter {
  const out: LibraryFilter = {};
  if (filter.text) out.text = filter.text;
  if (filter.tags && filter.tags.length > 0) out.tags = filter.tags;
  if (filter.outlet !== undefined) out.outlet = filter.outlet;
  if (filter.dateFrom) out.dateFrom = filter.dateFrom;
  if (filter.dateTo) out.dateTo = filter.dateTo;
  if (filter.state) out.state = filter.state;
  return out;
}

export function filterIsEmpty(filter: LibraryFilter): boolean {
  return Object.keys(cleaned(filter)).length === 0;
}

export function LibraryFilters({ filter, facets, onChange }: LibraryFiltersProps) {
  const [open, setOpen] = useState(() => Object.keys(cleaned({ ...filter, text: undefined })).length > 0);
  const set = (patch: Partial<LibraryFilter>) => onChange(cleaned({ ...filter, ...patch }));
  const more = Object.keys(cleaned({ ...filter, text: undefined })).length;
  return (
    <div className="library-filters">
      <div className="library-filter-line">
        <input
          type="search"
          className="library-search"
          aria-label="Filter reports"
          placeholder="Filter by title or outlet"
          value={filter.text ?? ''}
          onChange={(e) => set({ text: e.target.value })}
        />
        <button type="button" aria-expanded={open} aria-controls="library-filter-panel" onClick={() => setOpen((o) => !o)}>
          Filters{more > 0 ? ` (${more})` : ''}
        </button>
      </div>
      {open && (
        <div id="library-filter-panel" className="library-filter-panel" role="group" aria-label="More filters">
          <label>
            Tag
            <select aria-label="Tag" value={filter.tags?.[0] ?? ''} onChange={(e) => set({ tags: e.target.value ? [e.target.value] : undefined })}>
              <option value="">Any tag</option>
              {facets?.tags.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.value} ({t.count.toLocaleString()})
                </option>
              ))}
            </select>
          </label>
          <label>
            Outlet
            <select aria-label="Outlet" value={filter.outlet ?? '\u0000any'} onChange={(e) => set({ outlet: e.target.value === '\u0000any' ? undefined : e.target.value })}>
              <option value={'\u0000any'}>Any outlet</option>
              <option value="">No outlet</option>
              {facets?.outlets.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.value} ({o.count.toLocaleString()})
                </option>
              ))}
            </select>
          </label>
          <label>
            Published from
            <input type="date" aria-label="Published from" value={filter.dateFrom ?? ''} onChange={(e) => set({ dateFrom: e.target.value || undefined })} />
          </label>
          <label>
            to
            <input type="date" aria-label="Published to" value={filter.dateTo ?? ''} onChange={(e) => set({ dateTo: e.target.value || undefined })} />
          </label>
          <label>
            Annotations
            <select aria-label="Annotations" value={filter.state ?? ''} onChange={(e) => set({ state: (e.target.value || undefined) as LibraryFilter['state'] })}>
              <option value="">Any</option>
              <option value="untouched">Untouched</option>
              <option value="inProgress">In progress</option>
            </select>
          </label>
          <button type="button" onClick={() => onChange({})} disabled={filterIsEmpty(filter)}>
            Clear filters
          </button>
        </div>
      )}
    </div>
  );
}
