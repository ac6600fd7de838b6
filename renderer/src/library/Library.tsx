import type { DocumentSummary } from '../../../shared/schemas/library';
import type { Label } from '../../../shared/schemas/schema';
import { LabelCounts } from '../components/LabelCounts';
import { shortcutLabel } from '../shortcuts';

interface LibraryProps {
  documents: readonly DocumentSummary[] | null;
  labels: readonly Label[];
  onOpen(id: string): void;
  onImport(): void;
  onDetails(document: DocumentSummary): void;
}

export function Library({ documents, labels, onOpen, onImport, onDetails }: LibraryProps) {
  if (documents === null) return <main className="library" aria-busy="true" />;
  if (documents.length === 0) {
    return (
      <main className="library empty">
        <div className="empty-state">
          <h1>Your library is empty</h1>
          <p>
            Import web pages (HTML), PDFs, Word files (DOCX), text and Markdown from the <em>Import</em> menu: files ({shortcutLabel('import')}), a
            whole folder ({shortcutLabel('import-folder')}) or the clipboard ({shortcutLabel('import-clipboard')}). Or drop files and folders anywhere on this window.
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
          <li key={doc.id} className="doc-item">
            <button type="button" className="doc-row" onClick={() => onOpen(doc.id)}>
              <span className="doc-title" id={`title-${doc.id}`}>
                {doc.title}
              </span>
              <span className="doc-meta">
                {[
                  doc.outlet,
                  doc.author,
                  doc.publishedAt ? `published ${formatDate(doc.publishedAt)}` : `imported ${formatDate(doc.importedAt)}`,
                  `${doc.length.toLocaleString()} characters`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <LabelCounts labels={labels} counts={doc.counts} />
              {doc.tags.length > 0 && (
                <span className="doc-tags" aria-label="Tags">
                  {doc.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </span>
              )}
            </button>
            <span className="row-actions">
              <button type="button" onClick={() => onDetails(doc)} aria-describedby={`title-${doc.id}`}>
                Details…
              </button>
            </span>
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
