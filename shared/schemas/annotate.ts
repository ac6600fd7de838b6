// Shapes of annotating: annotations (spans of a document's text), relations between them, and
// what main keeps to undo a deletion. Offsets are UTF-16 code units (see ../offsets.ts).
import { z } from 'zod';
import { Id, IsoTime, Offset, UndoToken } from './common';
import { Place } from './places';
import { AttributeValue, AttributeValues } from './schema';

const Note = z.string().max(20_000);

export const Annotation = z.object({
  id: Id,
  documentId: Id,
  labelId: Id,
  start: Offset,
  end: Offset,
  quote: z.string(),
  note: z.string(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

/**
 * A document's annotations as columns (what the reader needs to paint them), in reading order:
 * a fifth of the bytes of Annotation[] on a long report. Quotes are the text between the offsets.
 */
export const AnnotationSpans = z.object({
  documentId: Id,
  ids: z.array(Id),
  labelIds: z.array(Id),
  starts: z.array(Offset),
  ends: z.array(Offset),
  notes: z.array(z.string()),
});

export const NewAnnotation = z
  .object({
    documentId: Id,
    labelId: Id,
    start: Offset,
    end: Offset,
    note: Note.optional(),
  })
  .refine((a) => a.end > a.start, { message: 'end must be greater than start' });

export const AnnotationPatch = z
  .object({ id: Id, labelId: Id.optional(), note: Note.optional() })
  .refine((p) => p.labelId !== undefined || p.note !== undefined, {
    message: 'nothing to change: give labelId or note',
  });

export const SetAttributes = z
  .object({
    annotationId: Id,
    /** Keyed by attribute id or name (case-insensitive); null clears; keys not given stay. */
    values: z.record(z.string().min(1).max(80), AttributeValue.nullable()),
  })
  .strict();

export const Relation = z.object({
  id: Id,
  typeId: Id,
  fromId: Id,
  toId: Id,
  createdAt: IsoTime,
});

/** typeId may also be the type's name (case-insensitive). */
export const NewRelation = z.object({ typeId: Id, fromId: Id, toId: Id }).strict();

/** A deleted annotation as the page sees it, with the token that undoes the deletion. */
export const DeletedAnnotation = Annotation.extend({ undoToken: UndoToken });
export const DeletedRelation = Relation.extend({ undoToken: UndoToken });

/** What main keeps of a deleted annotation for its undo (never sent by the page). */
export const AnnotationSnapshot = Annotation.extend({
  /** Its attribute values (by attribute id); omitted when it had none. */
  attributes: AttributeValues.optional(),
  /** Relations from or to it; omitted when it had none. */
  relations: z.array(Relation).optional(),
  /** Its resolved place; omitted when it had none. */
  place: Place.optional(),
});

export type SetAttributes = z.infer<typeof SetAttributes>;
export type Relation = z.infer<typeof Relation>;
export type NewRelation = z.infer<typeof NewRelation>;
export type AnnotationSnapshot = z.infer<typeof AnnotationSnapshot>;
export type DeletedAnnotation = z.infer<typeof DeletedAnnotation>;
export type DeletedRelation = z.infer<typeof DeletedRelation>;
export type Annotation = z.infer<typeof Annotation>;
export type AnnotationSpans = z.infer<typeof AnnotationSpans>;
export type NewAnnotation = z.infer<typeof NewAnnotation>;
export type AnnotationPatch = z.infer<typeof AnnotationPatch>;
