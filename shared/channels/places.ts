// The places channels: Location annotations resolved against the offline gazetteer or by hand,
// and the map. Shapes: ../schemas/places.ts. Errors: INVALID_ARGS (coordinates out of range, a
// span that is not a Location), NOT_FOUND (also an expired undo token). A failed call changes nothing.
import { z } from 'zod';
import { Id } from '../schemas/common';
import * as P from '../schemas/places';
import { byAnnotation, byUndoToken } from './common';

export const placesChannels = {
  /** Ranked gazetteer candidates for the annotation's quote (or query). Loads the gazetteer on first use. */
  'places.candidates': { args: P.PlaceCandidatesRequest, result: z.array(P.PlaceCandidate) },
  'places.get': { args: byAnnotation, result: P.Place.nullable() },
  /**
   * By geonameid, by candidate key, or by coordinates entered by hand; only on a Location span.
   * Replaces an earlier place; undoToken puts back the one before (or none).
   */
  'places.resolve': { args: P.PlaceResolve, result: P.ChangedPlace },
  /** Returns the place that was cleared (null if none) with the token that puts it back (undo). */
  'places.clear': { args: byAnnotation, result: P.ChangedPlace.nullable() },
  /**
   * Sets the annotation's place back to what the token kept (a place, or none), and returns the
   * token that undoes this in turn (redo).
   */
  'places.restore': { args: byUndoToken, result: P.RestoredPlace },
  /** Resolved places of one document, or of the corpus, grouped by point, for the map. */
  'places.list': { args: z.object({ documentId: Id.optional() }).strict(), result: z.array(P.MapPlace) },
} as const;
