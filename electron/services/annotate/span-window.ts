// The reader's queries over a document's annotations, so that it never loads them all: the spans
// of a window of the text, counts per label, pages in reading order, and one
// annotation's place in that order. Reading order: start, longer first, then id.
import { AppError } from '../../../shared/errors';
import type { AnnotationCounts, AnnotationPage, AnnotationPageArgs, Located, ReaderSpan, SpanWindow } from '../../../shared/schemas/annotate';
import type { ServiceContext } from '../context';
import { assertDocument } from '../library/document-text';

const readerColumns = `id, document_id AS documentId, label_id AS labelId, start, "end", quote, note,
  layer, created_by AS createdBy, updated_by AS updatedBy, created_at AS createdAt, updated_at AS updatedAt`;
const readingOrder = `ORDER BY start, "end" DESC, id`;

/** The layer a reader's query reads: the one asked for, else the acting analyst's own. */
export function layerToRead(ctx: ServiceContext, layer: string | undefined): string {
  return layer ?? ctx.analyst.id;
}

/** The annotations of one layer overlapping [start, end), in reading order. */
export function spanWindow(ctx: ServiceContext, documentId: string, start: number, end: number, layer?: string): SpanWindow {
  assertDocument(ctx, documentId);
  // No span is longer than the document's longest (an index answers that), so those reaching into
  // the window start at most that far before it: the scan covers the window, not all before it.
  const longest = (ctx.store.db.prepare('SELECT max("end" - start) FROM annotations WHERE document_id = ?').pluck().get(documentId) as number | null) ?? 0;
  const rows = ctx.store.db
    .prepare(
      `SELECT id, label_id, start, "end", note, quote FROM annotations
         WHERE document_id = ? AND start >= ? AND start < ? AND "end" > ? AND layer = ? ${readingOrder}`,
    )
    .raw()
    .all(documentId, Math.max(0, start - longest), end, start, layerToRead(ctx, layer)) as [string, string, number, number, string, string][];
  const window: SpanWindow = { documentId, ids: [], labelIds: [], starts: [], ends: [], notes: [], quotes: [] };
  for (const [id, labelId, from, to, note, quote] of rows) {
    window.ids.push(id);
    window.labelIds.push(labelId);
    window.starts.push(from);
    window.ends.push(to);
    window.notes.push(note);
    window.quotes.push(quote);
  }
  return window;
}

export function annotationCounts(ctx: ServiceContext, documentId: string, layer?: string): AnnotationCounts {
  assertDocument(ctx, documentId);
  const byLabel: Record<string, number> = {};
  let total = 0;
  for (const { labelId, n } of ctx.store.db
    .prepare('SELECT label_id AS labelId, count(*) AS n FROM annotations WHERE document_id = ? AND layer = ? GROUP BY label_id')
    .all(documentId, layerToRead(ctx, layer)) as { labelId: string; n: number }[]) {
    byLabel[labelId] = n;
    total += n;
  }
  return { total, byLabel };
}

function labelSql(filter: { labelIds: readonly string[] | null; layer: string }): { sql: string; params: unknown[] } {
  const parts: string[] = ['layer = ?'];
  const params: unknown[] = [filter.layer];
  if (filter.labelIds) {
    parts.push(filter.labelIds.length ? `label_id IN (${filter.labelIds.map(() => '?').join(', ')})` : '0');
    params.push(...filter.labelIds);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

export function annotationPage(ctx: ServiceContext, args: AnnotationPageArgs): AnnotationPage {
  assertDocument(ctx, args.documentId);
  const { sql, params } = labelSql({ ...args, layer: layerToRead(ctx, args.layer) });
  const word = args.quoteContains?.trim().toLowerCase();
  if (word) {
    // Case folded as JavaScript folds it (SQLite's lower() knows ASCII only): a scan, for the link dialog.
    const all = ctx.store.db
      .prepare(`SELECT ${readerColumns} FROM annotations WHERE document_id = ?${sql} ${readingOrder}`)
      .all(args.documentId, ...params) as ReaderSpan[];
    const matching = all.filter((a) => a.quote.toLowerCase().includes(word));
    return { total: matching.length, items: matching.slice(args.offset, args.offset + args.limit) };
  }
  const total = ctx.store.db.prepare(`SELECT count(*) FROM annotations WHERE document_id = ?${sql}`).pluck().get(args.documentId, ...params) as number;
  const items = ctx.store.db
    .prepare(`SELECT ${readerColumns} FROM annotations WHERE document_id = ?${sql} ${readingOrder} LIMIT ? OFFSET ?`)
    .all(args.documentId, ...params, args.limit, args.offset) as ReaderSpan[];
  return { total, items };
}

export function locateAnnotation(ctx: ServiceContext, id: string, labelIds: readonly string[] | null): Located {
  const annotation = ctx.store.db.prepare(`SELECT ${readerColumns} FROM annotations WHERE id = ?`).get(id) as ReaderSpan | undefined;
  if (!annotation) throw new AppError('NOT_FOUND', `No annotation with id ${id}.`);
  if (labelIds && !labelIds.includes(annotation.labelId)) return { annotation, rank: null };
  const { sql, params } = labelSql({ labelIds, layer: annotation.layer ?? ctx.analyst.id });
  const { start, end } = annotation;
  const rank = ctx.store.db
    .prepare(
      `SELECT count(*) FROM annotations WHERE document_id = ? AND start <= ?${sql}
         AND (start < ? OR "end" > ? OR ("end" = ? AND id < ?))`,
    )
    .pluck()
    .get(annotation.documentId, start, ...params, start, end, end, id) as number;
  return { annotation, rank };
}
