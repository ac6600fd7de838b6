// The places channels: Location annotations resolved against the offline gazetteer or by hand,
// and the map. Shapes: ../schemas/places.ts. Errors: INVALID_ARGS (coordinates out of range),
// NOT_FOUND. A failed call changes nothing.
import { z } from 'zod';
import { Id } from '../schemas/common';
import * as P from '../schemas/places';
import { byAnnotation } from './common';

export const placesChannels = {
  /** Ranked gazetteer candidates for the annotation's quote (or query). Loads the gazetteer on first use. */
  'places.candidates': { args: P.PlaceCandidatesRequest, result: z.array(P.PlaceCandidate) },
  'places.get': { args: byAnnotation, result: P.Place.nullable() },
  /** By geonameid, by candidate key, or by coordinates entered by hand. Replaces an earlier place. */
  'places.resolve': { args: P.PlaceResolve, result: P.Place },
  /** Returns the place that was cleared (null if none); places.restore puts it back (undo). */
  'places.clear': { args: byAnnotation, result: P.Place.nullable() },
  'places.restore': { args: P.Place, result: P.Place },
  /** Resolved places of one document, or of the corpus, grouped by point, for the map. */
  'places.list': { args: z.object({ documentId: Id.optional() }).strict(), result: z.array(P.MapPlace) },
} as const;
