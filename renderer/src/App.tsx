// The window: the top bar, the screen shown, and the dialogs over it. The state lives in hooks
// (library, labels, imports, navigation); menu and keys reach the same commands as the buttons.
import { useCallback, useState } from 'react';
import type { DatasetExportOutcome, DatasetFormat } from '../../shared/schemas/datasets';
import type { Label } from '../../shared/schemas/schema';
import { readerCommands, type ShortcutCommand } from '../../shared/shortcuts';
import { call, messageOf } from './api';
import { TopBar } from './app/TopBar';
import { useBusy } from './app/useBusy';
import { useCommandSources } from './app/useCommandSources';
import { useNavigation, type HistoryRequest, type OpenDocument } from './app/useNavigation';
import { useTextSize } from './app/useTextSize';
import type { Screen } from './app/screens';
import { Busy } from './components/Busy';
import { useNotices } from './components/Notices';
import { ExportDialog, type ExportChoice } from './export/ExportDialog';
import { ExportTargetDialog, type ExportQuestion } from './export/ExportTargetDialog';
import { ImportAnnotationsDialog } from './export/ImportAnnotationsDialog';
import { useOpenedArchives } from './export/useOpenedArchives';
import { DocumentDetails } from './library/DocumentDetails';
import { ImportProgressPanel } from './library/ImportProgressPanel';
import { ImportSummary } from './library/ImportSummary';
import { Library } from './library/Library';
import { useImports } from './library/useImports';
import { useLibrary, type LibraryState } from './library/useLibrary';
import { ReaderScreen } from './reader/ReaderScreen';
import type { FindRequest } from './reader/useFind';
import { AgreementScreen } from './agreement/AgreementScreen';
import { ClaimsScreen } from './claims/ClaimsScreen';
import { CurationScreen } from './curation/CurationScreen';
import { curationCommands, sendCurationCommand } from './curation/curation-commands';
import { MapScreen } from './map/MapScreen';
import { SchemaScreen } from './schema/SchemaScreen';
import { SearchScreen, type OpenAt, type SearchRequest } from './search/SearchScreen';
import { canRedoTagging, canUndoTagging } from './search/search-tagging';
import { useLabels } from './state/useLabels';
import { sendReaderCommand } from './reader/reader-command-events';
import { ProfileDialog } from './analysts/ProfileDialog';
import { useProfile } from './analysts/useProfile';
import { layerChoiceId } from './analysts/LayerBar';
import { TeamDialogs } from './team/TeamDialogs';
import { TeamIndicator } from './team/TeamIndicator';
import { editingNow } from './team/editing-now';
import { teamCommands, useTeam } from './team/useTeam';
import { sendCompareCommand } from './analysts/compare-commands';
import { toggleCompareAll } from './analysts/compare-all';
import { layerView } from './state/view-layer';

const screenOf: Partial<Record<ShortcutCommand, Screen>> = {
  'show-claims': 'claims',
  'show-map': 'map',
  'show-labels': 'schema',
  'show-search': 'search',
  'show-agreement': 'agreement',
  'show-curation': 'curation',
};

