// The one writer of the events table and of its parts, event_arguments and event_attributes
// (an event's arguments and values are written and deleted only with it or through here).
import type { Stamp } from '../../../shared/schemas/analysts';
import type { AttributeValue } from '../../../shared/schemas/schema';
import type { AnnotationEvent, EventArgument } from '../../../shared/schemas/linked-annotations';
import type { Db } from '../store';
import { statementsFor } from './prepared';

const statements = statementsFor((db) => ({
  insert: db.prepare('INSERT INTO events (id, document_id, label_id, trigger_id, created_at, created_by, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
  delete: db.prepare('DELETE FROM events WHERE id = ?'),
  nextPosition: db.prepare('SELECT coalesce(max(position), -1) + 1 AS next FROM event_arguments WHERE event_id = ?'),
  insertArgument: db.prepare(
    'INSERT INTO event_arguments (event_id, position, role, annotation_id, argument_event_id, created_by, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ),
  deleteArgument: db.prepare('DELETE FROM event_arguments WHERE event_id = ? AND position = ?'),
  deleteArguments: db.prepare('DELETE FROM event_arguments WHERE event_id = ?'),
  setLabel: db.prepare('UPDATE events SET label_id = ? WHERE id = ?'),
  setAttribute: db.prepare(
    `INSERT INTO event_attributes (event_id, attribute_id, value) VALUES (?, ?, ?)
     ON CONFLICT (event_id, attribute_id) DO UPDATE SET value = excluded.value`,
  ),
}));

/** An event is in the layer of its trigger annotation; `stamp` says who made it. */
export function insertEvent(db: Db, row: Omit<AnnotationEvent, 'arguments' | 'attributes'>, stamp: Stamp): void {
  statements(db).insert.run(row.id, row.documentId, row.labelId, row.triggerId, row.createdAt, stamp.by, stamp.by, stamp.at);
}

function insertArgument(db: Db, eventId: string, position: number, argument: EventArgument, stamp: Stamp): void {
  statements(db).insertArgument.run(
    eventId,
    position,
    argument.role,
    'annotationId' in argument ? argument.annotationId : null,
    'eventId' in argument ? argument.eventId : null,
    stamp.by,
    stamp.by,
    stamp.at,
    stamp.at,
  );
}

/** Appends a role argument after the event's last one; it must be in the event's layer (else LAYER_MISMATCH). */
export function addEventArgument(db: Db, eventId: string, argument: EventArgument, stamp: Stamp): void {
  const { next } = statements(db).nextPosition.get(eventId) as { next: number };
  insertArgument(db, eventId, next, argument, stamp);
}

export function deleteEventArgument(db: Db, eventId: string, position: number): void {
  statements(db).deleteArgument.run(eventId, position);
}

/** Writes the event's arguments anew, in this order (positions 0..n-1): adding, removing and moving one. */
export function replaceEventArguments(db: Db, eventId: string, args: readonly EventArgument[], stamp: Stamp): void {
  statements(db).deleteArguments.run(eventId);
  args.forEach((argument, position) => insertArgument(db, eventId, position, argument, stamp));
}

/** The event's type: a label of kind 'event'. */
export function setEventLabel(db: Db, eventId: string, labelId: string): void {
  statements(db).setLabel.run(labelId, eventId);
}

export function setEventAttribute(db: Db, eventId: string, attributeId: string, value: AttributeValue): void {
  statements(db).setAttribute.run(eventId, attributeId, JSON.stringify(value));
}

/** Deletes the event; its arguments, values and notes, and arguments pointing at it, go by cascade. */
export function deleteEvent(db: Db, id: string): void {
  statements(db).delete.run(id);
}
