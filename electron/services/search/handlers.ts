// The search channels (shared/channels/search.ts), answered by the store's search runner: the
// search worker when the app started one, else this thread (search-runner.ts).
import type { searchChannels } from '../../../shared/channels/search';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { searchRunnerFor } from './search-runner';
import { tagHits } from './tag-hits';

export function searchHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof searchChannels> {
  return {
    'search.query': (query) => searchRunnerFor(ctx.store).query(query),
    'search.consistency': (query) => searchRunnerFor(ctx.store).consistency(query),
    // A write: on this thread, over the store's own connection.
    'search.tagHits': (input) => tagHits(ctx, input),
  };
}
