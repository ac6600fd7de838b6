// GeoJSON (RFC 7946) export: a FeatureCollection with one Point feature per resolved place
// (places sharing a GeoNames id, or a hand-entered point and name, are one feature). Positions
// are [longitude, latitude] in WGS 84, as the RFC requires; no "crs" member. Each feature's
// properties name the place and list the Location annotations resolved to it and the claims
// "located at" them, with their quote, attributes (status…) and document.
import type { AttributeValue } from '../../../../shared/schemas/schema';
import { AppError } from '../../../../shared/errors';
import { writeFileAtomic } from '../../atomic-write';
import { asFileTarget } from '../../export-target/resolve';
import { locatedAt } from '../../claims/claims';
import type { ServiceContext } from '../../context';
import type { ExportScope } from '../model';
import type { DatasetFormat } from './format';
import { clip, previewRecords, readable } from './text-export';

interface PlaceRow {
  annotationId: string;
  quote: string;
  documentId: string;
  documentTitle: string;
  publishedAt: string | null;
  geonameid: number | null;
  name: string;
  country: string | null;
  admin1: string | null;
  lat: number;
  lon: number;
  resolvedBy: string;
}

interface ClaimRow {
  locationId: string;
  id: string;
  quote: string;
  documentId: string;
  documentTitle: string;
  publishedAt: string | null;
}

interface GeoJsonFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    name: string;
    geonameid: number | null;
    country: string | null;
    admin1: string | null;
    resolved_by: string;
    locations: { id: string; quote: string; document_id: string; document_title: string }[];
    claims: {
      id: string;
      quote: string;
      status: AttributeValue | null;
      attributes: Record<string, AttributeValue>;
      document_id: string;
      document_title: string;
      published_at: string | null;
    }[];
  };
}

/** Six decimals: about 10 cm, and no float noise such as 36.101299999999995. */
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

function geoJsonFeatures(ctx: ServiceContext, documentId?: string): { features: GeoJsonFeature[]; documents: number } {
  const db = ctx.store.db;
  const scope = documentId === undefined ? '' : 'WHERE a.document_id = ?';
  const args = documentId === undefined ? [] : [documentId];
  const places = db
    .prepare(
      `SELECT p.annotation_id AS annotationId, a.quote, a.document_id AS documentId, d.title AS documentTitle,
              d.published_at AS publishedAt, p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon,
              p.resolved_by AS resolvedBy
       FROM places p JOIN annotations a ON a.id = p.annotation_id JOIN documents d ON d.id = a.document_id
       ${scope} ORDER BY p.name, d.title, a.start`,
    )
    .all(...args) as PlaceRow[];
  const claims = db
    .prepare(
      `SELECT r.to_id AS locationId, c.id, c.quote, c.document_id AS documentId, d.title AS documentTitle,
              d.published_at AS publishedAt
       FROM places p JOIN annotations a ON a.id = p.annotation_id
       JOIN relations r ON r.to_id = p.annotation_id AND r.type_id = ?
       JOIN annotations c ON c.id = r.from_id JOIN documents d ON d.id = c.document_id
       ${scope} ORDER BY c.start`,
    )
    .all(locatedAt, ...args) as ClaimRow[];
  // Every claim's values in one pass (a query per claim costs seconds on a large corpus).
  const valueRows = db
    .prepare(
      `SELECT aa.annotation_id AS id, la.name, aa.value
       FROM places p JOIN annotations a ON a.id = p.annotation_id
       JOIN relations r ON r.to_id = p.annotation_id AND r.type_id = ?
       JOIN annotation_attributes aa ON aa.annotation_id = r.from_id
       JOIN annotations c ON c.id = aa.annotation_id
       JOIN label_attributes la ON la.id = aa.attribute_id AND la.label_id = c.label_id
       ${scope} ORDER BY la.position`,
    )
    .all(locatedAt, ...args) as { id: string; name: string; value: string }[];
  const valuesOf = new Map<string, Record<string, AttributeValue>>();
  for (const v of valueRows) {
    let entry = valuesOf.get(v.id);
    if (!entry) valuesOf.set(v.id, (entry = {}));
    entry[v.name] = JSON.parse(v.value) as AttributeValue;
  }
  const claimsAt = new Map<string, ClaimRow[]>();
  for (const c of claims) {
    const list = claimsAt.get(c.locationId);
    if (list) list.push(c);
    else claimsAt.set(c.locationId, [c]);
  }

  const features = new Map<string, GeoJsonFeature>();
  /** Claim ids already listed on each feature (a claim may be located at two spans of one place). */
  const listed = new Map<string, Set<string>>();
  const documents = new Set<string>();
  for (const p of places) {
    documents.add(p.documentId);
    const key = p.geonameid !== null ? `geonames:${p.geonameid}` : `manual:${round(p.lat)},${round(p.lon)}:${p.name}`;
    let feature = features.get(key);
    if (!feature) {
      feature = {
        type: 'Feature',
        id: key,
        geometry: { type: 'Point', coordinates: [round(p.lon), round(p.lat)] },
        properties: {
          name: p.name,
          geonameid: p.geonameid,
          country: p.country,
          admin1: p.admin1,
          resolved_by: p.resolvedBy,
          locations: [],
          claims: [],
        },
      };
      features.set(key, feature);
      listed.set(key, new Set());
    }
    const claimIds = listed.get(key)!;
    feature.properties.locations.push({
      id: p.annotationId,
      quote: p.quote,
      document_id: p.documentId,
      document_title: p.documentTitle,
    });
    for (const c of claimsAt.get(p.annotationId) ?? []) {
      if (claimIds.has(c.id)) continue;
      claimIds.add(c.id);
      const attributes = valuesOf.get(c.id) ?? {};
      feature.properties.claims.push({
        id: c.id,
        quote: c.quote,
        status: attributes.status ?? null,
        attributes,
        document_id: c.documentId,
        document_title: c.documentTitle,
        published_at: c.publishedAt,
      });
    }
  }
  return { features: [...features.values()], documents: documents.size };
}

/** GeoJSON holds the whole corpus or one document: that document's id, or undefined. */
function geoJsonScope(scope: ExportScope): string | undefined {
  const ids = scope.documentIds ?? (scope.documentId ? [scope.documentId] : undefined);
  if (ids && ids.length > 1) throw new AppError('INVALID_ARGS', 'GeoJSON exports the whole corpus or one document; choose one.');
  return ids?.[0];
}

/** Places, not spans: the label filter and the offset unit do not apply. */
export const geoJsonFormat: DatasetFormat = {
  id: 'geojson',
  write: (ctx, { scope, counts }, target) => {
    const { features, documents } = geoJsonFeatures(ctx, geoJsonScope(scope));
    writeFileAtomic(asFileTarget(target), ['{"type":"FeatureCollection","features":[', features.map((f) => '\n' + JSON.stringify(f)).join(','), '\n]}\n']);
    counts.documents = documents;
    counts.annotations = features.reduce((n, f) => n + f.properties.locations.length, 0);
  },
  preview: (ctx, { scope }) => geoJsonFeatures(ctx, geoJsonScope(scope)).features.slice(0, previewRecords).map((f) => clip(readable(JSON.stringify(f)))),
};
