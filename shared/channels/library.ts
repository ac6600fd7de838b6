// The library's channels: documents and their details; import of web pages, PDF, Word, text and
// the clipboard, in batches with progress and cancel; delete with undo. Shapes: ../schemas/library.ts.
//
// Every import call returns the final ImportReport when the job ends (finished or cancelled).
// While it runs, main sends `progress` events with task `import:<jobId>` (see importTask);
// `import.cancel` stops it: documents already stored stay, nothing else is written.
import { z } from 'zod';
import * as L from '../schemas/library';
import * as Q from '../schemas/library-query';
import { byId, byUndoToken, none } from './common';

export const libraryChannels = {
  /** Every document at once: for small lists only; the library pages with documents.query. */
  'documents.list': { args: none, result: z.array(L.DocumentSummary) },
  /** One page of the library, filtered and sorted in the store, with the total that match. */
  'documents.query': { args: Q.LibraryQuery, result: Q.LibraryPage },
  /** The ids of a range of the filtered, sorted library (selecting a range, or everything). */
  'documents.queryIds': { args: Q.LibraryIdsQuery, result: z.array(z.string()) },
  /** The outlets and tags the library's filters offer, with counts. */
  'documents.facets': { args: none, result: Q.LibraryFacets },
  /** Adds one tag to many documents (the library's selection). */
  'documents.tag': { args: Q.TagDocumentsArgs, result: Q.TagDocumentsResult },
  'documents.get': { args: byId, result: L.DocumentFull },
  /** The reader's open: details and the block index, without the text (loaded by window). */
  'documents.outline': { args: byId, result: L.DocumentOutline },
  /** What the import said about the document (its notices) and its dataset source record: the reader's banner, the details panel. */
  'documents.provenance': { args: byId, result: L.DocumentProvenance },
  /** A window of the text; INVALID_ARGS when the range runs past the end or cuts a surrogate pair. */
  'documents.textRange': { args: L.TextRangeArgs, result: z.string() },
  /** Edits title, outlet, author, date, URL and tags; returns the document as stored. */
  'documents.update': { args: L.DocumentUpdate, result: L.DocumentFull },
  /** Deletes a document with its annotations; returns a summary and the token that undoes it. */
  'documents.delete': { args: byId, result: L.DeletedDocument },
  /**
   * Undo of documents.delete, by its token: puts the document and everything that hung off it
   * back, from the snapshot main kept. DUPLICATE when its id or text is taken meanwhile;
   * NOT_FOUND when the token is unknown or expired. A token is spent by a successful restore.
   */
  'documents.restore': { args: byUndoToken, result: L.DocumentSummary },

  /** Shows the native open dialog (several files, or folders with mode 'folder') and imports the choice. */
  'documents.importDialog': { args: L.ImportDialogArgs, result: L.ImportReport },
  /** Imports files dropped on the window; the renderer sends their bytes. */
  'documents.importDropped': { args: L.ImportDroppedArgs, result: L.ImportReport },
  /** Imports dropped files and folders main granted (window.glossa.droppedGrants), by token; folders recursively. */
  'documents.importGranted': { args: L.ImportGrantedArgs, result: L.ImportReport },
  /** "New document from clipboard": the HTML flavour through the HTML path when present, else the text. */
  'documents.importClipboard': { args: L.ImportClipboardArgs, result: L.ImportReport },
  /**
   * Re-reads a report whose encoding was guessed, as the encoding given, and puts it in place of
   * the old one (refused once it has annotations). Only for reports imported in this session.
   */
  'documents.reencode': { args: L.ReencodeArgs, result: L.ReencodeResult },
  /** Stops a running import job. */
  'import.cancel': { args: L.ImportCancelArgs, result: L.ImportCancelResult },
} as const;
