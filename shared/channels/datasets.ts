// Dataset channels (issue 6): exports in every format with scope, label filter, offset unit and
// a preview; imports of annotated data. Shapes are in ../schemas/datasets.ts.
//
// Errors: NOT_FOUND (a document in scope is missing), EXPORT_FAILED (the path cannot be written;
// nothing is changed), IMPORT_FAILED (a malformed file: the message names the file and line;
// nothing is imported), SCHEMA_TOO_NEW (an archive from a newer Glossa).
import * as D from '../schemas/datasets';
import { none } from './common';

export const datasetChannels = {
  /** Shows the save dialog (a folder name for brat) and writes the export atomically. */
  'datasets.exportDialog': { args: D.DatasetExportOptions, result: D.DatasetExportOutcome },
  /** Replaces the previous Glossa export an exportDialog asked about (only the files it wrote). */
  'datasets.exportReplace': { args: D.ExportReplaceArgs, result: D.DatasetExportOutcome },
  /** The first records of the export as they will be written, and its counts. */
  'datasets.preview': { args: D.DatasetExportOptions, result: D.DatasetPreview },
  /** Shows the open dialog for the format and reads the file: what it holds, and the labels it lacks; the plan's token names the choice. */
  'datasets.chooseImport': { args: D.AnnotationImportDialogArgs, result: D.AnnotationImportDialogResult },
  /** Imports documents and their annotations from the file a plan's token names (all or nothing), re-anchoring by quote; the token is then spent. */
  'datasets.importAnnotations': { args: D.AnnotationImportArgs, result: D.AnnotationImportReport },
  /**
   * .glossa archives opened from the OS (after an `archive-opened` event, and once at start):
   * their tokens, oldest first; each is returned once.
   */
  'datasets.takeOpenedArchives': { args: none, result: D.OpenedArchiveTokens },
  /** The plan of a granted archive (opened from the OS or dropped), as datasets.chooseImport returns it for format archive. */
  'datasets.planOpenedArchive': { args: D.OpenedArchiveArgs, result: D.AnnotationImportPlan },
  /** Imports a granted archive; its token is then spent (NOT_FOUND after). */
  'datasets.importOpenedArchive': { args: D.ImportOpenedArchiveArgs, result: D.AnnotationImportReport },
} as const;
