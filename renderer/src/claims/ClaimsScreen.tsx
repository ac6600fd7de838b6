// Every claim of the corpus in one table: quote, report, date, attributed sources, locations,
// status and confidence. Sorting and filtering happen in the store; rows are fetched a page at
// a time as the list scrolls, and only the rows on screen are in the DOM.
import { ClaimFilters } from './ClaimFilters';
import { ClaimsTable } from './ClaimsTable';
import { useClaimPages } from './useClaimPages';
import { useClaimsQuery } from './useClaimsQuery';
import '../components/screens.css';
import './claims.css';

interface ClaimsScreenProps {
  /** Opens the report at the claim. */
  onOpen(documentId: string, annotationId: string): void;
}

export function ClaimsScreen({ onOpen }: ClaimsScreenProps) {
  const query = useClaimsQuery();
  const pages = useClaimPages(query.request);
  const count = pages.total ?? 0;
  return (
    <main className="claims-screen" aria-labelledby="claims-title">
      <header className="screen-head">
        <h1 id="claims-title">Claims</h1>
        <p className="hint" role="status" aria-live="polite">
          {pages.total === null || pages.loading
            ? 'Loading…'
            : query.filtered
              ? `${count.toLocaleString()} ${count === 1 ? 'claim matches' : 'claims match'} the filters.`
              : `${count.toLocaleString()} ${count === 1 ? 'claim' : 'claims'} in the library.`}
        </p>
      </header>
      <ClaimFilters query={query} />
      {pages.error && (
        <p className="claims-error" role="alert">
          {pages.error}
        </p>
      )}
      <ClaimsTable query={query} pages={pages} onOpen={onOpen} />
      <p className="hint small claims-keys">↑ ↓ move between claims · Enter opens the report at the claim · click a column heading to sort</p>
    </main>
  );
}
