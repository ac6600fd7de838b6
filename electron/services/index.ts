import type { ServiceContext } from './context';
import type { Handlers } from './handlers';
import { analysisHandlers } from './analysis';
import { annotationHandlers } from './annotations';
import { documentDeleteHandlers } from './document-delete';
import { datasetHandlers } from './datasets/handlers';
import { documentHandlers } from './documents';
import { importHandlers } from './import';
import { labelHandlers } from './labels';

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    'app.info': () => ({ version: ctx.appVersion, storePath: ctx.store.path, offsetUnit: 'utf16' as const }),
    ...labelHandlers(ctx),
    ...documentHandlers(ctx),
    ...documentDeleteHandlers(ctx),
    ...annotationHandlers(ctx),
    ...importHandlers(ctx),
    ...analysisHandlers(ctx),
    ...datasetHandlers(ctx),
  } satisfies Handlers;
}
