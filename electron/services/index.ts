// Joins each domain's handlers into one per contract channel; `satisfies` proves none is missing.
import type { ServiceContext } from './context';
import { datasetHandlers } from './datasets/handlers';
import type { Handlers } from './handlers';
import { analystHandlers } from './analysts/handlers';
import { agreementHandlers } from './agreement/handlers';
import { annotateHandlers } from './annotate/handlers';
import { claimsHandlers } from './claims/handlers';
import { eventHandlers } from './events/handlers';
import { libraryHandlers } from './library/handlers';
import { placesHandlers } from './places/handlers';
import { schemaHandlers } from './schema/handlers';
import { storeHandlers } from './store/handlers';
import { searchHandlers } from './search/handlers';
import { teamHandlers } from './team/handlers';

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    'app.info': () => ({ version: ctx.appVersion, storePath: ctx.store.path, offsetUnit: 'utf16' as const }),
    ...storeHandlers(ctx),
    ...libraryHandlers(ctx),
    ...annotateHandlers(ctx),
    ...eventHandlers(ctx),
    ...analystHandlers(ctx),
    ...schemaHandlers(ctx),
    ...placesHandlers(ctx),
    ...claimsHandlers(ctx),
    ...datasetHandlers(ctx),
    ...searchHandlers(ctx),
    ...agreementHandlers(ctx),
    ...teamHandlers(ctx),
  } satisfies Handlers;
}
