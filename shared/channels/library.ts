// The library's channels: documents and their details; import of web pages, PDF, Word, text and
// the clipboard, in batches with progress and cancel; delete with undo. Shapes: ../schemas/library.ts.
//
// Every import call returns the final ImportReport when the job ends (finished or cancelled).
// While it runs, main sends `progress` events with task `import:<jobId>` (see importTask);
// `import.cancel` stops it: documents already stored stay, nothing else is written.
import { z } from 'zod';
import * as L from '../schemas/library';
import { byId, none } from './common';

export const libraryChannels = {
  'documents.list': { args: none, result: z.array(L.DocumentSummary) },
  'documents.get': { args: byId, result: L.DocumentFull },
  /** The reader's open: details and the block index, without the text (loaded by window). */
  'documents.outline': { args: byId, result: L.DocumentOutline },
  /** A window of the text; INVALID_ARGS when the range runs past the end or cuts a surrogate pair. */
  'documents.textRange': { args: L.TextRangeArgs, result: z.string() },
  /** Edits title, outlet, author, date, URL and tags; returns the document as stored. */
  'documents.update': { args: L.DocumentUpdate, result: L.DocumentFull },
  /** Deletes a document with its annotations; returns what undo needs. */
  'documents.delete': { args: byId, result: L.DeletedDocument },
  /** Undo of documents.delete: puts the document and everything that hung off it back. */
  'documents.restore': { args: L.RestoreDocumentArgs, result: L.DocumentSummary },

  /** Shows the native open dialog (several files, or folders with mode 'folder') and imports the choice. */
  'documents.importDialog': { args: L.ImportDialogArgs, result: L.ImportReport },
  /** Imports files dropped on the window; the renderer sends their bytes. */
  'documents.importDropped': { args: L.ImportDroppedArgs, result: L.ImportReport },
  /** Imports dropped files and folders by path (Electron: window.glossa.pathForFile); folders recursively. */
  'documents.importPaths': { args: L.ImportPathsArgs, result: L.ImportReport },
  /** "New document from clipboard": the HTML flavour through the HTML path when present, else the text. */
  'documents.importClipboard': { args: L.ImportClipboardArgs, result: L.ImportReport },
  /** Stops a running import job. */
  'import.cancel': { args: L.ImportCancelArgs, result: L.ImportCancelResult },
} as const;
