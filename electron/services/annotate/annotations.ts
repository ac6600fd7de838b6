import { AppError } from '../../../shared/errors';
import { splitsSurrogatePair } from '../../../shared/offsets';
import type {
  Annotation,
  AnnotationPatch,
  AnnotationSpans,
  DeletedAnnotation,
  NewAnnotation,
} from '../../../shared/schemas/annotate';
import * as annotationRows from '../../store/writers/annotations';
import type { ServiceContext } from '../context';
import { assertDocument, documentText } from '../library/document-text';
import { getLabel } from '../schema/labels';
import { checkWritableLayer } from '../analysts/layers';
import { undoSnapshots } from '../undo-snapshots';
import { putBackAnnotation, snapshotOf } from './annotation-snapshot';

export const annotationColumns = `id, document_id AS documentId, label_id AS labelId, start, "end", quote, note,
  created_at AS createdAt, updated_at AS updatedAt, layer, created_by AS createdBy, updated_by AS updatedBy`;
const columns = annotationColumns;

export function listAnnotations(ctx: ServiceContext, documentId: string): Annotation[] {
  return ctx.store.db
    .prepare(`SELECT ${columns} FROM annotations WHERE document_id = ? ORDER BY start, "end" DESC, created_at`)
    .all(documentId) as Annotation[];
}

export function listSpans(ctx: ServiceContext, documentId: string): AnnotationSpans {
  assertDocument(ctx, documentId);
  const rows = ctx.store.db
    .prepare(`SELECT id, label_id, start, "end", note FROM annotations WHERE document_id = ? ORDER BY start, "end" DESC, id`)
    .raw()
    .all(documentId) as [string, string, number, number, string][];
  const spans: AnnotationSpans = { documentId, ids: [], labelIds: [], starts: [], ends: [], notes: [] };
  for (const [id, labelId, start, end, note] of rows) {
    spans.ids.push(id);
    spans.labelIds.push(labelId);
    spans.starts.push(start);
    spans.ends.push(end);
    spans.notes.push(note);
  }
  return spans;
}

export function getAnnotation(ctx: ServiceContext, id: string): Annotation {
  const row = ctx.store.db.prepare(`SELECT ${columns} FROM annotations WHERE id = ?`).get(id) as
    | Annotation
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No annotation with id ${id}.`);
  return row;
}

/** Checks a span against the document's text and returns the quote it covers. */
export function quoteOf(text: string, start: number, end: number): string {
  if (end > text.length) {
    throw new AppError('INVALID_ARGS', `The span ${start}–${end} runs past the end of the document (${text.length}).`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new AppError('INVALID_ARGS', 'The span cuts a character in half (inside a surrogate pair).');
  }
  const quote = text.slice(start, end);
  if (quote.trim() === '') throw new AppError('INVALID_ARGS', 'The span holds only white space.');
  return quote;
}

export function createAnnotation(ctx: ServiceContext, input: NewAnnotation): Annotation {
  return ctx.store.transaction(() => {
    const quote = quoteOf(documentText(ctx, input.documentId), input.start, input.end);
    getLabel(ctx, input.labelId);
    const id = ctx.newId();
    const now = ctx.now();
    annotationRows.insertAnnotation(ctx.store.db, {
      id,
      documentId: input.documentId,
      labelId: input.labelId,
      start: input.start,
      end: input.end,
      quote,
      note: input.note ?? '',
      createdAt: now,
      updatedAt: now,
    }, ctx.analyst.id);
    return getAnnotation(ctx, id);
  });
}

export function updateAnnotation(ctx: ServiceContext, patch: AnnotationPatch): Annotation {
  return ctx.store.transaction(() => {
    const current = getAnnotation(ctx, patch.id);
    checkWritableLayer(ctx, current.layer);
    if (patch.labelId !== undefined) getLabel(ctx, patch.labelId);
    annotationRows.updateAnnotation(ctx.store.db, {
      id: patch.id,
      labelId: patch.labelId ?? current.labelId,
      note: patch.note ?? current.note,
      updatedAt: ctx.now(),
    }, ctx.analyst.id);
    return getAnnotation(ctx, patch.id);
  });
}

/**
 * Deletes the annotation (its values, relations and place go by cascade). Main keeps all of it;
 * the token returned puts it back.
 */
export function deleteAnnotation(ctx: ServiceContext, id: string): DeletedAnnotation {
  return ctx.store.transaction(() => {
    const current = getAnnotation(ctx, id);
    checkWritableLayer(ctx, current.layer);
    const snapshot = snapshotOf(ctx, current);
    annotationRows.deleteAnnotation(ctx.store.db, id);
    return { ...current, undoToken: undoSnapshots(ctx.store).remember('annotation', snapshot, snapshot.quote.length) };
  });
}

/** Undo of a deletion, by token: puts the annotation back as it was, with its values, relations and place. */
export function restoreAnnotation(ctx: ServiceContext, token: string): Annotation {
  const snapshots = undoSnapshots(ctx.store);
  const snapshot = snapshots.get('annotation', token);
  return ctx.store.transaction(() => {
    putBackAnnotation(ctx, snapshot);
    snapshots.spend(token);
    return getAnnotation(ctx, snapshot.id);
  });
}
