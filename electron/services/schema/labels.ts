// Labels: add, rename, recolor, reorder, hotkeys. Deleting one is in label-delete.ts.
import { AppError } from '../../../shared/errors';
import type { Label, LabelPatch, NewLabel } from '../../../shared/schemas/schema';
import * as labelRows from '../../store/writers/labels';
import type { ServiceContext } from '../context';

const labelColumns = 'id, name, color, hotkey, position';

export function listLabels(ctx: ServiceContext): Label[] {
  return ctx.store.db.prepare(`SELECT ${labelColumns} FROM labels ORDER BY position, name`).all() as Label[];
}

/** Finds a label by id or by name (case-insensitive), as the CLI lets users type either. */
export function findLabel(ctx: ServiceContext, idOrName: string): Label | undefined {
  return ctx.store.db
    .prepare(`SELECT ${labelColumns} FROM labels WHERE id = ? OR name = ? COLLATE NOCASE`)
    .get(idOrName, idOrName) as Label | undefined;
}

export function findLabelByName(ctx: ServiceContext, name: string): Label | undefined {
  return ctx.store.db.prepare(`SELECT ${labelColumns} FROM labels WHERE name = ? COLLATE NOCASE`).get(name.trim()) as
    | Label
    | undefined;
}

export function getLabel(ctx: ServiceContext, id: string): Label {
  const row = ctx.store.db.prepare(`SELECT ${labelColumns} FROM labels WHERE id = ?`).get(id) as Label | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No label with id ${id}.`);
  return row;
}

/** The label that already has this hotkey, if any. */
export function labelWithHotkey(ctx: ServiceContext, hotkey: string): Label | undefined {
  return ctx.store.db.prepare(`SELECT ${labelColumns} FROM labels WHERE hotkey = ? COLLATE NOCASE`).get(hotkey) as
    | Label
    | undefined;
}

function assertNameFree(ctx: ServiceContext, name: string, exceptId?: string): void {
  const other = findLabelByName(ctx, name);
  if (other && other.id !== exceptId) throw new AppError('DUPLICATE', `There is already a label named "${other.name}".`, { name: other.name });
}

function assertHotkeyFree(ctx: ServiceContext, hotkey: string | null | undefined, exceptId?: string): void {
  if (hotkey === null || hotkey === undefined) return;
  if (/\s/.test(hotkey)) throw new AppError('INVALID_ARGS', 'A hotkey must be a visible character, not a space.');
  const other = labelWithHotkey(ctx, hotkey);
  if (other && other.id !== exceptId) {
    throw new AppError('DUPLICATE', `The hotkey "${hotkey}" already tags "${other.name}".`);
  }
}

export function createLabel(ctx: ServiceContext, input: NewLabel): Label {
  return ctx.store.transaction(() => {
    const name = input.name.trim();
    assertNameFree(ctx, name);
    assertHotkeyFree(ctx, input.hotkey);
    const id = ctx.newId();
    const db = ctx.store.db;
    labelRows.insertLabel(db, { id, name, color: input.color.toLowerCase(), hotkey: input.hotkey ?? null, position: labelRows.nextLabelPosition(db) });
    return getLabel(ctx, id);
  });
}

export function updateLabel(ctx: ServiceContext, patch: LabelPatch): Label {
  return ctx.store.transaction(() => {
    const current = getLabel(ctx, patch.id);
    const name = patch.name?.trim() ?? current.name;
    assertNameFree(ctx, name, current.id);
    if (patch.hotkey !== undefined) assertHotkeyFree(ctx, patch.hotkey, current.id);
    labelRows.updateLabel(ctx.store.db, {
      id: current.id,
      name,
      color: patch.color?.toLowerCase() ?? current.color,
      hotkey: patch.hotkey === undefined ? current.hotkey : patch.hotkey,
    });
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
    ids.forEach((id, i) => labelRows.setLabelPosition(ctx.store.db, id, i + 1));
    return listLabels(ctx);
  });
}
