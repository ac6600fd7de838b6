// Shapes of the brat model beyond spans and relations: fragments of discontinuous spans, events
// (a trigger annotation, a type, ordered role arguments), equivalence sets, normalisations and
// typed notes. Offsets are UTF-16 code units (see ../offsets.ts).
//
// A discontinuous annotation keeps its extent (first fragment's start to last fragment's end) in
// the annotation's start, end and quote, so everything that reads spans keeps working, and its
// fragments in order, each with its own quote. Where one quote is needed for all fragments (brat's
// .ann), the fragments' quotes are joined with one space, as brat itself writes them.
import { z } from 'zod';
import { Id, IsoTime, Offset } from './common';
import { AttributeValue } from './schema';

/** The separator between fragment quotes where a format wants one quote. */
export const fragmentQuoteSeparator = ' ';

export const AnnotationFragment = z.object({ start: Offset, end: Offset, quote: z.string() });

/** A role argument points at an annotation or at another event (exactly one). */
export const EventArgument = z.union([
  z.object({ role: z.string().min(1).max(80), annotationId: Id }).strict(),
  z.object({ role: z.string().min(1).max(80), eventId: Id }).strict(),
]);

export const AnnotationEvent = z.object({
  id: Id,
  documentId: Id,
  /** A label of kind 'event'. */
  labelId: Id,
  triggerId: Id,
  arguments: z.array(EventArgument),
  /** By attribute id. */
  attributes: z.record(z.string(), AttributeValue),
  createdAt: IsoTime,
});

export const Equivalence = z.object({ id: Id, documentId: Id, type: z.string().min(1), annotationIds: z.array(Id).min(2), createdAt: IsoTime });

export const Normalisation = z.object({
  id: Id,
  annotationId: Id,
  type: z.string().min(1),
  /** E.g. GeoNames, Wikipedia. */
  resource: z.string().min(1),
  resourceId: z.string(),
  text: z.string(),
  createdAt: IsoTime,
});

/** What a typed note is about: an annotation, an event or a relation. */
export const NoteTarget = z.union([
  z.object({ annotationId: Id }).strict(),
  z.object({ eventId: Id }).strict(),
  z.object({ relationId: Id }).strict(),
]);

export const TypedNote = z.object({ id: Id, documentId: Id, target: NoteTarget, type: z.string().min(1), text: z.string(), createdAt: IsoTime });

export type AnnotationFragment = z.infer<typeof AnnotationFragment>;
export type EventArgument = z.infer<typeof EventArgument>;
export type AnnotationEvent = z.infer<typeof AnnotationEvent>;
export type Equivalence = z.infer<typeof Equivalence>;
export type Normalisation = z.infer<typeof Normalisation>;
export type NoteTarget = z.infer<typeof NoteTarget>;
export type TypedNote = z.infer<typeof TypedNote>;
