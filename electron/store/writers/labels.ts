// The one writer of the labels table.
import type { Label } from '../../../shared/schemas/schema';
import type { Db } from '../store';
import { statementsFor } from './prepared';

export type LabelRow = Label;

const statements = statementsFor((db) => ({
  nextPosition: db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM labels'),
  insert: db.prepare('INSERT INTO labels (id, name, color, hotkey, position) VALUES (?, ?, ?, ?, ?)'),
  update: db.prepare('UPDATE labels SET name = ?, color = ?, hotkey = ? WHERE id = ?'),
  setPosition: db.prepare('UPDATE labels SET position = ? WHERE id = ?'),
  delete: db.prepare('DELETE FROM labels WHERE id = ?'),
}));

/** The position after the last label's. */
export function nextLabelPosition(db: Db): number {
  return (statements(db).nextPosition.get() as { next: number }).next;
}

export function insertLabel(db: Db, row: LabelRow): void {
  statements(db).insert.run(row.id, row.name, row.color, row.hotkey, row.position);
}

export function updateLabel(db: Db, change: Omit<LabelRow, 'position'>): void {
  statements(db).update.run(change.name, change.color, change.hotkey, change.id);
}

export function setLabelPosition(db: Db, id: string, position: number): void {
  statements(db).setPosition.run(position, id);
}

/** Deletes the label; its attributes (and their values) go by cascade. */
export function deleteLabel(db: Db, id: string): void {
  statements(db).delete.run(id);
}

/** Marks a label as an event type (its annotations are event triggers) or a span label. */
export function setLabelKind(db: Db, id: string, kind: 'span' | 'event'): void {
  db.prepare('UPDATE labels SET kind = ? WHERE id = ?').run(kind, id);
}
