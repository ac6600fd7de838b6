// The library screen: filters, what the selection can do, and the table of reports.
import { useRef, useState } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import { shortcutLabel } from '../shortcuts';
import './library.css';
import { LibraryFilters, filterIsEmpty } from './LibraryFilters';
import { LibraryTable } from './LibraryTable';
import type { LibraryState } from './useLibrary';
import type { RowActions } from './useLibraryKeys';

export { formatDate } from './format-date';

interface LibraryProps {
  library: LibraryState;
  labels: readonly Label[];
  onOpen(id: string): void;
  onImport(): void;
  onExportSelected(): void;
}

/** Whether the library has been on screen before (then coming back focuses its active row). */
let shownBefore = false;

export function Library({ library, labels, onOpen, onImport, onExportSelected }: LibraryProps) {
  const { pages, facets, filter, selection } = library;
  const [focusOnShow] = useState(() => {
    const again = shownBefore;
    shownBefore = true;
    return again;
  });
  const libraryTotal = facets?.total ?? (filterIsEmpty(filter) ? pages.total : null);
  if (libraryTotal === null && pages.total === null) return <main className="library" aria-busy="true" />;
  if (libraryTotal === 0) {
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
  const actions: RowActions = {
    open: (doc) => onOpen(doc.id),
    details: (doc) => library.showDetails(doc),
    delete: (ids) => void library.deleteDocuments(ids),
  };
  const shown = pages.total;
  const total = libraryTotal ?? shown ?? 0;
  const selected = selection.ids.size;
  return (
    <main className="library library-grid-screen" aria-labelledby="library-title">
      <div className="library-head">
        <h1 id="library-title">Library</h1>
        <LibraryFilters filter={filter} facets={facets} onChange={library.setFilter} />
        <p className="hint" aria-live="polite">
          {shown === null || pages.loading
            ? 'Filtering…'
            : filterIsEmpty(filter)
              ? `${total.toLocaleString()} ${total === 1 ? 'report' : 'reports'}. Open one to annotate it; drop files here to import more.`
              : `${shown.toLocaleString()} of ${total.toLocaleString()} reports match.`}
          {selected > 0 && ` ${selected.toLocaleString()} selected.`}
        </p>
        {pages.error && <p role="alert">{pages.error}</p>}
        {selected > 0 && <SelectionActions library={library} onExport={onExportSelected} />}
      </div>
      {shown === 0 ? (
        <p className="sidebar-empty">No report matches these filters.</p>
      ) : (
        <LibraryTable library={library} labels={labels} actions={actions} focusOnShow={focusOnShow} />
      )}
    </main>
  );
}

/** Export, tag or delete the selected reports. */
function SelectionActions({ library, onExport }: { library: LibraryState; onExport(): void }) {
  const [tag, setTag] = useState('');
  const tagInput = useRef<HTMLInputElement>(null);
  const ids = [...library.selection.ids];
  return (
    <div className="library-selection" role="toolbar" aria-label="Selected reports">
      <button type="button" onClick={onExport}>
        Export selected…
      </button>
      <form
        className="library-tag-form"
        onSubmit={(e) => {
          e.preventDefault();
          const value = tag.trim();
          if (value === '' || /[,\n\r\t]/.test(value)) return tagInput.current?.focus();
          void library.tagDocuments(ids, value).then(() => setTag(''));
        }}
      >
        <input ref={tagInput} aria-label="Tag to add" placeholder="Tag" value={tag} maxLength={64} onChange={(e) => setTag(e.target.value)} />
        <button type="submit">Add tag</button>
      </form>
      <button type="button" onClick={() => void library.deleteDocuments(ids)}>
        Delete selected
      </button>
      <button type="button" onClick={() => library.setSelection((s) => ({ ids: new Set(), anchor: s.anchor }))}>
        Clear selection
      </button>
    </div>
  );
}
