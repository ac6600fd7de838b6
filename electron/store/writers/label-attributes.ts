// The one writer of the label_attributes table (a label's typed attributes and their options).
import type { LabelAttribute } from '../../../shared/schemas/schema';
import type { Db } from '../store';
import { statementsFor } from './prepared';

type LabelAttributeRow = LabelAttribute;

const statements = statementsFor((db) => ({
  nextPosition: db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM label_attributes WHERE label_id = ?'),
  insert: db.prepare('INSERT INTO label_attributes (id, label_id, name, type, options, position) VALUES (?, ?, ?, ?, ?, ?)'),
  update: db.prepare('UPDATE label_attributes SET name = ?, type = ?, options = ?, position = ? WHERE id = ?'),
  setOptions: db.prepare('UPDATE label_attributes SET options = ? WHERE id = ?'),
  delete: db.prepare('DELETE FROM label_attributes WHERE id = ?'),
}));

/** The position after the label's last attribute's. */
export function nextAttributePosition(db: Db, labelId: string): number {
  return (statements(db).nextPosition.get(labelId) as { next: number }).next;
}

export function insertLabelAttribute(db: Db, row: LabelAttributeRow): void {
  statements(db).insert.run(row.id, row.labelId, row.name, row.type, JSON.stringify(row.options), row.position);
}

/** Writes name, type, options and position (the label stays). */
export function updateLabelAttribute(db: Db, row: LabelAttributeRow): void {
  statements(db).update.run(row.name, row.type, JSON.stringify(row.options), row.position, row.id);
}

export function setAttributeOptions(db: Db, id: string, options: readonly string[]): void {
  statements(db).setOptions.run(JSON.stringify(options), id);
}

/** Deletes the attribute; its values go by cascade. */
export function deleteLabelAttribute(db: Db, id: string): void {
  statements(db).delete.run(id);
}
