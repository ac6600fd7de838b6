// The analysts domain's handlers: the profile, the list of analysts, and layers.
import { confirmProfile, profileConfirmedKey } from '../../store/writers/analysts';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { listAnalysts, renameAnalyst } from './analysts';
import { compareLayers, compareLayerSet, listLayers } from './layer-views';

type AnalystHandlers = Pick<Handlers, 'analysts.profile' | 'analysts.saveProfile' | 'analysts.list' | 'layers.list' | 'layers.compare' | 'layers.compareMany'>;

export function analystHandlers(ctx: ServiceContext): AnalystHandlers {
  return {
    'analysts.profile': () => ({
      analyst: ctx.analyst,
      confirmed: ctx.store.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(profileConfirmedKey) !== undefined,
      readOnly: ctx.store.readOnly,
    }),
    'analysts.saveProfile': ({ name }) =>
      ctx.store.transaction(() => {
        const renamed = renameAnalyst(ctx, ctx.analyst.id, name);
        confirmProfile(ctx.store.db, ctx.now());
        return renamed;
      }),
    'analysts.list': () => listAnalysts(ctx.store.db),
    'layers.list': ({ documentId }) => listLayers(ctx, documentId),
    'layers.compare': ({ documentId, a, b }) => compareLayers(ctx, documentId, a ?? ctx.analyst.id, b),
    'layers.compareMany': ({ documentId, layers }) => compareLayerSet(ctx, documentId, layers),
  };
}
