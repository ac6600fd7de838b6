// Shapes of the library list: one page of reports, sorted and filtered in the store, and the
// facets (outlets, tags) its filters offer.
import { z } from 'zod';
import { Id, IsoDate } from './common';
import { DocumentSummary, Tag } from './library';

export const LibrarySortKey = z.enum(['title', 'outlet', 'author', 'date', 'imported', 'annotations', 'length']);

export const LibraryFilter = z
  .object({
    /** Words in the title or outlet, compared with case folded for every script. */
    text: z.string().max(200).optional(),
    /** Reports having any of these tags (case-insensitive). */
    tags: z.array(Tag).max(50).optional(),
    /** Reports from this outlet (case-insensitive); "" for reports with no outlet. */
    outlet: z.string().max(2000).optional(),
    /** Published date, inclusive, YYYY-MM-DD. */
    dateFrom: IsoDate.optional(),
    dateTo: IsoDate.optional(),
    /** untouched: no annotations yet; inProgress: at least one. */
    state: z.enum(['untouched', 'inProgress']).optional(),
  })
  .strict();

export const LibrarySort = z.object({ key: LibrarySortKey, direction: z.enum(['asc', 'desc']) }).strict();

export const LibraryQuery = z
  .object({
    filter: LibraryFilter.optional(),
    /** Default: the newest import first. */
    sort: LibrarySort.optional(),
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

export const LibraryPage = z.object({
  /** Reports matching the filter, all pages together. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(DocumentSummary),
});

/** The ids of a range of the filtered, sorted list (for selecting a range or everything). */
export const LibraryIdsQuery = z
  .object({
    filter: LibraryFilter.optional(),
    sort: LibrarySort.optional(),
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();

const Facet = z.object({ value: z.string(), count: z.number().int().nonnegative() });
export const LibraryFacets = z.object({
  /** Every outlet, with its number of reports, most reports first. */
  outlets: z.array(Facet),
  tags: z.array(Facet),
  total: z.number().int().nonnegative(),
});

export const TagDocumentsArgs = z.object({ ids: z.array(Id).min(1).max(1_000_000), tag: Tag }).strict();
export const TagDocumentsResult = z.object({ tagged: z.number().int().nonnegative() });

export type LibrarySortKey = z.infer<typeof LibrarySortKey>;
export type LibraryFilter = z.infer<typeof LibraryFilter>;
export type LibrarySort = z.infer<typeof LibrarySort>;
export type LibraryQuery = z.infer<typeof LibraryQuery>;
export type LibraryPage = z.infer<typeof LibraryPage>;
export type LibraryIdsQuery = z.infer<typeof LibraryIdsQuery>;
export type LibraryFacets = z.infer<typeof LibraryFacets>;
export type TagDocumentsArgs = z.infer<typeof TagDocumentsArgs>;
