import { AppError } from '../../../shared/errors';
import { splitsSurrogatePair } from '../../../shared/offsets';
import type {
  Annotation,
  AnnotationPatch,
  AnnotationSnapshot,
  AnnotationSpans,
  NewAnnotation,
} from '../../../shared/schemas/annotate';
import * as annotationRows from '../../store/writers/annotations';
import type { ServiceContext } from '../context';
import { assertDocument, documentText } from '../library/document-text';
import { getLabel } from '../schema/labels';
import { restoreExtras, snapshotOf } from './annotation-snapshot';

const columns = `id, document_id AS documentId, label_id AS labelId, start, "end", quote, note,
  created_at AS createdAt, updated_at AS updatedAt`;

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
    });
    return getAnnotation(ctx, id);
  });
}

export function updateAnnotation(ctx: ServiceContext, patch: AnnotationPatch): Annotation {
  return ctx.store.transaction(() => {
    const current = getAnnotation(ctx, patch.id);
    if (patch.labelId !== undefined) getLabel(ctx, patch.labelId);
    annotationRows.updateAnnotation(ctx.store.db, {
      id: patch.id,
      labelId: patch.labelId ?? current.labelId,
      note: patch.note ?? current.note,
      updatedAt: ctx.now(),
    });
    return getAnnotation(ctx, patch.id);
  });
}

/** Deletes the annotation (its values, relations and place go by cascade) and returns all of it for undo. */
export function deleteAnnotation(ctx: ServiceContext, id: string): AnnotationSnapshot {
  return ctx.store.transaction(() => {
    const current = snapshotOf(ctx, getAnnotation(ctx, id));
    annotationRows.deleteAnnotation(ctx.store.db, id);
    return current;
  });
}

/** Puts back an annotation exactly as it was (undo of a deletion), with its values, relations and place. */
export function restoreAnnotation(ctx: ServiceContext, annotation: AnnotationSnapshot): AnnotationSnapshot {
  return ctx.store.transaction(() => {
    const quote = quoteOf(documentText(ctx, annotation.documentId), annotation.start, annotation.end);
    if (quote !== annotation.quote) {
      throw new AppError('OFFSETS_MISMATCH', 'The annotation no longer matches the document text.');
    }
    getLabel(ctx, annotation.labelId);
    if (ctx.store.db.prepare('SELECT 1 FROM annotations WHERE id = ?').get(annotation.id)) {
      throw new AppError('DUPLICATE', `Annotation ${annotation.id} already exists.`);
    }
    annotationRows.insertAnnotation(ctx.store.db, {
      id: annotation.id,
      documentId: annotation.documentId,
      labelId: annotation.labelId,
      start: annotation.start,
      end: annotation.end,
      quote,
      note: annotation.note,
      createdAt: annotation.createdAt,
      updatedAt: annotation.updatedAt,
    });
    restoreExtras(ctx, annotation);
    return snapshotOf(ctx, getAnnotation(ctx, annotation.id));
  });
}
