import { useCallback, useEffect, useRef, useState } from 'react';
import type { MenuCommand } from '../../shared/contract';
import type { DocumentFull, DocumentMeta, DocumentSummary, ExportFormat, ImportReport, Label } from '../../shared/schemas';
import { call, messageOf, onMenuCommand } from './api';
import { Busy } from './components/Busy';
import { useNotices } from './components/Notices';
import { ExportDialog, type ExportChoice } from './export/ExportDialog';
import type { DeletedDocument, DocumentUpdate } from '../../shared/schemas-library';
import { DocumentDetails } from './library/DocumentDetails';
import { ImportProgressPanel } from './library/ImportProgressPanel';
import { ImportSummary } from './library/ImportSummary';
import { Library } from './library/Library';
import { useImportJob, type ImportStarter } from './library/useImportJob';
import { ReaderScreen } from './reader/ReaderScreen';
import { useFileDrop, type DroppedItems } from './useFileDrop';
import { fromSpans, type ReaderAnnotation } from './state/reader-annotation';

interface OpenDocument {
  document: DocumentFull;
  annotations: ReaderAnnotation[];
}

export function App() {
  const { notify } = useNotices();
  const [labels, setLabels] = useState<Label[]>([]);
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [open, setOpen] = useState<OpenDocument | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [importReport, setImportReport] = useState<ImportReport | null>(null);
  const [exportFormat, setExportFormat] = useState<ExportFormat | null>(null);
  const [historyRequest, setHistoryRequest] = useState<{ kind: 'undo' | 'redo'; serial: number } | null>(null);
  const openRef = useRef<OpenDocument | null>(null);
  openRef.current = open;

  const refreshLibrary = useCallback(async () => {
    try {
      setDocuments(await call('documents.list', {}));
    } catch (error) {
      notify(messageOf(error), 'error');
    }
  }, [notify]);

  useEffect(() => {
    call('labels.list', {})
      .then(setLabels)
      .catch((error) => notify(messageOf(error), 'error'));
    void refreshLibrary();
  }, [notify, refreshLibrary]);

  const withBusy = useCallback(
    async (text: string, work: () => Promise<void>) => {
      setBusy(text);
      try {
        await work();
      } catch (error) {
        notify(messageOf(error), 'error');
      } finally {
        setBusy(null);
      }
    },
    [notify],
  );

  const openDocument = useCallback(
    (id: string) =>
      withBusy('Opening report…', async () => {
        const [document, spans] = await Promise.all([call('documents.get', { id }), call('annotations.spans', { documentId: id })]);
        setImportReport(null);
        setOpen({ document, annotations: fromSpans(spans, document.text) });
      }),
    [withBusy],
  );

  const importJob = useImportJob();
  const runImport = useCallback(
    async (start: ImportStarter) => {
      try {
        const report = await importJob.run(start);
        await refreshLibrary();
        const total = report.imported.length + report.duplicates.length + report.failed.length + report.skipped.length;
        if (total > 0 || report.cancelled) setImportReport(report);
      } catch (error) {
        notify(messageOf(error), 'error');
      }
    },
    [importJob, refreshLibrary, notify],
  );
  const importWithDialog = useCallback(
    (mode: 'files' | 'folder' = 'files') => runImport((jobId) => call('documents.importDialog', { mode, jobId })),
    [runImport],
  );
  const importClipboard = useCallback(() => runImport((jobId) => call('documents.importClipboard', { jobId })), [runImport]);
  const importDropped = useCallback(
    (drop: DroppedItems) =>
      runImport((jobId) =>
        drop.paths.length > 0 ? call('documents.importPaths', { paths: drop.paths, jobId }) : call('documents.importDropped', { files: drop.files, jobId }),
      ),
    [runImport],
  );
  const dropError = useCallback((message: string) => notify(message, 'error'), [notify]);
  const dragging = useFileDrop(importDropped, dropError);

  // Report details and deletion (undoable while the app runs).
  const [details, setDetails] = useState<DocumentMeta | null>(null);
  const [deleted, setDeleted] = useState<DeletedDocument[]>([]);
  const saveDetails = useCallback(
    async (update: DocumentUpdate) => {
      try {
        const saved = await call('documents.update', update);
        setDetails(null);
        setOpen((current) => (current && current.document.id === saved.id ? { ...current, document: saved } : current));
        await refreshLibrary();
        notify('Details saved.');
      } catch (error) {
        notify(messageOf(error), 'error');
      }
    },
    [refreshLibrary, notify],
  );
  const undoDelete = useCallback(
    async (snapshot?: DeletedDocument) => {
      const target = snapshot ?? deleted[deleted.length - 1];
      if (!target) return;
      try {
        await call('documents.restore', { snapshot: target });
        setDeleted((list) => list.filter((d) => d !== target));
        await refreshLibrary();
        notify(`Restored “${target.document.title}”.`);
      } catch (error) {
        notify(messageOf(error), 'error');
      }
    },
    [deleted, refreshLibrary, notify],
  );
  const deleteDocument = useCallback(
    async (id: string) => {
      try {
        const snapshot = await call('documents.delete', { id });
        setDetails(null);
        setDeleted((list) => [...list, snapshot]);
        setOpen((current) => (current?.document.id === id ? null : current));
        await refreshLibrary();
        const count = snapshot.annotations;
        notify(`Deleted “${snapshot.document.title}” and its ${count} ${count === 1 ? 'annotation' : 'annotations'}.`, 'info', {
          label: 'Undo',
          run: () => void undoDelete(snapshot),
        });
      } catch (error) {
        notify(messageOf(error), 'error');
      }
    },
    [refreshLibrary, notify, undoDelete],
  );

  const runExport = useCallback(
    (choice: ExportChoice) => {
      setExportFormat(null);
      void withBusy('Exporting…', async () => {
        const outcome = await call('export.dialog', choice);
        if (outcome.status === 'written') {
          notify(`Exported ${outcome.annotations} annotations from ${outcome.documents} reports to ${outcome.path}.`);
        }
      });
    },
    [withBusy, notify],
  );

  const showLibrary = useCallback(() => {
    setOpen(null);
    void refreshLibrary();
  }, [refreshLibrary]);

  useEffect(
    () =>
      onMenuCommand((command: MenuCommand) => {
        switch (command) {
          case 'import':
            return void importWithDialog('files');
          case 'import-folder':
            return void importWithDialog('folder');
          case 'import-clipboard':
            return void importClipboard();
          case 'export-jsonl':
            return setExportFormat('jsonl');
          case 'export-csv':
            return setExportFormat('csv');
          case 'show-library':
            return showLibrary();
          case 'undo':
            if (!openRef.current) return void undoDelete();
            return setHistoryRequest((last) => ({ kind: command, serial: (last?.serial ?? 0) + 1 }));
          case 'redo':
            return setHistoryRequest((last) => ({ kind: command, serial: (last?.serial ?? 0) + 1 }));
        }
      }),
    [importWithDialog, importClipboard, showLibrary, undoDelete],
  );

  // Shortcuts that work from anywhere (the reader handles its own keys first).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return;
      const key = event.key.toLowerCase();
      const inField = (event.target as HTMLElement).closest('input, textarea, select') !== null;
      if (key === 'o') void importWithDialog(event.shiftKey ? 'folder' : 'files');
      else if (key === 'v' && event.shiftKey) void importClipboard();
      else if (key === 'e' && !event.shiftKey) setExportFormat('jsonl');
      else if (key === 'l' && !event.shiftKey) showLibrary();
      else if (key === 'z' && !event.shiftKey && !openRef.current && !inField && deleted.length > 0) void undoDelete();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [importWithDialog, importClipboard, showLibrary, undoDelete, deleted.length]);

  return (
    <div className={`app${dragging ? ' dragging' : ''}`}>
      <header className="topbar">
        <nav aria-label="Main">
          <button type="button" className={`brand${open ? '' : ' current'}`} onClick={showLibrary} aria-current={open ? undefined : 'page'} title="Library (Ctrl+L)">
            Glossa
          </button>
          {open && (
            <span className="crumb" aria-current="page">
              {open.document.title}
            </span>
          )}
        </nav>
        <div className="actions">
          <button type="button" onClick={() => void importWithDialog('files')} title="Import files: HTML, PDF, DOCX, text, Markdown (Ctrl+O)">
            Import…
          </button>
          <button type="button" onClick={() => void importWithDialog('folder')} title="Import every report in a folder (Ctrl+Shift+O)">
            Import folder…
          </button>
          <button type="button" onClick={() => void importClipboard()} title="New report from the clipboard (Ctrl+Shift+V)">
            Paste
          </button>
          {open && (
            <button type="button" onClick={() => setDetails(open.document)} title="Title, outlet, author, date, URL, tags">
              Details…
            </button>
          )}
          <button type="button" onClick={() => setExportFormat('jsonl')} title="Export annotations (Ctrl+E)">
            Export…
          </button>
        </div>
      </header>
      {open ? (
        <ReaderScreen
          key={open.document.id}
          document={open.document}
          initialAnnotations={open.annotations}
          labels={labels}
          historyRequest={historyRequest}
          onChanged={() => undefined}
        />
      ) : (
        <Library
          documents={documents}
          labels={labels}
          onOpen={(id) => void openDocument(id)}
          onImport={() => void importWithDialog('files')}
          onDetails={setDetails}
        />
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files or folders to import them
        </div>
      )}
      {busy && <Busy text={busy} />}
      {importJob.progress && <ImportProgressPanel progress={importJob.progress} onCancel={() => void importJob.cancel()} />}
      {details && (
        <DocumentDetails
          key={details.id}
          document={details}
          onSave={saveDetails}
          onDelete={() => void deleteDocument(details.id)}
          onClose={() => setDetails(null)}
        />
      )}
      {importReport && (
        <ImportSummary report={importReport} onClose={() => setImportReport(null)} onOpen={(id) => void openDocument(id)} />
      )}
      {exportFormat && (
        <ExportDialog
          initialFormat={exportFormat}
          openDocument={open ? { id: open.document.id, title: open.document.title } : null}
          onExport={runExport}
          onClose={() => setExportFormat(null)}
        />
      )}
    </div>
  );
}
