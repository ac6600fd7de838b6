// Pages of the claims table, fetched as the list scrolls to them (the shared paged-grid hook,
// grid/usePagedRows.ts, over claims.table).
import type { ClaimRow, ClaimsQuery } from '../../../shared/schemas/claims';
import { call, messageOf } from '../api';
import { usePagedRows, type PagedRows } from '../grid/usePagedRows';

const claimsPageSize = 200;

export type ClaimsRequest = Omit<ClaimsQuery, 'offset' | 'limit'>;

export type ClaimPages = PagedRows<ClaimRow>;

const fetchClaimRows = (request: ClaimsRequest, offset: number, limit: number) => call('claims.table', { ...request, offset, limit });

export function useClaimPages(request: ClaimsRequest): ClaimPages {
  return usePagedRows(request, fetchClaimRows, claimsPageSize, messageOf);
}
