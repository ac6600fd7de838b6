// The one writer of the places table (a Location annotation resolved to a point), with who
// resolved it first and last, and when.
import type { Stamp } from '../../../shared/schemas/analysts';
import type { Place } from '../../../shared/schemas/places';
import type { Db } from '../store';
import { statementsFor } from './prepared';

const columns = 'annotation_id, geonameid, name, country, admin1, lat, lon, population, resolved_by, resolved_at, created_by, updated_by, created_at, updated_at';

const statements = statementsFor((db) => ({
  set: db.prepare(
    `INSERT INTO places (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (annotation_id) DO UPDATE SET geonameid = excluded.geonameid, name = excluded.name,
       country = excluded.country, admin1 = excluded.admin1, lat = excluded.lat, lon = excluded.lon,
       population = excluded.population, resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ),
  add: db.prepare(`INSERT OR IGNORE INTO places (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  delete: db.prepare('DELETE FROM places WHERE annotation_id = ?'),
}));

function values(p: Place, stamp: Stamp): unknown[] {
  return [p.annotationId, p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.resolvedBy, p.resolvedAt, stamp.by, stamp.by, stamp.at, stamp.at];
}

/** Sets the annotation's place, replacing an earlier one. */
export function setPlace(db: Db, place: Place, stamp: Stamp): void {
  statements(db).set.run(...values(place, stamp));
}

/** Sets the annotation's place unless it has one already. */
export function addPlace(db: Db, place: Place, stamp: Stamp): void {
  statements(db).add.run(...values(place, stamp));
}

export function deletePlace(db: Db, annotationId: string): void {
  statements(db).delete.run(annotationId);
}
