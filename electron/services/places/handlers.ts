// Places: Location annotations resolved to a point, from the offline GeoNames gazetteer
// (gazetteer/, loaded on first use) or entered by hand, and the map's view of them
// (places.ts). Channels: shared/channels/places.ts.
import type { placesChannels } from '../../../shared/channels/places';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { ensureGazetteer } from './gazetteer/gazetteer';
import { clearPlace, getPlace, listMapPlaces, placeCandidates, resolvePlace, restorePlace } from './places';

export function placesHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof placesChannels> {
  return {
    // The gazetteer loads in slices on first use, so the window stays responsive meanwhile.
    'places.candidates': async ({ annotationId, query, limit }) => {
      await ensureGazetteer();
      return placeCandidates(ctx, annotationId, query, limit);
    },
    'places.get': ({ annotationId }) => getPlace(ctx, annotationId),
    'places.resolve': async (request) => {
      if (!('lat' in request)) await ensureGazetteer();
      return resolvePlace(ctx, request);
    },
    'places.clear': ({ annotationId }) => clearPlace(ctx, annotationId),
    'places.restore': ({ token }) => restorePlace(ctx, token),
    'places.list': ({ documentId }) => listMapPlaces(ctx, documentId),
  };
}
