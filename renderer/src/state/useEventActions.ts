// Edits of the open document's events, each recorded in its undo history: a new event (on a new
// span: undo deletes the trigger, which takes the event with it; on an existing annotation: undo
// deletes the event), its role arguments (add, remove, move), its type, and deleting it.
import { useMemo } from 'react';
import type { ArgumentTarget, EventArgumentView, EventView } from '../../../shared/schemas/events';
import { call } from '../api';
import type { DocumentWindow } from './document-window';
import { tokenStep, type UndoHistory } from './undo-history';

type EventsChange = (change: (events: readonly EventView[]) => readonly EventView[]) => void;

/** Where a new event's trigger is: an annotation, or a span to tag with the event type. */
export type NewTrigger = { annotationId: string } | { start: number; end: number };

const byTrigger = (a: EventView, b: EventView) => a.trigger.start - b.trigger.start || b.trigger.end - a.trigger.end || a.createdAt.localeCompare(b.createdAt);

export function targetOf(argument: EventArgumentView): ArgumentTarget {
  return argument.annotationId !== null ? { annotationId: argument.annotationId } : { eventId: argument.eventId! };
}

export function useEventActions(window: DocumentWindow, history: UndoHistory, setEvents: EventsChange) {
  const { documentId } = window;
  return useMemo(() => {
    const put = (event: EventView) => setEvents((events) => [...events.filter((e) => e.id !== event.id), event].sort(byTrigger));
    const drop = (id: string) => setEvents((events) => events.filter((e) => e.id !== id));
    const reload = async () => {
      const events = await call('events.listForDocument', { documentId });
      setEvents(() => events);
    };
    const addArgument = async (eventId: string, role: string, target: ArgumentTarget, position?: number) =>
      put(await call('events.addArgument', { eventId, role, target, ...(position === undefined ? {} : { position }) }));
    const removeArgument = async (eventId: string, position: number) => put(await call('events.removeArgument', { eventId, position }));
    const move = async (eventId: string, from: number, to: number) => put(await call('events.moveArgument', { eventId, from, to }));
    const retype = async (id: string, labelId: string) => {
      const event = await call('events.changeType', { id, labelId });
      put(event);
      // The trigger may have been retagged with the new type.
      window.put({ ...event.trigger, documentId, note: window.find(event.trigger.id)?.note ?? '' });
    };

    return {
      async create(labelId: string, trigger: NewTrigger): Promise<EventView> {
        const created = await call('events.create', { documentId, labelId, trigger });
        put(created);
        if ('annotationId' in trigger) {
          history.push(
            tokenStep(
              'event',
              null,
              async () => {
                const deleted = await call('events.delete', { id: created.id });
                drop(deleted.id);
                return deleted.undoToken;
              },
              async (token) => {
                put(await call('events.restore', { token: token! }));
                return null;
              },
            ),
          );
        } else {
          window.put({ ...created.trigger, documentId, note: '' });
          history.push(
            tokenStep(
              'event',
              null,
              async () => {
                const deleted = await call('annotations.delete', { id: created.trigger.id });
                window.drop(deleted.id);
                drop(created.id);
                return deleted.undoToken;
              },
              async (token) => {
                window.put(await call('annotations.restore', { token: token! }));
                await reload();
                return null;
              },
            ),
          );
        }
        return created;
      },
      async remove(event: EventView) {
        const deleted = await call('events.delete', { id: event.id });
        // Arguments of other events that pointed at it went with it.
        await reload();
        history.push(
          tokenStep(
            'event-removal',
            deleted.undoToken,
            async (token) => {
              await call('events.restore', { token: token! });
              await reload();
              return null;
            },
            async () => {
              const again = await call('events.delete', { id: event.id });
              await reload();
              return again.undoToken;
            },
          ),
        );
      },
      async addRole(event: EventView, role: string, target: ArgumentTarget): Promise<EventView> {
        const updated = await call('events.addArgument', { eventId: event.id, role, target });
        put(updated);
        const position = updated.arguments.length - 1;
        history.push({ kind: 'role', undo: () => removeArgument(event.id, position), redo: () => addArgument(event.id, role, target, position) });
        return updated;
      },
      async removeRole(event: EventView, argument: EventArgumentView) {
        await removeArgument(event.id, argument.position);
        const target = targetOf(argument);
        history.push({
          kind: 'role-removal',
          undo: () => addArgument(event.id, argument.role, target, argument.position),
          redo: () => removeArgument(event.id, argument.position),
        });
      },
      async moveRole(event: EventView, from: number, to: number) {
        await move(event.id, from, to);
        history.push({ kind: 'role-order', undo: () => move(event.id, to, from), redo: () => move(event.id, from, to) });
      },
      async changeType(event: EventView, labelId: string) {
        if (labelId === event.labelId) return;
        await retype(event.id, labelId);
        history.push({ kind: 'event-type', undo: () => retype(event.id, event.labelId), redo: () => retype(event.id, labelId) });
      },
    };
  }, [documentId, history, setEvents, window]);
}

export type EventActions = ReturnType<typeof useEventActions>;
