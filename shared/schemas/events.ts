// Shapes of events as the analyst works with them: an event has a type (a label of kind 'event'),
// a trigger annotation and ordered role arguments, each pointing at an annotation or at another
// event of the same document. The stored shapes are in ./linked-annotations.ts; these add the
// quotes the reader and the sidebar show, so a card never waits for the text around a span.
import { z } from 'zod';
import { Id, IsoTime, Offset, UndoToken } from './common';
import { AttributeValue } from './schema';

/** A role as typed: "actor", "target"; brat numbers repeats (Theme2), so any short name goes. */
export const RoleName = z.string().trim().min(1).max(80);

/** What an argument or a trigger points at, with what the card shows of it. */
export const EventSpan = z.object({ id: Id, labelId: Id, start: Offset, end: Offset, quote: z.string() });

export const EventArgumentView = z.object({
  position: z.number().int().nonnegative(),
  role: z.string(),
  /** The annotation argued, or null when the argument is another event. */
  annotationId: Id.nullable(),
  /** The event argued, or null when the argument is an annotation. */
  eventId: Id.nullable(),
  /** The annotation's span, or the argued event's trigger. */
  span: EventSpan,
});

export const EventView = z.object({
  id: Id,
  documentId: Id,
  /** The event type: a label of kind 'event'. */
  labelId: Id,
  trigger: EventSpan,
  arguments: z.array(EventArgumentView),
  /** By attribute id. */
  attributes: z.record(z.string(), AttributeValue),
  createdAt: IsoTime,
});

/** The trigger: an annotation of the document, or a new span tagged with the event type. */
export const EventTrigger = z.union([
  z.object({ annotationId: Id }).strict(),
  z.object({ start: Offset, end: Offset }).strict(),
]);

export const NewEvent = z.object({ documentId: Id, labelId: Id, trigger: EventTrigger }).strict();

/** What an argument points at: an annotation or another event (exactly one). */
export const ArgumentTarget = z.union([z.object({ annotationId: Id }).strict(), z.object({ eventId: Id }).strict()]);

/** Adds a role argument, at the end or at `position` (the ones from there move one down). */
export const NewEventArgument = z
  .object({ eventId: Id, role: RoleName, target: ArgumentTarget, position: z.number().int().nonnegative().optional() })
  .strict();

export const EventArgumentAt = z.object({ eventId: Id, position: z.number().int().nonnegative() }).strict();

/** Moves the argument at `from` to `to` (the others keep their order). */
export const EventArgumentMove = z.object({ eventId: Id, from: z.number().int().nonnegative(), to: z.number().int().nonnegative() }).strict();

/** A new type for the event; a trigger tagged with the old type is retagged with the new one. */
export const EventTypeChange = z.object({ id: Id, labelId: Id }).strict();

export const DeletedEvent = EventView.extend({ undoToken: UndoToken });

/**
 * An event type of the schema: a label of kind 'event', the roles it offers (in order), and the
 * other roles its events already use (an imported brat corpus declares none), most used first.
 */
export const EventType = z.object({ labelId: Id, name: z.string(), color: z.string(), roles: z.array(z.string()), usedRoles: z.array(z.string()) });

/** Makes a label an event type (or a span label again), with the roles it offers. */
export const EventTypeSave = z.object({ labelId: Id, isEventType: z.boolean(), roles: z.array(RoleName).max(50) }).strict();

export type EventSpan = z.infer<typeof EventSpan>;
export type EventArgumentView = z.infer<typeof EventArgumentView>;
export type EventView = z.infer<typeof EventView>;
export type EventTrigger = z.infer<typeof EventTrigger>;
export type NewEvent = z.infer<typeof NewEvent>;
export type ArgumentTarget = z.infer<typeof ArgumentTarget>;
export type NewEventArgument = z.infer<typeof NewEventArgument>;
export type EventArgumentMove = z.infer<typeof EventArgumentMove>;
export type EventTypeChange = z.infer<typeof EventTypeChange>;
export type DeletedEvent = z.infer<typeof DeletedEvent>;
export type EventType = z.infer<typeof EventType>;
export type EventTypeSave = z.infer<typeof EventTypeSave>;
