// Export in every format, with a scope (corpus, selected documents, one document), a label
// filter and the offset unit: to a path, or to where the save dialog says.
import { datasetFormatTable, exportOffsetUnit } from '../../../shared/formats';
import type { DatasetExportOptions, DatasetExportOutcome } from '../../../shared/schemas/datasets';
import type { ServiceContext } from '../context';
import { suggestedDatasetName } from './file-names';
import type { DatasetCounts } from './formats/format';
import { formatModules } from './formats/registry';
import { labelFilter, scopeIds, type ExportScope } from './model';

export function scopeOf(options: DatasetExportOptions): ExportScope {
  return { documentId: options.documentId, documentIds: options.documentIds, labels: options.labels };
}

/** Fails (NOT_FOUND) before anything is written when a document or label asked for is missing. */
function checkScope(ctx: ServiceContext, options: DatasetExportOptions): void {
  scopeIds(ctx, scopeOf(options));
  labelFilter(ctx, options.labels);
}

/** Writes the export to target (a folder for brat), atomically, and says what it holds. */
export function exportDataset(ctx: ServiceContext, options: DatasetExportOptions, target: string): DatasetCounts {
  const counts: DatasetCounts = { documents: 0, annotations: 0, relations: 0, offsetUnit: exportOffsetUnit(options.format, options.offsetUnit), warnings: [] };
  checkScope(ctx, options);
  formatModules[options.format].write(ctx, { scope: scopeOf(options), unit: options.offsetUnit ?? 'codepoint', counts }, target);
  return counts;
}

export async function exportDatasetWithDialog(ctx: ServiceContext, options: DatasetExportOptions): Promise<DatasetExportOutcome> {
  checkScope(ctx, options);
  const target = await ctx.dialogs.chooseExportPath(suggestedDatasetName(ctx, options), datasetFormatTable[options.format].extension);
  if (target === null) return { status: 'cancelled' };
  const counts = exportDataset(ctx, options, target);
  return { status: 'written', path: target, ...counts };
}
