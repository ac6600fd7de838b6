// The typed attributes of labels (choice, multi, text, number, date, yes/no) and their options.
// A change that values use moves them along (renamed options) or is refused with IN_USE and the
// count; nothing is dropped without the caller saying so.
import { AppError } from '../../../shared/errors';
import type {
  AttributeType,
  AttributeValue,
  LabelAttribute,
  LabelAttributePatch,
  NewLabelAttribute,
} from '../../../shared/schemas/schema';
import * as valueRows from '../../store/writers/attribute-values';
import * as attributeRows from '../../store/writers/label-attributes';
import { stampOf, type ServiceContext } from '../context';
import { decodeValue } from './attribute-types';
import { getLabel } from './labels';

interface AttributeRow {
  id: string;
  labelId: string;
  name: string;
  type: AttributeType;
  options: string;
  position: number;
}

const attributeColumns = 'id, label_id AS labelId, name, type, options, position';

function toAttribute(row: AttributeRow): LabelAttribute {
  return { ...row, options: JSON.parse(row.options) as string[] };
}

export function listAttributes(ctx: ServiceContext, labelId?: string): LabelAttribute[] {
  const rows =
    labelId === undefined
      ? ctx.store.db
          .prepare(
            `SELECT la.id, la.label_id AS labelId, la.name, la.type, la.options, la.position
             FROM label_attributes la JOIN labels l ON l.id = la.label_id ORDER BY l.position, la.position, la.name`,
          )
          .all()
      : ctx.store.db
          .prepare(`SELECT ${attributeColumns} FROM label_attributes WHERE label_id = ? ORDER BY position, name`)
          .all(labelId);
  return (rows as AttributeRow[]).map(toAttribute);
}

export function findAttribute(ctx: ServiceContext, id: string): LabelAttribute | undefined {
  const row = ctx.store.db.prepare(`SELECT ${attributeColumns} FROM label_attributes WHERE id = ?`).get(id) as
    | AttributeRow
    | undefined;
  return row && toAttribute(row);
}

export function getAttribute(ctx: ServiceContext, id: string): LabelAttribute {
  const attribute = findAttribute(ctx, id);
  if (!attribute) throw new AppError('NOT_FOUND', `No attribute with id ${id}.`);
  return attribute;
}

/** Options for a type: choice and multi need at least one, without repeats; other types take none. */
function checkOptions(type: AttributeType, options: readonly string[] | undefined, name: string): string[] {
  const list = (options ?? []).map((o) => o.trim());
  if (type === 'choice' || type === 'multi') {
    if (list.length === 0) throw new AppError('INVALID_ARGS', `The ${type} attribute "${name}" needs at least one option.`);
    const seen = new Set<string>();
    for (const o of list) {
      if (seen.has(o.toLowerCase())) throw new AppError('INVALID_ARGS', `The option "${o}" is listed twice.`);
      seen.add(o.toLowerCase());
    }
    return list;
  }
  if (list.length > 0) throw new AppError('INVALID_ARGS', `A ${type} attribute takes no options (only choice and multi do).`);
  return [];
}

function assertAttributeNameFree(ctx: ServiceContext, labelId: string, name: string, exceptId?: string): void {
  const other = ctx.store.db
    .prepare('SELECT id, name FROM label_attributes WHERE label_id = ? AND name = ? COLLATE NOCASE')
    .get(labelId, name) as { id: string; name: string } | undefined;
  if (other && other.id !== exceptId) throw new AppError('DUPLICATE', `This label already has an attribute "${other.name}".`);
}

export function createAttribute(ctx: ServiceContext, input: NewLabelAttribute): LabelAttribute {
  return ctx.store.transaction(() => {
    getLabel(ctx, input.labelId);
    const name = input.name.trim();
    assertAttributeNameFree(ctx, input.labelId, name);
    const options = checkOptions(input.type, input.options, name);
    const id = ctx.newId();
    const db = ctx.store.db;
    attributeRows.insertLabelAttribute(db, {
      id,
      labelId: input.labelId,
      name,
      type: input.type,
      options,
      position: attributeRows.nextAttributePosition(db, input.labelId),
    });
    return getAttribute(ctx, id);
  });
}

