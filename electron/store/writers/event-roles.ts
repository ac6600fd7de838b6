// The one writer of the event_roles table: the roles an event type offers, in order.
import type { Db } from '../store';
import { statementsFor } from './prepared';

const statements = statementsFor((db) => ({
  clear: db.prepare('DELETE FROM event_roles WHERE label_id = ?'),
  insert: db.prepare('INSERT INTO event_roles (label_id, position, role) VALUES (?, ?, ?)'),
}));

/** Replaces the roles the event type offers with these, in this order. */
export function setEventRoles(db: Db, labelId: string, roles: readonly string[]): void {
  const s = statements(db);
  s.clear.run(labelId);
  roles.forEach((role, position) => s.insert.run(labelId, position, role));
}
