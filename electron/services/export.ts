// Exports the corpus, or one document, as JSONL, CSV or GeoJSON, written atomically.
import type { ExportFormat, ExportOutcome, ExportRequest } from '../../shared/schemas/export';
import { writeFileAtomic } from './atomic-write';
import type { ServiceContext } from './context';
import { csvHeader, csvRows } from './export-csv';
import { assertExportScope, attributeColumns, exportDocuments } from './export-data';
import { exportGeoJson } from './export-geojson';
import { jsonlLine } from './export-jsonl';
import type { Handlers } from './handlers';

export interface ExportCounts {
  documents: number;
  annotations: number;
}

/** Writes the export to target (replacing it atomically) and says how much it holds. */
export function exportToFile(ctx: ServiceContext, request: ExportRequest, target: string): ExportCounts {
  assertExportScope(ctx, request.documentId);
  if (request.format === 'geojson') return exportGeoJson(ctx, request.documentId, target);
  const counts: ExportCounts = { documents: 0, annotations: 0 };
  const columns = request.format === 'csv' ? attributeColumns(ctx) : [];
  function* chunks(): Generator<string> {
    if (request.format === 'csv') yield csvHeader(columns);
    for (const doc of exportDocuments(ctx, request.documentId)) {
      counts.documents += 1;
      counts.annotations += doc.annotations.length;
      yield request.format === 'csv' ? csvRows(doc, columns) : jsonlLine(doc);
    }
  }
  writeFileAtomic(target, chunks());
  return counts;
}

/** "glossa-corpus-2026-11-26.jsonl", or the document's title as a file name. */
export function suggestedExportName(ctx: ServiceContext, request: ExportRequest): string {
  const extension = request.format;
  if (request.documentId === undefined) return `glossa-corpus-${ctx.now().slice(0, 10)}.${extension}`;
  const row = ctx.store.db.prepare('SELECT title FROM documents WHERE id = ?').get(request.documentId) as
    | { title: string }
    | undefined;
  return `${slug(row?.title ?? '') || 'glossa-document'}.${extension}`;
}

/** Letters and digits of any script, joined by hyphens: safe as a file name everywhere. */
export function slug(title: string): string {
  const joined = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by code points so a character outside the BMP is never split.
  return Array.from(joined).slice(0, 60).join('').replace(/-+$/, '');
}

export async function exportWithDialog(ctx: ServiceContext, request: ExportRequest): Promise<ExportOutcome> {
  assertExportScope(ctx, request.documentId);
  const format: ExportFormat = request.format;
  const target = await ctx.dialogs.chooseExportPath(suggestedExportName(ctx, request), format);
  if (target === null) return { status: 'cancelled' };
  const counts = exportToFile(ctx, request, target);
  return { status: 'written', path: target, ...counts };
}

export function exportHandlers(ctx: ServiceContext): Pick<Handlers, 'export.dialog'> {
  return { 'export.dialog': (request) => exportWithDialog(ctx, request) };
}
