// Events as first-class annotations: created from a trigger (an annotation of the document, or a
// new span tagged with the event type), with ordered role arguments each pointing at an
// annotation or another event of the same document; the type can change; a deletion is undone
// by token (./event-snapshot.ts). Every write is one transaction through the events writer.
import { AppError } from '../../../shared/errors';
import type { DeletedEvent, EventArgumentMove, EventTypeChange, EventView, NewEvent, NewEventArgument } from '../../../shared/schemas/events';
import type { EventArgument } from '../../../shared/schemas/linked-annotations';
import * as eventRows from '../../store/writers/events';
import { createAnnotation, getAnnotation, updateAnnotation } from '../annotate/annotations';
import { stampOf, type ServiceContext } from '../context';
import { assertDocument } from '../library/document-text';
import { undoSnapshots } from '../undo-snapshots';
import { requireEventType } from './event-types';
import { eventSnapshotOf, restoreEventRows } from './event-snapshot';
import { eventsOfDocument, getEvent, storedArguments } from './event-views';

const short = (quote: string) => `“${quote.length > 40 ? `${quote.slice(0, 40)}…` : quote}”`;

function documentTitle(ctx: ServiceContext, id: string): string {
  return (ctx.store.db.prepare('SELECT title FROM documents WHERE id = ?').get(id) as { title: string } | undefined)?.title ?? id;
}

export function listEventsForDocument(ctx: ServiceContext, documentId: string): EventView[] {
  assertDocument(ctx, documentId);
  return eventsOfDocument(ctx.store.db, documentId);
}

export function createEvent(ctx: ServiceContext, input: NewEvent): EventView {
  return ctx.store.transaction(() => {
    assertDocument(ctx, input.documentId);
    const type = requireEventType(ctx, input.labelId);
    let triggerId: string;
    if ('annotationId' in input.trigger) {
      const trigger = getAnnotation(ctx, input.trigger.annotationId);
      if (trigger.documentId !== input.documentId) {
        throw new AppError('INVALID_ARGS', `The trigger ${short(trigger.quote)} is in another document (“${documentTitle(ctx, trigger.documentId)}”); an event's trigger is in its own document.`);
      }
      triggerId = trigger.id;
    } else {
      triggerId = createAnnotation(ctx, { documentId: input.documentId, labelId: type.labelId, start: input.trigger.start, end: input.trigger.end }).id;
    }
    const id = ctx.newId();
    eventRows.insertEvent(ctx.store.db, { id, documentId: input.documentId, labelId: type.labelId, triggerId, createdAt: ctx.now() }, stampOf(ctx));
    return getEvent(ctx.store.db, id);
  });
}

/** True when `from` (an event) argues `target` directly or through other events. */
function argues(ctx: ServiceContext, from: string, target: string): boolean {
  const seen = new Set<string>();
  const queue = [from];
  const next = ctx.store.db.prepare('SELECT argument_event_id AS id FROM event_arguments WHERE event_id = ? AND argument_event_id IS NOT NULL');
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const row of next.all(id) as { id: string }[]) queue.push(row.id);
  }
  return false;
}

/** Checks an argument about to be added; returns it as stored. */
function checkArgument(ctx: ServiceContext, event: EventView, input: NewEventArgument): EventArgument {
  const role = input.role.trim();
  if ('annotationId' in input.target) {
    const target = getAnnotation(ctx, input.target.annotationId);
    if (target.documentId !== event.documentId) {
      throw new AppError(
        'INVALID_ARGS',
        `The ${role} ${short(target.quote)} is in another document (“${documentTitle(ctx, target.documentId)}”); an event's roles point at spans of its own document.`,
      );
    }
    return { role, annotationId: target.id };
  }
  const other = getEvent(ctx.store.db, input.target.eventId);
  if (other.documentId !== event.documentId) {
    throw new AppError('INVALID_ARGS', `The ${role} event ${short(other.trigger.quote)} is in another document; an event's roles point at events of its own document.`);
  }
  if (other.id === event.id || argues(ctx, other.id, event.id)) {
    throw new AppError('INVALID_ARGS', `The event ${short(event.trigger.quote)} cannot be its own ${role}, directly or through other events.`);
  }
  return { role, eventId: other.id };
}

