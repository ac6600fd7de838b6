// Events' channels: a document's events (type, trigger, ordered role arguments), creating one
// from a trigger, its role arguments, its type, deleting it (undo by token), and the schema's
// event types with the roles each offers. Shapes: ../schemas/events.ts.
//
// Errors: INVALID_ARGS (a trigger or argument in another document, a label that is not an event
// type, an event arguing itself), NOT_FOUND, IN_USE (a label still typing events made a span
// label again). A failed call changes nothing.
import { z } from 'zod';
import * as E from '../schemas/events';
import { byDocument, byId, byUndoToken, none } from './common';

export const eventChannels = {
  /** The document's events in the order of their triggers, each argument with its span's quote. */
  'events.listForDocument': { args: byDocument, result: z.array(E.EventView) },
  /** Returns the event; a trigger given as a span is tagged with the event type first. */
  'events.create': { args: E.NewEvent, result: E.EventView },
  'events.addArgument': { args: E.NewEventArgument, result: E.EventView },
  /** Removes the argument at the position; the ones after it move up. */
  'events.removeArgument': { args: E.EventArgumentAt, result: E.EventView },
  'events.moveArgument': { args: E.EventArgumentMove, result: E.EventView },
  'events.changeType': { args: E.EventTypeChange, result: E.EventView },
  /** Returns the deleted event and a token; events.restore puts it back (undo). The trigger stays. */
  'events.delete': { args: byId, result: E.DeletedEvent },
  'events.restore': { args: byUndoToken, result: E.EventView },
  /** The schema's event types (labels of kind 'event') with their roles. */
  'eventTypes.list': { args: none, result: z.array(E.EventType) },
  'eventTypes.save': { args: E.EventTypeSave, result: z.array(E.EventType) },
} as const;
