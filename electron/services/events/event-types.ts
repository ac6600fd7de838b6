// The schema's event types: labels of kind 'event', each with the roles it offers (event_roles).
// Roles on arguments stay free text (brat numbers repeats, Theme2); these are what the reader
// proposes first.
import { AppError } from '../../../shared/errors';
import type { EventType, EventTypeSave } from '../../../shared/schemas/events';
import { setEventRoles } from '../../store/writers/event-roles';
import { setLabelKind } from '../../store/writers/labels';
import type { ServiceContext } from '../context';
import { getLabel } from '../schema/labels';

export function listEventTypes(ctx: ServiceContext): EventType[] {
  const db = ctx.store.db;
  const labels = db.prepare("SELECT id, name, color FROM labels WHERE kind = 'event' ORDER BY position, name").all() as { id: string; name: string; color: string }[];
  const roles = db.prepare('SELECT role FROM event_roles WHERE label_id = ? ORDER BY position');
  const used = db.prepare(
    `SELECT g.role FROM event_arguments g JOIN events e ON e.id = g.event_id
     WHERE e.label_id = ? AND g.role NOT IN (SELECT role FROM event_roles WHERE label_id = e.label_id)
     GROUP BY g.role ORDER BY count(*) DESC, g.role LIMIT 50`,
  );
  return labels.map((l) => ({
    labelId: l.id,
    name: l.name,
    color: l.color,
    roles: (roles.all(l.id) as { role: string }[]).map((r) => r.role),
    usedRoles: (used.all(l.id) as { role: string }[]).map((r) => r.role),
  }));
}

/** The event type with this label id; INVALID_ARGS when the label types spans, not events. */
export function requireEventType(ctx: ServiceContext, labelId: string): EventType {
  const type = listEventTypes(ctx).find((t) => t.labelId === labelId);
  if (type) return type;
  const label = getLabel(ctx, labelId);
  throw new AppError('INVALID_ARGS', `"${label.name}" is a span label, not an event type; make it one on the Labels screen (Event type).`);
}

/** Makes a label an event type with these roles, or a span label again (refused while events have that type). */
export function saveEventType(ctx: ServiceContext, input: EventTypeSave): EventType[] {
  return ctx.store.transaction(() => {
    const label = getLabel(ctx, input.labelId);
    const db = ctx.store.db;
    if (!input.isEventType) {
      const { n } = db.prepare('SELECT count(*) AS n FROM events WHERE label_id = ?').get(label.id) as { n: number };
      if (n > 0) throw new AppError('IN_USE', `${n} event${n === 1 ? ' is' : 's are'} of type "${label.name}"; delete or retype them first.`);
    }
    const roles: string[] = [];
    for (const role of input.roles.map((r) => r.trim())) if (!roles.some((r) => r.toLowerCase() === role.toLowerCase())) roles.push(role);
    setLabelKind(db, label.id, input.isEventType ? 'event' : 'span');
    setEventRoles(db, label.id, input.isEventType ? roles : []);
    return listEventTypes(ctx);
  });
}
