// Shapes of corpus search and the consistency reports. Offsets of hits are code points of the
// report's text (what Python tools and the CLI count); `utf16` gives the same range in stored
// units for the reader (../offsets.ts).
import { z } from 'zod';
import { Id, IsoDate } from './common';
import { maxBulk } from './find';

export const SearchQuery = z
  .object({
    /** Words, "phrases", prefix*, AND/OR/NOT, NEAR(a b, 5), and filters such as label:Location. */
    query: z.string().max(2000),
    /** Only text inside spans of this label (a name, case-insensitive). */
    label: z.string().max(200).optional(),
    outlet: z.string().max(500).optional(),
    tag: z.string().max(200).optional(),
    dateFrom: IsoDate.optional(),
    dateTo: IsoDate.optional(),
    documentId: Id.optional(),
    /** Pages of reports, from 0. */
    page: z.number().int().min(0).max(10_000).default(0),
    pageSize: z.number().int().min(1).max(200).default(20),
    /** Hits listed per report (hitCount counts them all). */
    hitsPerReport: z.number().int().min(1).max(200).default(5),
  })
  .strict();
export type SearchQueryArgs = z.input<typeof SearchQuery>;

const Range = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).strict();

export const SearchHit = z
  .object({
    documentId: Id,
    title: z.string(),
    /** Where the match is: the report's text, its title or details, or an annotation's note. */
    field: z.enum(['text', 'title', 'details', 'note']),
    /** Code points in the report's text (for field title: in the title); a note's hit gives its annotation's span. */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    /** The same range in UTF-16 units, for the reader. */
    utf16: Range,
    quote: z.string(),
    /** Keyword in context: the match with some words either side, on one line. */
    snippet: z.string(),
    /** The match inside the snippet, in code points. */
    snippetMatch: Range,
    /** The span the hit is in, for label-scoped and attribute queries. */
    annotationId: Id.nullable(),
    labelId: Id.nullable(),
  })
  .strict();
export type SearchHit = z.output<typeof SearchHit>;

export const SearchReport = z
  .object({
    documentId: Id,
    title: z.string(),
    outlet: z.string().nullable(),
    publishedAt: z.string().nullable(),
    /** Every hit in the report (of which `hits` lists the first). */
    hitCount: z.number().int().nonnegative(),
    hits: z.array(SearchHit),
  })
  .strict();
export type SearchReport = z.output<typeof SearchReport>;

export const SearchResults = z
  .object({
    /** Reports matching, all pages; with `capped`, at least this many. */
    total: z.number().int().nonnegative(),
    /** A very common word: only the first candidates were ranked, and more reports match than `total`. */
    capped: z.boolean(),
    page: z.number().int().nonnegative(),
    pageSize: z.number().int().positive(),
    /** Ranked best first (bm25), or newest first for a query of filters only. */
    reports: z.array(SearchReport),
    elapsedMs: z.number().nonnegative(),
    /**
     * The query ran out of its time budget while placing hits: `reports` holds the first of the
     * page's reports only (best first), and refining the query shows the rest.
     */
    partial: z.boolean(),
  })
  .strict();
export type SearchResults = z.output<typeof SearchResults>;

export const ConsistencyQuery = z
  .object({
    /** Only annotations of this label (id). */
    labelId: Id.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

const Occurrence = z
  .object({
    documentId: Id,
    title: z.string(),
    /** Code points in the report's text. */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    utf16: Range,
    annotationId: Id.nullable(),
    labelId: Id.nullable(),
  })
  .strict();
export type Occurrence = z.output<typeof Occurrence>;

/** brat's "same text, different labels": one text, the labels it carries and where. */
export const LabelConflict = z
  .object({
    text: z.string(),
    labels: z.array(z.object({ labelId: Id, count: z.number().int().positive() }).strict()),
    examples: z.array(Occurrence),
  })
  .strict();

/** brat's "tagged here, not there": a tagged text and the places it occurs untagged. */
export const UntaggedText = z
  .object({
    text: z.string(),
    labelId: Id,
    tagged: z.number().int().positive(),
    untagged: z.array(Occurrence),
  })
  .strict();

export const ConsistencyReport = z
  .object({ conflicts: z.array(LabelConflict), untagged: z.array(UntaggedText) })
  .strict();
export type ConsistencyReport = z.output<typeof ConsistencyReport>;

/** A range of a report's text in UTF-16 units (SearchHit.utf16), with its report. */
const HitRange = z.object({ documentId: Id, start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).strict();

/**
 * Tag hits of a search with one label, in one transaction: the hits given (the ones selected),
 * or every hit in the text of every report the search finds. Hits already tagged with the label
 * (same start and end) are skipped and counted.
 */
export const TagHits = z
  .object({
    search: SearchQuery.pick({ query: true, label: true, outlet: true, tag: true, dateFrom: true, dateTo: true, documentId: true }),
    labelId: Id,
    hits: z.array(HitRange).min(1).max(maxBulk).optional(),
  })
  .strict();
export type TagHitsArgs = z.input<typeof TagHits>;

export const TaggedHits = z
  .object({
    /** The annotations made (annotations.deleteMany with them undoes the step). */
    createdIds: z.array(Id),
    /** Their ranges, in the order of createdIds (search.tagHits with them as hits redoes the step). */
    created: z.array(HitRange),
    skipped: z.number().int().nonnegative(),
    /** Reports that got at least one annotation. */
    reports: z.number().int().nonnegative(),
  })
  .strict();
export type TaggedHits = z.output<typeof TaggedHits>;
