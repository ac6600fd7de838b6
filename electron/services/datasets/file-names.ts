// The names exports suggest: for the save dialog, and for brat's files inside its folder.
import { datasetFormatTable } from '../../../shared/formats';
import type { DatasetExportOptions } from '../../../shared/schemas/datasets';
import type { ServiceContext } from '../context';

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

/** "glossa-doccano-2026-11-26.jsonl", or the document's title; formats whose extension names them carry no "-format". */
export function suggestedDatasetName(ctx: ServiceContext, options: DatasetExportOptions): string {
  const ext = datasetFormatTable[options.format].extension;
  const tail = ext ? `.${ext}` : '';
  const kind = options.format === 'jsonl' || options.format === 'csv' || options.format === 'geojson' || options.format === 'archive' ? '' : `-${options.format}`;
  const ids = options.documentIds ?? (options.documentId ? [options.documentId] : undefined);
  if (ids && ids.length === 1) {
    const row = ctx.store.db.prepare('SELECT title FROM documents WHERE id = ?').get(ids[0]) as { title: string } | undefined;
    return `${slug(row?.title ?? '') || 'glossa-document'}${kind}${tail}`;
  }
  return `glossa-${ids ? 'selection' : 'corpus'}${kind}-${ctx.now().slice(0, 10)}${tail}`;
}