const sameArgument = (a: EventArgument, b: EventArgument) =>
  a.role.toLowerCase() === b.role.toLowerCase() &&
  ('annotationId' in a ? 'annotationId' in b && a.annotationId === b.annotationId : 'eventId' in b && a.eventId === b.eventId);

export function addEventArgument(ctx: ServiceContext, input: NewEventArgument): EventView {
  return ctx.store.transaction(() => {
    const event = getEvent(ctx.store.db, input.eventId);
    const argument = checkArgument(ctx, event, input);
    const list = storedArguments(ctx.store.db, event.id);
    const existing = list.findIndex((a) => sameArgument(a, argument));
    if (existing >= 0) {
      throw new AppError('DUPLICATE', `${short(event.arguments[existing]!.span.quote)} is already the ${event.arguments[existing]!.role} of this event.`);
    }
    const at = Math.min(input.position ?? list.length, list.length);
    list.splice(at, 0, argument);
    eventRows.replaceEventArguments(ctx.store.db, event.id, list, stampOf(ctx));
    return getEvent(ctx.store.db, event.id);
  });
}

function argumentAt(list: readonly EventArgument[], position: number, event: EventView): void {
  if (position >= list.length) {
    throw new AppError('NOT_FOUND', `The event ${short(event.trigger.quote)} has ${list.length} role${list.length === 1 ? '' : 's'}; there is none at position ${position}.`);
  }
}

export function removeEventArgument(ctx: ServiceContext, eventId: string, position: number): EventView {
  return ctx.store.transaction(() => {
    const event = getEvent(ctx.store.db, eventId);
    const list = storedArguments(ctx.store.db, eventId);
    argumentAt(list, position, event);
    list.splice(position, 1);
    eventRows.replaceEventArguments(ctx.store.db, eventId, list, stampOf(ctx));
    return getEvent(ctx.store.db, eventId);
  });
}

export function moveEventArgument(ctx: ServiceContext, move: EventArgumentMove): EventView {
  return ctx.store.transaction(() => {
    const event = getEvent(ctx.store.db, move.eventId);
    const list = storedArguments(ctx.store.db, move.eventId);
    argumentAt(list, move.from, event);
    argumentAt(list, move.to, event);
    const [moved] = list.splice(move.from, 1);
    list.splice(move.to, 0, moved!);
    eventRows.replaceEventArguments(ctx.store.db, move.eventId, list, stampOf(ctx));
    return getEvent(ctx.store.db, move.eventId);
  });
}

/** Changes the event's type; a trigger tagged with the old type is retagged with the new one (so it is painted so). */
export function changeEventType(ctx: ServiceContext, change: EventTypeChange): EventView {
  return ctx.store.transaction(() => {
    const event = getEvent(ctx.store.db, change.id);
    const type = requireEventType(ctx, change.labelId);
    if (event.labelId === type.labelId) return event;
    eventRows.setEventLabel(ctx.store.db, event.id, type.labelId);
    if (event.trigger.labelId === event.labelId) updateAnnotation(ctx, { id: event.trigger.id, labelId: type.labelId });
    return getEvent(ctx.store.db, event.id);
  });
}

/** Deletes the event (its trigger stays); main keeps it, and the token returned puts it back. */
export function deleteEvent(ctx: ServiceContext, id: string): DeletedEvent {
  return ctx.store.transaction(() => {
    const event = getEvent(ctx.store.db, id);
    const snapshot = eventSnapshotOf(ctx.store.db, id);
    eventRows.deleteEvent(ctx.store.db, id);
    return { ...event, undoToken: undoSnapshots(ctx.store).remember('event', snapshot) };
  });
}

/** Undo of an event's deletion, by token: puts it back with its id, arguments, values and notes. */
export function restoreEvent(ctx: ServiceContext, token: string): EventView {
  const snapshots = undoSnapshots(ctx.store);
  const snapshot = snapshots.get('event', token);
  return ctx.store.transaction(() => {
    restoreEventRows(ctx.store.db, snapshot);
    snapshots.spend(token);
    return getEvent(ctx.store.db, snapshot.id);
  });
}
