import type { LabelAttribute } from '../../../shared/schemas/schema';
import { capitalise, filterable } from './claim-filters';
import type { ClaimsQueryState } from './useClaimsQuery';
import { useAnalystNames } from '../analysts/analyst-names';

/** The filter bar: quote search, claim and source attributes, dates, report tag. */
export function ClaimFilters({ query }: { query: ClaimsQueryState }) {
  const { draft, setDraft, text, setText } = query;
  const analysts = [...useAnalystNames()].sort((x, y) => x[1].localeCompare(y[1]));

  const attributeSelect = (attribute: LabelAttribute, group: 'attributes' | 'sourceAttributes', label: string) => (
    <label key={`${group}-${attribute.id}`} className="filter-field">
      <span>{label}</span>
      <select value={draft[group][attribute.id] ?? ''} onChange={(event) => setDraft((d) => ({ ...d, [group]: { ...d[group], [attribute.id]: event.target.value } }))}>
        <option value="">Any</option>
        {(attribute.type === 'boolean' ? ['true', 'false'] : attribute.options).map((o) => (
          <option key={o} value={o}>
            {attribute.type === 'boolean' ? (o === 'true' ? 'yes' : 'no') : o}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="claims-filters" role="search" aria-label="Filter claims">
      <label className="filter-field wide">
        <span>Quote contains</span>
        <input type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder="Search quotes" />
      </label>
      {query.claimAttributes.filter(filterable).map((a) => attributeSelect(a, 'attributes', capitalise(a.name)))}
      {query.sourceAttributes.filter(filterable).map((a) => attributeSelect(a, 'sourceAttributes', `Source ${a.name}`))}
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
          {query.tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-field">
        <span>Analyst</span>
        <select value={draft.analyst ?? ''} onChange={(event) => setDraft((d) => ({ ...d, analyst: event.target.value }))}>
          <option value="">Any</option>
          {analysts.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
          <option value="gold">Gold (adjudicated)</option>
        </select>
      </label>
      <button type="button" className="clear-filters" disabled={!query.filtered} onClick={query.clear}>
        Clear filters
      </button>
    </div>
  );
}
