import { useCallback, useEffect, useState } from 'react';
import type { MenuCommand } from '../../shared/contract';
import type { Annotation, DocumentFull, DocumentSummary, ExportFormat, ImportReport, Label } from '../../shared/schemas';
import { call, messageOf, onMenuCommand } from './api';
import { Busy } from './components/Busy';
import { useNotices } from './components/Notices';
import { ExportDialog, type ExportChoice } from './export/ExportDialog';
import { ImportSummary } from './library/ImportSummary';
import { Library } from './library/Library';
import { ReaderScreen } from './reader/ReaderScreen';
import { useFileDrop } from './useFileDrop';

interface OpenDocument {
  document: DocumentFull;
  annotations: Annotation[];
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
        const [document, annotations] = await Promise.all([call('documents.get', { id }), call('annotations.list', { documentId: id })]);
        setImportReport(null);
        setOpen({ document, annotations });
      }),
    [withBusy],
  );

  const finishImport = useCallback(
    async (report: ImportReport) => {
      await refreshLibrary();
      const total = report.imported.length + report.duplicates.length + report.failed.length;
      if (total > 0) setImportReport(report);
    },
    [refreshLibrary],
  );

  const importWithDialog = useCallback(
    () => withBusy('Importing…', async () => finishImport(await call('documents.importDialog', {}))),
    [withBusy, finishImport],
  );

  const importDropped = useCallback(
    (files: { name: string; data: Uint8Array }[]) =>
      withBusy(`Importing ${files.length} ${files.length === 1 ? 'file' : 'files'}…`, async () =>
        finishImport(await call('documents.importDropped', { files })),
      ),
    [withBusy, finishImport],
  );
  const dragging = useFileDrop(importDropped, (message) => notify(message, 'error'));

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
            return void importWithDialog();
          case 'export-jsonl':
            return setExportFormat('jsonl');
          case 'export-csv':
            return setExportFormat('csv');
          case 'show-library':
            return showLibrary();
          case 'undo':
          case 'redo':
            return setHistoryRequest((last) => ({ kind: command, serial: (last?.serial ?? 0) + 1 }));
        }
      }),
    [importWithDialog, showLibrary],
  );

  // Ctrl/Cmd+O imports, Ctrl/Cmd+E exports, Ctrl/Cmd+L shows the library, from anywhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'o') void importWithDialog();
      else if (key === 'e') setExportFormat('jsonl');
      else if (key === 'l') showLibrary();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [importWithDialog, showLibrary]);

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
          <button type="button" onClick={() => void importWithDialog()} title="Import reports (Ctrl+O)">
            Import…
          </button>
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
        <Library documents={documents} labels={labels} onOpen={(id) => void openDocument(id)} onImport={() => void importWithDialog()} />
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop .txt or .md files to import them
        </div>
      )}
      {busy && <Busy text={busy} />}
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
