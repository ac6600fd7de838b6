// The one writer of the places table (a Location annotation resolved to a point).
import type { Place } from '../../../shared/schemas/places';
import type { Db } from '../store';
import { statementsFor } from './prepared';

const columns = 'annotation_id, geonameid, name, country, admin1, lat, lon, population, resolved_by, resolved_at';

const statements = statementsFor((db) => ({
  set: db.prepare(
    `INSERT INTO places (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (annotation_id) DO UPDATE SET geonameid = excluded.geonameid, name = excluded.name,
       country = excluded.country, admin1 = excluded.admin1, lat = excluded.lat, lon = excluded.lon,
       population = excluded.population, resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at`,
  ),
  add: db.prepare(`INSERT OR IGNORE INTO places (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  delete: db.prepare('DELETE FROM places WHERE annotation_id = ?'),
}));

function values(p: Place): unknown[] {
  return [p.annotationId, p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.resolvedBy, p.resolvedAt];
}

/** Sets the annotation's place, replacing an earlier one. */
export function setPlace(db: Db, place: Place): void {
  statements(db).set.run(...values(place));
}

/** Sets the annotation's place unless it has one already. */
export function addPlace(db: Db, place: Place): void {
  statements(db).add.run(...values(place));
}

export function deletePlace(db: Db, annotationId: string): void {
  statements(db).delete.run(annotationId);
}
