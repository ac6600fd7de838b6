// The library's channels (issue 4): import of web pages, PDF, Word, text and the clipboard, in
// batches with progress and cancel; document details; delete with undo.
//
// Every import call returns the final ImportReport when the job ends (finished or cancelled).
// While it runs, main sends `progress` events with task `import:<jobId>` (see importTask);
// `import.cancel` stops it: documents already stored stay, nothing else is written.
import { z } from 'zod';
import * as S from '../schemas';
import * as L from '../schemas-library';

export const libraryChannels = {
  /** Shows the native open dialog (several files, or folders with mode 'folder') and imports the choice. */
  'documents.importDialog': { args: L.ImportDialogArgs, result: S.ImportReport },
  /** Imports files dropped on the window; the renderer sends their bytes. */
  'documents.importDropped': { args: L.ImportDroppedArgs, result: S.ImportReport },
  /** Imports dropped files and folders by path (Electron: window.glossa.pathForFile); folders recursively. */
  'documents.importPaths': { args: L.ImportPathsArgs, result: S.ImportReport },
  /** "New document from clipboard": the HTML flavour through the HTML path when present, else the text. */
  'documents.importClipboard': { args: L.ImportClipboardArgs, result: S.ImportReport },
  /** Stops a running import job. */
  'import.cancel': { args: L.ImportCancelArgs, result: L.ImportCancelResult },
  /** Edits title, outlet, author, date, URL and tags; returns the document as stored. */
  'documents.update': { args: L.DocumentUpdate, result: S.DocumentFull },
  /** Deletes a document with its annotations; returns what undo needs. */
  'documents.delete': { args: z.object({ id: S.Id }).strict(), result: L.DeletedDocument },
  /** Undo of documents.delete: puts the document and everything that hung off it back. */
  'documents.restore': { args: L.RestoreDocumentArgs, result: S.DocumentSummary },
} as const;
