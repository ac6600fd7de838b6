// The search channels (shared/channels/search.ts), answered by the search worker when the store
// can be read beside the main connection, else on this thread (search-runner.ts).
import type { searchChannels } from '../../../shared/channels/search';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { consistencyReport } from './consistency';
import { search } from './search';

export function searchHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof searchChannels> {
  return {
    'search.query': (query) => search(ctx.store.db, query),
    'search.consistency': (query) => consistencyReport(ctx.store.db, query),
  };
}
