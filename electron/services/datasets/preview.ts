// The export dialog's preview: the first records as the file will hold them, with the counts of
// the whole export and what the format keeps and drops.
import { datasetFormatTable, exportOffsetUnit } from '../../../shared/formats';
import type { DatasetExportOptions, DatasetPreview } from '../../../shared/schemas/datasets';
import type { ServiceContext } from '../context';
import { scopeOf } from './export';
import { formatModules } from './formats/registry';
import { previewRecords } from './formats/text-export';
import { labelFilter, scopeIds } from './model';

/** How many documents and annotations the export will hold, counted in SQL. */
function exportSize(ctx: ServiceContext, ids: string[] | undefined, keep: Set<string> | undefined): { documents: number; annotations: number } {
  const db = ctx.store.db;
  const idList = JSON.stringify(ids ?? []);
  const docWhere = ids ? 'WHERE id IN (SELECT value FROM json_each(?))' : '';
  const documents = (db.prepare(`SELECT count(*) AS n FROM documents ${docWhere}`).get(...(ids ? [idList] : [])) as { n: number }).n;
  const annWhere = [ids ? 'document_id IN (SELECT value FROM json_each(?))' : '', keep ? 'label_id IN (SELECT value FROM json_each(?))' : ''].filter(Boolean);
  const annotations = (
    db.prepare(`SELECT count(*) AS n FROM annotations ${annWhere.length ? 'WHERE ' + annWhere.join(' AND ') : ''}`).get(...(ids ? [idList] : []), ...(keep ? [JSON.stringify([...keep])] : [])) as { n: number }
  ).n;
  return { documents, annotations };
}

export function previewDataset(ctx: ServiceContext, options: DatasetExportOptions): DatasetPreview {
  const scope = scopeOf(options);
  const ids = scopeIds(ctx, scope);
  const { documents, annotations } = exportSize(ctx, ids, labelFilter(ctx, options.labels));
  const firstIds = ids ? ids.slice(0, previewRecords) : (ctx.store.db.prepare('SELECT id FROM documents ORDER BY imported_at, id LIMIT ?').pluck().all(previewRecords) as string[]);
  const records =
    firstIds.length > 0
      ? formatModules[options.format].preview(ctx, { scope, first: { documentIds: firstIds, labels: options.labels, layer: options.layer }, unit: options.offsetUnit ?? 'codepoint' })
      : [];
  return { records, documents, annotations, offsetUnit: exportOffsetUnit(options.format, options.offsetUnit), note: datasetFormatTable[options.format].notes };
}
