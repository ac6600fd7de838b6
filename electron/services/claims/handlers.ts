// The claims table: every claim of the library with its document, attributed sources and
// locations, filtered, sorted and paged in SQL (claims.ts). It only reads; the tables it reads
// are written by annotate and places. Channel: shared/channels/claims.ts.
import type { claimsChannels } from '../../../shared/channels/claims';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { claimsTable } from './claims';

export function claimsHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof claimsChannels> {
  return { 'claims.table': (query) => claimsTable(ctx, query) };
}