function valueCount(ctx: ServiceContext, attributeId: string): number {
  return (
    ctx.store.db.prepare('SELECT count(*) AS n FROM annotation_attributes WHERE attribute_id = ?').get(attributeId) as {
      n: number;
    }
  ).n;
}

export function updateAttribute(ctx: ServiceContext, patch: LabelAttributePatch): LabelAttribute {
  return ctx.store.transaction(() => {
    const current = getAttribute(ctx, patch.id);
    const db = ctx.store.db;
    const name = patch.name?.trim() ?? current.name;
    assertAttributeNameFree(ctx, current.labelId, name, current.id);
    const type = patch.type ?? current.type;
    if (type !== current.type) {
      const n = valueCount(ctx, current.id);
      if (n > 0) {
        throw new AppError(
          'IN_USE',
          `${n} annotation${n === 1 ? ' has' : 's have'} a value for "${current.name}"; its type cannot change from ${current.type} to ${type}. ` +
            'Create a new attribute instead.',
        );
      }
    }
    const renames = new Map(Object.entries(patch.renameOptions ?? {}).map(([from, to]) => [from, to.trim()]));
    let options = current.options;
    if (patch.options !== undefined || type !== current.type) {
      options = checkOptions(type, patch.options ?? (type === 'choice' || type === 'multi' ? current.options : []), name);
    } else if (renames.size > 0) {
      options = current.options.map((o) => renames.get(o) ?? o);
      options = checkOptions(type, options, name);
    }
    for (const [from, to] of renames) {
      if (!current.options.includes(from)) throw new AppError('INVALID_ARGS', `"${from}" is not an option of "${current.name}".`);
      if (!options.includes(to)) throw new AppError('INVALID_ARGS', `renameOptions maps "${from}" to "${to}", which is not among the options.`);
    }
    // Values: renamed options move; a removed option that values still use stops the change.
    if (current.type === 'choice' || current.type === 'multi') {
      const rows = db
        .prepare('SELECT annotation_id AS annotationId, value FROM annotation_attributes WHERE attribute_id = ?')
        .all(current.id) as { annotationId: string; value: string }[];
      const lost = new Map<string, number>();
      const updates: [AttributeValue, string][] = [];
      for (const row of rows) {
        const value = decodeValue(row.value);
        const list = Array.isArray(value) ? value : [value as string];
        const mapped = [...new Set(list.map((v) => renames.get(v) ?? v))];
        for (const v of mapped) if (!options.includes(v)) lost.set(v, (lost.get(v) ?? 0) + 1);
        const next = current.type === 'multi' ? mapped : mapped[0]!;
        if (JSON.stringify(next) !== row.value) updates.push([next, row.annotationId]);
      }
      if (lost.size > 0) {
        const [option, n] = [...lost.entries()][0]!;
        throw new AppError(
          'IN_USE',
          `${n} annotation${n === 1 ? ' uses' : 's use'} the option "${option}" of "${current.name}"` +
            (lost.size > 1 ? ` (and ${lost.size - 1} more removed option${lost.size > 2 ? 's are' : ' is'} in use)` : '') +
            '. Keep it, or map it to another option with renameOptions.',
          { count: n, what: 'option-values', name: current.name, option, moreOptions: lost.size - 1 },
        );
      }
      for (const [value, annotationId] of updates) valueRows.setAttributeValue(db, annotationId, current.id, value, stampOf(ctx));
    }
    attributeRows.updateLabelAttribute(db, {
      ...current,
      name,
      type,
      options,
      position: patch.position ?? current.position,
    });
    return getAttribute(ctx, current.id);
  });
}

export function deleteAttribute(
  ctx: ServiceContext,
  id: string,
  discardValues: boolean,
): { deleted: LabelAttribute; valuesDeleted: number } {
  return ctx.store.transaction(() => {
    const attribute = getAttribute(ctx, id);
    const n = valueCount(ctx, id);
    if (n > 0 && !discardValues) {
      throw new AppError(
        'IN_USE',
        `${n} annotation${n === 1 ? ' has' : 's have'} a value for "${attribute.name}". Pass discardValues: true to delete the attribute and those values.`,
        { count: n, what: 'attribute-values', name: attribute.name },
      );
    }
    attributeRows.deleteLabelAttribute(ctx.store.db, id);
    return { deleted: attribute, valuesDeleted: n };
  });
}
