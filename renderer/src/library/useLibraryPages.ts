// Pages of the library list, fetched from the store as the table scrolls to them (the shared
// paged-grid hook, grid/usePagedRows.ts, over documents.query).
import type { DocumentSummary } from '../../../shared/schemas/library';
import type { LibraryFilter, LibrarySort } from '../../../shared/schemas/library-query';
import { call, messageOf } from '../api';
import { usePagedRows, type PagedRows } from '../grid/usePagedRows';

export const libraryPageSize = 100;

export type LibraryPages = PagedRows<DocumentSummary>;

interface LibraryRequest {
  filter: LibraryFilter;
  sort: LibrarySort;
}

const fetchLibraryRows = (request: LibraryRequest, offset: number, limit: number) => call('documents.query', { ...request, offset, limit });

export function useLibraryPages(filter: LibraryFilter, sort: LibrarySort): LibraryPages {
  return usePagedRows({ filter, sort }, fetchLibraryRows, libraryPageSize, messageOf);
}
