// The gold layer as curation writes it: annotations in layer 'gold', made by the adjudicator
// (the acting analyst), through the annotations writer like every other annotation.
import { goldLayer } from '../../../shared/schemas/analysts';
import { AppError } from '../../../shared/errors';
import * as annotationRows from '../../store/writers/annotations';
import { quoteOf } from '../annotate/annotations';
import type { ServiceContext } from '../context';
import { documentText } from '../library/document-text';
import { getLabel } from '../schema/labels';

export interface GoldSpanData {
  id: string;
  start: number;
  end: number;
  labelId: string;
  label: string;
  quote: string;
}

/** Adds a gold annotation; returns its id. */
export function createGoldAnnotation(ctx: ServiceContext, span: { documentId: string; start: number; end: number; labelId: string; note: string }): string {
  if (span.end <= span.start) throw new AppError('INVALID_ARGS', 'A gold span must end after it starts.');
  const quote = quoteOf(documentText(ctx, span.documentId), span.start, span.end);
  getLabel(ctx, span.labelId);
  const id = ctx.newId();
  const now = ctx.now();
  annotationRows.insertAnnotation(
    ctx.store.db,
    { id, documentId: span.documentId, labelId: span.labelId, start: span.start, end: span.end, quote, note: span.note, createdAt: now, updatedAt: now, layer: goldLayer },
    ctx.analyst.id,
  );
  return id;
}

export function deleteGoldAnnotation(ctx: ServiceContext, id: string): void {
  const layer = ctx.store.db.prepare('SELECT layer FROM annotations WHERE id = ?').pluck().get(id) as string | undefined;
  if (layer === undefined) return;
  if (layer !== goldLayer) throw new AppError('INTERNAL', 'A curation decision points at an annotation outside the gold layer.');
  annotationRows.deleteAnnotation(ctx.store.db, id);
}

export function goldSpans(ctx: ServiceContext, documentId: string): GoldSpanData[] {
  return ctx.store.db
    .prepare(
      `SELECT a.id, a.start, a."end" AS "end", a.label_id AS labelId, l.name AS label, a.quote
       FROM annotations a JOIN labels l ON l.id = a.label_id
       WHERE a.document_id = ? AND a.layer = ? ORDER BY a.start, a."end" DESC`,
    )
    .all(documentId, goldLayer) as GoldSpanData[];
}

/** The adjudicator: the analyst acting in this session. */
export function localAnalystId(ctx: ServiceContext): string {
  return ctx.analyst.id;
}
