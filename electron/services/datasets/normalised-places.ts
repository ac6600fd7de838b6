// brat normalisations that name a GeoNames place (`N1 Reference T3 GeoNames:170905`) on a
// Location span: on import the span is resolved to that place when the offline gazetteer knows
// the id, and the line is kept as a normalisation only where the place alone would not write it
// back as it was (another type, or a text other than the place's name); an id the gazetteer does
// not know stays a normalisation and the import report counts it. On export (brat/write.ts) a
// place with a GeoNames id writes its N line.
import type { Db } from '../../store/store';
import { addPlace } from '../../store/writers/places';
import { stampOf, type ServiceContext } from '../context';
import { ensureGazetteer, type Gazetteer } from '../places/gazetteer/gazetteer';
import { locationLabelId, placeOfEntry } from '../places/places';
import type { InDataset } from './model';
import type { LinkedNormalisation } from './linked-model';

export const isGeoNames = (resource: string): boolean => resource.toLowerCase() === 'geonames';

/** The type brat's own examples give a normalisation, and the one Glossa writes for a place. */
export const placeNormalisationType = 'Reference';

const locationName = (db: Db): string | undefined =>
  (db.prepare('SELECT name FROM labels WHERE id = ?').pluck().get(locationLabelId) as string | undefined)?.trim().toLowerCase();

/** The gazetteer, loaded only when the dataset has a GeoNames normalisation on a Location span. */
export async function gazetteerForDataset(ctx: ServiceContext, dataset: InDataset): Promise<Gazetteer | undefined> {
  const location = locationName(ctx.store.db);
  if (location === undefined) return undefined;
  const wanted = dataset.documents.some((d) => {
    const geo = d.linked?.normalisations.filter((n) => isGeoNames(n.resource)) ?? [];
    if (geo.length === 0) return false;
    const labelOf = new Map(d.annotations.map((a) => [a.ref, a.label.trim().toLowerCase()]));
    return geo.some((n) => labelOf.get(n.target) === location);
  });
  return wanted ? ensureGazetteer() : undefined;
}

/** What became of a normalisation: keep its row (false when the place writes it back as it was), a place newly set from it, an id the gazetteer lacks. */
export interface NormalisedPlace {
  keepRow: boolean;
  placed: boolean;
  unknown: boolean;
}

/** Resolves a Location span from its GeoNames normalisation, where the gazetteer knows the id. */
export function placeFromNormalisation(ctx: ServiceContext, gazetteer: Gazetteer | undefined, annotationId: string, n: Pick<LinkedNormalisation, 'type' | 'resource' | 'resourceId' | 'text'>, now: string): NormalisedPlace {
  const asIs = { keepRow: true, placed: false, unknown: false };
  if (!isGeoNames(n.resource)) return asIs;
  const db = ctx.store.db;
  const labelId = db.prepare('SELECT label_id FROM annotations WHERE id = ?').pluck().get(annotationId);
  if (labelId !== locationLabelId) return asIs;
  const geonameid = /^\d{1,12}$/.test(n.resourceId) ? Number(n.resourceId) : NaN;
  let place = db.prepare('SELECT geonameid, name FROM places WHERE annotation_id = ?').get(annotationId) as { geonameid: number | null; name: string } | undefined;
  let placed = false;
  if (!place) {
    const entry = Number.isSafeInteger(geonameid) ? gazetteer?.byGeonameid(geonameid) : undefined;
    if (!entry) return { ...asIs, unknown: true };
    const resolved = placeOfEntry(gazetteer!, annotationId, entry, now);
    addPlace(db, resolved, stampOf(ctx));
    [place, placed] = [resolved, true];
  }
  const writtenBack = place.geonameid === geonameid && n.type === placeNormalisationType && n.text === place.name;
  return { keepRow: !writtenBack, placed, unknown: false };
}
