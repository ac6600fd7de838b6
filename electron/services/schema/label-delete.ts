// Deleting a label: the annotations that use it are deleted or moved to another label (with
// the values that fit there) only when the caller says which; IN_USE with the count otherwise.
import { AppError } from '../../../shared/errors';
import type { LabelDelete, LabelDeleteOutcome } from '../../../shared/schemas/schema';
import * as annotationRows from '../../store/writers/annotations';
import * as valueRows from '../../store/writers/attribute-values';
import * as labelRows from '../../store/writers/labels';
import { stampOf, type ServiceContext } from '../context';
import { checkValue, decodeValue } from './attribute-types';
import { listAttributes } from './attributes';
import { getLabel } from './labels';

function annotationCount(ctx: ServiceContext, labelId: string): number {
  return (ctx.store.db.prepare('SELECT count(*) AS n FROM annotations WHERE label_id = ?').get(labelId) as { n: number }).n;
}

export function deleteLabel(ctx: ServiceContext, request: LabelDelete): LabelDeleteOutcome {
  return ctx.store.transaction(() => {
    const label = getLabel(ctx, request.id);
    const db = ctx.store.db;
    const used = annotationCount(ctx, label.id);
    let annotationsDeleted = 0;
    let annotationsRelabeled = 0;
    if (used > 0 && request.annotations === undefined) {
      throw new AppError(
        'IN_USE',
        `${used} annotation${used === 1 ? '' : 's'} use${used === 1 ? 's' : ''} the label "${label.name}". ` +
          'Say whether to delete them (annotations: "delete") or relabel them (annotations: "relabel", relabelTo: another label).',
        { count: used, what: 'label-annotations', name: label.name },
      );
    }
    if (used > 0 && request.annotations === 'relabel') {
      if (request.relabelTo === label.id) throw new AppError('INVALID_ARGS', 'Cannot relabel annotations to the label being deleted.');
      const target = getLabel(ctx, request.relabelTo!);
      moveValuesToLabel(ctx, label.id, target.id);
      annotationsRelabeled = annotationRows.relabelAnnotations(db, label.id, target.id, ctx.now(), ctx.analyst.id);
    } else if (used > 0) {
      annotationsDeleted = annotationRows.deleteAnnotationsOfLabel(db, label.id);
    }
    // Attributes (and their values) go with the label; relation types that named it accept any label.
    labelRows.deleteLabel(db, label.id);
    return { deleted: label, annotationsDeleted, annotationsRelabeled };
  });
}

/**
 * Before annotations move from one label to another: each value of an attribute of the old
 * label is copied to the new label's attribute of the same name and type when it fits there.
 */
function moveValuesToLabel(ctx: ServiceContext, fromLabelId: string, toLabelId: string): void {
  const from = listAttributes(ctx, fromLabelId);
  const to = new Map(listAttributes(ctx, toLabelId).map((a) => [a.name.toLowerCase(), a]));
  const db = ctx.store.db;
  const values = db.prepare(
    `SELECT aa.annotation_id AS annotationId, aa.value FROM annotation_attributes aa
     JOIN annotations a ON a.id = aa.annotation_id WHERE aa.attribute_id = ? AND a.label_id = ?`,
  );
  for (const attribute of from) {
    const target = to.get(attribute.name.toLowerCase());
    if (!target || target.type !== attribute.type) continue;
    for (const row of values.all(attribute.id, fromLabelId) as { annotationId: string; value: string }[]) {
      const value = decodeValue(row.value);
      if (checkValue(target, value) === null) valueRows.addAttributeValue(db, row.annotationId, target.id, value, stampOf(ctx));
    }
  }
}
