import type { DocumentSummary, Label } from '../../../shared/schemas';
import { LabelCounts } from '../components/LabelCounts';

interface LibraryProps {
  documents: readonly DocumentSummary[] | null;
  labels: readonly Label[];
  onOpen(id: string): void;
  onImport(): void;
}

export function Library({ documents, labels, onOpen, onImport }: LibraryProps) {
  if (documents === null) return <main className="library" aria-busy="true" />;
  if (documents.length === 0) {
    return (
      <main className="library empty">
        <div className="empty-state">
          <h1>Your library is empty</h1>
          <p>
            Import reports as <strong>.txt</strong> or <strong>.md</strong> files: choose <em>Import…</em> (Ctrl+O), or drop
            files anywhere on this window.
          </p>
          <button type="button" className="primary" onClick={onImport}>
            Import reports…
          </button>
        </div>
      </main>
    );
  }
  return (
    <main className="library" aria-labelledby="library-title">
      <h1 id="library-title">Library</h1>
      <p className="hint">
        {documents.length} {documents.length === 1 ? 'report' : 'reports'}. Open one to annotate it; drop files here to import more.
      </p>
      <ul className="doc-list" aria-label="Reports">
        {documents.map((doc) => (
          <li key={doc.id}>
            <button type="button" className="doc-row" onClick={() => onOpen(doc.id)}>
              <span className="doc-title">{doc.title}</span>
              <span className="doc-meta">
                {[
                  doc.outlet,
                  doc.publishedAt ? `published ${formatDate(doc.publishedAt)}` : `imported ${formatDate(doc.importedAt)}`,
                  `${doc.length.toLocaleString()} characters`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <LabelCounts labels={labels} counts={doc.counts} />
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function formatDate(value: string | null): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}
