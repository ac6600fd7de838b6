// Export in every format, with a scope (corpus, selected documents, one document), a label
// filter and the offset unit: to a path, or to where the save dialog says. Every target is
// resolved and checked by export-target/ before anything is written.
import { datasetFormatTable, exportOffsetUnit } from '../../../shared/formats';
import type { DatasetExportOptions, DatasetExportOutcome } from '../../../shared/schemas/datasets';
import type { ServiceContext } from '../context';
import { ReplaceNeedsConfirmation, resolveFileTarget, resolveFolderTarget, writtenPath, type ExportTarget } from '../export-target/resolve';
import { rememberReplace } from './export-confirmations';
import { suggestedDatasetName } from './file-names';
import { linkedTally, type DatasetCounts } from './formats/format';
import { linkedWarnings } from './linked-warnings';
import { formatModules } from './formats/registry';
import { labelFilter, layerFilter, scopeIds, type ExportScope } from './model';

export function scopeOf(options: DatasetExportOptions): ExportScope {
  return { documentId: options.documentId, documentIds: options.documentIds, labels: options.labels, layer: options.layer };
}

/** Fails (NOT_FOUND) before anything is written when a document or label asked for is missing. */
function checkScope(ctx: ServiceContext, options: DatasetExportOptions): void {
  scopeIds(ctx, scopeOf(options));
  labelFilter(ctx, options.labels);
  layerFilter(ctx, options.layer);
}

/**
 * The checked target for a path the user named: a file, or for brat a folder (a new subfolder
 * named after the export when the folder is the user's; a previous export only with replace).
 */
export function datasetTarget(ctx: ServiceContext, options: DatasetExportOptions, named: string, replace = false): ExportTarget {
  if (datasetFormatTable[options.format].target === 'folder') {
    return resolveFolderTarget(ctx.store.path, named, { replace, subfolderName: suggestedDatasetName(ctx, options) });
  }
  return resolveFileTarget(ctx.store.path, named);
}

/** Writes the export to a checked target, atomically, and says what it holds. */
export function writeDataset(ctx: ServiceContext, options: DatasetExportOptions, target: ExportTarget): DatasetCounts {
  const counts: DatasetCounts = { documents: 0, annotations: 0, relations: 0, offsetUnit: exportOffsetUnit(options.format, options.offsetUnit), warnings: [] };
  checkScope(ctx, options);
  formatModules[options.format].write(ctx, { scope: scopeOf(options), unit: options.offsetUnit ?? 'codepoint', counts }, target);
  counts.warnings.push(...linkedWarnings(options.format, linkedTally(counts)));
  return counts;
}

/** Writes the export to the path named (a folder for brat) and says where it went and what it holds. */
export function exportDatasetTo(ctx: ServiceContext, options: DatasetExportOptions, named: string, replace = false): DatasetCounts & { path: string } {
  checkScope(ctx, options);
  const target = datasetTarget(ctx, options, named, replace);
  return { path: writtenPath(target), ...writeDataset(ctx, options, target) };
}

/** Writes the export to the path named and says what it holds. */
export function exportDataset(ctx: ServiceContext, options: DatasetExportOptions, named: string, replace = false): DatasetCounts {
  const { path: _path, ...counts } = exportDatasetTo(ctx, options, named, replace);
  return counts;
}

/** After the save dialog: writes, or asks the page to confirm replacing a previous export. */
export function exportAfterDialog(ctx: ServiceContext, options: DatasetExportOptions, named: string, replace: boolean): DatasetExportOutcome {
  try {
    return { status: 'written', ...exportDatasetTo(ctx, options, named, replace) };
  } catch (error) {
    if (!(error instanceof ReplaceNeedsConfirmation)) throw error;
    const token = rememberReplace(ctx, { options, named });
    return { status: 'confirm-replace', path: error.folder, format: error.marker.format, files: error.marker.files.length, writtenAt: error.marker.writtenAt, token };
  }
}

export async function exportDatasetWithDialog(ctx: ServiceContext, options: DatasetExportOptions): Promise<DatasetExportOutcome> {
  checkScope(ctx, options);
  const target = await ctx.dialogs.chooseExportPath(suggestedDatasetName(ctx, options), datasetFormatTable[options.format].extension);
  if (target === null) return { status: 'cancelled' };
  return exportAfterDialog(ctx, options, target, false);
}
