// The label schema: labels (add, rename, recolor, reorder, delete, hotkeys) and their typed
// attributes. Changes to the schema move data along; nothing that annotations use is dropped
// without the caller saying so (IN_USE otherwise, with the count).
import { AppError } from '../../shared/errors';
import type { Label } from '../../shared/schemas';
import type {
  AnalysisSchema,
  AttributeType,
  LabelAttribute,
  LabelAttributePatch,
  LabelDelete,
  LabelDeleteOutcome,
  LabelPatch,
  NewLabel,
  NewLabelAttribute,
} from '../../shared/schemas-analysis';
import { checkValue, decodeValue } from './attribute-values';
import type { ServiceContext } from './context';
import { findLabel, listLabels } from './labels';
import { listRelationTypes } from './relations';

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

export function getLabel(ctx: ServiceContext, id: string): Label {
  const row = ctx.store.db.prepare('SELECT id, name, color, hotkey, position FROM labels WHERE id = ?').get(id) as
    | Label
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No label with id ${id}.`);
  return row;
}

function assertNameFree(ctx: ServiceContext, name: string, exceptId?: string): void {
  const other = findLabelByName(ctx, name);
  if (other && other.id !== exceptId) throw new AppError('DUPLICATE', `There is already a label named "${other.name}".`, { name: other.name });
}

function findLabelByName(ctx: ServiceContext, name: string): Label | undefined {
  return ctx.store.db
    .prepare('SELECT id, name, color, hotkey, position FROM labels WHERE name = ? COLLATE NOCASE')
    .get(name.trim()) as Label | undefined;
}

function assertHotkeyFree(ctx: ServiceContext, hotkey: string | null | undefined, exceptId?: string): void {
  if (hotkey === null || hotkey === undefined) return;
  if (/\s/.test(hotkey)) throw new AppError('INVALID_ARGS', 'A hotkey must be a visible character, not a space.');
  const other = ctx.store.db.prepare('SELECT id, name FROM labels WHERE hotkey = ? COLLATE NOCASE').get(hotkey) as
    | { id: string; name: string }
    | undefined;
  if (other && other.id !== exceptId) {
    throw new AppError('DUPLICATE', `The hotkey "${hotkey}" already tags "${other.name}".`);
  }
}

export function createLabel(ctx: ServiceContext, input: NewLabel): Label {
  return ctx.store.transaction(() => {
    const name = input.name.trim();
    assertNameFree(ctx, name);
    assertHotkeyFree(ctx, input.hotkey);
    const { next } = ctx.store.db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM labels').get() as {
      next: number;
    };
    const id = ctx.newId();
    ctx.store.db
      .prepare('INSERT INTO labels (id, name, color, hotkey, position) VALUES (?, ?, ?, ?, ?)')
      .run(id, name, input.color.toLowerCase(), input.hotkey ?? null, next);
    return getLabel(ctx, id);
  });
}

export function updateLabel(ctx: ServiceContext, patch: LabelPatch): Label {
  return ctx.store.transaction(() => {
    const current = getLabel(ctx, patch.id);
    const name = patch.name?.trim() ?? current.name;
    assertNameFree(ctx, name, current.id);
    if (patch.hotkey !== undefined) assertHotkeyFree(ctx, patch.hotkey, current.id);
    ctx.store.db
      .prepare('UPDATE labels SET name = ?, color = ?, hotkey = ? WHERE id = ?')
      .run(
        name,
        patch.color?.toLowerCase() ?? current.color,
        patch.hotkey === undefined ? current.hotkey : patch.hotkey,
        current.id,
      );
    return getLabel(ctx, current.id);
  });
}

export function reorderLabels(ctx: ServiceContext, ids: readonly string[]): Label[] {
  return ctx.store.transaction(() => {
    const existing = listLabels(ctx).map((l) => l.id);
    const given = new Set(ids);
    if (given.size !== ids.length) throw new AppError('INVALID_ARGS', 'The new order names a label twice.');
    const missing = existing.filter((id) => !given.has(id));
    const unknown = ids.filter((id) => !existing.includes(id));
    if (unknown.length) throw new AppError('NOT_FOUND', `No label with id ${unknown[0]}.`);
    if (missing.length) throw new AppError('INVALID_ARGS', `The new order leaves out ${missing.length} label(s); give every label id.`);
    const set = ctx.store.db.prepare('UPDATE labels SET position = ? WHERE id = ?');
    ids.forEach((id, i) => set.run(i + 1, id));
    return listLabels(ctx);
  });
}

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
      annotationsRelabeled = db
        .prepare('UPDATE annotations SET label_id = ?, updated_at = ? WHERE label_id = ?')
        .run(target.id, ctx.now(), label.id).changes;
    } else if (used > 0) {
      annotationsDeleted = db.prepare('DELETE FROM annotations WHERE label_id = ?').run(label.id).changes;
    }
    // Attributes (and their values) go with the label; relation types that named it accept any label.
    db.prepare('DELETE FROM labels WHERE id = ?').run(label.id);
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
  const insert = db.prepare(
    'INSERT OR IGNORE INTO annotation_attributes (annotation_id, attribute_id, value) VALUES (?, ?, ?)',
  );
  for (const attribute of from) {
    const target = to.get(attribute.name.toLowerCase());
    if (!target || target.type !== attribute.type) continue;
    for (const row of values.all(attribute.id, fromLabelId) as { annotationId: string; value: string }[]) {
      const value = decodeValue(row.value);
      if (checkValue(target, value) === null) insert.run(row.annotationId, target.id, row.value);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Attributes

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

export function getAttribute(ctx: ServiceContext, id: string): LabelAttribute {
  const row = ctx.store.db.prepare(`SELECT ${attributeColumns} FROM label_attributes WHERE id = ?`).get(id) as
    | AttributeRow
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No attribute with id ${id}.`);
  return toAttribute(row);
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
    const { next } = ctx.store.db
      .prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM label_attributes WHERE label_id = ?')
      .get(input.labelId) as { next: number };
    const id = ctx.newId();
    ctx.store.db
      .prepare('INSERT INTO label_attributes (id, label_id, name, type, options, position) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, input.labelId, name, input.type, JSON.stringify(options), next);
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
      const updates: [string, string][] = [];
      for (const row of rows) {
        const value = decodeValue(row.value);
        const list = Array.isArray(value) ? value : [value as string];
        const mapped = [...new Set(list.map((v) => renames.get(v) ?? v))];
        for (const v of mapped) if (!options.includes(v)) lost.set(v, (lost.get(v) ?? 0) + 1);
        const next = current.type === 'multi' ? JSON.stringify(mapped) : JSON.stringify(mapped[0]);
        if (next !== row.value) updates.push([next, row.annotationId]);
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
      const set = db.prepare('UPDATE annotation_attributes SET value = ? WHERE attribute_id = ? AND annotation_id = ?');
      for (const [value, annotationId] of updates) set.run(value, current.id, annotationId);
    }
    db.prepare('UPDATE label_attributes SET name = ?, type = ?, options = ?, position = ? WHERE id = ?').run(
      name,
      type,
      JSON.stringify(options),
      patch.position ?? current.position,
      current.id,
    );
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
    ctx.store.db.prepare('DELETE FROM label_attributes WHERE id = ?').run(id);
    return { deleted: attribute, valuesDeleted: n };
  });
}

export function getSchema(ctx: ServiceContext): AnalysisSchema {
  const attributes = listAttributes(ctx);
  return {
    labels: listLabels(ctx).map((l) => ({ ...l, attributes: attributes.filter((a) => a.labelId === l.id) })),
    relationTypes: listRelationTypes(ctx),
  };
}

export { findLabel, findLabelByName };