export function App() {
  const { notify } = useNotices();
  const { busy, withBusy } = useBusy();
  const nav = useNavigation(withBusy);
  const { labels, refreshLabels } = useLabels();
  const library = useLibrary({ saved: nav.documentSaved, deleted: nav.documentDeleted });
  const archives = useOpenedArchives();
  const imports = useImports(library.refreshLibrary, archives.openDropped);
  const [exportFormat, setExportFormat] = useState<DatasetFormat | null>(null);
  const [importingAnnotations, setImportingAnnotations] = useState(false);
  const [findRequest, setFindRequest] = useState<FindRequest | null>(null);
  const [searchRequest, setSearchRequest] = useState<SearchRequest | null>(null);
  const requestSearch = (kind: SearchRequest['kind']) => setSearchRequest((last) => ({ kind, serial: (last?.serial ?? 0) + 1 }));
  const { open, screen, setScreen } = nav;
  const textSize = useTextSize(notify);
  const profile = useProfile();
  const { refreshLibrary } = library;
  const { reloadOpen, openRef } = nav;
  // Changes from the team show at once: the library and labels reload, and so does the open report
  // where it is, unless the analyst is typing or in a dialog; then a notice offers it.
  const teamChanged = useCallback(() => {
    void Promise.all([refreshLibrary(), refreshLabels()]);
    if (!openRef.current) return;
    if (editingNow()) notify('Changes from the team arrived for the open report.', 'info', { label: 'Show them', run: () => void reloadOpen() });
    else void reloadOpen();
  }, [refreshLibrary, refreshLabels, openRef, reloadOpen, notify]);
  const team = useTeam({ notify, received: teamChanged });

  const { closeReport } = imports;
  const openDocument = useCallback((id: string, focusAnnotationId?: string) => void nav.openDocument(id, focusAnnotationId, closeReport), [nav, closeReport]);
  const openAt = useCallback((id: string, at: OpenAt) => void nav.openDocument(id, at.annotationId, closeReport, at.range), [nav, closeReport]);

  const [exportQuestion, setExportQuestion] = useState<ExportQuestion | null>(null);
  const exportThen = (write: () => Promise<DatasetExportOutcome>) => {
    void withBusy('Exporting…', async () => {
      try {
        const outcome = await write();
        if (outcome.status === 'written') notify(`Exported ${outcome.annotations} annotations from ${outcome.documents} reports to ${outcome.path}.`);
        if (outcome.status === 'confirm-replace') setExportQuestion({ ...outcome, kind: 'replace' });
      } catch (error) {
        setExportQuestion({ kind: 'refused', message: messageOf(error) });
      }
    });
  };
  const runExport = (choice: ExportChoice) => {
    setExportFormat(null);
    exportThen(() => call('datasets.exportDialog', choice));
  };
  const replaceExport = (token: string) => {
    setExportQuestion(null);
    exportThen(() => call('datasets.exportReplace', { token }));
  };

  const showLibrary = () => {
    nav.closeDocument();
    setScreen('library');
    void library.refreshLibrary();
  };
  const showScreen = (next: Screen) => (next === 'library' ? showLibrary() : setScreen(next));

  const perform = (command: ShortcutCommand) => {
    if (teamCommands.has(command)) return team.perform(command);
    switch (command) {
      case 'import':
      case 'import-folder':
        return void imports.importWithDialog(command === 'import' ? 'files' : 'folder');
      case 'import-clipboard':
        return void imports.importClipboard();
      case 'import-annotations':
        return setImportingAnnotations(true);
      case 'export':
      case 'export-jsonl':
        return setExportFormat('jsonl');
      case 'export-csv':
        return setExportFormat('csv');
      case 'show-library':
        return showLibrary();
      case 'show-claims':
      case 'show-map':
      case 'show-labels':
      case 'show-search':
      case 'show-agreement':
      case 'show-curation':
        return setScreen(screenOf[command]!);
      case 'tag-search-hits':
        return screen === 'search' ? requestSearch('tag-hits') : undefined;
      case 'undo':
        if (screen === 'search' && canUndoTagging()) return requestSearch('undo');
        return nav.openRef.current ? nav.requestHistory('undo') : void library.undoDelete();
      case 'redo':
        if (screen === 'search' && canRedoTagging()) return requestSearch('redo');
        return nav.requestHistory('redo');
      case 'find':
      case 'find-next':
      case 'find-previous':
        // Find in the report on screen: the reader shows its find bar.
        return readerShown() ? setFindRequest((last) => ({ kind: command, serial: (last?.serial ?? 0) + 1 })) : undefined;
      case 'next-disagreement':
      case 'previous-disagreement':
        if (screen === 'curation') return sendCurationCommand(command);
        if (comparing()) return sendCompareCommand(command);
        return notify('Open the Curation screen or compare layers to go from one disagreement to the next.');
      case 'compare-layers':
        if (!readerShown() || !nav.openRef.current) return notify('Open a report to compare its layers.');
        return void toggleCompareAll(nav.openRef.current.document.id).then(notify);
      case 'analyst-profile':
        return profile.edit();
      case 'choose-layer':
        if (!readerShown()) return notify('Open a report to choose which layer it shows.');
        return document.getElementById(layerChoiceId)?.focus();
      case 'text-larger':
      case 'text-smaller':
      case 'text-reset':
        return textSize.change(command === 'text-larger' ? 'larger' : command === 'text-smaller' ? 'smaller' : 'reset');
      default:
        // Annotate menu: the open reader acts on it (its keys it takes itself).
        return readerCommands.has(command) && readerShown() ? sendReaderCommand(command) : undefined;
    }
  };
  const readerShown = () => nav.openRef.current !== null && screen === 'library';
  const findsInReport = (command: ShortcutCommand) => command === 'find' || command === 'find-next' || command === 'find-previous';
  // The reader takes its own undo keys; outside it, Ctrl+Z brings back a deleted report.
  const acceptsKey = (command: ShortcutCommand) =>
    command === 'undo'
      ? (screen === 'search' && canUndoTagging()) || (!nav.openRef.current && library.canUndoDelete)
      : command === 'redo'
        ? screen === 'search' && canRedoTagging()
        : findsInReport(command)
          ? readerShown()
          : curationCommands.has(command)
            ? screen === 'curation' || comparing()
            : !readerCommands.has(command);
  const comparing = () => readerShown() && layerView().compareWith.length > 0;
  useCommandSources(perform, acceptsKey);

  return (
    <div className={`app${imports.dragging ? ' dragging' : ''}`}>
      <TopBar
        screen={screen}
        openTitle={open?.document.title ?? null}
        showScreen={showScreen}
        backToReport={() => open && openDocument(open.document.id)}
        importFiles={(mode) => void imports.importWithDialog(mode)}
        importClipboard={() => void imports.importClipboard()}
        importAnnotations={() => setImportingAnnotations(true)}
        showDetails={() => open && library.showDetails(open.document)}
        exportAnnotations={() => setExportFormat('jsonl')}
        teamIndicator={<TeamIndicator state={team.state} activity={team.activity} onOpen={() => team.setDialog('status')} />}
      />
      <MainScreen
        screen={screen}
        open={open}
        labels={labels}
        historyRequest={nav.historyRequest}
        library={library}
        findRequest={findRequest}
        searchRequest={searchRequest}
        openDocument={openDocument}
        openAt={openAt}
        importFiles={() => void imports.importWithDialog('files')}
        exportSelected={() => setExportFormat('jsonl')}
        labelsChanged={() => void refreshLabels()}
      />
      {imports.dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files or folders to import them
        </div>
      )}
      {busy && <Busy text={busy} />}
      {imports.progress && <ImportProgressPanel progress={imports.progress} onCancel={() => void imports.cancel()} />}
      {library.details && (
        <DocumentDetails
          key={library.details.id}
          document={library.details}
          onSave={library.saveDetails}
          onDelete={() => void library.deleteDocument(library.details!.id)}
          onClose={library.closeDetails}
        />
      )}
      {imports.report && <ImportSummary report={imports.report} onClose={imports.closeReport} onOpen={openDocument} onReencoded={() => void library.refreshLibrary()} />}
      {importingAnnotations && (
        <ImportAnnotationsDialog onClose={() => setImportingAnnotations(false)} onImported={() => void Promise.all([library.refreshLibrary(), refreshLabels()])} />
      )}
      {archives.current && !importingAnnotations && (
        <ImportAnnotationsDialog
          key={archives.current}
          openedArchive={archives.current}
          onClose={archives.closeCurrent}
          onImported={() => void Promise.all([library.refreshLibrary(), refreshLabels()])}
        />
      )}
      {profile.editing && profile.profile && (
        <ProfileDialog name={profile.profile.analyst.name} firstRun={profile.editing === 'first-run'} onClose={profile.close} />
      )}
      <TeamDialogs team={team} onReceived={teamChanged} />
      {exportQuestion && <ExportTargetDialog question={exportQuestion} onReplace={replaceExport} onClose={() => setExportQuestion(null)} />}
      {exportFormat && <ExportDialog
          initialFormat={exportFormat}
          openDocument={summaryOf(open)}
          librarySelection={open ? [] : [...library.selection.ids]} onExport={runExport} onClose={() => setExportFormat(null)} />}
    </div>
  );
}

