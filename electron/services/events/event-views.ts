// Reading events as the reader shows them: type, trigger and ordered arguments, each with the
// span (quote and offsets) of the annotation it points at, or of the argued event's trigger.
import { AppError } from '../../../shared/errors';
import type { EventArgument } from '../../../shared/schemas/linked-annotations';
import type { AttributeValue } from '../../../shared/schemas/schema';
import type { EventArgumentView, EventSpan, EventView } from '../../../shared/schemas/events';
import type { Db } from '../../store/store';

interface EventRow {
  id: string;
  documentId: string;
  labelId: string;
  createdAt: string;
  tId: string;
  tLabelId: string;
  tStart: number;
  tEnd: number;
  tQuote: string;
}

interface ArgumentRow {
  eventId: string;
  position: number;
  role: string;
  annotationId: string | null;
  argumentEventId: string | null;
  sId: string;
  sLabelId: string;
  sStart: number;
  sEnd: number;
  sQuote: string;
}

const eventSelect = `SELECT e.id, e.document_id AS documentId, e.label_id AS labelId, e.created_at AS createdAt,
    t.id AS tId, t.label_id AS tLabelId, t.start AS tStart, t."end" AS tEnd, t.quote AS tQuote
  FROM events e JOIN annotations t ON t.id = e.trigger_id`;

// The span of an argument: its annotation, or the trigger of the event it argues.
const argumentSelect = `SELECT g.event_id AS eventId, g.position, g.role, g.annotation_id AS annotationId,
    g.argument_event_id AS argumentEventId,
    s.id AS sId, s.label_id AS sLabelId, s.start AS sStart, s."end" AS sEnd, s.quote AS sQuote
  FROM event_arguments g
  LEFT JOIN events ae ON ae.id = g.argument_event_id
  JOIN annotations s ON s.id = coalesce(g.annotation_id, ae.trigger_id)`;

function span(id: string, labelId: string, start: number, end: number, quote: string): EventSpan {
  return { id, labelId, start, end, quote };
}

function assemble(db: Db, rows: EventRow[], args: ArgumentRow[]): EventView[] {
  const byEvent = new Map<string, EventArgumentView[]>();
  for (const a of args) {
    const list = byEvent.get(a.eventId) ?? [];
    list.push({
      position: a.position,
      role: a.role,
      annotationId: a.annotationId,
      eventId: a.argumentEventId,
      span: span(a.sId, a.sLabelId, a.sStart, a.sEnd, a.sQuote),
    });
    byEvent.set(a.eventId, list);
  }
  const values = db.prepare('SELECT attribute_id AS attributeId, value FROM event_attributes WHERE event_id = ?');
  return rows.map((r) => {
    const attributes: Record<string, AttributeValue> = {};
    for (const v of values.all(r.id) as { attributeId: string; value: string }[]) attributes[v.attributeId] = JSON.parse(v.value) as AttributeValue;
    return {
      id: r.id,
      documentId: r.documentId,
      labelId: r.labelId,
      trigger: span(r.tId, r.tLabelId, r.tStart, r.tEnd, r.tQuote),
      arguments: (byEvent.get(r.id) ?? []).sort((a, b) => a.position - b.position),
      attributes,
      createdAt: r.createdAt,
    };
  });
}

/** The document's events, in the order of their triggers in the text. */
export function eventsOfDocument(db: Db, documentId: string): EventView[] {
  const rows = db.prepare(`${eventSelect} WHERE e.document_id = ? ORDER BY t.start, t."end" DESC, e.created_at, e.id`).all(documentId) as EventRow[];
  const args = db
    .prepare(`${argumentSelect} WHERE g.event_id IN (SELECT id FROM events WHERE document_id = ?) ORDER BY g.event_id, g.position`)
    .all(documentId) as ArgumentRow[];
  return assemble(db, rows, args);
}

export function getEvent(db: Db, id: string): EventView {
  const row = db.prepare(`${eventSelect} WHERE e.id = ?`).get(id) as EventRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No event with id ${id}.`);
  const args = db.prepare(`${argumentSelect} WHERE g.event_id = ? ORDER BY g.position`).all(id) as ArgumentRow[];
  return assemble(db, [row], args)[0]!;
}

/** The event's arguments as stored, in order (what replaceEventArguments takes). */
export function storedArguments(db: Db, eventId: string): EventArgument[] {
  const rows = db
    .prepare('SELECT role, annotation_id AS annotationId, argument_event_id AS eventId FROM event_arguments WHERE event_id = ? ORDER BY position')
    .all(eventId) as { role: string; annotationId: string | null; eventId: string | null }[];
  return rows.map((r) => (r.annotationId !== null ? { role: r.role, annotationId: r.annotationId } : { role: r.role, eventId: r.eventId! }));
}
