// The query box and the filters of the Search screen.
import type { Label } from '../../../shared/schemas/schema';
import type { SearchForm as Form } from './useSearch';

interface SearchFormProps {
  form: Form;
  labels: readonly Label[];
  update(patch: Partial<Form>): void;
  /** Down arrow from the query box goes to the first result. */
  toResults(): void;
}

export function SearchForm({ form, labels, update, toResults }: SearchFormProps) {
  return (
    <form className="search-form" role="search" onSubmit={(event) => event.preventDefault()}>
      <label className="filter-field search-query">
        Search reports
        <input
          type="search"
          autoFocus
          value={form.query}
          placeholder='Aleppo, "convoy reached", conv*, Idlib OR Aleppo, NEAR(convoy border, 5), Claim.status:refuted'
          aria-describedby="search-syntax"
          onChange={(event) => update({ query: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              toResults();
            }
          }}
        />
      </label>
      <div className="search-filters">
        <label className="filter-field">
          Inside spans of
          <select value={form.label} onChange={(event) => update({ label: event.target.value })}>
            <option value="">Any text</option>
            {labels.map((label) => (
              <option key={label.id} value={label.name}>
                {label.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field">
          Outlet
          <input type="text" value={form.outlet} onChange={(event) => update({ outlet: event.target.value })} />
        </label>
        <label className="filter-field">
          Tag
          <input type="text" value={form.tag} onChange={(event) => update({ tag: event.target.value })} />
        </label>
        <label className="filter-field">
          Published from
          <input type="date" value={form.dateFrom} onChange={(event) => update({ dateFrom: event.target.value })} />
        </label>
        <label className="filter-field">
          to
          <input type="date" value={form.dateTo} onChange={(event) => update({ dateTo: event.target.value })} />
        </label>
      </div>
      <p id="search-syntax" className="hint small">
        Words match in any form of case, accents and Arabic vowel marks. "Quotes" for a phrase, * at the end of a word for a prefix, AND, OR, NOT
        or -word, NEAR(a b, 5); label:Location, outlet:, tag:, from:2025-01, to:, and Label.attribute:value (e.g. Claim.status:refuted).
      </p>
    </form>
  );
}
