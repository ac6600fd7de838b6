// Places: a Location annotation resolved to a point, from the offline gazetteer or entered by
// hand, and the map's view of them.
import { AppError } from '../../../shared/errors';
import type { ChangedPlace, MapPlace, Place, PlaceCandidate, PlaceResolve, RestoredPlace } from '../../../shared/schemas/places';
import * as placeRows from '../../store/writers/places';
import { stampOf, type ServiceContext } from '../context';
import { undoSnapshots } from '../undo-snapshots';
import { getGazetteer, type Gazetteer, type GazetteerEntry } from './gazetteer/gazetteer';
import { rankCandidates, type PlaceContext } from './gazetteer/rank';

const placeColumns = `annotation_id AS annotationId, geonameid, name, country, admin1, lat, lon, population,
  resolved_by AS resolvedBy, resolved_at AS resolvedAt`;

/** The label whose spans can be resolved to places (seeded by the first migration). */
export const locationLabelId = 'location';
/** The longest place name or admin area name kept (GeoNames' own limit). */
export const maxPlaceNameLength = 200;

interface AnnotationRef {
  id: string;
  documentId: string;
  labelId: string;
  quote: string;
}

function annotationRef(ctx: ServiceContext, id: string): AnnotationRef {
  const row = ctx.store.db
    .prepare('SELECT id, document_id AS documentId, label_id AS labelId, quote FROM annotations WHERE id = ?')
    .get(id) as
    | AnnotationRef
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No annotation with id ${id}.`);
  return row;
}

export function getPlace(ctx: ServiceContext, annotationId: string): Place | null {
  return (
    (ctx.store.db.prepare(`SELECT ${placeColumns} FROM places WHERE annotation_id = ?`).get(annotationId) as
      | Place
      | undefined) ?? null
  );
}

/** The document's other resolved places: what candidates near them or in their country gain from. */
function documentContext(ctx: ServiceContext, ref: AnnotationRef): PlaceContext[] {
  return ctx.store.db
    .prepare(
      `SELECT p.lat, p.lon, p.country FROM places p JOIN annotations a ON a.id = p.annotation_id
       WHERE a.document_id = ? AND a.id <> ?`,
    )
    .all(ref.documentId, ref.id) as PlaceContext[];
}

export function placeCandidates(
  ctx: ServiceContext,
  annotationId: string,
  query?: string,
  limit = 10,
): PlaceCandidate[] {
  const ref = annotationRef(ctx, annotationId);
  const context = documentContext(ctx, ref);
  return rankCandidates(getGazetteer(), query ?? ref.quote, context, limit);
}

function checkCoordinates(lat: number, lon: number): void {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new AppError('INVALID_ARGS', `Latitude must be from -90 to 90 (got ${lat}).`);
  }
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
    throw new AppError('INVALID_ARGS', `Longitude must be from -180 to 180 (got ${lon}).`);
  }
}

function checkLocation(labelId: string): void {
  if (labelId !== locationLabelId) throw new AppError('INVALID_ARGS', 'Only a Location annotation can be placed on the map.');
}

/**
 * Checks a place as a new one is checked, for the span it goes on (label and all): every writer
 * of places, restores included, goes through this.
 */
export function checkPlace(place: Place, labelId: string): void {
  checkLocation(labelId);
  checkCoordinates(place.lat, place.lon);
  const name = typeof place.name === 'string' ? place.name.trim() : '';
  if (name === '' || place.name.length > maxPlaceNameLength) {
    throw new AppError('INVALID_ARGS', `A place's name is 1 to ${maxPlaceNameLength} characters.`);
  }
  if (place.admin1 !== null && (typeof place.admin1 !== 'string' || place.admin1.length > maxPlaceNameLength)) {
    throw new AppError('INVALID_ARGS', `A place's admin area name is at most ${maxPlaceNameLength} characters.`);
  }
  if (place.country !== null && !/^[A-Z]{2}$/.test(String(place.country))) {
    throw new AppError('INVALID_ARGS', `The country must be an ISO 3166-1 alpha-2 code (got "${String(place.country).slice(0, 20)}").`);
  }
  if (place.geonameid !== null && !(Number.isSafeInteger(place.geonameid) && place.geonameid > 0)) {
    throw new AppError('INVALID_ARGS', 'A GeoNames id is a positive whole number.');
  }
  if (place.population !== null && !(Number.isSafeInteger(place.population) && place.population >= 0)) {
    throw new AppError('INVALID_ARGS', 'A population is a whole number.');
  }
  if ((place.resolvedBy !== 'gazetteer' && place.resolvedBy !== 'manual') || typeof place.resolvedAt !== 'string' || place.resolvedAt.length > 40) {
    throw new AppError('INVALID_ARGS', 'A place is resolved by the gazetteer or by hand, at a time.');
  }
}

function writePlace(ctx: ServiceContext, ref: AnnotationRef, place: Place): Place {
  checkPlace(place, ref.labelId);
  placeRows.setPlace(ctx.store.db, place, stampOf(ctx));
  return getPlace(ctx, place.annotationId)!;
}

/** Remembers the annotation's place before a change, for its undo. */
function rememberPlace(ctx: ServiceContext, annotationId: string, place: Place | null): string {
  return undoSnapshots(ctx.store).remember('place', { annotationId, place });
}

function fromEntry(ctx: ServiceContext, annotationId: string, entry: GazetteerEntry): Place {
  return placeOfEntry(getGazetteer(), annotationId, entry, ctx.now());
}

