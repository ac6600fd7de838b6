// Shapes of places: Location annotations resolved against the offline gazetteer or by hand,
// the gazetteer's candidates, and the map's view of them.
import { z } from 'zod';
import { Id, IsoTime, UndoToken } from './common';

/** A gazetteer entry: a populated place (GeoNames cities500), a first-level admin area, or a country. */
export const PlaceKind = z.enum(['city', 'admin1', 'country']);

export const PlaceCandidate = z.object({
  /** Stable key for places.resolve: "g:<geonameid>" (city), "a1:<CC>.<code>" (admin1), "c:<CC>". */
  key: z.string(),
  kind: PlaceKind,
  /** GeoNames id; null for admin areas and countries (the bundled data has none for them). */
  geonameid: z.number().int().nullable(),
  name: z.string(),
  /** ISO 3166-1 alpha-2. */
  country: z.string(),
  countryName: z.string(),
  /** Name of the first-level admin area (province, governorate, state), when known. */
  admin1: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  population: z.number().int().nonnegative(),
  /** The name or alternate name that matched the query. */
  matched: z.string(),
  /** Higher is better; candidates come sorted by it. */
  score: z.number(),
});

export const PlaceCandidatesRequest = z
  .object({
    annotationId: Id,
    /** Search for this instead of the annotation's quote (the analyst typed another spelling). */
    query: z.string().trim().min(1).max(200).optional(),
    limit: z.number().int().min(1).max(50).optional(),
  })
  .strict();

const Lat = z.number().min(-90, { message: 'latitude must be from -90 to 90' }).max(90, { message: 'latitude must be from -90 to 90' });
const Lon = z.number().min(-180, { message: 'longitude must be from -180 to 180' }).max(180, { message: 'longitude must be from -180 to 180' });

export const PlaceResolve = z.union([
  z.object({ annotationId: Id, geonameid: z.number().int().positive() }).strict(),
  /** A candidate's key (admin areas and countries have no geonameid here). */
  z.object({ annotationId: Id, key: z.string().min(1).max(40) }).strict(),
  /** Coordinates entered by hand; name defaults to the annotation's quote. */
  z.object({ annotationId: Id, lat: Lat, lon: Lon, name: z.string().trim().min(1).max(200).optional() }).strict(),
]);

export const Place = z.object({
  annotationId: Id,
  geonameid: z.number().int().nullable(),
  name: z.string(),
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  population: z.number().int().nullable(),
  resolvedBy: z.enum(['gazetteer', 'manual']),
  resolvedAt: IsoTime,
});

/** A place just set or cleared, with the token that puts back what was there before. */
export const ChangedPlace = Place.extend({ undoToken: UndoToken });

/** What places.restore put back (null: no place), with the token that undoes it. */
export const RestoredPlace = z.object({ annotationId: Id, place: Place.nullable(), undoToken: UndoToken });

/** One point on the map: every resolved annotation at the same place, with their documents. */
export const MapPlace = z.object({
  /** "g:<geonameid>", or "m:<lat>,<lon>:<name>" for places without a geonameid. */
  key: z.string(),
  geonameid: z.number().int().nullable(),
  name: z.string(),
  country: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  annotations: z.array(
    z.object({
      annotationId: Id,
      documentId: Id,
      documentTitle: z.string(),
      quote: z.string(),
      start: z.number().int(),
      end: z.number().int(),
    }),
  ),
});

export type PlaceKind = z.infer<typeof PlaceKind>;
export type PlaceCandidate = z.infer<typeof PlaceCandidate>;
export type PlaceResolve = z.infer<typeof PlaceResolve>;
export type Place = z.infer<typeof Place>;
export type ChangedPlace = z.infer<typeof ChangedPlace>;
export type RestoredPlace = z.infer<typeof RestoredPlace>;
export type MapPlace = z.infer<typeof MapPlace>;
