import { useCallback, useEffect, useRef, useState } from 'react';
import type { MenuCommand } from '../../shared/contract';
import type { DatasetFormat } from '../../shared/schemas/datasets';
import type {
  DeletedDocument,
  DocumentFull,
  DocumentMeta,
  DocumentSummary,
  DocumentUpdate,
  ImportReport,
} from '../../shared/schemas/library';
import type { Label } from '../../shared/schemas/schema';
import { call, messageOf, onMenuCommand } from './api';
import { Busy } from './components/Busy';
import { MenuButton } from './components/MenuButton';
import { useNotices } from './components/Notices';
import { ExportDialog, type ExportChoice } from './export/ExportDialog';
import { ImportAnnotationsDialog } from './export/ImportAnnotationsDialog';
import { DocumentDetails } from './library/DocumentDetails';
import { ImportProgressPanel } from './library/ImportProgressPanel';
import { ImportSummary } from './library/ImportSummary';
import { Library } from './library/Library';
import { useImportJob, type ImportStarter } from './library/useImportJob';
import { ReaderScreen } from './reader/ReaderScreen';
import { ClaimsScreen } from './claims/ClaimsScreen';
import { MapScreen } from './map/MapScreen';
import { SchemaScreen } from './schema/SchemaScreen';
import { useFileDrop, type DroppedItems } from './useFileDrop';
import { fromSpans, type ReaderAnnotation } from './state/reader-annotation';

interface OpenDocument {
  document: DocumentFull;
  annotations: ReaderAnnotation[];
  /** The annotation the reader reveals and selects when it opens (from the claims table or the map). */
  focusAnnotationId?: string;
  /** Counts openings: each one mounts a fresh reader. */
  serial: number;
}

/** The screens of the top bar; 'library' shows the reader while a report is open. */
type Screen = 'library' | 'claims' | 'map' | 'schema';
const screens: { id: Screen; name: string; key: string }[] = [
  { id: 'library', name: 'Library', key: '1' },
  { id: 'claims', name: 'Claims', key: '2' },
  { id: 'map', name: 'Map', key: '3' },
  { id: 'schema', name: 'Labels', key: '4' },
];

