// Many annotations in one call: tagging every match of a find (annotations.createMany) and its
// undo (annotations.deleteMany). Each runs in one transaction: all or nothing.
import { AppError } from '../../../shared/errors';
import type { Annotation } from '../../../shared/schemas/annotate';
import type { CreatedAnnotations, DeletedAnnotations, NewAnnotations } from '../../../shared/schemas/find';
import * as annotationRows from '../../store/writers/annotations';
import type { ServiceContext } from '../context';
import { documentText } from '../library/document-text';
import { getLabel } from '../schema/labels';
import { quoteOf } from './annotations';

/**
 * Tags each range with the label, validated as annotations.create validates one. A range the
 * label already covers exactly (same start and end), or one given twice, is skipped and counted.
 * One bad range fails the whole call and nothing is written.
 */
export function createAnnotations(ctx: ServiceContext, input: NewAnnotations): CreatedAnnotations {
  return ctx.store.transaction(() => {
    const text = documentText(ctx, input.documentId);
    getLabel(ctx, input.labelId);
    const tagged = new Set(
      (
        ctx.store.db
          .prepare('SELECT start, "end" FROM annotations WHERE document_id = ? AND label_id = ?')
          .raw()
          .all(input.documentId, input.labelId) as [number, number][]
      ).map(([start, end]) => `${start}:${end}`),
    );
    const now = ctx.now();
    const created: Annotation[] = [];
    let skipped = 0;
    input.ranges.forEach(({ start, end }, index) => {
      let quote: string;
      try {
        quote = quoteOf(text, start, end);
      } catch (error) {
        if (error instanceof AppError) throw new AppError(error.code, `Range ${index + 1} of ${input.ranges.length}: ${error.message}`);
        throw error;
      }
      const key = `${start}:${end}`;
      if (tagged.has(key)) {
        skipped++;
        return;
      }
      tagged.add(key);
      const by = ctx.analyst.id;
      const row: Annotation = { id: ctx.newId(), documentId: input.documentId, labelId: input.labelId, start, end, quote, note: '', createdAt: now, updatedAt: now, layer: by, createdBy: by, updatedBy: by };
      annotationRows.insertAnnotation(ctx.store.db, row, by);
      created.push(row);
    });
    return { created, skipped };
  });
}

/** Deletes the annotations (their values, relations and places by cascade); ids already gone are left out. */
export function deleteAnnotations(ctx: ServiceContext, ids: readonly string[]): DeletedAnnotations {
  return ctx.store.transaction(() => {
    const exists = ctx.store.db.prepare('SELECT 1 FROM annotations WHERE id = ?');
    const deletedIds: string[] = [];
    for (const id of new Set(ids)) {
      if (!exists.get(id)) continue;
      annotationRows.deleteAnnotation(ctx.store.db, id);
      deletedIds.push(id);
    }
    return { deletedIds };
  });
}
