// What an export contains: each document in scope with its annotations in reading order,
// label names instead of ids, and offsets converted to Unicode code points (the unit of
// Python strings, doccano and spaCy) so that text[start:end] == quote there.
import type { AttributeValue } from '../../shared/schemas/schema';
import type { ServiceContext } from './context';
import { datasetDocuments, scopeIds } from './formats/model';

export const exportOffsetUnit = 'codepoint' as const;

/** A resolved place as exports write it. */
export interface ExportPlace {
  name: string;
  geonameid: number | null;
  country: string | null;
  lat: number;
  lon: number;
}

export interface ExportRelation {
  id: string;
  /** The relation type's name ("attributed to"). */
  type: string;
  /** Annotation ids. */
  from: string;
  to: string;
}

export interface ExportAnnotation {
  id: string;
  label: string;
  /** Code points. */
  start: number;
  /** Code points. */
  end: number;
  quote: string;
  note: string;
  createdAt: string;
  updatedAt: string;
  /** Values of the label's attributes, by attribute name. */
  attributes: Record<string, AttributeValue>;
  place: ExportPlace | null;
}

export interface ExportDocument {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  text: string;
  annotations: ExportAnnotation[];
  /** Relations between the document's annotations, in the order they were made. */
  relations: ExportRelation[];
}

/** Fails with NOT_FOUND before anything is written when the one document asked for is missing. */
export function assertExportScope(ctx: ServiceContext, documentId: string | undefined): void {
  scopeIds(ctx, { documentId });
}

/**
 * The documents in scope, one at a time, so a large corpus is never all in memory: the dataset
 * reader's documents, with code-point offsets and the fields these exports write.
 */
export function* exportDocuments(ctx: ServiceContext, documentId?: string): Generator<ExportDocument> {
  for (const doc of datasetDocuments(ctx, { documentId })) {
    yield {
      id: doc.id,
      title: doc.title,
      outlet: doc.outlet,
      url: doc.url,
      publishedAt: doc.publishedAt,
      text: doc.text,
      annotations: doc.annotations.map((a) => ({
        id: a.id,
        label: a.label,
        start: a.cpStart,
        end: a.cpEnd,
        quote: a.quote,
        note: a.note,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
        attributes: a.attributes,
        place: a.place && { name: a.place.name, geonameid: a.place.geonameid, country: a.place.country, lat: a.place.lat, lon: a.place.lon },
      })),
      relations: doc.relations.map(({ id, type, from, to }) => ({ id, type, from, to })),
    };
  }
}

export interface AttributeColumn {
  label: string;
  name: string;
  /** "<Label>.<attribute>", e.g. "Claim.status". */
  header: string;
}

/** CSV's attribute columns: one for every attribute of every label, in schema order. */
export function attributeColumns(ctx: ServiceContext): AttributeColumn[] {
  return (
    ctx.store.db
      .prepare(
        `SELECT l.name AS label, la.name FROM label_attributes la JOIN labels l ON l.id = la.label_id
         ORDER BY l.position, l.name, la.position, la.name`,
      )
      .all() as { label: string; name: string }[]
  ).map((r) => ({ ...r, header: `${r.label}.${r.name}` }));
}