export function App() {
  const { notify } = useNotices();
  const [labels, setLabels] = useState<Label[]>([]);
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [open, setOpen] = useState<OpenDocument | null>(null);
  const [screen, setScreen] = useState<Screen>('library');
  const [busy, setBusy] = useState<string | null>(null);
  const [importReport, setImportReport] = useState<ImportReport | null>(null);
  const [exportFormat, setExportFormat] = useState<DatasetFormat | null>(null);
  const [importingAnnotations, setImportingAnnotations] = useState(false);
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

  /** Labels change at run time (the schema screen): everything that shows them reads them here. */
  const refreshLabels = useCallback(async () => {
    try {
      setLabels(await call('labels.list', {}));
    } catch (error) {
      notify(messageOf(error), 'error');
    }
  }, [notify]);

  useEffect(() => {
    void refreshLabels();
    void refreshLibrary();
  }, [refreshLabels, refreshLibrary]);

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
    (id: string, focusAnnotationId?: string) =>
      withBusy('Opening report…', async () => {
        const [document, spans] = await Promise.all([call('documents.get', { id }), call('annotations.spans', { documentId: id })]);
        setImportReport(null);
        setHistoryRequest(null);
        setScreen('library');
        setOpen((current) => ({ document, annotations: fromSpans(spans, document.text), focusAnnotationId, serial: (current?.serial ?? 0) + 1 }));
      }),
    [withBusy],
  );

  const { progress: importProgress, run: runImportJob, cancel: cancelImport } = useImportJob();
  const runImport = useCallback(
    async (start: ImportStarter) => {
      try {
        const report = await runImportJob(start);
        await refreshLibrary();
        const total = report.imported.length + report.duplicates.length + report.failed.length + report.skipped.length;
        if (total > 0 || report.cancelled) setImportReport(report);
      } catch (error) {
        notify(messageOf(error), 'error');
      }
    },
    [runImportJob, refreshLibrary, notify],
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
        const outcome = await call('datasets.exportDialog', choice);
        if (outcome.status === 'written') {
          notify(`Exported ${outcome.annotations} annotations from ${outcome.documents} reports to ${outcome.path}.`);
        }
      });
    },
    [withBusy, notify],
  );

  const showLibrary = useCallback(() => {
    setOpen(null);
    setScreen('library');
    void refreshLibrary();
  }, [refreshLibrary]);
  const showScreen = useCallback(
    (next: Screen) => {
      if (next === 'library') return showLibrary();
      setScreen(next);
    },
    [showLibrary],
  );

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
          case 'show-claims':
            return showScreen('claims');
          case 'show-map':
            return showScreen('map');
          case 'show-labels':
            return showScreen('schema');
          case 'import-annotations':
            return setImportingAnnotations(true);
          case 'undo':
            if (!openRef.current) return void undoDelete();
            return setHistoryRequest((last) => ({ kind: command, serial: (last?.serial ?? 0) + 1 }));
          case 'redo':
            return setHistoryRequest((last) => ({ kind: command, serial: (last?.serial ?? 0) + 1 }));
        }
      }),
    [importWithDialog, importClipboard, showLibrary, showScreen, undoDelete],
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
      else if (!event.shiftKey && screens.some((s) => s.key === key)) showScreen(screens.find((s) => s.key === key)!.id);
      else if (key === 'z' && !event.shiftKey && !openRef.current && !inField && deleted.length > 0) void undoDelete();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [importWithDialog, importClipboard, showLibrary, showScreen, undoDelete, deleted.length]);

  return (
    <div className={`app${dragging ? ' dragging' : ''}`}>
      <header className="topbar">
        <nav aria-label="Main">
          <span className="brand">Glossa</span>
          {screens.map((s) => {
            const current = screen === s.id && !(s.id === 'library' && open);
            return (
              <button
                key={s.id}
                type="button"
                className={`nav-tab${screen === s.id ? ' current' : ''}`}
                onClick={() => showScreen(s.id)}
                aria-current={current ? 'page' : undefined}
                title={`${s.name} (Ctrl+${s.key}${s.id === 'library' ? ' or Ctrl+L' : ''})`}
              >
                {s.name}
              </button>
            );
          })}
          {open &&
            (screen === 'library' ? (
              <span className="crumb" aria-current="page">
                {open.document.title}
              </span>
            ) : (
              <button type="button" className="crumb crumb-button" onClick={() => void openDocument(open.document.id)} title="Back to the open report">
                {open.document.title}
              </button>
            ))}
        </nav>
        <div className="actions">
          <MenuButton
            label="Import"
            items={[
              { label: 'Files…', shortcut: 'Ctrl+O', title: 'HTML, PDF, DOCX, text, Markdown', run: () => void importWithDialog('files') },
              { label: 'Folder…', shortcut: 'Ctrl+Shift+O', title: 'Every report in a folder and its subfolders', run: () => void importWithDialog('folder') },
              { label: 'From clipboard', shortcut: 'Ctrl+Shift+V', title: 'A new report from what you copied', run: () => void importClipboard() },
              {
                label: 'Annotated data…',
                title: 'doccano, Label Studio, brat, W3C Web Annotation, Glossa archive',
                run: () => setImportingAnnotations(true),
              },
            ]}
          />
          {open && screen === 'library' && (
            <button type="button" onClick={() => setDetails(open.document)} title="Title, outlet, author, date, URL, tags">
              Details…
            </button>
          )}
          <button type="button" onClick={() => setExportFormat('jsonl')} title="Export annotations (Ctrl+E)">
            Export…
          </button>
        </div>
      </header>
      {screen === 'claims' ? (
        <ClaimsScreen onOpen={(id, annotationId) => void openDocument(id, annotationId)} />
      ) : screen === 'map' ? (
        <MapScreen
          openDocument={open ? { id: open.document.id, title: open.document.title } : null}
          labels={labels}
          onOpen={(id, annotationId) => void openDocument(id, annotationId)}
        />
      ) : screen === 'schema' ? (
        <SchemaScreen onLabelsChanged={() => void refreshLabels()} />
      ) : open ? (
        <ReaderScreen
          key={`${open.document.id}:${open.serial}`}
          document={open.document}
          initialAnnotations={open.annotations}
          labels={labels}
          historyRequest={historyRequest}
          onChanged={() => undefined}
          focusAnnotationId={open.focusAnnotationId}
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
      {importProgress && <ImportProgressPanel progress={importProgress} onCancel={() => void cancelImport()} />}
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
      {importingAnnotations && <ImportAnnotationsDialog onClose={() => setImportingAnnotations(false)} onImported={() => void Promise.all([refreshLibrary(), refreshLabels()])} />}
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
