// Dataset channels (issue 6): exports in every format with scope, label filter, offset unit and
// a preview; imports of annotated data. Shapes are in ../schemas/datasets.ts.
//
// Errors: NOT_FOUND (a document in scope is missing), EXPORT_FAILED (the path cannot be written;
// nothing is changed), IMPORT_FAILED (a malformed file: the message names the file and line;
// nothing is imported), SCHEMA_TOO_NEW (an archive from a newer Glossa).
import * as D from '../schemas/datasets';

export const datasetChannels = {
  /** Shows the save dialog (a folder name for brat) and writes the export atomically. */
  'datasets.exportDialog': { args: D.DatasetExportOptions, result: D.DatasetExportOutcome },
  /** The first records of the export as they will be written, and its counts. */
  'datasets.preview': { args: D.DatasetExportOptions, result: D.DatasetPreview },
  /** Shows the open dialog for the format and reads the file: what it holds, and the labels it lacks. */
  'datasets.chooseImport': { args: D.AnnotationImportDialogArgs, result: D.AnnotationImportDialogResult },
  /** Imports documents and their annotations from a file (all or nothing), re-anchoring by quote. */
  'datasets.importAnnotations': { args: D.AnnotationImportArgs, result: D.AnnotationImportReport },
} as const;
