// Shapes of find in a report (the reader's find bar) and of tagging many matches at once.
// Offsets are UTF-16 code units (see ../offsets.ts), always on code-point boundaries.
import { z } from 'zod';
import { Id, Offset } from './common';
import { Annotation } from './annotate';

/** The most ranges or ids one bulk call takes (the find bar returns at most this many matches). */
export const maxBulk = 50_000;

export const FindInText = z
  .object({
    documentId: Id,
    query: z.string().max(1_000),
    /** Off: case is folded ("dorsk" finds "DORSK"). Diacritics are folded either way, except in a regex. */
    caseSensitive: z.boolean(),
    wholeWord: z.boolean(),
    /** A JavaScript regular expression (Unicode mode), matched against the original text. */
    regex: z.boolean(),
  })
  .strict();

/**
 * Offsets checked in one pass: a common word in a long report has tens of thousands of matches,
 * and zod's per-element checks cost more than the find itself.
 */
const OffsetColumn = z.custom<number[]>(
  (value) => Array.isArray(value) && value.every((n) => Number.isSafeInteger(n) && (n as number) >= 0),
  { message: 'expected an array of offsets (non-negative integers)' },
);

/** Matches as columns, sorted and not overlapping. */
export const TextMatches = z.object({
  documentId: Id,
  starts: OffsetColumn,
  ends: OffsetColumn,
  /** True when there were more matches than `limit`: only the first `limit` are given. */
  capped: z.boolean(),
  limit: z.number().int().positive(),
});

const Range = z.object({ start: Offset, end: Offset }).strict().refine((r) => r.end > r.start, { message: 'end must be greater than start' });

export const NewAnnotations = z
  .object({ documentId: Id, labelId: Id, ranges: z.array(Range).min(1).max(maxBulk) })
  .strict();

export const CreatedAnnotations = z.object({
  created: z.array(Annotation),
  /** Ranges already tagged with the label (same start and end), or given twice: not created again. */
  skipped: z.number().int().nonnegative(),
});

export const AnnotationIds = z.object({ ids: z.array(Id).min(1).max(maxBulk) }).strict();

/** The ids deleted; ids no longer there are left out. */
export const DeletedAnnotations = z.object({ deletedIds: z.array(Id) });

export type FindInText = z.infer<typeof FindInText>;
export type TextMatches = z.infer<typeof TextMatches>;
export type NewAnnotations = z.infer<typeof NewAnnotations>;
export type CreatedAnnotations = z.infer<typeof CreatedAnnotations>;
export type DeletedAnnotations = z.infer<typeof DeletedAnnotations>;
