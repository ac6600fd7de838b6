// Shapes of the claims table: every claim of the library with its sources and places.
import { z } from 'zod';
import { Id, IsoDate, IsoTime } from './common';
import { AttributeValues } from './schema';

/** Annotations with this attribute holding one of these values (for multi: containing one). */
export const AttributeFilter = z
  .object({ attributeId: Id, values: z.array(z.union([z.string().max(200), z.number(), z.boolean()])).min(1).max(50) })
  .strict();

export const ClaimFilters = z
  .object({
    /** Filters on the claim's own attributes (e.g. status); all must hold. */
    attributes: z.array(AttributeFilter).max(20).optional(),
    /** Filters on attributed sources (e.g. kind): some attributed source matches each. */
    sourceAttributes: z.array(AttributeFilter).max(20).optional(),
    /** Document published date, inclusive, YYYY-MM-DD. */
    dateFrom: IsoDate.optional(),
    dateTo: IsoDate.optional(),
    /** Documents having any of these tags. */
    tags: z.array(z.string().max(200)).max(50).optional(),
    documentIds: z.array(Id).max(500).optional(),
    /** Case-insensitive substring of the quote. */
    text: z.string().max(200).optional(),
    hasSource: z.boolean().optional(),
    hasLocation: z.boolean().optional(),
    /** Claims in these layers (analyst ids, 'gold'); omitted: every layer. */
    layers: z.array(z.string().min(1).max(64)).max(50).optional(),
  })
  .strict();

export const ClaimSort = z
  .object({
    /** sources: by the first attributed source's quote; locations: by the first location's place name (or quote). */
    key: z.enum(['date', 'document', 'quote', 'created', 'attribute', 'sources', 'locations']),
    /** With key "attribute". */
    attributeId: Id.optional(),
    direction: z.enum(['asc', 'desc']).optional(),
  })
  .strict()
  .refine((s) => (s.key === 'attribute') === (s.attributeId !== undefined), {
    message: 'attributeId goes with key "attribute", and only then',
  });

export const ClaimsQuery = z
  .object({
    filters: ClaimFilters.optional(),
    sort: ClaimSort.optional(),
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(500).optional(),
    /** The label whose annotations are claims (default "claim"). */
    labelId: Id.optional(),
  })
  .strict();

export const ClaimRow = z.object({
  id: Id,
  documentId: Id,
  documentTitle: z.string(),
  publishedAt: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  note: z.string(),
  createdAt: IsoTime,
  attributes: AttributeValues,
  /** Annotations this claim is "attributed to", with their attributes (kind, named). */
  sources: z.array(z.object({ id: Id, quote: z.string(), attributes: AttributeValues })),
  /**
   * Annotations this claim is "located at", with the resolved place when there is one; when it
   * is located at none, the Location spans tagged inside it, marked implicit.
   */
  locations: z.array(
    z.object({
      id: Id,
      quote: z.string(),
      /** Tagged inside the claim rather than linked to it. */
      implicit: z.boolean().optional(),
      place: z
        .object({ name: z.string(), country: z.string().nullable(), lat: z.number(), lon: z.number(), geonameid: z.number().int().nullable() })
        .nullable(),
    }),
  ),
});

export const ClaimsPage = z.object({
  /** Claims matching the filters, all pages together. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(ClaimRow),
});

export type AttributeFilter = z.infer<typeof AttributeFilter>;
export type ClaimFilters = z.infer<typeof ClaimFilters>;
export type ClaimSort = z.infer<typeof ClaimSort>;
export type ClaimsQuery = z.infer<typeof ClaimsQuery>;
export type ClaimRow = z.infer<typeof ClaimRow>;
export type ClaimsPage = z.infer<typeof ClaimsPage>;
