// Shapes of annotating: annotations (spans of a document's text), relations between them, and
// what main keeps to undo a deletion. Offsets are UTF-16 code units (see ../offsets.ts).
import { z } from 'zod';
import { LayerId } from './analysts';
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
  /** The analyst whose layer holds it, or 'gold'; who made it and who changed it last (analyst ids). */
  layer: LayerId,
  createdBy: Id,
  updatedBy: Id,
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

/** The annotations overlapping a range [start, end) of a document's text (the reader's window). */
export const SpanWindowArgs = z.object({ documentId: Id, start: Offset, end: Offset }).strict();

/** Like AnnotationSpans, with quotes: a span may run past the window's text. */
export const SpanWindow = AnnotationSpans.extend({ quotes: z.array(z.string()) });

/** Counts the annotation list shows without loading every annotation: in all and per label. */
export const AnnotationCounts = z.object({
  total: z.number().int().nonnegative(),
  byLabel: z.record(z.string(), z.number().int().nonnegative()),
});

/** An annotation as the reader keeps it (no times). */
export const ReaderSpan = Annotation.pick({ id: true, documentId: true, labelId: true, start: true, end: true, quote: true, note: true });

/** Which annotations a list shows: those of some labels (null: all), optionally with a word in the quote. */
const SpanFilter = {
  labelIds: z.array(Id).max(200).nullable(),
  quoteContains: z.string().max(200).optional(),
};

/** One page of a document's annotations in reading order, for the sidebar and the link dialog. */
export const AnnotationPageArgs = z
  .object({ documentId: Id, ...SpanFilter, offset: z.number().int().nonnegative(), limit: z.number().int().min(1).max(500) })
  .strict();
export const AnnotationPage = z.object({ total: z.number().int().nonnegative(), items: z.array(ReaderSpan) });

/** An annotation by id, with its place in the list of the labels shown (null when not shown). */
export const LocateArgs = z.object({ id: Id, labelIds: SpanFilter.labelIds }).strict();
export const Located = z.object({ annotation: ReaderSpan, rank: z.number().int().nonnegative().nullable() });

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
  /**
   * Rows of the brat model that went with it (fragments, events it triggers with their arguments
   * and values, arguments, equivalence members, normalisations and notes pointing at it), per
   * table, parents first; omitted when there were none.
   */
  linked: z.array(z.object({ table: z.string(), rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))) })).optional(),
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
export type SpanWindow = z.infer<typeof SpanWindow>;
export type AnnotationCounts = z.infer<typeof AnnotationCounts>;
export type ReaderSpan = z.infer<typeof ReaderSpan>;
export type AnnotationPageArgs = z.infer<typeof AnnotationPageArgs>;
export type AnnotationPage = z.infer<typeof AnnotationPage>;
export type Located = z.infer<typeof Located>;
export type AnnotationPatch = z.infer<typeof AnnotationPatch>;
