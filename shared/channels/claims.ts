// The claims table's channel: every claim of the library with its sources and places, filtered,
// sorted and paged in SQL. Shapes: ../schemas/claims.ts.
import { ClaimsPage, ClaimsQuery } from '../schemas/claims';

export const claimsChannels = {
  'claims.table': { args: ClaimsQuery, result: ClaimsPage },
} as const;