function summaryOf(open: OpenDocument | null): { id: string; title: string } | null {
  return open ? { id: open.document.id, title: open.document.title } : null;
}

interface MainScreenProps {
  screen: Screen;
  open: OpenDocument | null;
  labels: readonly Label[];
  historyRequest: HistoryRequest | null;
  library: LibraryState;
  findRequest: FindRequest | null;
  searchRequest: SearchRequest | null;
  openDocument(id: string, focusAnnotationId?: string): void;
  openAt(id: string, at: OpenAt): void;
  importFiles(): void;
  exportSelected(): void;
  labelsChanged(): void;
}

/** The screen chosen in the top bar; the library's place shows the reader while a report is open. */
function MainScreen({ screen, open, labels, historyRequest, library, findRequest, searchRequest, openDocument, openAt, importFiles, exportSelected, labelsChanged }: MainScreenProps) {
  if (screen === 'claims') return <ClaimsScreen onOpen={openDocument} />;
  if (screen === 'map') return <MapScreen openDocument={summaryOf(open)} labels={labels} onOpen={openDocument} />;
  if (screen === 'schema') return <SchemaScreen onLabelsChanged={labelsChanged} />;
  if (screen === 'search') return <SearchScreen labels={labels} onOpen={openAt} request={searchRequest} />;
  if (screen === 'agreement') return <AgreementScreen onOpen={(id, range) => openAt(id, { range })} />;
  if (screen === 'curation') return <CurationScreen labels={labels} openDocumentId={open?.document.id ?? null} />;
  if (open) {
    return (
      <ReaderScreen
        key={`${open.document.id}:${open.serial}`}
        document={open.document}
        window={open.window}
        labels={labels}
        historyRequest={historyRequest}
        focus={open.focus}
        focusRange={open.focusRange}
        findRequest={findRequest}
        onLayerChange={() => openDocument(open.document.id)}
      />
    );
  }
  return <Library library={library} labels={labels} onOpen={openDocument} onImport={importFiles} onExportSelected={exportSelected} />;
}