/** A gazetteer entry as the place of an annotation (also for imports that name a GeoNames id). */
export function placeOfEntry(gazetteer: Gazetteer, annotationId: string, entry: GazetteerEntry, resolvedAt: string): Place {
  return {
    annotationId,
    geonameid: entry.geonameid,
    name: entry.name,
    country: entry.country || null,
    admin1: entry.kind === 'country' ? null : gazetteer.admin1Name(entry.country, entry.admin1Code),
    lat: entry.lat,
    lon: entry.lon,
    population: entry.population,
    resolvedBy: 'gazetteer',
    resolvedAt,
  };
}

export function resolvePlace(ctx: ServiceContext, request: PlaceResolve): ChangedPlace {
  // Checked before the store is touched; the gazetteer is loaded outside the write transaction.
  if ('lat' in request) checkCoordinates(request.lat, request.lon);
  let entry: GazetteerEntry | null = null;
  if (!('lat' in request)) {
    const gazetteer = getGazetteer();
    entry = ('geonameid' in request ? gazetteer.byGeonameid(request.geonameid) : gazetteer.byKey(request.key)) ?? null;
    if (!entry) {
      const what = 'geonameid' in request ? `GeoNames id ${request.geonameid}` : `the key "${request.key}"`;
      throw new AppError('NOT_FOUND', `The gazetteer has no place with ${what}.`);
    }
  }
  return ctx.store.transaction(() => {
    const ref = annotationRef(ctx, request.annotationId);
    checkLocation(ref.labelId);
    const undoToken = rememberPlace(ctx, ref.id, getPlace(ctx, ref.id));
    if (entry) return { ...writePlace(ctx, ref, fromEntry(ctx, ref.id, entry)), undoToken };
    const manual = request as Extract<PlaceResolve, { lat: number }>;
    const place = writePlace(ctx, ref, {
      annotationId: ref.id,
      geonameid: null,
      name: manual.name?.trim() || ref.quote.trim().slice(0, maxPlaceNameLength),
      country: null,
      admin1: null,
      lat: manual.lat,
      lon: manual.lon,
      population: null,
      resolvedBy: 'manual',
      resolvedAt: ctx.now(),
    });
    return { ...place, undoToken };
  });
}

/** Clears the annotation's place; returns it with the token that puts it back, or null when it had none. */
export function clearPlace(ctx: ServiceContext, annotationId: string): ChangedPlace | null {
  return ctx.store.transaction(() => {
    annotationRef(ctx, annotationId);
    const current = getPlace(ctx, annotationId);
    if (!current) return null;
    placeRows.deletePlace(ctx.store.db, annotationId);
    return { ...current, undoToken: rememberPlace(ctx, annotationId, current) };
  });
}

/**
 * Undo (and redo) of a place change, by token: sets the annotation's place back to the one main
 * kept, or clears it when it had none, checked as a new place is. Returns the token for the state
 * it replaced.
 */
export function restorePlace(ctx: ServiceContext, token: string): RestoredPlace {
  const snapshots = undoSnapshots(ctx.store);
  const { annotationId, place } = snapshots.get('place', token);
  return ctx.store.transaction(() => {
    const ref = annotationRef(ctx, annotationId);
    const undoToken = rememberPlace(ctx, ref.id, getPlace(ctx, ref.id));
    let restored: Place | null = null;
    if (place) restored = writePlace(ctx, ref, { ...place, annotationId: ref.id });
    else placeRows.deletePlace(ctx.store.db, ref.id);
    snapshots.spend(token);
    return { annotationId: ref.id, place: restored, undoToken };
  });
}

/** Puts back the place of an annotation being restored, if it still fits (no transaction of its own). */
export function restorePlaceRow(ctx: ServiceContext, place: Place): boolean {
  const ref = annotationRef(ctx, place.annotationId);
  try {
    writePlace(ctx, ref, place);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_ARGS') return false;
    throw error;
  }
}

interface MapRow {
  annotationId: string;
  documentId: string;
  documentTitle: string;
  quote: string;
  start: number;
  end: number;
  geonameid: number | null;
  name: string;
  country: string | null;
  lat: number;
  lon: number;
}

/** Resolved places grouped by point (same geonameid, or same hand-entered point and name). */
export function listMapPlaces(ctx: ServiceContext, documentId?: string): MapPlace[] {
  if (documentId !== undefined && !ctx.store.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)) {
    throw new AppError('NOT_FOUND', `No document with id ${documentId}.`);
  }
  const rows = ctx.store.db
    .prepare(
      `SELECT p.annotation_id AS annotationId, a.document_id AS documentId, d.title AS documentTitle, a.quote,
              a.start, a."end", p.geonameid, p.name, p.country, p.lat, p.lon
       ${
         documentId === undefined
           ? 'FROM places p JOIN annotations a ON a.id = p.annotation_id'
           : // A report's annotations from an index that holds their ids, each tried against places:
             // the row is read only for those with a place (25 ms, not 520, at 200,000 annotations).
             'FROM annotations a INDEXED BY annotations_by_document_label JOIN places p ON p.annotation_id = a.id'
       }
       JOIN documents d ON d.id = a.document_id
       ${documentId === undefined ? '' : 'WHERE a.document_id = ?'}
       ORDER BY p.name, d.title, a.start`,
    )
    .all(...(documentId === undefined ? [] : [documentId])) as MapRow[];
  const groups = new Map<string, MapPlace>();
  for (const r of rows) {
    const key = r.geonameid !== null ? `g:${r.geonameid}` : `m:${r.lat.toFixed(5)},${r.lon.toFixed(5)}:${r.name}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, geonameid: r.geonameid, name: r.name, country: r.country, lat: r.lat, lon: r.lon, annotations: [] };
      groups.set(key, group);
    }
    group.annotations.push({
      annotationId: r.annotationId,
      documentId: r.documentId,
      documentTitle: r.documentTitle,
      quote: r.quote,
      start: r.start,
      end: r.end,
    });
  }
  return [...groups.values()];
}
